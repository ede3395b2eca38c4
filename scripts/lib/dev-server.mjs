/**
 * A Vite dev server over the repository, for the demo, the benchmarks and the strict-page checks:
 * `/dist/…` as built, TypeScript pages compiled on the fly, MSW's service worker at the root.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const workerScript = require.resolve('msw/mockServiceWorker.js');

/** Builds the single script exactly as it ships (`vite build` with vite.config.ts). */
export async function buildScript() {
  await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
}

/**
 * @param {{ port?: number, entries: string[], redirect?: string, headers?: Record<string, string>, plugins?: import('vite').Plugin[], logLevel?: import('vite').LogLevel }} options
 */
export async function startDevServer({ port = 5173, entries, redirect, headers = {}, plugins = [], logLevel = 'warn' }) {
  const serviceWorker = {
    name: 'akto-mock-service-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (redirect && (path === '/' || path === '/index.html')) {
          res.statusCode = 302;
          res.setHeader('Location', redirect);
          res.end();
          return;
        }
        if (path === '/mockServiceWorker.js') {
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.setHeader('Service-Worker-Allowed', '/');
          res.setHeader('Cache-Control', 'no-store');
          createReadStream(workerScript).pipe(res);
          return;
        }
        next();
      });
    },
  };
  const server = await createServer({
    configFile: false,
    root,
    // public/ may hold a stale copy of the worker from `msw init`: the middleware serves the installed one.
    publicDir: false,
    appType: 'mpa',
    logLevel,
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: false, headers: { 'Cache-Control': 'no-store', ...headers } },
    optimizeDeps: {
      entries,
      include: ['msw', 'msw/browser', 'zod/mini', 'pdfjs-dist', 'pdfjs-dist/build/pdf.worker.min.mjs'],
    },
    plugins: [serviceWorker, ...plugins],
  });
  await server.listen();
  const address = server.httpServer?.address();
  const actual = address && typeof address === 'object' ? address.port : port;
  return { server, origin: `http://127.0.0.1:${actual}`, port: actual };
}
