/**
 * The peer of step 1 (scripts/bench/upload-bench.ts), driven by scripts/bench.mjs in the same
 * Chromium run: Uppy core + Dashboard (inline, its own CSS), what a partner would most likely
 * embed instead of our step 1 (the best-known open-source upload widget, framework-free).
 *
 * - rows: the same 20 PDFs (same bytes, same names, see page-tools.ts) handed to the Dashboard's
 *   own `<input type=file>` (its `change` event, as ours), until the Dashboard shows 20 file items,
 *   painted. The Dashboard virtualises its file list: it is given a height that holds all 20
 *   items (4 rows of 5 at this width), so "20 shown" means 20 items in the DOM, as for ours.
 *   No upload plugin: only adding is timed (ours starts its uploads but the mock holds them).
 * - cycles (the driver reads the heap between them):
 *   `benchUppyCycle(count)` mounts a Dashboard, adds `count` of the files, removes them and
 *   destroys it, the peer of akto-invoice-upload's mount/use/remove figure;
 *   `benchUppyAddRemove()` adds the 20 files to one Dashboard kept mounted and removes them, the
 *   peer of step 1's add/remove figure (benchUploadCycle).
 */
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import { handToInput, lookThenPaint, nextPaint, twentyInvoices, when, within } from './page-tools.js';

declare global {
  interface Window {
    benchUppyRows: (runs: number) => Promise<number[]>;
    benchUppyCycle: (count: number) => Promise<void>;
    benchUppyAddRemove: () => Promise<void>;
  }
}

const stage = () => document.getElementById('stage')!;
const items = () => stage().querySelectorAll('.uppy-Dashboard-Item');

async function mount(): Promise<Uppy> {
  const target = document.createElement('div');
  stage().replaceChildren(target);
  const uppy = new Uppy({ autoProceed: false });
  uppy.use(Dashboard, { inline: true, target, width: '100%', height: 1200, proudlyDisplayPoweredByUppy: false });
  await within(
    when(stage(), () => Boolean(stage().querySelector('input.uppy-Dashboard-input[type=file]'))),
    5000,
    "Dashboard's file input",
  );
  await nextPaint();
  return uppy;
}

/** The Dashboard's own file input (not its camera inputs). */
const input = () => [...stage().querySelectorAll<HTMLInputElement>('input.uppy-Dashboard-input[type=file]')].find((i) => !i.name.startsWith('camera'))!;

window.benchUppyRows = async (runs) => {
  const files = await twentyInvoices();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const uppy = await mount();
    await lookThenPaint();
    const started = performance.now();
    handToInput(input(), files);
    await within(when(stage(), () => items().length === 20), 10_000, '20 Dashboard items');
    times.push((await nextPaint()) - started);
    uppy.destroy();
  }
  stage().replaceChildren();
  return times;
};

/** Adds the files, waits for their items, removes them all, waits for an empty list. */
async function addAndRemove(uppy: Uppy, files: File[]): Promise<void> {
  handToInput(input(), files);
  await within(when(stage(), () => items().length === files.length), 10_000, `${files.length} Dashboard items`);
  for (const file of uppy.getFiles()) uppy.removeFile(file.id);
  await within(when(stage(), () => items().length === 0 && Boolean(input())), 10_000, 'an empty Dashboard');
}

window.benchUppyCycle = async (count) => {
  const uppy = await mount();
  await addAndRemove(uppy, (await twentyInvoices()).slice(0, count));
  uppy.destroy();
  stage().replaceChildren();
  await new Promise((resolve) => setTimeout(resolve, 100));
};

let kept: Uppy | undefined;
window.benchUppyAddRemove = async () => {
  kept ??= await mount();
  await addAndRemove(kept, await twentyInvoices());
  await new Promise((resolve) => setTimeout(resolve, 50));
};
