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

/** What the file holds, from its bytes alone (nothing decoded): a pass of `indexOf`s. */
function inspect(bytes: Uint8Array): Inspection {
  // latin1 maps each byte to one character: offsets stay byte offsets.
  const text = new TextDecoder('latin1').decode(bytes);
  const found: Inspection = { objects: text.match(/\d\s+\d+\s+obj\b/g)?.length ?? 0, flate: [] };
  let at = 0;
  for (;;) {
    const keyword = text.indexOf('stream', at);
    if (keyword < 0) break;
    at = keyword + 6;
    if (text.startsWith('end', keyword - 3)) continue;
    let start = at;
    if (text[start] === '\r') start++;
    if (text[start] !== '\n') continue;
    start++;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dictionary = text.slice(Math.max(text.lastIndexOf('obj', keyword), keyword - DICTIONARY_SPAN, 0), keyword);
    at = end + 9;
    if (/\/Type\s*\/ObjStm/.test(dictionary)) found.objects += Number(/\/N\s+(\d+)/.exec(dictionary)?.[1] ?? 0);
    if (/\/FlateDecode|\/Fl\b/.test(dictionary) && !/\/Subtype\s*\/Image/.test(dictionary)) found.flate.push([start, end]);
  }
  return found;
}

/** Output inflated between two yields to the event loop: the compression streams run on this thread, in microtasks. */
const YIELD_EVERY = 1 << 18;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
  const found = inspect(bytes);
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
