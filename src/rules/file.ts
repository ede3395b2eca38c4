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
