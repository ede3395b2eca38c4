#!/usr/bin/env node
/**
 * `npm run bench`: builds the single script, serves the benchmark pages, drives them in headless
 * Chromium and prints medians. Benchmarks, not tests: they print figures and never fail.
 */
import { chromium } from 'playwright-core';
import { buildScript, startDevServer } from './lib/dev-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;

console.log('[bench] Building dist/akto-invoice-widget.js…');
await buildScript();
const { server, origin } = await startDevServer({ port: 5280, entries: ['scripts/bench/*.html'] });
const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const rows = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('[bench] page error:', error.message));
  await page.goto(`${origin}/scripts/bench/list.html`);
  await page.waitForFunction(() => typeof window.benchList === 'function');
  await page.evaluate(() => window.benchList(2, 100)); // warm-up: JIT, fonts, the mock's first answers
  const result = await page.evaluate((runs) => window.benchList(runs, 100), RUNS);
  rows.push(['akto-invoice-list: a page of 100 invoices, answer → painted table', ms(median(result.render)), `${RUNS} runs, min ${ms(Math.min(...result.render))}, max ${ms(Math.max(...result.render))}`]);
  rows.push(['akto-invoice-list: a search, answer → painted rows (100 a page)', ms(median(result.search)), `${RUNS} runs, min ${ms(Math.min(...result.search))}, max ${ms(Math.max(...result.search))}`]);

  // Step 1: 20 invoices handed to the file input, until the 20 rows are painted.
  const upload = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  upload.on('pageerror', (error) => console.error('[bench] page error:', error.message));
  await upload.goto(`${origin}/scripts/bench/upload.html`);
  await upload.waitForFunction(() => typeof window.benchUploadRows === 'function');
  await upload.evaluate(() => window.benchUploadRows(2));
  const times = await upload.evaluate((runs) => window.benchUploadRows(runs), RUNS);
  rows.push(['akto-invoice-upload: 20 PDFs handed to the file input → 20 rows painted', ms(median(times)), `${RUNS} runs, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}`]);

  // Memory: 20 add/remove cycles of 20 invoices; the heap after a forced GC, before and after.
  const cdp = await upload.context().newCDPSession(upload);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await upload.evaluate(() => window.benchUploadCycle()); // warm-up: chunks, JIT
  const before = await heap();
  for (let cycle = 0; cycle < 20; cycle++) await upload.evaluate(() => window.benchUploadCycle());
  const after = await heap();
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  rows.push(['akto-invoice-upload: heap after 20 add/remove cycles of 20 invoices', `${after - before >= 0 ? '+' : ''}${kb(after - before)}`, `before ${kb(before)}, after ${kb(after)} (forced GC)`]);

  // Step 2: 50 pending invoices rendered, edited, validated.
  const validate = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  validate.on('pageerror', (error) => console.error('[bench] page error:', error.message));
  await validate.goto(`${origin}/scripts/bench/validate.html`);
  await validate.waitForFunction(() => typeof window.benchValidate === 'function');
  await validate.evaluate(() => window.benchValidate(1));
  const VALIDATE_RUNS = Math.max(3, Math.round(RUNS / 3));
  const v = await validate.evaluate((runs) => window.benchValidate(runs), VALIDATE_RUNS);
  for (const [key, label] of [['render', '50 pending invoices → table painted'], ['edit', 'an edit in each of the 50 rows → painted'], ['validate', '« Valider » on the 50 → table empty']]) {
    rows.push([`akto-invoice-validate: ${label}`, ms(median(v[key])), `${VALIDATE_RUNS} runs, min ${ms(Math.min(...v[key]))}, max ${ms(Math.max(...v[key]))}`]);
  }

  // The reader: a 300 kB Factur-X and a 2-page text PDF.
  const reader = await browser.newPage();
  reader.on('pageerror', (error) => console.error('[bench] page error:', error.message));
  await reader.goto(`${origin}/scripts/bench/reader.html`);
  await reader.waitForFunction(() => typeof window.benchReader === 'function');
  await reader.evaluate(() => window.benchReader(2));
  const r = await reader.evaluate((runs) => window.benchReader(runs), RUNS);
  rows.push(['readInvoice: large-factur-x.pdf (~300 kB Factur-X)', ms(median(r.facturx)), `${RUNS} runs, min ${ms(Math.min(...r.facturx))}, max ${ms(Math.max(...r.facturx))}`]);
  rows.push(['readInvoice: two-pages.pdf (2-page text PDF)', ms(median(r.text)), `${RUNS} runs, min ${ms(Math.min(...r.text))}, max ${ms(Math.max(...r.text))}`]);
} finally {
  await browser.close();
  await server.close();
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'figure'.padEnd(width)}  median     runs`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(9)}  ${note}`);
