/**
 * The reader's caps: what one reading may cost, so that no file — 100,000 pages sharing one
 * content stream, 300 KB that inflate to 300 MB — can freeze the page or the server. A file over
 * a cap is not read: `readInvoice` says `over-limit` (accepted: the server reads it) and which cap.
 */

export interface ReaderLimits {
  /** The whole reading, in milliseconds: past it, the worker is terminated. */
  timeLimit: number;
  /** More pages than this: not read. */
  maxPages: number;
  /** Pages read from the start (parties, number, date) and from the end (totals). */
  firstPages: number;
  lastPages: number;
  /** The file's size, in bytes. */
  maxBytes: number;
  /** The streams' size once inflated (FlateDecode, images left out: the text never decodes them), in bytes. */
  maxInflated: number;
  /** Characters of text kept, the pages read together: reading stops there. */
  maxChars: number;
  /** Objects in the file (` obj` keywords and objects packed in object streams): pdf.js parses them all to open it. */
  maxObjects: number;
}

/** In pdf.js's worker (browsers) and on Node (the server). */
export const READER_LIMITS: Readonly<ReaderLimits> = Object.freeze({
  timeLimit: 10_000,
  maxPages: 500,
  firstPages: 3,
  lastPages: 2,
  maxBytes: 50_000_000,
  maxInflated: 40_000_000,
  maxChars: 200_000,
  maxObjects: 2_000_000,
});

/**
 * On the page's own thread, in a browser where no worker can be had: pdf.js cannot be stopped in
 * the middle of a stream there, so only small files are read (an invoice of a few pages is far
 * below these caps), and a bigger one is left to the server.
 */
export const PAGE_THREAD_LIMITS: Readonly<ReaderLimits> = Object.freeze({
  timeLimit: 3_000,
  maxPages: 50,
  firstPages: 3,
  lastPages: 2,
  maxBytes: 1_500_000,
  maxInflated: 4_000_000,
  maxChars: 100_000,
  maxObjects: 3_000,
});

/** Which cap a file went over. */
export type ReaderLimit = 'time' | 'pages' | 'bytes' | 'inflated' | 'objects';

/** Input fed to the inflater at a time: deflate's ratio is at most ~1032:1, so one step makes at most ~1 MB. */
const SLICE = 1024;
/** How far back from `stream` its dictionary is looked for. */
const DICTIONARY_SPAN = 2048;

interface Inspection {
  /** Objects: `n g obj` in the file, and the `/N` objects of each object stream. */
  objects: number;
  /** The FlateDecode streams' data, as [start, end) offsets; images are left out. */
  flate: [number, number][];
}

/** Output inflated between two yields to the event loop: the compression streams run on this thread, in microtasks. */
const YIELD_EVERY = 1 << 17;
/**
 * A yield to the event loop: `scheduler.yield()` in a browser that has it, `setImmediate` on Node (a
 * server reads too), else `setTimeout`, which waits 1 to 4 ms each time: hundreds of yields add up.
 */
const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise<void>((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
};
/** Bytes inspected between two yields to the event loop: a 50 MB file costs the page no long task. */
const INSPECT_SLICE = 1 << 19;
/** Bytes of the slice before, seen again: an object keyword or a stream's dictionary cut by a slice's start. */
const OVERLAP = DICTIONARY_SPAN + 16;
/** `stream` or `endstream` this close to a slice's end is left to the next slice (its line end may be cut). */
const TAIL = 9;
const OBJECT = /\d\s+\d+\s+obj\b/g;

/**
 * What the file holds, from its bytes alone (nothing decoded): `indexOf`s and one regular
 * expression, slice by slice with a yield between, since one pass over a big file (its text
 * decoded, every ` obj` matched) held the page for hundreds of milliseconds.
 */
async function inspect(bytes: Uint8Array, signal?: AbortSignal): Promise<Inspection> {
  // latin1 maps each byte to one character: offsets stay byte offsets.
  const decoder = new TextDecoder('latin1');
  const found: Inspection = { objects: 0, flate: [] };
  /** Where the search goes on (an absolute offset), and the stream whose data it is in, if any. */
  let at = 0;
  let stream: { start: number; dictionary: string } | null = null;
  for (let from = 0; from < bytes.length; from += INSPECT_SLICE) {
    if (from) {
      await nextTask();
      if (signal?.aborted) break;
    }
    const base = Math.max(0, from - OVERLAP);
    const end = Math.min(bytes.length, from + INSPECT_SLICE);
    const last = end === bytes.length;
    const text = decoder.decode(bytes.subarray(base, end));
    // A match is counted by the slice its last character is in (a match is shorter than OVERLAP).
    for (const match of text.matchAll(OBJECT)) if (base + match.index + match[0].length > from) found.objects++;
    const limit = last ? text.length : text.length - TAIL;
    let local = Math.max(at - base, 0);
    for (;;) {
      if (stream) {
        const close = text.indexOf('endstream', local);
        if (close < 0 || close > limit) break;
        const { start, dictionary } = stream;
        if (/\/Type\s*\/ObjStm/.test(dictionary)) found.objects += Number(/\/N\s+(\d+)/.exec(dictionary)?.[1] ?? 0);
        // The line end before `endstream` is not the stream's: fed to the inflater as trailing
        // junk, it errors the stream, and what was inflated but not yet read went uncounted.
        let dataEnd = close;
        if (text[dataEnd - 1] === '\n') dataEnd--;
        if (text[dataEnd - 1] === '\r') dataEnd--;
        if (/\/FlateDecode|\/Fl\b/.test(dictionary) && !/\/Subtype\s*\/Image/.test(dictionary)) found.flate.push([start, base + Math.max(dataEnd, start - base)]);
        stream = null;
        local = close + 9;
        continue;
      }
      const keyword = text.indexOf('stream', local);
      if (keyword < 0 || keyword > limit) break;
      local = keyword + 6;
      if (text.startsWith('end', keyword - 3)) continue;
      let start = local;
      if (text[start] === '\r') start++;
      if (text[start] !== '\n') continue;
      local = start + 1;
      stream = { start: base + local, dictionary: text.slice(Math.max(text.lastIndexOf('obj', keyword), keyword - DICTIONARY_SPAN, 0), keyword) };
    }
    at = base + Math.min(local, limit);
    if (last) break;
  }
  return found;
}


/** The size of `data` inflated, counted up to `budget` at most (past it, or on `signal`, the count stops). */
async function inflatedSize(data: Uint8Array, budget: number, signal?: AbortSignal): Promise<number> {
  const inflater = new DecompressionStream('deflate');
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  void (async () => {
    for (let i = 0; i < data.length; i += SLICE) await writer.write(data.slice(i, i + SLICE));
    await writer.close();
  })().catch(() => {});
  let size = 0;
  let sinceYield = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      sinceYield += value.byteLength;
      if (size > budget || signal?.aborted) break;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await nextTask();
      }
    }
  } catch {
    // not zlib data, or a truncated stream: what came out is what pdf.js would get too
  } finally {
    void reader.cancel().catch(() => {});
  }
  return size;
}

/**
 * The first cap the file's bytes go over, before pdf.js opens it: its size, its objects, its
 * streams once inflated. The inflated size is counted in small steps without holding what is
 * inflated, so a bomb costs the page no long task and little memory, and the count stops at the
 * cap. `signal` stops it too (then it resolves, its answer unused).
 */
export async function overBytesCaps(bytes: Uint8Array, limits: ReaderLimits, signal?: AbortSignal): Promise<ReaderLimit | null> {
  if (bytes.length > limits.maxBytes) return 'bytes';
  const found = await inspect(bytes, signal);
  if (signal?.aborted) return null;
  if (found.objects > limits.maxObjects) return 'objects';
  if (limits.maxInflated === Infinity) return null;
  let total = 0;
  for (const [start, end] of found.flate) {
    if (signal?.aborted) return null;
    total += await inflatedSize(bytes.subarray(start, end), limits.maxInflated - total, signal);
    if (total > limits.maxInflated) return 'inflated';
  }
  return null;
}
