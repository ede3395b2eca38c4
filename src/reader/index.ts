/**
 * `akto-invoice-widget/reader`: reads an invoice in the browser, before anything is sent.
 *
 * ```js
 * const { readInvoice } = await import('akto-invoice-widget/reader');
 * const reading = await readInvoice(file);
 * if (!reading.accepted) refuse(reading.status); // 'not-pdf' | 'empty' | 'encrypted' | 'damaged'
 * if (reading.status === 'over-limit') note(reading.limit); // not read here: the server will
 * reading.syntax; // 'CII' | 'UBL' | 'text' | null, with reading.profile ('EN 16931', 'ZUGFeRD 1.0 COMFORT'…)
 * reading.fields.amountTTC; // { value: 671.15, syntax: 'CII', confidence: 'high' } or null
 * reading.fields.seller.siret; reading.fields.buyer.siren; // each party's numbers
 * ```
 *
 * The embedded e-invoice (Factur-X, ZUGFeRD, XRechnung, UBL) is read first, exactly; the PDF's
 * text layer otherwise, or to complete what the XML lacks (the seller's SIRET, AKTO dossier
 * numbers). pdf.js is loaded on first use only and runs in its worker (see pdf-text.ts); a
 * reading is capped in time, pages and size (see limits.ts), and only the first and last pages'
 * text is read.
 */
import { SNIFF_BYTES, sniffFileType } from '../rules/file.js';
import { findEmbeddedInvoice } from './attachments.js';
import { emptyFields } from './fields.js';
import { overBytesCaps, PAGE_THREAD_LIMITS, READER_LIMITS, type ReaderLimit, type ReaderLimits } from './limits.js';
import { creditNoteReasons, NOT_AN_INVOICE_TYPE, signAmounts } from './credit.js';
import { layoutFromPages, type PageText } from './layout.js';
import { pdfText, startReader, type PdfReader } from './pdf-text.js';
import { scanInvoiceText, type TextScan } from './text.js';
import type { InvoiceReading, ReadInvoiceOptions, RefusalStatus } from './types.js';
import type { PDFDocumentProxy } from 'pdfjs-dist';

export type * from './types.js';
export { readInvoiceXml, profileName, type XmlReading } from './xml.js';
export { scanInvoiceText, parseTextDate, isLegible, type TextScan } from './text.js';
export { CREDIT_NOTE_TYPES, NOT_AN_INVOICE_TYPE } from './credit.js';
export { layoutFromPages, layoutFromText, type TextLayout, type PageText, type PositionedText } from './layout.js';
export { decodeAttachmentName, EINVOICE_ATTACHMENTS } from './attachments.js';
export { READER_LIMITS, PAGE_THREAD_LIMITS, type ReaderLimits, type ReaderLimit } from './limits.js';

/** The reading of a file that cannot be read at all. */
function blank(name: string | null): InvoiceReading {
  return {
    status: 'ok',
    accepted: true,
    name,
    syntax: null,
    profile: null,
    profileId: null,
    attachment: null,
    documentType: null,
    creditNote: false,
    creditNoteReasons: [],
    notAnInvoice: false,
    fields: emptyFields(),
    discarded: [],
    warnings: [],
    pages: null,
    limit: null,
    detail: null,
  };
}

function refusal(name: string | null, status: RefusalStatus, detail: string | null = null): InvoiceReading {
  return { ...blank(name), status, accepted: false, detail };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function bytesOf(file: Blob | ArrayBuffer | ArrayBufferView): Promise<Uint8Array> {
  if (file instanceof Blob) return new Uint8Array(await file.arrayBuffer());
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
}

const cents = (n: number) => Math.round(n * 100);

/** A reading stopped at its time limit. */
class TimeLimit extends Error {}

/**
 * Reads one file. Never throws for a bad file: refusals are statuses (`not-pdf`, `empty`,
 * `encrypted`, `damaged`), a PDF without text nor XML is a `scan`, a file over the reader's caps
 * (time, pages, size: see limits.ts) is `over-limit`, and a reader that could not load (pdf.js's
 * import failed) is `unavailable` — both accepted, for the server to read. Throws `signal.reason`
 * when `signal` aborts.
 */
export async function readInvoice(file: Blob | ArrayBuffer | ArrayBufferView, options: ReadInvoiceOptions = {}): Promise<InvoiceReading> {
  const { signal } = options;
  signal?.throwIfAborted();
  const name = options.name ?? (typeof File !== 'undefined' && file instanceof File ? file.name : null);
  const bytes = await bytesOf(file);
  signal?.throwIfAborted();
  if (bytes.length === 0) return refusal(name, 'empty');
  if (sniffFileType(bytes.subarray(0, SNIFF_BYTES)) !== 'application/pdf') return refusal(name, 'not-pdf');

  let reader: PdfReader;
  try {
    reader = await startReader();
  } catch (error) {
    signal?.throwIfAborted();
    return { ...blank(name), status: 'unavailable', detail: describe(error) };
  }
  const limits = { ...(reader.thread === 'page' ? PAGE_THREAD_LIMITS : READER_LIMITS), ...options.limits };
  if (options.timeLimit !== undefined) limits.timeLimit = options.timeLimit;

  // One stop for the time limit and the caller's signal; every step races it.
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new TimeLimit()), limits.timeLimit);
  const onAbort = () => stop.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const stopped = new Promise<never>((_, reject) => stop.signal.addEventListener('abort', () => reject(stop.signal.reason), { once: true }));
  stopped.catch(() => {});
  const race = <T>(work: Promise<T>): Promise<T> => {
    work.catch(() => {}); // a step left behind may reject once its document is destroyed
    return Promise.race([work, stopped]);
  };

  let finished = false;
  try {
    const over = await race(overBytesCaps(bytes, limits, stop.signal));
    if (over) return overLimit(name, over);
    const reading = await race(readDocument(reader, bytes, name, limits, race, stop.signal));
    finished = true;
    return reading;
  } catch (error) {
    if (error instanceof TimeLimit) return overLimit(name, 'time');
    throw error; // the caller's abort
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    await reader.close(!finished);
  }
}

function overLimit(name: string | null, limit: ReaderLimit): InvoiceReading {
  return { ...blank(name), status: 'over-limit', limit, detail: `over the reader's ${limit} limit` };
}

async function readDocument(reader: PdfReader, bytes: Uint8Array, name: string | null, limits: ReaderLimits, race: <T>(work: Promise<T>) => Promise<T>, signal: AbortSignal): Promise<InvoiceReading> {
  let document: PDFDocumentProxy;
  try {
    document = await race(reader.open(bytes).then((task) => task.promise));
  } catch (error) {
    if (error instanceof TimeLimit || (error as Error | null)?.name === 'AbortError') throw error;
    // pdf.js's own exceptions: PasswordException (a user password is needed), InvalidPDFException, …
    const password = (error as { name?: string } | null)?.name === 'PasswordException';
    return refusal(name, password ? 'encrypted' : 'damaged', describe(error));
  }
  const pages = document.numPages;
  if (!pages) return refusal(name, 'damaged', 'no pages');
  if (pages > limits.maxPages) return { ...overLimit(name, 'pages'), pages };
  const reading: InvoiceReading = { ...blank(name), pages };
  const embedded = await race(findEmbeddedInvoice(document));
  if (embedded.unreadable) {
    reading.warnings.push('xml-unreadable');
    reading.detail = `unreadable e-invoice attachment: ${embedded.unreadable}`;
  }
  const xml = embedded.found;
  if (xml) {
    Object.assign(reading, {
      syntax: xml.reading.syntax,
      profile: xml.reading.profile,
      profileId: xml.reading.profileId,
      attachment: xml.attachment,
      documentType: xml.reading.documentType,
      fields: xml.reading.fields,
      discarded: [...xml.reading.discarded],
    });
  }

  // The text: always without XML; with it, only to look for what AKTO needs and it lacks.
  let text: TextScan | null = null;
  if (!xml || !reading.fields.seller.siret || !reading.fields.dossiers) {
    let pagesText: PageText[];
    try {
      pagesText = await race(pdfText(document, { first: limits.firstPages, last: limits.lastPages, maxChars: limits.maxChars, signal }));
    } catch (error) {
      if (error instanceof TimeLimit || (error as Error | null)?.name === 'AbortError') throw error;
      if (!xml) return refusal(name, 'damaged', describe(error));
      pagesText = [];
    }
    const layout = layoutFromPages(pagesText);
    if (!xml && layout.text.trim() === '') return { ...reading, status: 'scan' };
    text = scanInvoiceText(layout);
    // A text layer that is not text (poor OCR) is a scan: nothing is read from it.
    if (!xml && !text.legible) return { ...reading, status: 'scan', detail: 'text layer unreadable (OCR)' };
  }
  if (xml && text) complete(reading, text);
  else if (text) {
    reading.syntax = 'text';
    reading.fields = text.fields;
    reading.discarded = text.discarded;
  }
  return judge(reading, text);
}

/**
 * Fills, from the text, the seller's SIRET/SIREN and the dossiers an embedded XML does not give
 * (a MINIMUM profile has no dossier reference; AKTO's number is often only printed). A SIRET
 * from the text must belong to the XML's SIREN, when there is one.
 */
function complete(reading: InvoiceReading, text: TextScan): void {
  const fields = reading.fields;
  const { seller: { siren, siret }, dossiers } = text.fields;
  const seller = fields.seller;
  if (!fields.dossiers && dossiers) fields.dossiers = dossiers;
  // The XML names the seller's number and it is not valid: the text cannot say better whose it is.
  if (reading.discarded.some((d) => d.field === 'seller.siren' || d.field === 'seller.siret')) return;
  if (!seller.siret && siret && (!seller.siren || siret.value.startsWith(seller.siren.value))) {
    seller.siret = siret;
    seller.siren ??= siren && siret.value.startsWith(siren.value) ? siren : null;
  }
  if (!seller.siren && siren && (!seller.siret || seller.siret.value.startsWith(siren.value))) seller.siren = siren;
  // The text's discarded numbers are left out: beside an XML that names the parties, the text
  // cannot tell whose they are.
}

/**
 * The document's nature (avoir, not an invoice), its amounts' sign (negative for an avoir, see
 * credit.ts), and the totals' consistency.
 */
function judge(reading: InvoiceReading, text: TextScan | null): InvoiceReading {
  const type = reading.documentType;
  reading.notAnInvoice = type === NOT_AN_INVOICE_TYPE;
  // The text's reasons when the text was read for the fields; the XML's type and totals otherwise.
  reading.creditNoteReasons = reading.syntax === 'text' ? [...text!.creditNoteReasons] : creditNoteReasons(reading.fields, type, null);
  reading.creditNote = reading.creditNoteReasons.length > 0;
  if (reading.creditNote) signAmounts(reading.fields);

  // The text's totals were checked by arithmetic as they were read (totals.ts); the XML's are checked here.
  const { amountHT, amountTVA, amountTTC } = reading.fields;
  const mismatch = reading.syntax !== 'text' && amountHT && amountTVA && amountTTC && cents(amountHT.value) + cents(amountTVA.value) !== cents(amountTTC.value);
  if (mismatch || (reading.syntax === 'text' && text?.totalsMismatch)) {
    reading.warnings.push('totals-mismatch');
    // Exact figures that contradict each other: one of them is wrong, none is sure.
    for (const key of ['amountHT', 'amountTVA', 'amountTTC'] as const) {
      const value = reading.fields[key];
      if (value?.confidence === 'high') reading.fields[key] = { ...value, confidence: 'medium' };
    }
  }
  return reading;
}
