/**
 * Runs in scripts/bench/reader.html, driven by scripts/bench.mjs, beside the production script.
 * `benchReader(runs)` times `readInvoice` (from the file's bytes to the reading, pdf.js's
 * document destroyed) on a ~300 kB Factur-X PDF (its XML read, no text needed) and on a 2-page
 * text PDF (its text layer scanned). Call it once first as a warm-up: the first call also loads
 * pdf.js and compiles it.
 */
import { readInvoice, type InvoiceReading } from '../../src/reader/index.js';

declare global {
  interface Window {
    benchReader: (runs: number) => Promise<{ facturx: number[]; text: number[] }>;
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

async function time(file: File, source: InvoiceReading['source']): Promise<number> {
  const start = performance.now();
  const reading = await readInvoice(file);
  const elapsed = performance.now() - start;
  // A benchmark of a reader that failed would time nothing useful.
  if (reading.status !== 'ok' || reading.source !== source || !reading.fields.amountTTC) throw new Error(`benchReader: ${file.name} read as ${reading.status}/${reading.source}`);
  return elapsed;
}

window.benchReader = async (runs) => {
  const { facturx, text } = await load();
  const result = { facturx: [] as number[], text: [] as number[] };
  for (let run = 0; run < runs; run++) {
    result.facturx.push(await time(facturx, 'factur-x'));
    result.text.push(await time(text, 'text'));
  }
  return result;
};
