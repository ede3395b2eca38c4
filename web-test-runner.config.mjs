// Browser tests: real headless Chromium, TypeScript through esbuild, MSW's service worker at the root.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { matrixReporter } from './scripts/wtr-matrix-reporter.mjs';
import { readmeStrictCsp } from './scripts/lib/strict-csp.mjs';

const require = createRequire(import.meta.url);

/** The strict policy the README gives partners (issue 8, then 15: Trusted Types policy names included). */
export const STRICT_CSP = readmeStrictCsp();
const workerScript = require.resolve('msw/mockServiceWorker.js');

const chromePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (!chromePath && !process.env.CHROME_PATH) {
  console.warn('[wtr] No Chromium found in /usr/bin: trying the Chrome installed on this machine. Set CHROME_PATH to choose one (on Debian: apt-get install chromium).');
}

/** Serves `import css from 'x.css?inline'` as a module exporting the file's text, as Vite does. */
const inlineCss = {
  name: 'inline-css',
  serve(context) {
    if (context.path.endsWith('.css') && context.url.includes('?inline')) {
      const file = context.path.startsWith('/__wds-outside-root__/')
        ? context.path.replace(/^\/__wds-outside-root__\/\d+\//, '../')
        : `.${context.path}`;
      return { body: `export default ${JSON.stringify(readFileSync(new URL(file, import.meta.url), 'utf8'))};`, type: 'js' };
    }
  },
};

/** Serves `import url from 'x?url'` as a module exporting the file's URL, as Vite does. */
const assetUrl = {
  name: 'asset-url',
  transformImport({ source }) {
    if (source.endsWith('?url')) return `${source.slice(0, -4)}?as-url`;
  },
  serve(context) {
    if (context.url.endsWith('?as-url')) return { body: `export default ${JSON.stringify(context.path)};`, type: 'js' };
  },
};

export default {
  // Node's own suites (the server, the demo on the server, the widget over HTTP) are not browser tests.
  files: ['test/**/*.test.ts', '!test/server/**', '!test/demo-server/**', '!test/http/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One page at a time: MSW service worker registrations from parallel pages on one origin can stall each other.
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] } })],
  testFramework: { config: { timeout: 8000 } },
  testsFinishTimeout: 300_000,
  reporters: [defaultReporter(), matrixReporter(), countReporter()],
  middleware: [
    /** The strict partner page (test/strict/) is served with the CSP a careful partner would use. */
    function strictPage(context, next) {
      if (context.path.startsWith('/test/strict/')) context.set('Content-Security-Policy', STRICT_CSP);
      return next();
    },
    /**
     * A real HTTP answer to an upload, for the client's timeout tests (MSW's handlers answer all at
     * once): `POST /test-http/answer/<gaps>/uploads` reads the whole body, then answers 201 with the
     * upload's JSON first and a space after each gap of `<gaps>` (ms, comma-separated), so an answer
     * can keep moving past the client's timeout, or stop moving.
     */
    async function slowAnswer(context, next) {
      const match = /^\/test-http\/answer\/([\d,]+)\/uploads$/.exec(context.path);
      if (!match || context.method !== 'POST') return next();
      let size = 0;
      for await (const chunk of context.req) size += chunk.length;
      const gaps = match[1].split(',').map(Number);
      const upload = { id: 'slow-answer', name: 'facture.pdf', size, type: 'application/pdf', kind: 'invoice', createdAt: new Date().toISOString() };
      context.compress = false;
      context.status = 201;
      context.type = 'application/json';
      context.body = Readable.from(
        (async function* () {
          yield JSON.stringify(upload);
          for (const gap of gaps) {
            await new Promise((resolve) => setTimeout(resolve, gap));
            yield ' ';
          }
        })(),
      );
    },
    function mockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.type = 'js';
        context.set('Service-Worker-Allowed', '/');
        context.body = createReadStream(workerScript);
        return;
      }
      return next();
    },
  ],
  plugins: [inlineCss, assetUrl, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
};
