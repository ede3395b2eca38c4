// Storybook 10 for the akto elements: Vite builder, web components renderer, docs and vitest.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
import { customElementsManifest } from './custom-elements-manifest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const config: StorybookConfig = {
  // Our own (empty) Vite config rather than the library's vite.config.ts: see .storybook/vite.config.ts.
  framework: { name: '@storybook/web-components-vite', options: { builder: { viteConfigPath: join(root, '.storybook', 'vite.config.ts') } } },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // MSW's service worker, straight from the installed msw (it must match msw's browser side),
  // at the origin's root. Storybook's dev server and build accept a single file here; vitest
  // does not, hence the small plugin below.
  staticDirs: [
    { from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' },
    // The project's sample invoices, for stories that drop a real PDF.
    { from: '../demo/samples', to: '/samples' },
    // The test fixtures a designer sees a state with: a scan (no text layer).
    { from: '../test/fixtures', to: '/fixtures' },
  ],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // public/ may hold an older mockServiceWorker.js (`msw init`): never serve or copy it.
      publicDir: false,
      // Pre-bundled once: one copy of Lit (else "Multiple versions of Lit loaded"), and no reload
      // when the first story imports msw's browser side.
      optimizeDeps: {
        include: ['lit', 'lit/decorators.js', 'lit/directive.js', 'lit/directive-helpers.js', 'lit/directives/*.js', 'lit/static-html.js', 'lit-html', '@lit/task', '@lit/context', 'msw', 'msw/browser'],
      },
      // As in the partner script (vite.config.ts): FilePond's ES build, not the UMD its `browser` field names.
      resolve: { alias: [{ find: /^filepond$/, replacement: 'filepond/dist/filepond.esm.min.js' }] },
      plugins: [mockServiceWorker(), customElementsManifest(root)],
    });
  },
};

/**
 * Serves msw's own worker at /mockServiceWorker.js in every Vite dev server (Storybook's, and
 * vitest's: addon-vitest mounts `staticDirs` with sirv, which serves folders, not a single file,
 * and vitest then answered with the older public/mockServiceWorker.js). `storybook build` copies
 * the file through `staticDirs` above.
 */
function mockServiceWorker(): Plugin {
  const worker = join(root, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js');
  return {
    name: 'akto:mock-service-worker',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/mockServiceWorker.js') return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Service-Worker-Allowed', '/');
        res.end(readFileSync(worker));
      });
    },
  };
}

export default config;
