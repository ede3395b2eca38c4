#!/usr/bin/env node
/**
 * `npm run bench`: builds the single script, serves the benchmark pages (scripts/bench/), drives
 * them in one headless Chromium and prints ONE table, each figure of issue #9 side by side with a
 * peer and the floor measured in the same run: figure, ours (median), the peer's (median), ours ÷
 * the peer's, the floor (median: what the browser itself needs for the same work, plain HTML
 * written with one innerHTML, scripts/bench/floor.ts; for the size, lit + zod/mini + the first
 * view alone, scripts/size.mjs), ours ÷ the floor, target (issue 18), met.
 * The same table goes to bench-results/latest.md, in Markdown, for the README.
 *
 * Benchmarks, not tests: they print figures and never fail on a missed target. The process exits
 * non-zero only when a benchmark could not run at all (its row then says so).
 *
 * Environment: BENCH_RUNS (timed runs per figure, 15 by default; the heavier figures take a third
 * or a fifth of it), BENCH_CYCLES (mount/use/remove cycles per element for memory, 50),
 * BENCH_ONLY (some of size,list,upload,validate,reader,memory, comma-separated; all by default),
 * CHROME_PATH (/usr/bin/chromium).
 *
 * Peers (why each is the one a partner would otherwise pick: see the page's own comment):
 * - step 1 (20 PDFs → rows) and its memory: Uppy core + Dashboard (scripts/bench/uppy-peer.ts);
 * - the invoice list (100 a page, search, 1,000 scrolled) and its memory: AG Grid Community
 *   (scripts/bench/grid-peer.ts), fed the same mock API answers;
 * - the reader: pdf.js' own text extraction of the same files (reader-bench.ts, benchPdfjs);
 * - step 2 and the other elements: none (see NO_PEER below).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildScript, root, startDevServer } from './lib/dev-server.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15) || 15);
const CYCLES = Math.max(1, Number(process.env.BENCH_CYCLES ?? 50) || 50);
const VALIDATE_RUNS = Math.max(3, Math.round(RUNS / 3));
const SCROLL_RUNS = Math.max(1, Math.round(RUNS / 5));
const WARM_UP = 2;
/**
 * Memory cycles run before the first heap reading: the first ones load the lazy chunks and pdf.js,
 * and V8 goes on compiling and optimising code for several more (compiled code is heap too).
 */
const MEMORY_WARM_UP = 10;
/** px per ms: 6,000 px/s, a quick, steady wheel scroll (100 px a frame at 60 Hz). */
const SCROLL_SPEED = 6;
/** One frame at 60 Hz; an interval above FRAME_LATE means at least one frame was missed. */
const FRAME = 1000 / 60;
const FRAME_LATE = 20;
/**
 * Growth of the page's objects over the cycles (heap snapshots, see objectBytes) below which an
 * element counts as not leaking, provided none of its instances is still alive. 200 KB over 50
 * cycles is 4 KB a cycle: less than one mounted element keeps (its shadow root, its template
 * instances, its rows: tens of KB for the smallest), so a leak of even one instance, one pdf.js
 * page or one uploaded file a cycle crosses it (the pdf-preview leak this found was ~90 KB each
 * time), while what is left after two forced collections moves by a few tens of KB between runs.
 * The heap's own growth (Runtime.getHeapUsage) is printed beside it: it also counts the code V8
 * compiles and optimises as the cycles repeat, 100–300 KB over 50 cycles of step 1 or 2.
 */
const LEAK_THRESHOLD = 200 * 1024;
/**
 * Idle time before each heap reading: longer than the 5-s API timeout the memory pages give their
 * elements, so that what a request holds until its timeout timer ends is given back first (see
 * scripts/bench/memory-bench.ts). The memory pages run the mock in the page (`?mock=in-page`).
 */
const IDLE_BEFORE_HEAP_MS = 5500;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((key) => key.trim()).filter(Boolean));
const wanted = (key) => ONLY.size === 0 || ONLY.has(key);
/** An installed package's version (read from node_modules: not every package exports its package.json). */
const version = (name) => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
};
const UPPY = `Uppy Dashboard ${version('@uppy/dashboard')} (core ${version('@uppy/core')})`;
const GRID = `AG Grid ${version('ag-grid-community')}`;
const PDFJS = `pdf.js ${version('pdfjs-dist')} getTextContent`;
const ELEMENTS = ['akto-provider', 'akto-invoice-list', 'akto-invoice-detail', 'akto-entity-picker', 'akto-invoice-upload', 'akto-pdf-preview', 'akto-invoice-validate', 'akto-invoice-deposit', 'akto-dossier-list', 'akto-dossier-detail', 'akto-transfer-detail', 'akto-rib-deposit', 'akto-invoice-widget'];
/** The peer each element's memory figure is read against, as the page's function to call. */
const MEMORY_PEERS = {
  'akto-invoice-list': { page: 'grid-peer.html', fn: 'benchGridCycle', arg: 20, name: `${GRID}, 20 rows + a search` },
  'akto-invoice-upload': { page: 'uppy-peer.html', fn: 'benchUppyCycle', arg: 4, name: `${UPPY}, 4 PDFs` },
};

// ---- figures ----------------------------------------------------------------------------------

const median = (values) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');
const kb = (bytes) => (Number.isFinite(bytes) ? `${bytes >= 0 ? '+' : '−'}${Math.round(Math.abs(bytes) / 1024).toLocaleString('en-US')} KB` : '—');
/** A memory figure: the growth of the page's objects (heap snapshots), the heap's own growth beside it. */
const objectsOf = (m) => (Number.isFinite(m.objects) ? m.objects : m.growth);
const showMemory = (m) => () => (Number.isFinite(m.objects) ? `${kb(m.objects)} (heap ${kb(m.growth)})` : `heap ${kb(m.growth)}`);
const noLeak = (m) => objectsOf(m) < LEAK_THRESHOLD && !(m.live > 0);
const MEMORY_TARGET = 'objects < 200 KB';
const spread = (values) => `${values.length} run${values.length > 1 ? 's' : ''}, ${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

/**
 * One row of the table. `ours` and `peer` are numbers (NaN when there is none), `show` formats
 * them, `better` says which way is good for the ratio's reading; `met` is true/false/null.
 */
const rows = [];
const notes = [];
let crashed = false;
function row({ figure, ours, peer = NaN, peerName = '', floor = NaN, show = ms, showPeer = show, target = '—', met = null, note = '', ratio: withRatio = true }) {
  const quotient = (other) => (withRatio && Number.isFinite(ours) && Number.isFinite(other) && ours > 0 && other > 0 ? `${(ours / other).toFixed(2)}×` : '—');
  rows.push({ figure, ours: show(ours), peer: Number.isFinite(peer) ? `${showPeer(peer)} (${peerName})` : peerName ? `— (${peerName})` : '—', ratio: quotient(peer), floor: Number.isFinite(floor) ? show(floor) : '—', floorRatio: quotient(floor), target, met: met === null ? '—' : met ? 'yes' : 'no' });
  if (note) notes.push(`${figure}: ${note}`);
}
function failed(figure, error) {
  crashed = true;
  rows.push({ figure, ours: 'failed', peer: '—', ratio: '—', floor: '—', floorRatio: '—', target: '—', met: '—' });
  notes.push(`${figure}: could not run: ${String(error?.message ?? error).split('\n')[0]}`);
  console.error(`[bench] ${figure}:`, error);
}

// ---- the browser ------------------------------------------------------------------------------

console.log('[bench] Building dist/akto-invoice-widget.js…');
await buildScript();
// Errors only: serving dist/'s pdf.js chunks makes Vite warn, on every page, that it cannot analyse their dynamic imports.
const { server, origin } = await startDevServer({ port: 5280, entries: ['scripts/bench/*.html'], logLevel: 'error' });
const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const browserVersion = browser.version();

/** A benchmark page, once its function is defined. */
async function open(name, fn, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => console.error(`[bench] ${name}: page error:`, error.message));
  await page.goto(`${origin}/scripts/bench/${name}`);
  await page.waitForFunction((f) => typeof window[f] === 'function', fn, { timeout: 60_000 });
  return page;
}

/** Calls `fn(...args)` in the page, brought to the front first (a page behind gets fewer frames). */
async function call(page, fn, ...args) {
  await page.bringToFront();
  return page.evaluate(([f, a]) => window[f](...a), [fn, args]);
}

/**
 * Ours, the peer and the floor one run each in turn, after `warmUp` runs each: the same machine
 * load for all. Returns each side's results, one per timed run (an empty list for a side not given).
 */
async function sideBySide(runs, ours, peer, warmUp = WARM_UP, floor = undefined) {
  const sides = [ours, peer, floor];
  const results = sides.map(() => []);
  for (let run = 0; run < warmUp + runs; run++) {
    for (const [i, side] of sides.entries()) {
      if (!side) continue;
      const result = await side();
      if (run >= warmUp) results[i].push(result);
    }
  }
  return results;
}

/** The figures of every run in one array: `key` of each result, or each result itself (arrays are flattened). */
const pick = (results, key) => results.flatMap((result) => (key ? result[key] : result));

/** Heap used after an idle wait and two forced collections, DOM node and listener counts (Memory domain), and the heap's objects (a snapshot). */
async function measure(cdp) {
  await new Promise((resolve) => setTimeout(resolve, IDLE_BEFORE_HEAP_MS));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters').catch(() => null);
  return { heap: usedSize, nodes: counters?.nodes ?? NaN, listeners: counters?.jsEventListeners ?? NaN, objects: await objectBytes(cdp) };
}

/**
 * Not the page's objects, left out of `objectBytes`: V8's compiled code and what it keeps beside
 * it (it grows for a while as V8 optimises code run again and again, and is not a leak), and the
 * entries Chromium keeps in the performance timeline (layout shifts, long animation frames, script
 * timings: buffers of bounded size, that the page cannot empty). Seen in heap snapshot diffs of
 * step 1 and step 2 as the only growth left once their leak was fixed.
 */
const NOT_OBJECTS = new Set(['LayoutShift', 'LayoutShiftAttribution', 'DOMRectReadOnly', 'PerformanceLongAnimationFrameTiming', 'PerformanceScriptTiming', 'blink::ScriptTimingInfo', 'PerformanceLongTaskTiming', 'TaskAttributionTiming', 'PerformanceEventTiming']);

/** Bytes of the page's objects (JavaScript and DOM) in a heap snapshot, less NOT_OBJECTS; NaN when no snapshot. */
async function objectBytes(cdp) {
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    const snapshot = JSON.parse(chunks.join(''));
    const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
    const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
    let bytes = 0;
    for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
      const type = types[snapshot.nodes[i + typeAt]];
      const name = snapshot.strings[snapshot.nodes[i + nameAt]];
      if (type === 'code' || type === 'synthetic' || name.startsWith('system / ') || NOT_OBJECTS.has(name)) continue;
      bytes += snapshot.nodes[i + sizeAt];
    }
    return bytes;
  } catch {
    return NaN;
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
}

/** Live objects whose prototype chain holds the element's class (after a GC): 0 once removed. */
async function liveInstances(cdp, tag) {
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `customElements.get(${JSON.stringify(tag)})?.prototype` });
    if (!result.objectId) return NaN;
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
    const { result: length } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    return length.value;
  } catch {
    return NaN;
  }
}

/** Detached DOM trees still referenced from JavaScript (Chromium's DOM.getDetachedDomNodes), if the browser has it. */
async function detachedTrees(cdp) {
  try {
    const { detachedNodes } = await cdp.send('DOM.getDetachedDomNodes');
    return detachedNodes.length;
  } catch {
    return NaN;
  }
}

/**
 * A fresh page; `cycles` calls of `fn(arg)` after MEMORY_WARM_UP of them; heap and DOM counters
 * after the warm-up and after the cycles.
 */
async function memory(pageName, fn, arg, cycles, tag) {
  const page = await open(`${pageName}?mock=in-page`, fn);
  try {
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < MEMORY_WARM_UP; i++) await call(page, fn, arg);
    const before = await measure(cdp);
    const detachedBefore = await detachedTrees(cdp);
    for (let i = 0; i < cycles; i++) await call(page, fn, arg);
    const after = await measure(cdp);
    const detached = (await detachedTrees(cdp)) - detachedBefore;
    return { before, after, growth: after.heap - before.heap, objects: after.objects - before.objects, nodes: after.nodes - before.nodes, listeners: after.listeners - before.listeners, live: tag ? await liveInstances(cdp, tag) : NaN, detached };
  } finally {
    await page.close();
  }
}

async function section(key, figure, body) {
  if (!wanted(key)) return;
  try {
    await body();
  } catch (error) {
    failed(figure, error);
  }
}

const started = Date.now();
try {
  // 0. Size: scripts/size.mjs on the script just built (its own table is `npm run size`).
  await section('size', 'size', async () => {
    const output = await new Promise((resolve, reject) =>
      execFile(process.execPath, [join(root, 'scripts', 'size.mjs'), '--json'], { cwd: root, timeout: 60_000 }, (error, stdout) => (stdout.trim() ? resolve(stdout) : reject(error ?? new Error('no output')))),
    );
    const size = JSON.parse(output.trim().split('\n').at(-1));
    const bytes = (v) => (Number.isFinite(v) ? `${v.toLocaleString('en-US')} B` : '—');
    row({ figure: 'size: the script and what it imports before the widget paints, gzip', ours: size.beforePaintGzip, peer: size.peer?.gzip ?? NaN, peerName: size.peer ? `${size.peer.name}, JS + CSS` : 'Uppy core + Dashboard, not measured', floor: size.floorGzip ?? NaN, show: bytes, target: '≤ 38,000 B', met: size.beforePaintGzip <= 38_000, note: `the peer bundled from the installed packages by Vite, minified as our script (npm run size); the floor: lit + zod/mini + the invoice list alone (the first view), bundled the same way; the budget npm run size enforces: ${bytes(size.budget)}.` });
  });

  // 1. « Liste de mes factures », 100 a page, beside AG Grid fed the same answers.
  await section('list', 'akto-invoice-list, 100 invoices', async () => {
    console.log('[bench] The invoice list, 100 a page, and AG Grid…');
    const list = await open('list.html', 'benchList');
    const grid = await open('grid-peer.html', 'benchGrid');
    const floorPage = await open('floor.html', 'benchFloorList');
    const [ours, peer, floor] = (await sideBySide(RUNS, () => call(list, 'benchList', 1, 100), () => call(grid, 'benchGrid', 1, 100), WARM_UP, () => call(floorPage, 'benchFloorList', 1, 100))).map((side) => ({ render: pick(side, 'render'), drawn: side.length && side[0].drawn ? pick(side, 'drawn') : [], search: pick(side, 'search') }));
    const [r, rp, rf] = [median(ours.render), median(peer.render), median(floor.render)];
    row({ figure: '« Liste de mes factures », 100 invoices: answer received → first screen painted (warm page)', ours: r, peer: rp, peerName: GRID, floor: rf, target: '≤ 1.5× floor, ≤ 0.7× peer', met: r <= 1.5 * rf && r <= 0.7 * rp, note: `ours ${spread(ours.render)}; peer ${spread(peer.render)}; floor ${spread(floor.render)}. Each is timed to the frame that shows its first screen: the grid draws only the rows in its view (about 30); the list paints its first 20 rows (past the window's bottom), then the other 80 in a background task after that frame: every row drawn ${ms(median(ours.drawn))} (${spread(ours.drawn)}); the floor is the same table as plain HTML, all 100 rows in one innerHTML, the list's own stylesheets (scripts/bench/floor.ts).` });
    const [q, qf] = [median(ours.search), median(floor.search)];
    row({ figure: 'the same list, a search: answer → painted rows', ours: q, peer: median(peer.search), peerName: GRID, floor: qf, target: '≤ 1.5× floor', met: q <= 1.5 * qf, note: `ours ${spread(ours.search)}; peer ${spread(peer.search)}; floor ${spread(floor.search)}; all ask the server (the same mock API) and time from its answer's body received, JSON (and for ours and the peer schema) parsing counted.` });

    // 2. 1,000 invoices in one page (a partner raising the page size), on a warm page as the 100
    // above: a new answer to a mounted list, each side in turn, a second or so each.
    console.log('[bench] 1,000 invoices in one page, ours, AG Grid and the floor…');
    const [list1000, grid1000, floor1000] = await sideBySide(RUNS, () => call(list, 'benchList', 1, 1000), () => call(grid, 'benchGrid', 1, 1000), WARM_UP, () => call(floorPage, 'benchFloorFirstScreen', 1000));
    const [lRender, lDrawn, lUsable, glRender, glUsable] = [pick(list1000, 'render'), pick(list1000, 'drawn'), pick(list1000, 'usable'), pick(grid1000, 'render'), pick(grid1000, 'usable')];

    // Then scrolled at a steady speed. One warm-up each: the list and the grid have just run above.
    // Each side waits behind a hidden tab while the other scrolls (about 10 s): Chromium treats
    // a hidden page's renderer as in the background, and the first run after it comes back to the
    // front does the same work in about twice the CPU time (measured: 1,000 rows' first screen
    // 37.5 against 18.0 ms, every row 216 against 110 ms, after 15 s hidden with nothing else
    // running). These runs give the scroll and the longest task; their first screen and every row
    // drawn are in the notes (the floor, which neither scrolls nor has a long task, is timed above only).
    console.log('[bench] 1,000 invoices scrolled, ours and AG Grid…');
    const [s, g] = await sideBySide(SCROLL_RUNS, () => call(list, 'benchListScroll', 1000, SCROLL_SPEED), () => call(grid, 'benchGridScroll', 1000, SCROLL_SPEED), 1);
    const fps = (run) => (run.intervals.length * 1000) / run.intervals.reduce((a, b) => a + b, 0);
    const late = (runs) => {
      const intervals = pick(runs, 'intervals');
      return (100 * intervals.filter((v) => v > FRAME_LATE).length) / intervals.length;
    };
    const [sRender, gRender] = [pick(s, 'render'), pick(g, 'render')];
    const [sAll, gAll] = [pick(s, 'intervals'), pick(g, 'intervals')];
    row({ figure: '1,000 invoices: the rest drawn after the first screen, longest task', ours: median(pick(s, 'longest')), show: (v) => (Number.isFinite(v) ? (v === 0 ? 'none > 50 ms' : ms(v)) : '—'), target: '≤ 50 ms', met: median(pick(s, 'longest')) <= 50, note: `ours ${spread(pick(s, 'longest'))} (0: no long task), until every row is drawn.` });
    row({ figure: '1,000 invoices in one page: answer received → first screen painted', ours: median(lRender), peer: median(glRender), peerName: GRID, floor: median(floor1000), target: '≤ 20 ms', met: median(lRender) <= 20, note: `ours ${spread(lRender)}; peer ${spread(glRender)}; floor ${spread(floor1000)} (all 1,000 rows as plain HTML, one innerHTML); warm page, each in turn. The first run after the tab was hidden while the others scrolled: ours ${ms(median(sRender))} (${spread(sRender)}), peer ${ms(median(gRender))} (${spread(gRender)}).` });
    // Issue 18: fully usable: the first screen painted with the scroll reaching every row (the
    // page's full height laid out, see `reachable` in page-tools.ts), as the grid is once painted
    // (it draws the rows in view only, the others as they scroll in); the floor, all at once.
    // Every row drawn (find-in-page and screen readers reach them all) is the row after, which the grid never reaches.
    const sDrawn = pick(s, 'drawn');
    row({ figure: '1,000 invoices in one page: answer received → fully usable (first screen painted, the scroll reaching every row)', ours: median(lUsable), peer: median(glUsable), peerName: GRID, floor: median(floor1000), target: '≤ 1.0× peer', met: median(lUsable) <= median(glUsable), note: `ours ${spread(lUsable)}: the first screen, when the list already had the height of every row (${lUsable.filter((v, i) => v === lRender[i]).length} of ${lUsable.length} runs; the others count every row drawn); peer ${spread(glUsable)}: its first screen, its scroll range checked final then.` });
    row({ figure: '1,000 invoices in one page: answer received → every row drawn (find-in-page and screen readers reach all)', ours: median(lDrawn), peer: NaN, peerName: `${GRID}: never, it draws the rows in view only`, floor: median(floor1000), note: `ours ${spread(lDrawn)}, the rest drawn in background tasks after the first screen. The first run after the tab was hidden: ours ${ms(median(sDrawn))} (${spread(sDrawn)}).` });
    const [oursFps, peerFps, oursLate, peerLate] = [median(s.map(fps)), median(g.map(fps)), late(s), late(g)];
    row({ figure: '1,000 invoices scrolled top to bottom: frames per second', ours: oursFps, peer: peerFps, peerName: GRID, show: (v) => (Number.isFinite(v) ? `${v.toFixed(1)} fps` : '—'), target: '60 fps', met: oursFps >= 59 && oursLate <= 5, note: `median over ${SCROLL_RUNS} run(s) of frames ÷ time, scrolled at ${SCROLL_SPEED * 1000} px/s by animation frames (ours: ${s[0]?.scroller ?? 'the document'}, ${Math.round(median(pick(s, 'distance')))} px; the grid: inside itself, ${Math.round(median(pick(g, 'distance')))} px). Met when ≥ 59 fps and ≤ 5 % of frames late.` });
    row({ figure: 'the same scroll: frames late (> 20 ms, a frame missed)', ours: oursLate, peer: peerLate, peerName: GRID, show: (v) => (Number.isFinite(v) ? `${v.toFixed(1)} %` : '—'), target: '≤ 5 %', met: oursLate <= 5, note: `95th percentile frame interval: ours ${ms(percentile(sAll, 95))}, peer ${ms(percentile(gAll, 95))}; longest: ours ${ms(Math.max(...sAll))}, peer ${ms(Math.max(...gAll))}.` });
    await list.close();
    await grid.close();
    await floorPage.close();
  });

  // 3. Step 1: 20 PDFs handed to the file input, beside Uppy's Dashboard; then its add/remove memory.
  await section('upload', 'akto-invoice-upload, 20 PDFs', async () => {
    console.log('[bench] Step 1, 20 PDFs, and Uppy…');
    const upload = await open('upload.html', 'benchUploadRows');
    const uppy = await open('uppy-peer.html', 'benchUppyRows');
    const floorPage = await open('floor.html', 'benchFloorRows');
    const [ours, peer, floor] = (await sideBySide(RUNS, () => call(upload, 'benchUploadRows', 1), () => call(uppy, 'benchUppyRows', 1), WARM_UP, () => call(floorPage, 'benchFloorRows', 1))).map((side) => pick(side));
    const [o, p, fl] = [median(ours), median(peer), median(floor)];
    row({ figure: 'step 1: 20 PDFs handed to the file input → 20 rows painted', ours: o, peer: p, peerName: UPPY, floor: fl, target: '≤ 0.7× peer, ≤ 1.5× floor', met: o <= 0.7 * p && o <= 1.5 * fl, note: `ours ${spread(ours)}; peer ${spread(peer)}; floor ${spread(floor)}; the same 20 files to each one's own <input type=file> (change event); Uppy: its Dashboard's file items, ours: our rows (each then read in the browser, the uploads held by the mock), the floor: the same rows as plain HTML, one innerHTML, step 1's own stylesheets.` });
    await floorPage.close();
    // ---- issue 18: 200 PDFs dropped at once (no long task over 50 ms, every row within 1 s); no peer run, the target is absolute
    const many = [];
    for (let run = 0; run < WARM_UP + Math.max(3, Math.round(RUNS / 5)); run++) {
      const result = await call(upload, 'benchUploadMany', 200);
      if (run >= WARM_UP) many.push(result);
    }
    const [longest, manyRows] = [median(many.map((m) => m.longest)), median(many.map((m) => m.rows))];
    row({ figure: 'step 1: 200 PDFs handed at once: longest task, until every file is read', ours: longest, target: 'no task > 50 ms; every row ≤ 1 s', met: longest <= 50 && manyRows <= 1000, note: `200 PDFs to step 1's file input at once (a drop takes the same path after FilePond), uploads held by the mock: longest task ${spread(many.map((m) => m.longest))}; long tasks a run ${many.map((m) => m.longTasks).join(', ')}; every row painted ${spread(many.map((m) => m.rows))}, median ${ms(manyRows)}; every file read after ${spread(many.map((m) => m.settled))}.` });
    // ---- end of issue 18's 200 PDFs
    await upload.close();
    await uppy.close();
    const [a, b] = [await memory('upload.html', 'benchUploadCycle', undefined, 20), await memory('uppy-peer.html', 'benchUppyAddRemove', undefined, 20)];
    row({ figure: 'step 1: memory after 20 add/remove cycles of 20 invoices', ours: objectsOf(a), peer: objectsOf(b), peerName: UPPY, show: showMemory(a), showPeer: showMemory(b), ratio: false, target: MEMORY_TARGET, met: noLeak(a), note: `one element kept mounted, forced GC; ours ${kb(a.before.heap).slice(1)} → ${kb(a.after.heap).slice(1)}, peer ${kb(b.before.heap).slice(1)} → ${kb(b.after.heap).slice(1)}.` });
  });

  // 4. Step 2: no peer (no widget checks invoices against AKTO's rules).
  await section('validate', 'akto-invoice-validate, 50 pending', async () => {
    console.log('[bench] Step 2, 50 pending invoices…');
    const validate = await open('validate.html', 'benchValidate', { width: 1600, height: 1000 });
    await call(validate, 'benchValidate', 1);
    const timed = await call(validate, 'benchValidate', VALIDATE_RUNS);
    // An edit as a user makes it: one key pressed through the browser's input pipeline, into the
    // first row's invoice number, the page at rest; ours and the floor in turn, 3 keys a mount.
    const typed = { ours: [], floor: [] };
    for (let run = 0; run < 1 + VALIDATE_RUNS; run++) {
      for (const side of ['ours', 'floor']) {
        await call(validate, 'keystrokeMount', side);
        const before = await validate.evaluate(() => window.keystrokeValue());
        for (const key of ['7', '8', '9']) {
          await validate.evaluate(() => window.keystrokeArm());
          await validate.keyboard.press(key);
          const time = await validate.evaluate(() => window.keystrokePainted());
          if (run > 0) typed[side].push(time);
        }
        const after = await validate.evaluate(() => window.keystrokeValue());
        if (after !== `${before}789`) throw new Error(`bench: step 2 (${side}) kept « ${after} » for « ${before}789 »`);
      }
    }
    const v = { ...timed, keystroke: typed.ours, floorKeystroke: typed.floor };
    // The floor (validate-bench.ts): the same 50 rows as plain HTML with the element's styles, then the same typing, in the same page,
    // each edit at the same point of the frame interval as ours (right after a painted frame, then at rest).
    // The issue's « an edit → painted ≤ 8 ms » is one edit: the keystroke. The 50 edits at once are a stress figure beside it.
    const STEP2 = [
      ['render', 'floorRender', '50 pending invoices → first screen painted', 30],
      ['drawn', 'floorRender', '50 pending invoices → every row drawn', NaN],
      ['keystroke', 'floorKeystroke', 'a key typed in an invoice number, the page at rest → painted', 8],
      ['edit', 'floorEdit', 'an edit in each of the 50 rows at once → painted', NaN],
      ['editAtRest', 'floorEditAtRest', 'the same 50 edits, the readings over → painted', NaN],
      ['validate', '', '« Valider » on the 50 → table empty', NaN],
    ];
    for (const [key, floorKey, label, target] of STEP2) {
      const ours = median(v[key]);
      const floor = floorKey && v[floorKey] ? v[floorKey] : null;
      row({
        figure: `step 2: ${label}`,
        ours,
        floor: floor ? median(floor) : NaN,
        peerName: '',
        target: Number.isFinite(target) ? `≤ ${target} ms` : '—',
        met: Number.isFinite(target) ? ours <= target : null,
        note: `${spread(v[key])}${floor ? `; floor ${spread(floor)}` : ''}.`,
      });
    }
    await validate.close();
  });

  // 5. The reader, beside pdf.js' own text extraction of the same files.
  await section('reader', 'readInvoice', async () => {
    console.log('[bench] The reader, and pdf.js…');
    const reader = await open('reader.html', 'benchPdfjs');
    const [ours, peer] = (await sideBySide(RUNS, () => call(reader, 'benchReader', 1), () => call(reader, 'benchPdfjs', 1))).map((side) => ({ facturx: pick(side, 'facturx'), text: pick(side, 'text') }));
    row({ figure: '`readInvoice`: 300 kB Factur-X', ours: median(ours.facturx), peer: median(peer.facturx), peerName: PDFJS, note: `ours ${spread(ours.facturx)}; peer ${spread(peer.facturx)}; ours reads the embedded XML, the peer only the text of every page.` });
    row({ figure: '`readInvoice`: 2-page text PDF', ours: median(ours.text), peer: median(peer.text), peerName: PDFJS, note: `ours ${spread(ours.text)}; peer ${spread(peer.text)}; ours finds the fields in the text the peer merely extracts.` });
    await reader.close();
  });

  // 6. Memory: every element mounted, used and removed CYCLES times, each on a fresh page; first
  // the page alone, to show what the page and the mock add by themselves.
  if (wanted('memory')) console.log(`[bench] Memory: every element mounted, used and removed ${CYCLES} times…`);
  await section('memory', 'memory: the page alone', async () => {
    const alone = await memory('memory.html', 'benchMemoryBaseline', undefined, CYCLES);
    row({ figure: `memory: the bench page alone (3 mock API calls a cycle), ${CYCLES}×`, ours: objectsOf(alone), show: showMemory(alone), note: `what the page, MSW and the mock add by themselves: heap ${kb(alone.before.heap).slice(1)} → ${kb(alone.after.heap).slice(1)}.` });
  });
  for (const tag of ELEMENTS) {
    const figure = `memory: <${tag}> mounted, used, removed ${CYCLES}×`;
    await section('memory', figure, async () => {
      const ours = await memory('memory.html', 'benchMemoryCycle', tag, CYCLES, tag);
      const peerSpec = MEMORY_PEERS[tag];
      const peer = peerSpec ? await memory(peerSpec.page, peerSpec.fn, peerSpec.arg, CYCLES) : null;
      const detail = (m) => `heap ${kb(m.before.heap).slice(1)} → ${kb(m.after.heap).slice(1)}, DOM nodes ${m.nodes >= 0 ? '+' : ''}${m.nodes}, listeners ${m.listeners >= 0 ? '+' : ''}${m.listeners}`;
      const live = Number.isFinite(ours.live) ? `, instances of the element alive: ${ours.live}` : '';
      const detached = Number.isFinite(ours.detached) ? `, detached DOM trees ${ours.detached >= 0 ? '+' : ''}${ours.detached}` : '';
      row({
        figure,
        ours: objectsOf(ours),
        peer: peer ? objectsOf(peer) : NaN,
        peerName: peerSpec ? peerSpec.name.split(',')[0] : '',
        show: showMemory(ours),
        showPeer: peer ? showMemory(peer) : kb,
        ratio: false,
        target: MEMORY_TARGET,
        met: noLeak(ours),
        note: `ours: ${detail(ours)}${live}${detached}${peer ? `; peer (${peerSpec.name}): ${detail(peer)}` : ''}.`,
      });
    });
  }
} finally {
  await browser.close();
  await server.close();
}

// ---- the table --------------------------------------------------------------------------------

const NO_PEER = [
  '— in the peer column: no honest peer. Step 2 (validating invoices against AKTO\'s rules) and the other elements (details, dossiers, the entity picker, the provider, the PDF preview, the whole widget) have no off-the-shelf equivalent a partner would embed instead; a generic form or viewer would do a different job.',
  `Ratio: ours ÷ peer (below 1× ours is faster or smaller); none for memory, where both growths are near zero and their quotient is noise. Memory: the growth over the cycles of the page's objects, JavaScript and DOM (heap snapshots after an idle wait and two forced collections, V8's compiled code and Chromium's performance-timeline buffers left out), with the heap's own growth (Runtime.getHeapUsage) in brackets; below ${LEAK_THRESHOLD / 1024} KB (${(LEAK_THRESHOLD / 1024 / CYCLES).toFixed(0)} KB a cycle) with no instance alive counts as no leak; "instances of the element alive" counts, after the cycles and a GC, the objects of the element's class (Runtime.queryObjects): 0 once every one removed is collected; DOM nodes, listeners and detached DOM trees are differences over the cycles.`,
];
const header = ['figure', 'ours (median)', 'peer (median)', '÷ peer', 'floor (median)', '÷ floor', 'target', 'met'];
const cells = rows.map((r) => [r.figure, r.ours, r.peer, r.ratio, r.floor, r.floorRatio, r.target, r.met]);
const numeric = new Set([1, 3, 4, 5]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((text, i) => (numeric.has(i) ? text.padStart(widths[i]) : text.padEnd(widths[i]))).join('  ').trimEnd();
const context = `headless Chromium ${browserVersion}, ${RUNS} runs a figure (step 2: ${VALIDATE_RUNS}, scroll: ${SCROLL_RUNS}) after ${WARM_UP} warm-up runs, ${CYCLES} memory cycles after ${MEMORY_WARM_UP}, ${Math.round((Date.now() - started) / 1000)} s`;
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const c of cells) console.log(line(c));
console.log(`\n${context}`);
for (const note of [...notes, ...NO_PEER]) console.log(`- ${note}`);

const md = (text) => text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const markdown = [
  `| ${header.join(' | ')} |`,
  `| ${header.map((_, i) => (numeric.has(i) || i === 2 ? '---:' : '---')).join(' | ')} |`,
  ...cells.map((c) => `| ${c.map(md).join(' | ')} |`),
  '',
  `_${context}, ${new Date().toISOString().slice(0, 10)}._`,
  '',
  ...[...notes, ...NO_PEER].map((note) => `- ${md(note)}`),
  '',
].join('\n');
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'latest.md'), markdown);
console.log('\n[bench] Markdown table: bench-results/latest.md');
if (crashed) process.exitCode = 1;
