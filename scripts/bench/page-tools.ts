/** Shared by the benchmark pages: the mock, waiting for the DOM and for the next painted frame, the sample files, scrolling. */
import type { MockBackend } from '../../src/mocks/index.js';

/**
 * Starts the mock API. With `?mock=in-page` in the page's address, MSW answers from inside the
 * page (its fallback mode, fetch and XMLHttpRequest patched) instead of through its service
 * worker. The memory figures use it: MSW 3.0.5's service-worker transport keeps about 2.5 KB in
 * the page for every request it handles, even one it lets through (two MessageEvents and their
 * ports, the request's and the answer's data: seen in heap snapshots), a growth that is the
 * mock's and would be counted as the element's. The timings keep the service worker, as the tests.
 */
export function startMock(mock: MockBackend): Promise<void> {
  if (new URLSearchParams(location.search).get('mock') === 'in-page') Reflect.deleteProperty(Navigator.prototype, 'serviceWorker');
  return mock.start();
}

/**
 * Resolves when the next frame has been painted: an animation frame runs just before the frame's
 * style, layout and paint, and a task posted from it runs just after them. (A second animation
 * frame instead would add a whole frame to every figure, ours and the peers'.)
 */
export const nextPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    }),
  );

/**
 * What a user does before choosing files: looks at the step for a moment. 300 ms with nothing to
 * do, then a painted frame, so each side starts from an idle page at the same point of the frame
 * interval. (Right after a mount, a side whose mount ends in later frames, or whose page keeps
 * drawing, has its rows wait for the next frame on the frame grid, while an idle page has them in
 * a frame as soon as they are written: the figure would time where the mount left the frame
 * grid, not the rows.)
 */
export async function lookThenPaint(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await nextPaint();
}

/**
 * Resolves when `check` holds, re-checking on every change under `root` (attributes too with
 * `{ attributes: true }`, e.g. `aria-busy` or `aria-rowcount` turning to their final value).
 */
export function when(root: Node, check: () => boolean, { attributes = false } = {}): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes });
  });
}

/** Rejects after `ms` with a message: a benchmark waiting for something that never comes must say what. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`bench: no ${what} after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const SAMPLES = ['FACTURE KHATIB NABIL.pdf', 'facture-2606-calcul-mental.pdf', 'facture-2507-diagnostiqueur-immobilier-3-dossiers.pdf', 'facture-2601-diagnostiqueur-immobilier.pdf'];
let samples: Promise<File[]> | undefined;

/**
 * The 20 invoices every upload benchmark hands over, ours and the peer's alike: the four text
 * samples of demo/samples in turn, named `facture-01.pdf` … `facture-20.pdf`.
 */
export function twentyInvoices(): Promise<File[]> {
  samples ??= (async () => {
    const blobs = await Promise.all(SAMPLES.map(async (name) => (await fetch(`/demo/samples/${encodeURIComponent(name)}`)).blob()));
    return Array.from({ length: 20 }, (_, i) => new File([blobs[i % blobs.length]!], `facture-${String(i + 1).padStart(2, '0')}.pdf`, { type: 'application/pdf', lastModified: 1_700_000_000_000 + i }));
  })();
  return samples;
}

/** Puts files in a file input as a user's choice would, and fires its `change` event. */
export function handToInput(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Whether every row of a long page was reachable at its first screen: the scroll range then
 * (`before`, the list's height or a grid's scrolled height) already that of every row drawn
 * (`after`), within 0.5 % (a quarter of one group of 20 rows in 1,000). A list that grows as it
 * draws is usable only once its rows are drawn.
 */
export const reachable = (before: number, after: number) => Math.abs(before - after) <= 0.005 * after;

export interface ScrollRecord {
  /** Time between consecutive animation frames while scrolling, ms. */
  intervals: number[];
  /** Pixels scrolled. */
  distance: number;
}

/**
 * Scrolls `scroller` (the document when omitted) from its top to its bottom at a steady speed,
 * driven by animation frames: each frame puts the position where `speed` px/ms says it should be
 * by now, so a slow frame means a jump, as with a real fling. Records every frame interval.
 */
export async function scrollThrough(scroller: Element | null, speed: number): Promise<ScrollRecord> {
  const target = scroller ?? document.scrollingElement ?? document.documentElement;
  target.scrollTop = 0;
  await nextPaint();
  const intervals: number[] = [];
  let distance = 0;
  await new Promise<void>((resolve, reject) => {
    let start = 0;
    let last = 0;
    const frame = (now: number) => {
      if (!start) start = now;
      else intervals.push(now - last);
      last = now;
      // Read each frame: a list that renders rows as they come into view may grow as it scrolls.
      distance = target.scrollHeight - target.clientHeight;
      const position = Math.min(distance, (now - start) * speed);
      target.scrollTop = position;
      if (position >= distance) resolve();
      else if (now - start > 120_000) reject(new Error(`bench: still scrolling after 120 s (at ${Math.round(position)} of ${distance} px)`));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return { intervals, distance };
}

/**
 * An invoice as the list API gives it, and its cells the French way: what the peers (grid-peer.ts)
 * and the floor (floor.ts) draw from the same answers as our list.
 */
export interface BenchInvoice {
  id: string;
  reference: string;
  issueDate: string | null;
  depositDate: string;
  amountHT: number | null;
  amountTTC: number | null;
  status: string;
  transferNumber: string | null;
  transferDate: string | null;
}

export const SEARCH = 'FA-2026';
export const STATUS: Record<string, string> = { 'a-valider': 'À valider', 'en-cours-analyse': "En cours d'analyse", payee: 'Payée', 'partiellement-payee': 'Partiellement payée', rejetee: 'Rejetée' };
export const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const day = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
export const date = (iso: string | null | undefined) => (iso ? day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '');
