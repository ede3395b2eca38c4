import { readingSlot } from '../../core/limit.js';
import type { Translation } from '../../i18n/index.js';
import { checkFileType, sniffBlob } from '../../rules/file.js';

/** What reading an invoice in the browser found, before its upload. */
export type PreReading =
  /** Not a PDF whatever its name says (its first bytes): taken off the list with the other refusals. */
  | { outcome: 'not-pdf' }
  /** Password-protected or damaged: refused on its row (AKTO could not read it either). */
  | { outcome: 'refused'; reason: string }
  /** Uploaded, with what is worth saying (a scan, not an invoice, a credit note read, too big to be checked here). */
  | { outcome: 'upload'; notes: string[]; creditNote: boolean };

/**
 * Reads an invoice before uploading it (its own chunk, with pdf.js in its worker), a few readings
 * at a time for the whole page: 200 files dropped at once must not freeze it. A file over the
 * reader's caps (time, pages, size) is uploaded with a note: the server checks it. Null when
 * `signal` aborted (the row was removed meanwhile: the reading stops). Throws when the reader
 * could not load: the server checks the file, and the next file tries to load it again.
 */
export async function readBeforeUpload(file: File, signal: AbortSignal, t: Translation['upload']): Promise<PreReading | null> {
  if (checkFileType('invoice', await sniffBlob(file).catch(() => null))) return signal.aborted ? null : { outcome: 'not-pdf' };
  const reading = await readingSlot(async () => {
    if (signal.aborted) return null; // removed while waiting for its turn
    const { readInvoice } = await import('../../reader/index.js');
    return readInvoice(file, { signal }).catch((error: unknown) => {
      if (signal.aborted) return null;
      throw error;
    });
  });
  if (!reading || signal.aborted) return null;
  if (reading.status === 'unavailable') throw new Error(`the reader could not load: ${reading.detail}`);
  if (reading.status === 'encrypted') return { outcome: 'refused', reason: t.refusal.encrypted(file.name) };
  if (reading.status === 'damaged') return { outcome: 'refused', reason: t.refusal.damaged(file.name) };
  const notes = [reading.status === 'scan' && t.scanWarning, reading.status === 'over-limit' && t.tooLargeToCheck, reading.notAnInvoice && t.notAnInvoice, reading.creditNote && t.creditNoteRead];
  return { outcome: 'upload', notes: notes.filter((note): note is string => Boolean(note)), creditNote: Boolean(reading.creditNote) };
}
