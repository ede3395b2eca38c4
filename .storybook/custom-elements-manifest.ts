/**
 * `import manifest from 'virtual:akto-custom-elements'`: the custom elements manifest that the
 * docs pages read attributes, properties, events and slots from, or null.
 *
 * custom-elements.json at the project root (`npm run manifest`) is used when it is at least as new
 * as the sources. When it is missing or stale, `storybook dev`/`build` run the same analysis into
 * node_modules/.cache/akto-storybook/ instead, so the repository is not touched and the docs match
 * the code. If the analyzer fails, the manifest is null: Storybook still starts, without the
 * element tables. Under vitest nothing is generated (tests do not read the docs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:akto-custom-elements';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** Newest modification time of the analysed sources (src/**.ts, without src/mocks). */
function newestSource(dir: string, skip: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== skip) newest = Math.max(newest, newestSource(path, skip));
    } else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const freshFile = (file: string, newest: number) => existsSync(file) && statSync(file).mtimeMs >= newest;

export function locateManifest(root: string): string | null {
  const published = join(root, 'custom-elements.json');
  if (process.env.VITEST) return existsSync(published) ? published : null;
  // Relative to the root: the analyzer joins --outdir to its `cwd` even when it is absolute.
  const cacheDir = 'node_modules/.cache/akto-storybook';
  const cached = join(root, cacheDir, 'custom-elements.json');
  try {
    const newest = newestSource(join(root, 'src'), join(root, 'src', 'mocks'));
    if (freshFile(published, newest)) return published;
    if (freshFile(cached, newest)) return cached;
    // The same analysis as `npm run manifest` (custom-elements-manifest.config.mjs, if any), with
    // only the output moved to the cache. Run from the cache folder: the analyzer rewrites the
    // package.json of its working directory ("customElements", and the file's formatting) unless
    // the config says `packagejson: false`, and the project's package.json must not change.
    mkdirSync(join(root, cacheDir), { recursive: true });
    const analyzer = pathToFileURL(join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cli.js')).href;
    const script = `const { cli } = await import(${JSON.stringify(analyzer)}); await cli({ argv: ['analyze', '--outdir', ${JSON.stringify(cacheDir)}, '--quiet'], cwd: ${JSON.stringify(root)} });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: join(root, cacheDir), encoding: 'utf8' });
    if (run.status !== 0) console.warn(`[storybook] The custom elements manifest could not be generated; docs pages will have no element tables.\n${run.stderr || run.error || ''}`);
  } catch (error) {
    console.warn('[storybook] The custom elements manifest could not be generated:', error);
  }
  return existsSync(cached) ? cached : existsSync(published) ? published : null;
}

export function customElementsManifest(root: string): Plugin {
  let file: string | null | undefined;
  return {
    name: 'akto:custom-elements-manifest',
    resolveId: (source) => (source === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      file ??= locateManifest(root);
      if (!file) return 'export default null;';
      // `npm run manifest` during `storybook dev` reloads the docs with the new file.
      this.addWatchFile(file);
      return `export default ${readFileSync(file, 'utf8')};`;
    },
  };
}
