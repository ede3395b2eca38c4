/**
 * A Vite dev server over the repository, for the demo, the benchmarks and the strict-page checks:
 * `/dist/…` as built, TypeScript pages compiled on the fly, MSW's service worker at the root.
 * `startDemo()` adds the reference server: what `npm start` runs, and what the demo's tests start.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
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
 * `demoBackend`, when given, is served as `/demo/backend.json`: how the demo page learns which back
 * end it talks to (read at each request, so it can be filled in once the API has started).
 *
 * @param {{ port?: number, entries: string[], redirect?: string, headers?: Record<string, string>, plugins?: import('vite').Plugin[], logLevel?: import('vite').LogLevel, demoBackend?: () => object }} options
 */
export async function startDevServer({ port = 5173, entries, redirect, headers = {}, plugins = [], logLevel = 'warn', demoBackend }) {
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
        if (demoBackend && path === '/demo/backend.json') {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify(demoBackend()));
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

/** True when nothing listens on this port yet. */
function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/**
 * The demo page and its back end, as `npm start` runs them (the single script must be built).
 *
 * - `mode: 'server'`: the reference server (server/index.ts) in demo mode, in this process, on
 *   PGlite in `dataDir` (`.data/` by default), so one Ctrl+C closes the database cleanly and one
 *   terminal shows both logs. The page, on another origin, calls it over HTTP (CORS allows only
 *   the page's origin). `reset` empties the database back to the seed first.
 * - `mode: 'mock'`: the page alone, with the mock backend in it (MSW).
 *
 * Needs tsx for the server (it is TypeScript): `npm start` runs this file through it.
 *
 * @param {{ mode?: 'server' | 'mock', port?: number, apiPort?: number, dataDir?: string, reset?: boolean, log?: (line: string) => void }} [options]
 */
export async function startDemo({ mode = 'server', port = 5173, apiPort = 8787, dataDir = join(root, '.data'), reset = false, log = console.log } = {}) {
  /** @type {{ mode: string, apiUrl?: string }} */
  const backend = { mode };
  const page = await startDevServer({ port, entries: ['demo/index.html'], redirect: '/demo/', demoBackend: () => backend });
  if (mode !== 'server') return { ...page, url: `${page.origin}/demo/`, api: null, async close() { await page.server.close(); } };

  // Two servers on one PGlite folder would damage it: a taken port is most likely `npm run server`.
  if (apiPort && !(await portIsFree(apiPort))) {
    await page.server.close();
    throw new Error(`Port ${apiPort} is taken (is \`npm run server\` running? It uses the same .data/ folder): stop it, or choose another port with --api-port=…`);
  }
  const { startServer } = await import('../../server/index.ts');
  let api;
  try {
    api = await startServer({
      port: apiPort,
      demo: true,
      dataDir,
      corsOrigins: [page.origin, page.origin.replace('127.0.0.1', 'localhost')],
      // The panel asks for the faults every 1.5 s: those lines would drown the others.
      log: (line) => {
        if (!line.startsWith('GET /api/dev/faults 200') && !line.startsWith('OPTIONS ')) log(`[api] ${line}`);
      },
    });
    if (reset) await api.storage.reset();
  } catch (error) {
    await api?.close();
    await page.server.close();
    throw error;
  }
  backend.apiUrl = api.apiUrl;
  return {
    ...page,
    url: `${page.origin}/demo/`,
    api,
    async close() {
      await page.server.close();
      // PGlite must be closed, or its folder may be left inconsistent.
      await api.close();
    },
  };
}
