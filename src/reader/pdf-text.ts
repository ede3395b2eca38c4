/**
 * pdf.js for the reader and the PDF preview. Loaded lazily: nothing here is in the initial script.
 *
 * In a browser pdf.js runs in its worker (see pdf-worker.ts), so a hostile PDF never blocks the
 * page: each reading takes a worker of its own (kept a little for the next one) that can be
 * terminated when the reading runs over its time limit. Where no worker can be had (the page's CSP
 * or Trusted Types refuse it, its script does not load), pdf.js runs on the page's thread and the
 * reader only takes small files (see limits.ts). On Node (the server) pdf.js runs in-process.
 */
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { PageText, PositionedText } from './layout.js';

type Pdfjs = typeof import('pdfjs-dist');

const defaultImport = (): Promise<Pdfjs> => import('pdfjs-dist');
let importPdfjs = defaultImport;
let pdfjsPromise: Promise<Pdfjs> | undefined;

/**
 * pdf.js, loaded once. A failed load is not kept: the next call tries again (a network blip must
 * not leave every later file unread for the page's life).
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= importPdfjs().catch((error: unknown) => {
    pdfjsPromise = undefined;
    throw error;
  });
  return pdfjsPromise;
}

/** For tests: replaces what loads pdf.js (a rejected import plays a network failure); no argument restores it. */
export function setPdfjsImport(load?: () => Promise<Pdfjs>): void {
  importPdfjs = load ?? defaultImport;
  pdfjsPromise = undefined;
}

let inProcessPromise: Promise<void> | undefined;

/** pdf.js's worker code imported into this thread (pdf.js's « fake worker »): on Node, or where no worker can be had. */
function inProcessWorker(): Promise<void> {
  inProcessPromise ??= import('pdfjs-dist/build/pdf.worker.min.mjs')
    .then((worker) => {
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    })
    .catch((error: unknown) => {
      inProcessPromise = undefined;
      throw error;
    });
  return inProcessPromise;
}

const inBrowser = typeof window !== 'undefined' && typeof Worker !== 'undefined';

// ---- workers ---------------------------------------------------------------------------------

interface Lane {
  worker: Worker;
  pdf: PDFWorker;
}

/** Workers a finished reading left, for the next one; terminated after a while unused. */
const idle: { lane: Lane; timer: ReturnType<typeof setTimeout> }[] = [];
const IDLE_WORKERS = 2;
const IDLE_MS = 30_000;
/** After a worker could not be started, the page's thread is used for this long before trying again. */
const RETRY_MS = 60_000;
let failedAt = -Infinity;
let workersAllowed = true;

/** For tests: no worker (as on a page whose CSP refuses it), so pdf.js runs on the page's thread; `true` restores them. */
export function allowWorkers(allowed: boolean): void {
  workersAllowed = allowed;
  failedAt = -Infinity;
}

function end(lane: Lane): void {
  lane.pdf.destroy();
  lane.worker.terminate();
}

async function newLane(pdfjs: Pdfjs): Promise<Lane | null> {
  if (!inBrowser || !workersAllowed || performance.now() - failedAt < RETRY_MS) return null;
  let worker: Worker | null = null;
  try {
    const { startPdfWorker } = await import('./pdf-worker.js');
    worker = await startPdfWorker();
  } catch {
    worker = null; // the chunk itself did not load
  }
  if (!worker) {
    failedAt = performance.now();
    return null;
  }
  return { worker, pdf: new pdfjs.PDFWorker({ port: worker as never }) };
}

async function takeLane(pdfjs: Pdfjs): Promise<Lane | null> {
  const kept = workersAllowed ? idle.pop() : undefined;
  if (kept) {
    clearTimeout(kept.timer);
    return kept.lane;
  }
  return newLane(pdfjs);
}

function keepLane(lane: Lane): void {
  if (idle.length >= IDLE_WORKERS) return end(lane);
  const entry = { lane, timer: setTimeout(() => idle.splice(idle.indexOf(entry), 1).forEach((e) => end(e.lane)), IDLE_MS) };
  idle.push(entry);
}

// ---- documents -------------------------------------------------------------------------------

/** Where pdf.js does the work of one reading. */
export type ReaderThread = 'worker' | 'page' | 'node';

export interface PdfReader {
  thread: ReaderThread;
  /**
   * Opens the PDF (pdf.js takes ownership of what it is given: a copy is handed over). Without a
   * worker, pdf.js's worker code is imported into this thread first (only once a file passed the caps).
   */
  open(bytes: Uint8Array): Promise<PDFDocumentLoadingTask>;
  /**
   * Ends the reading: the document destroyed, its worker kept for the next reading — or, with
   * `kill` (a reading stopped midway, over its time limit or aborted), terminated at once, whatever
   * it was doing.
   */
  close(kill: boolean): Promise<void>;
}

/** How long a stopped reading's document may take to be destroyed on its worker before the worker is ended. */
const KILL_GRACE_MS = 100;

/** A reader for one file. Throws when pdf.js cannot load (a distinct outcome, not a damaged file). */
export async function startReader(): Promise<PdfReader> {
  const pdfjs = await loadPdfjs();
  const lane = await takeLane(pdfjs);
  let task: PDFDocumentLoadingTask | undefined;
  return {
    thread: lane ? 'worker' : inBrowser ? 'page' : 'node',
    async open(bytes) {
      if (!lane) await inProcessWorker();
      task = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0, ...(lane ? { worker: lane.pdf } : {}) });
      task.promise.catch(() => {}); // read by the caller; a destroyed task's rejection is not an error
      return task;
    },
    async close(kill) {
      const destroyed = task?.destroy().then(() => true, () => true) ?? Promise.resolve(true);
      if (lane && kill) {
        // A reading stopped (its element gone, its time up): its document is destroyed on the
        // worker first, which lets go of the document and its listeners. A worker still busy
        // after KILL_GRACE_MS (a hostile PDF's decoding) is ended: whatever it was doing stops
        // now, its pending calls never settle (and what they hold is kept).
        const late = new Promise<false>((resolve) => setTimeout(resolve, KILL_GRACE_MS, false));
        if (await Promise.race([destroyed, late])) keepLane(lane);
        else end(lane);
        return;
      }
      await destroyed;
      if (lane) keepLane(lane);
    },
  };
}

let sharedPort: Promise<void> | undefined;

/**
 * Opens a PDF to show it (the preview): in one worker shared by every preview of the page
 * (`GlobalWorkerOptions.workerPort`), on the page's thread where none can be had.
 */
export async function openPdf(data: ArrayBuffer | Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  sharedPort ??= (async () => {
    const lane = await newLane(pdfjs);
    if (lane) {
      lane.pdf.destroy(); // pdf.js makes its own PDFWorker for the port
      pdfjs.GlobalWorkerOptions.workerPort = lane.worker;
    } else await inProcessWorker();
  })().catch((error: unknown) => {
    sharedPort = undefined;
    throw error;
  });
  await sharedPort;
  const bytes = data instanceof Uint8Array ? data.slice() : new Uint8Array(data.slice(0));
  return pdfjs.getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 }).promise;
}

// ---- text ------------------------------------------------------------------------------------

/** The pages that matter on an invoice: the first few (parties, number, date) and the last few (totals). */
export function pagesToRead(count: number, first: number, last: number): number[] {
  const pages = new Set<number>();
  for (let n = 1; n <= Math.min(first, count); n++) pages.add(n);
  for (let n = Math.max(count - last + 1, 1); n <= count; n++) pages.add(n);
  return [...pages].sort((a, b) => a - b);
}

export interface TextOptions {
  /** Pages read from the start and from the end. */
  first: number;
  last: number;
  /** Characters kept at most, the whole text: reading stops there. */
  maxChars: number;
  /**
   * Stops the reading: it ends with what it read so far, without waiting for the page's text
   * stream. A stream read still pending when its document is destroyed never settles, and awaiting
   * it would hold all that awaits the reading (its caller's signal and, through the abort reason's
   * stack, the element that read) for good. The stream is not cancelled then: the document's
   * destruction ends it, and a cancel racing it makes pdf.js write to a closed stream.
   */
  signal?: AbortSignal;
}

/**
 * The text of the pages that matter, each item with its position (see layout.ts), at most
 * `maxChars` characters in all.
 */
export async function pdfText(document: PDFDocumentProxy, { first, last, maxChars, signal }: TextOptions): Promise<PageText[]> {
  const pages: PageText[] = [];
  let length = 0;
  type Chunk = ReadableStreamReadResult<{ items: (TextItem | object)[] }>;
  const stopped = new Promise<Chunk>((resolve) => signal?.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true }));
  for (const n of pagesToRead(document.numPages, first, last)) {
    if (length >= maxChars || signal?.aborted) break;
    const page = await document.getPage(n);
    const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: (TextItem | object)[] }>;
    const items: PositionedText[] = [];
    try {
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), stopped]);
        if (done) break;
        for (const item of value.items) {
          if (!('str' in item) || !item.str) continue;
          const str = item.str.slice(0, maxChars - length);
          length += str.length;
          const [a, b, c, d, x, y] = item.transform as number[];
          items.push({ str, x: x!, y: y!, width: item.width, size: item.height || Math.hypot(c!, d!), rotated: Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01 || a! < 0 });
          if (length >= maxChars) break;
        }
        if (length >= maxChars) break;
      }
    } finally {
      if (!signal?.aborted) void reader.cancel().catch(() => {});
    }
    pages.push({ items });
  }
  return pages;
}
