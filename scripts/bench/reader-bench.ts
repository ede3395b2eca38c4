/**
 * Runs in scripts/bench/reader.html, driven by scripts/bench.mjs, beside the production script.
 * `benchReader(runs)` times `readInvoice` (from the file's bytes to the reading, pdf.js's
 * document destroyed) on a ~300 kB Factur-X PDF (its XML read, no text needed) and on a 2-page
 * text PDF (its text layer scanned). Call it once first as a warm-up: the first call also loads
 * pdf.js and compiles it.
 *
 * `benchPdfjs(runs)` is the peer: pdf.js itself on the same two files, `getDocument` then
 * `getTextContent` for every page, then `destroy`: the least any reader of a PDF's text must do
 * (no Factur-X attachment read, no field found). It runs pdf.js as our reader does, in this page
 * with its worker module imported in-process (no Worker), so both time the same pdf.js.
 */
import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.min.mjs';
import { readInvoice, type InvoiceReading } from '../../src/reader/index.js';

declare global {
  interface Window {
    benchReader: (runs: number) => Promise<{ facturx: number[]; text: number[] }>;
    benchPdfjs: (runs: number) => Promise<{ facturx: number[]; text: number[] }>;
  }
}

const FILES = { facturx: '/test/fixtures/large-factur-x.pdf', text: '/test/fixtures/two-pages.pdf' } as const;
let files: Promise<Record<keyof typeof FILES, File>> | undefined;

function load(): Promise<Record<keyof typeof FILES, File>> {
  files ??= (async () => {
    const entries = await Promise.all(
      Object.entries(FILES).map(async ([kind, url]) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`benchReader: no ${url}`);
        return [kind, new File([await response.blob()], url.split('/').pop()!, { type: 'application/pdf' })] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<keyof typeof FILES, File>;
  })();
  return files;
}

async function time(file: File, syntax: InvoiceReading['syntax']): Promise<number> {
  const start = performance.now();
  const reading = await readInvoice(file);
  const elapsed = performance.now() - start;
  // A benchmark of a reader that failed would time nothing useful.
  if (reading.status !== 'ok' || reading.syntax !== syntax || !reading.fields.amountTTC) throw new Error(`benchReader: ${file.name} read as ${reading.status}/${reading.syntax}`);
  return elapsed;
}

window.benchReader = async (runs) => {
  const { facturx, text } = await load();
  const result = { facturx: [] as number[], text: [] as number[] };
  for (let run = 0; run < runs; run++) {
    result.facturx.push(await time(facturx, 'CII'));
    result.text.push(await time(text, 'text'));
  }
  return result;
};

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;

async function pdfjsText(file: File): Promise<number> {
  const start = performance.now();
  const document = await pdfjs.getDocument({ data: new Uint8Array(await file.arrayBuffer()), verbosity: 0 }).promise;
  let characters = 0;
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) characters += item.str.length;
  }
  await document.loadingTask.destroy();
  const elapsed = performance.now() - start;
  if (!characters) throw new Error(`benchPdfjs: no text in ${file.name}`);
  return elapsed;
}

window.benchPdfjs = async (runs) => {
  const { facturx, text } = await load();
  const result = { facturx: [] as number[], text: [] as number[] };
  for (let run = 0; run < runs; run++) {
    result.facturx.push(await pdfjsText(facturx));
    result.text.push(await pdfjsText(text));
  }
  return result;
};
