/**
 * Stories as tests: every story renders in headless Chromium (vitest browser mode) with the
 * preview's loaders, decorators and mock backend, and its `play` function is the test.
 * `npm run test:stories` (= `vitest run --project storybook`). Other test suites use WTR.
 */
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookTest({ configDir: join(root, '.storybook') })],
        test: {
          name: 'storybook',
          // A story waits on states (stories/support/dom.ts), each up to 30 s: a loaded machine, not a slow story, needs the room.
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              // Tools cannot download browsers here: use the system Chromium (as root it needs --no-sandbox).
              launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
