#!/usr/bin/env node
/**
 * `npm run bench:reader`: the reader on its corpus (test/fixtures/reader-corpus/VALUES.tsv, the
 * generated plain PDFs and the public one), in headless Chromium with pdf.js in its worker, as in
 * step 1. Prints the score of each field (files where it is right, absent fields included: a
 * value given where the invoice has none counts as wrong), each miss, and the median reading
 * time. A benchmark: it exits non-zero only when it cannot run.
 *
 * Environment: BENCH_RUNS (readings of each file, 5 by default; the first is a warm-up and not
 * timed), CHROME_PATH (/usr/bin/chromium).
 */
import { chromium } from 'playwright-core';
import { startDevServer } from './lib/dev-server.mjs';

const RUNS = Math.max(2, Number(process.env.BENCH_RUNS ?? 5) || 5);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const { server, origin } = await startDevServer({ port: 5290, entries: ['scripts/bench/reader-corpus.html'], logLevel: 'error' });
const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('[bench:reader] page error:', error.message));
  await page.goto(`${origin}/scripts/bench/reader-corpus.html`);
  await page.waitForFunction(() => typeof window.benchCorpus === 'function', null, { timeout: 60_000 });
  const { files, workers } = await page.evaluate((runs) => window.benchCorpus(runs), RUNS);

  const fields = files[0].checks.map((c) => c.field);
  const score = Object.fromEntries(fields.map((f) => [f, 0]));
  const misses = [];
  let right = 0;
  for (const { file, checks } of files) {
    for (const c of checks) {
      if (c.ok) {
        score[c.field]++;
        right++;
      } else misses.push(`  ${file}  ${c.field}: expected ${c.expected || '(nothing)'}, got ${c.got || '(nothing)'}`);
    }
  }
  const invented = misses.filter((m) => m.includes('expected (nothing)')).length;
  console.log(`\nThe reader on its corpus: ${files.length} plain PDFs (${files.filter((f) => f.checks.every((c) => c.ok)).length} with every field right)\n`);
  console.log('| field | right |');
  console.log('|---|---|');
  for (const f of fields) console.log(`| ${f} | ${score[f]}/${files.length} |`);
  const total = files.length * fields.length;
  console.log(`| all fields | ${right}/${total} (${((100 * right) / total).toFixed(1)} %) |`);
  console.log(`\nValues given where the invoice has none: ${invented}`);
  if (misses.length) console.log(`Misses:\n${misses.join('\n')}`);
  const timed = files.flatMap((f) => f.times.slice(1));
  console.log(`\nReading time (readInvoice, pdf.js in its worker: ${workers} worker(s) started): median ${median(timed).toFixed(1)} ms, ` + `slowest file's median ${Math.max(...files.map((f) => median(f.times.slice(1)))).toFixed(1)} ms, over ${timed.length} readings (${RUNS - 1} per file after a warm-up).`);
  if (!workers) {
    console.log('pdf.js ran without a worker: the figure is not the one asked for.');
    failed = true;
  }
} catch (error) {
  console.error('[bench:reader] could not run:', error);
  failed = true;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
