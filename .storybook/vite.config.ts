/**
 * Storybook's own Vite config, so it does not load the library's vite.config.ts: that one builds
 * the partner script (lib mode), deletes its outputs in dist/ when a build starts, and serves
 * public/. Everything Storybook needs is in `viteFinal` (main.ts), which vitest applies too.
 */
import { defineConfig } from 'vite';

export default defineConfig({});
