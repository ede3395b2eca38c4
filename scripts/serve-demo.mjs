#!/usr/bin/env node
/**
 * `npm start`: the demo, a partner's page that embeds the widgets through the single script,
 * against the reference server on its embedded database.
 *
 * 1. Builds the single script exactly as it ships (`vite build` with the project's vite.config.ts),
 *    so the page loads `/dist/akto-invoice-widget.js`, not the sources.
 * 2. Starts the reference server (server/) in demo mode in this process, on PGlite in `.data/`:
 *    deposits stay across reloads and restarts. `--reset` (`npm run start:reset`) empties them
 *    back to the seed first.
 * 3. Serves the repository with a Vite dev server: `/` → `/demo/`, `/dist/…` as built, `/demo/*.ts`
 *    compiled on the fly, and `/demo/backend.json`, which tells the page where the API is.
 *
 * `--mock` (`npm run start:mock`): no server, the mock backend in the page (MSW), as before.
 * `--port=5173`, `--api-port=8787`: the page's and the API's ports.
 *
 * Works from a fresh clone after `npm install`: nothing to generate beforehand.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildScript, root, startDemo } from './lib/dev-server.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name, fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const known = /^--(mock|reset|port=\d+|api-port=\d+)$/;
if (args.some((a) => !known.test(a)) || (flag('mock') && flag('reset'))) {
  console.error('Usage: npm start [-- --reset] [-- --port=5173 --api-port=8787]   ·   npm run start:mock   (see scripts/serve-demo.mjs)');
  process.exit(2);
}
const mode = flag('mock') ? 'mock' : 'server';
const PORT = value('port', 5173);
const API_PORT = value('api-port', 8787);

const configFile = join(root, 'vite.config.ts');
const script = join(root, 'dist', 'akto-invoice-widget.js');
const dataDir = join(root, '.data');

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

// 2 and 3. The back end and the page.
if (mode === 'server') {
  console.log(`[demo] Starting the reference server on PGlite in ${join(dataDir, 'pg')}${flag('reset') ? ', emptied back to the seed' : ''} (the first start creates the database: ~10 s)…`);
}
let demo;
try {
  demo = await startDemo({ mode, port: PORT, apiPort: API_PORT, dataDir, reset: flag('reset') });
} catch (error) {
  console.error(`[demo] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

console.log('');
console.log(`  Demo page:  ${demo.url}`);
if (demo.api) {
  console.log(`  AKTO API:   ${demo.api.apiUrl}   (reference server, demo mode, in this process; API page ${demo.api.url}/docs)`);
  console.log(`  Data:       PGlite in ${join(dataDir, 'pg')}, files in ${join(dataDir, 'files')} — kept across restarts; \`npm run start:reset\` empties them back to the seed.`);
  console.log('');
  console.log('  The page loads /dist/akto-invoice-widget.js (just built), signs in as the « demo » account and calls the API');
  console.log('  over HTTP from another origin (CORS). Its « Panneau de démonstration » sets the server\'s latency and faults.');
  console.log('  `npm run start:mock` runs the same page on the mock backend in the browser (MSW) instead. Ctrl+C to stop.');
} else {
  console.log('  AKTO API:   the mock backend in the page (MSW): nothing is kept after a reload.');
  console.log('');
  console.log('  The page loads /dist/akto-invoice-widget.js (just built). Its « Panneau de démonstration » switches latency');
  console.log('  and failures. `npm start` runs the same page against the reference server instead. Ctrl+C to stop.');
}
if (demo.port !== PORT) console.log(`  (Port ${PORT} was taken: the page is on ${demo.port}.)`);
console.log('');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    console.log(`[demo] ${signal}: stopping${demo.api ? ' (the page, then the API, which closes its database cleanly)' : ''}…`);
    // A stuck close still ends the process.
    setTimeout(() => process.exit(1), 10_000).unref();
    await demo.close();
    process.exit(0);
  });
}
