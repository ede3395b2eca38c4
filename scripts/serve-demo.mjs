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
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildScript, root, startDevServer } from './lib/dev-server.mjs';

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
  await buildScript();
} catch (error) {
  console.error('[demo] The build failed: fix it (or run `npx vite build` to see the details), then run `npm start` again.');
  console.error(error);
  process.exit(1);
}
if (!existsSync(script)) {
  console.error(`[demo] The build finished but ${script} is not there: check build.lib / output.entryFileNames in vite.config.ts.`);
  process.exit(1);
}

// 2. The dev server: only the demo page is scanned for dependencies (not storybook-static/).
const { server, port } = await startDevServer({ port: PORT, entries: ['demo/index.html'], redirect: '/demo/' });
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
