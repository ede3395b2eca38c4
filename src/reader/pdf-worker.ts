/**
 * pdf.js's worker in the browser, created by us (not by pdf.js) so that:
 * - under Trusted Types, `new Worker()` gets a TrustedScriptURL from the package's one policy;
 * - the widget's script may come from another origin (a CDN): a worker must be same-origin, so
 *   a cross-origin worker script is started through a same-origin `blob:` module that imports it;
 * - a reading that runs over its time limit can be stopped for good (`terminate()`), which
 *   pdf.js's own cancellation cannot do in the middle of decoding a stream.
 * Imported only in browsers (never on Node: the `?url` import is the bundler's).
 */
import workerScript from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { trustedScriptURL } from '../core/trusted-types.js';

/** How long a new worker may take to load its script and say it is ready. */
const START_TIMEOUT = 15_000;

/** The worker script's absolute URL (the bundler gives it relative to the chunk, or to the root). */
export function workerScriptUrl(): string {
  return new URL(workerScript, import.meta.url).href;
}

/**
 * Where `new Worker()` can start the script: itself when same-origin, else a `blob:` module
 * importing it (the worker then has the page's origin; the CDN serves modules with CORS already).
 */
function entryPoint(script: string): { url: string; revoke?: () => void } {
  if (new URL(script).origin === location.origin) return { url: script };
  const url = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};`], { type: 'text/javascript' }));
  return { url, revoke: () => URL.revokeObjectURL(url) };
}

/**
 * A started pdf.js worker (its first message, pdf.js's « ready », received), or null when none can
 * be had: Trusted Types refuse our policy, the CSP refuses the worker, its script does not load.
 * Never throws.
 */
export async function startPdfWorker(): Promise<Worker | null> {
  if (typeof Worker === 'undefined') return null;
  let entry: { url: string; revoke?: () => void };
  let worker: Worker;
  try {
    entry = entryPoint(workerScriptUrl());
    const url = trustedScriptURL(entry.url);
    if (url === null) {
      entry.revoke?.();
      return null;
    }
    worker = new Worker(url, { type: 'module', name: 'akto-invoice-widget pdf.js' });
  } catch {
    return null;
  }
  const started = await new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      resolve(ok);
    };
    const onMessage = (event: MessageEvent) => done((event.data as { action?: string } | null)?.action === 'ready');
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), START_TIMEOUT);
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
  entry.revoke?.();
  if (started) return worker;
  worker.terminate();
  return null;
}
