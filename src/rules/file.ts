/**
 * A file's real type from its first bytes, never from its name or the type the browser guesses:
 * the elements refuse a « .pdf » that is not one, and the server does the same.
 */
export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** How many leading bytes to read: a PDF's header may follow some junk (the spec allows 1 KiB). */
export const SNIFF_BYTES = 1024;

export function sniffFileType(head: Uint8Array): SniffedType | null {
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  for (let i = 0; i + pdf.length <= Math.min(head.length, SNIFF_BYTES); i++) {
    if (pdf.every((byte, j) => head[i + j] === byte)) return 'application/pdf';
  }
  return null;
}

export async function sniffBlob(blob: Blob): Promise<SniffedType | null> {
  return sniffFileType(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer()));
}

/**
 * The largest invoice or supporting document, in bytes: « 10 Mo » as people count them. The
 * element's default `max-size` and the server's default limit, so a file the element accepts
 * always passes.
 */
export const MAX_UPLOAD_BYTES = 10_000_000;

/** What an upload is: an invoice (a PDF) or a supporting document (PDF, PNG or JPEG). */
export type FileKind = 'invoice' | 'supporting';

/** What the file pickers offer, per kind (only a hint: the content decides, see checkFileType). */
export const ACCEPT: Record<FileKind, string> = {
  invoice: 'application/pdf,.pdf',
  supporting: 'application/pdf,.pdf,image/png,.png,image/jpeg,.jpg,.jpeg',
};

/** Why a file is refused; the same codes as the server's problem details. */
export type FileRefusal = 'upload-empty' | 'upload-too-large' | 'upload-not-pdf' | 'upload-bad-type';

/** Empty, or over `max` bytes: known before anything is read of the file. */
export function checkFileSize(size: number, max: number = MAX_UPLOAD_BYTES): FileRefusal | null {
  if (size === 0) return 'upload-empty';
  return size > max ? 'upload-too-large' : null;
}

/** An invoice must be a PDF; a supporting document a PDF, a PNG or a JPEG (by content: see sniffFileType). */
export function checkFileType(kind: FileKind, type: SniffedType | null): FileRefusal | null {
  if (kind === 'invoice') return type === 'application/pdf' ? null : 'upload-not-pdf';
  return type ? null : 'upload-bad-type';
}

/** The checks of one upload, in the order the server makes them. */
export function checkUpload(kind: FileKind, size: number, type: SniffedType | null, max: number = MAX_UPLOAD_BYTES): FileRefusal | null {
  return checkFileSize(size, max) ?? checkFileType(kind, type);
}

/** Two choices of the same file (the picker and the drop hand different File objects for it). */
export function isSameFile(a: { name: string; size: number; lastModified: number }, b: { name: string; size: number; lastModified: number }): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

/**
 * Sorts files chosen together: those refused at once (empty, too large, of the wrong type when it
 * is known, already in the list) with their reason, and the others in order.
 */
export function sortChosenFiles<F extends { name: string; size: number; lastModified: number }>(
  files: readonly F[],
  { kind, existing, max = MAX_UPLOAD_BYTES, types }: { kind: FileKind; existing: readonly F[]; max?: number; types?: readonly (SniffedType | null)[] },
): { accepted: F[]; refused: [FileRefusal | 'duplicate', F][] } {
  const accepted: F[] = [];
  const refused: [FileRefusal | 'duplicate', F][] = [];
  files.forEach((file, i) => {
    const code = checkFileSize(file.size, max) ?? (types ? checkFileType(kind, types[i] ?? null) : null);
    if (code) refused.push([code, file]);
    else if ([...existing, ...accepted].some((other) => isSameFile(other, file))) refused.push(['duplicate', file]);
    else accepted.push(file);
  });
  return { accepted, refused };
}
