#!/usr/bin/env node
/**
 * `npm start`: the demo, a partner's page that embeds the widgets through the single script,
 * against the mock backend.
 *
 * 1. Builds the single script exactly as it ships (`vite build` with the project's vite.config.ts),
 *    so the page loads `/dist/akto-invoice-widget.js`, not the sources.
 * 2. Serves the repository with a Vite dev server (its own inline config, not vite.config.ts):
 *    `/` → `/demo/`, `/dist/…` as built, `/demo/*.ts` compiled on the fly (the page's own code and
 *    the mock backend), and MSW's service worker at `/mockServiceWorker.js`.
 *
 * Works from a fresh clone after `npm install`: nothing to generate beforehand.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configFile = join(root, 'vite.config.ts');
const script = join(root, 'dist', 'akto-invoice-widget.js');
const HOST = '127.0.0.1';
const PORT = 5173;

if (!existsSync(configFile)) {
  console.error(
    `[demo] ${configFile} is missing: it defines the build of the single script (dist/akto-invoice-widget.js) the demo page loads.\n` +
      '[demo] Add vite.config.ts (or pull the commit that adds it), then run `npm start` again.',
  );
  process.exit(1);
}

// 1. The production build of the single script, with the project's own configuration.
console.log('[demo] Building dist/akto-invoice-widget.js (vite build)…');
try {
  await build({ root, configFile, mode: 'production', logLevel: 'warn' });
} catch (error) {
  console.error('[demo] The build failed: fix it (or run `npx vite build` to see the details), then run `npm start` again.');
  console.error(error);
  process.exit(1);
}
if (!existsSync(script)) {
  console.error(`[demo] The build finished but ${script} is not there: check build.lib / output.entryFileNames in vite.config.ts.`);
  process.exit(1);
}

// 2. The dev server.
const require = createRequire(import.meta.url);
const workerScript = require.resolve('msw/mockServiceWorker.js');

/** MSW's service worker, at the origin's root so it may control every page. */
const mockServiceWorker = {
  name: 'demo-mock-service-worker',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/' || path === '/index.html' || path === '/demo') {
        res.statusCode = 302;
        res.setHeader('Location', '/demo/');
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
  logLevel: 'warn',
  clearScreen: false,
  server: {
    host: HOST,
    port: PORT,
    strictPort: false,
    // A rebuilt script must not be served from the browser's cache.
    headers: { 'Cache-Control': 'no-store' },
  },
  optimizeDeps: {
    // Only the demo page (not storybook-static/ or other HTML files in the repository), and the
    // modules the mock backend imports lazily, so Vite does not reload the page to optimise them.
    entries: ['demo/index.html'],
    include: ['msw', 'msw/browser', 'zod/mini', 'pdfjs-dist', 'pdfjs-dist/build/pdf.worker.min.mjs'],
  },
  plugins: [mockServiceWorker],
});
await server.listen();

const address = server.httpServer?.address();
const port = address && typeof address === 'object' ? address.port : PORT;
const url = `http://${HOST}:${port}/demo/`;
console.log('');
console.log(`  Demo: ${url}`);
console.log('');
console.log('  The page loads /dist/akto-invoice-widget.js (just built) and talks to the mock backend (MSW).');
console.log('  Its panel « Panneau de démonstration » switches latency and failures. Ctrl+C to stop.');
if (port !== PORT) console.log(`  (Port ${PORT} was taken: using ${port}.)`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  });
}
