import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from 'virtual:akto-custom-elements';
import { localeGlobalTypes, localeLoader, withLocale } from '../stories/support/locale.js';
import { mock, resetMock } from '../stories/support/mock.js';
import { checkTemplateWhitespace } from '../stories/support/template-whitespace.js';
import { AKTO_VIEWPORTS } from '../stories/support/viewport.js';

// Autodocs tables come from the custom elements manifest: ../custom-elements.json, or a fresh one
// generated into node_modules/.cache when that file is missing or stale; null if neither works.
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  // One service worker for the whole preview, with the mock backend's handlers as its initial
  // handlers: they survive the addon's `resetHandlers()` between stories, and a story can still
  // override a route with `parameters.msw` or `beforeEach({ msw }) { msw.use(...) }`.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker(...mock.handlers);
      await worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
      return worker;
    }),
    localeLoader,
  ],
  // Before each story (after the loaders, before the story's own beforeEach): seeded data again,
  // then the story's `parameters.akto` (entities, faults, latency, required token…).
  async beforeEach({ parameters }) {
    await resetMock(parameters.akto);
  },
  // After each story (its play function done): the templates as the build ships them draw the same.
  afterEach() {
    checkTemplateWhitespace();
  },
  decorators: [withLocale],
  globalTypes: localeGlobalTypes,
  initialGlobals: { locale: 'fr' },
  parameters: {
    layout: 'padded',
    viewport: { options: AKTO_VIEWPORTS },
    controls: { expanded: true },
    // axe runs on every story, in Storybook's panel and as part of the story tests: a violation fails them.
    a11y: { test: 'error' },
    // All stories of a page share one mock backend, so a docs page that rendered them side by side
    // would mix their settings (faults, tokens). Each story of a docs page gets its own iframe,
    // hence its own mock. Set `docs.story.height` on stories taller than this.
    docs: { story: { inline: false, height: '320px' } },
  },
};

export default preview;
