/**
 * Runs in scripts/bench/reader-corpus.html, driven by scripts/bench-reader.mjs (`npm run
 * bench:reader`). `benchCorpus(runs)` reads every PDF of the reader's corpus (VALUES.tsv) with
 * `readInvoice`, as step 1 does (pdf.js in its worker), compares each field with the table, and
 * times each reading `runs` times (from the file's bytes to the reading). It also says on which
 * thread pdf.js ran: the workers started by the page are counted.
 */
import { readInvoice } from '../../src/reader/index.js';
import { compare, corpusFile, loadCorpus, type FieldCheck } from '../../test/reader/corpus-values.js';

declare global {
  interface Window {
    benchCorpus: (runs: number) => Promise<{ files: { file: string; checks: FieldCheck[]; times: number[] }[]; workers: number }>;
  }
}

let workers = 0;
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workers++;
  }
};

window.benchCorpus = async (runs) => {
  const rows = await loadCorpus();
  const files = [];
  for (const row of rows) {
    const path = corpusFile(row);
    const blob = await (await fetch(`/${path}`)).blob();
    const file = new File([blob], path.split('/').pop()!, { type: 'application/pdf' });
    const times: number[] = [];
    let checks: FieldCheck[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const reading = await readInvoice(file);
      times.push(performance.now() - start);
      checks = compare(reading, row);
    }
    files.push({ file: row.file!, checks, times });
  }
  return { files, workers };
};
