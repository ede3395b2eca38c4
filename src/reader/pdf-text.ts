/**
 * The text layer of a PDF, through pdf.js. Loaded lazily: nothing here is in the initial script.
 * pdf.js runs on the main thread with its worker module imported in-process, which needs no
 * worker URL (bundler-independent) and no `worker-src` exception on strict pages.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

let pdfjsPromise: Promise<typeof import('pdfjs-dist')> | undefined;

export function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  pdfjsPromise ??= (async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return pdfjs;
  })();
  return pdfjsPromise;
}

export async function openPdf(data: ArrayBuffer | Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const bytes = data instanceof Uint8Array ? data.slice() : new Uint8Array(data.slice(0));
  return pdfjs.getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 }).promise;
}

/** Every page's text, lines kept apart. */
export async function pdfText(document: PDFDocumentProxy): Promise<string> {
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  return pages.join('\n');
}
