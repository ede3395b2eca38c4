#!/usr/bin/env node
/**
 * `node scripts/bench-first-visit.mjs`: « Mes factures » on a first visit (issue 18), measured
 * from outside over a real HTTP server: each run is a fresh browser context (empty cache, a new
 * renderer) that opens a partner page, whose script asks for the first page of invoices at once;
 * the figure is from the answer's arrival (its Resource Timing `responseEnd`) to the frame painted
 * with the rows (a MutationObserver, shadow roots included, then the next paint). Three pages, one
 * run each in turn, so the machine's load falls on all three alike:
 *
 * - ours: the built single script (dist/, its lazy chunks beside it) and `<akto-invoice-list>`;
 * - the floor: the same rows as a plain `<table>` written with one innerHTML, in a shadow root
 *   holding the list's own stylesheet (scripts/bench/first-visit-floor.ts);
 * - the peer: AG Grid Community as in scripts/bench/grid-peer.ts (first-visit-grid.ts), bundled
 *   and minified by Vite as a partner would ship it; its rows in view painted.
 *
 * The server: the back end's own app (src/backend, the mock's and the reference server's routes,
 * in memory) behind node:http, and the pages and scripts as static files.
 *
 * Environment: BENCH_RUNS (10), BENCH_PAGE_SIZE (100), CHROME_PATH. Prints medians and ratios;
 * ours is timed to its first screen (the list paints its first 20 rows, past the window's bottom,
 * then the rest in background tasks; the grid draws only the rows in its view): BENCH_ALL_ROWS=1
 * times it to every row of the page instead;
 * BENCH_LATENCY_MS holds every API answer that long (a real network; the work a page can do while
 * it waits then counts); BENCH_CPU=1 traces every visit and prints the main thread's CPU time in the same window too
 * (steadier than wall time on a loaded machine);
 * BENCH_TRACE=1 also prints, for ours and the floor, where the main thread spent the time between
 * the answer and the paint (a Chrome trace of one more visit each).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build, createServer as createVite } from 'vite';
import { buildScript, root } from './lib/dev-server.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10) || 10);
const PAGE_SIZE = Math.max(1, Number(process.env.BENCH_PAGE_SIZE ?? 100) || 100);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 900 };
/** The API's answers held this long (a real network's round trip; 0 by default: the same machine). */
const LATENCY_MS = Math.max(0, Number(process.env.BENCH_LATENCY_MS ?? 0) || 0);
/** Whether ours counts as painted with every row of the page drawn, rather than its first screen. */
const ALL_ROWS = Boolean(process.env.BENCH_ALL_ROWS);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (v) => `${v.toFixed(1)} ms`;

// ---- the scripts, as shipped ------------------------------------------------------------------

console.log('[first visit] Building dist/akto-invoice-widget.js, and the peer and floor pages…');
await buildScript();
const bundles = mkdtempSync(join(tmpdir(), 'akto-first-visit-'));
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: bundles,
    emptyOutDir: true,
    minify: true,
    target: 'es2022',
    lib: { entry: { grid: join(root, 'scripts/bench/first-visit-grid.ts'), floor: join(root, 'scripts/bench/first-visit-floor.ts') }, formats: ['es'], fileName: (_, name) => `${name}.js` },
  },
});

// ---- the back end, in memory, over HTTP -------------------------------------------------------

const vite = await createVite({ configFile: false, root, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false }, optimizeDeps: { noDiscovery: true } });
const [{ createApp }, { InvoiceService }, { MemoryStorage }] = await Promise.all(['/src/backend/app.ts', '/src/backend/service.ts', '/src/backend/memory-storage.ts'].map((m) => vite.ssrLoadModule(m)));
const app = createApp({ service: new InvoiceService(new MemoryStorage({ invoiceCount: 1200 })), basePath: '/api' });

let listCss = '';
const page = (title, head, body) => `<!doctype html><html lang="fr"><head><meta charset="utf-8" /><title>${title}</title>${head}</head><body><main>${body}</main></body></html>`;
const pages = {
  '/ours.html': () => page('Mes factures: ours', '<script type="module" src="/dist/akto-invoice-widget.js"></script>', `<akto-invoice-list api-base="/api" page-size="${PAGE_SIZE}"></akto-invoice-list>`),
  '/floor.html': () => page('Mes factures: the floor', `<script type="text/plain" id="list-css">${listCss}</script><script type="module" src="/bundles/floor.js"></script>`, `<div id="stage" data-page-size="${PAGE_SIZE}"></div>`),
  '/grid.html': () => page('Mes factures: AG Grid', '<script type="module" src="/bundles/grid.js"></script>', `<div id="stage" data-page-size="${PAGE_SIZE}"></div>`),
};
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.html': 'text/html; charset=utf-8' };

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (LATENCY_MS) await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
      const answer = await app.fetch(new Request(url, { method: req.method, headers: req.headers }));
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    if (pages[url.pathname]) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
      res.end(pages[url.pathname]());
      return;
    }
    const [base, prefix] = url.pathname.startsWith('/bundles/') ? [bundles, '/bundles/'] : url.pathname.startsWith('/dist/') ? [join(root, 'dist'), '/dist/'] : [];
    const file = base && normalize(join(base, url.pathname.slice(prefix.length)));
    if (!file || !file.startsWith(base)) throw Object.assign(new Error('not found'), { status: 404 });
    const content = readFileSync(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(content);
  } catch (error) {
    res.writeHead(error.status ?? (error.code === 'ENOENT' ? 404 : 500));
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- the runs ---------------------------------------------------------------------------------

/**
 * Put in each page before its scripts: resolves `window.__firstVisit` once `shown()` holds (checked
 * at each DOM change, shadow roots included) and the next frame is painted, with the answer's
 * arrival from Resource Timing.
 */
function harness({ kind, rows, allRows }) {
  /** Ours: every row drawn, or (its first screen) its drawn rows reaching the window's bottom. */
  const oursShown = () => {
    const drawn = document.querySelector('akto-invoice-list')?.shadowRoot?.querySelectorAll('tbody tr:not(.skeleton)') ?? [];
    return drawn.length >= rows || (!allRows && drawn.length > 0 && drawn[drawn.length - 1].getBoundingClientRect().bottom >= innerHeight);
  };
  const shown = {
    ours: oursShown,
    floor: () => (document.getElementById('stage')?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) >= rows,
    // The grid draws only the rows in its view.
    grid: () => [...document.querySelectorAll('.ag-row .ag-cell[col-id="reference"]')].filter((cell) => cell.textContent).length >= Math.min(rows, 15),
  }[kind];
  let done = false;
  window.__firstVisit = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (done || !shown()) return;
      done = true;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          const answer = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/invoices?'));
          resolve({ painted, answered: answer ? answer.responseEnd : NaN, requested: answer ? answer.startTime : NaN });
        };
        channel.port2.postMessage(undefined);
      });
    });
    const watch = { childList: true, subtree: true, characterData: true };
    observer.observe(document, watch);
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attachShadow.call(this, init);
      if (!done) observer.observe(shadow, watch);
      return shadow;
    };
  });
}

const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });

/** One first visit: a fresh context and page; the answer → painted time (and with `trace`, the page's Chrome trace). */
async function visit(kind, { trace = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(harness, { kind, rows: PAGE_SIZE, allRows: ALL_ROWS });
    const tab = await context.newPage();
    tab.on('pageerror', (error) => console.error(`[first visit] ${kind}: page error:`, error.message));
    if (trace) await browser.startTracing(tab, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'loading'] });
    await tab.goto(`${origin}/${kind}.html`);
    const result = await tab.evaluate(() => window.__firstVisit);
    return { ...result, trace: trace ? JSON.parse((await browser.stopTracing()).toString('utf8')) : null };
  } finally {
    await context.close();
  }
}

/** The trace's renderer main thread (the one that loaded the invoices), and the invoices' answer's arrival on its clock (µs). */
function mainThread(events) {
  const request = events.find((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.includes('/api/invoices?'));
  const finish = events.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === request?.args?.data?.requestId);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === finish?.pid);
  return main && finish ? { pid: main.pid, tid: main.tid, answered: finish.ts } : null;
}

/**
 * The main thread's CPU time (the trace's thread time, \`tdur\`, of its tasks) from the answer's
 * arrival to the paint: what the page itself spent, whatever else the machine was doing (wall
 * time on a loaded machine also counts the time the thread waited for a core).
 */
function cpuTime(run) {
  const events = run.trace.traceEvents ?? run.trace;
  const main = mainThread(events);
  if (!main) return NaN;
  const end = main.answered + (run.painted - run.answered) * 1000;
  let cpu = 0;
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.name !== 'RunTask' || !e.dur || e.tdur === undefined) continue;
    const overlap = Math.min(e.ts + e.dur, end) - Math.max(e.ts, main.answered);
    if (overlap > 0) cpu += (e.tdur * overlap) / e.dur / 1000;
  }
  return cpu;
}

/**
 * Where the renderer's main thread spent the time from the answer's arrival (the trace's
 * ResourceFinish of the invoices' request) to the paint: the total of each kind of event (they
 * nest: a FunctionCall holds the compiling and the garbage collection it caused).
 */
function breakdown(run) {
  const events = run.trace.traceEvents ?? run.trace;
  const main = mainThread(events);
  if (!main) return [];
  const start = main.answered;
  const end = start + (run.painted - run.answered) * 1000;
  const totals = new Map();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    const from = Math.max(e.ts, start);
    const to = Math.min(e.ts + e.dur, end);
    if (to <= from) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + (to - from) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_TRACE) > 1 ? Number(process.env.BENCH_TRACE) : 30);
}

try {
  // The list's stylesheet, for the floor: read once from the element itself.
  {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const tab = await context.newPage();
    await tab.goto(`${origin}/ours.html`);
    await tab.waitForFunction(() => customElements.get('akto-invoice-list'));
    listCss = await tab.evaluate(() =>
      customElements
        .get('akto-invoice-list')
        .elementStyles.map((s) => [...(s instanceof CSSStyleSheet ? s : s.styleSheet).cssRules].map((r) => r.cssText).join('\n'))
        .join('\n'),
    );
    await context.close();
  }

  const kinds = ['ours', 'floor', 'grid'];
  const times = { ours: [], floor: [], grid: [] };
  // BENCH_CPU=1: every visit traced, and the main thread's CPU time printed beside the wall time.
  const cpu = { ours: [], floor: [], grid: [] };
  const withCpu = Boolean(process.env.BENCH_CPU);
  console.log(`[first visit] ${RUNS} runs of each (after one warm-up), ${PAGE_SIZE} invoices, ${origin}…`);
  for (let run = 0; run <= RUNS; run++) {
    for (const kind of kinds) {
      const result = await visit(kind, { trace: withCpu });
      if (run > 0) times[kind].push(result.painted - result.answered);
      if (run > 0 && withCpu) cpu[kind].push(cpuTime(result));
    }
  }
  const [o, f, g] = kinds.map((kind) => median(times[kind]));
  console.log(`\n« Mes factures », ${PAGE_SIZE} invoices, first visit: answer's arrival → painted frame (median of ${RUNS}, fresh context each run${LATENCY_MS ? `, API answers held ${LATENCY_MS} ms` : ''}${ALL_ROWS ? ', ours timed to every row drawn' : ', ours timed to its first screen'})`);
  console.log(`  ours   ${ms(o)}  (${times.ours.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  floor  ${ms(f)}  (${times.floor.map((v) => v.toFixed(0)).join(', ')})   ours ÷ floor ${(o / f).toFixed(2)}× (target ≤ 1.5×)`);
  console.log(`  ${`AG Grid ${JSON.parse(readFileSync(join(root, 'node_modules/ag-grid-community/package.json'), 'utf8')).version}`}  ${ms(g)}  (${times.grid.map((v) => v.toFixed(0)).join(', ')})   ours ÷ peer ${(o / g).toFixed(2)}× (target ≤ 0.7×)`);

  if (withCpu) {
    const [oc, fc, gc] = kinds.map((kind) => median(cpu[kind]));
    console.log(`\nThe same visits, the main thread's CPU time from the answer to the paint (median; traced, so a little slower):`);
    console.log(`  ours   ${ms(oc)}  (${cpu.ours.map((v) => v.toFixed(0)).join(', ')})`);
    console.log(`  floor  ${ms(fc)}  (${cpu.floor.map((v) => v.toFixed(0)).join(', ')})   ours ÷ floor ${(oc / fc).toFixed(2)}×`);
    console.log(`  AG Grid  ${ms(gc)}  (${cpu.grid.map((v) => v.toFixed(0)).join(', ')})   ours ÷ peer ${(oc / gc).toFixed(2)}×`);
  }
  if (process.env.BENCH_TRACE) {
    for (const kind of ['ours', 'floor']) {
      const run = await visit(kind, { trace: true });
      console.log(`\n${kind}, one traced visit: ${ms(run.painted - run.answered)} from the answer to the paint; the main thread's events in that time (nested):`);
      for (const [name, time] of breakdown(run)) console.log(`  ${time.toFixed(1).padStart(6)} ms  ${name}`);
    }
  }
} finally {
  await browser.close();
  server.close();
  await vite.close();
}
