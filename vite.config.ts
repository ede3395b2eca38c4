/**
 * Two builds from the same sources.
 *
 * - `vite build` → `dist/akto-invoice-widget.js`: the single self-registering script a partner
 *   page loads with `<script type="module" src=".../akto-invoice-widget.js">`. Lit and every
 *   dependency bundled, minified. Dynamic `import()`s (pdf.js, the reader, FilePond) become lazy
 *   chunks in `dist/chunks/`, imported with relative URLs, so `dist/` can be hosted anywhere.
 * - `vite build --mode npm` → `dist/npm/`: ES modules mirroring `src/` (see package.json
 *   `exports`), dependencies left as imports for the AKTO portal's own bundler.
 *
 * Each mode deletes only its own outputs, so `build:script`, `build:npm` and `build:types` can
 * run in any order and leave all three in `dist/`.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { minifyCssLiterals } from './scripts/lib/css-literals.mjs';
import { minifyHtmlLiterals } from './scripts/lib/html-literals.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Under dist/: the single script, the folder of its lazy chunks, the npm build. scripts/size.mjs knows them too. */
const SCRIPT_FILE = 'akto-invoice-widget.js';
const CHUNKS_DIR = 'chunks';
const NPM_DIR = 'npm';

/**
 * Left as imports in the npm build (the portal's bundler resolves them, once for the whole portal);
 * bundled in the script: these, and any other dependency or peer dependency of package.json.
 */
const EXTERNAL = [/^lit(\/|$)/, /^@lit\//, /^lit-html(\/|$)/, /^lit-element(\/|$)/, /^zod(\/|$)/, /^filepond/, /^pdfjs-dist/, /^msw(\/|$)/];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: object; peerDependencies?: object };
const DEPENDENCIES = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const packageName = (id: string) => id.split('/').slice(0, id.startsWith('@') ? 2 : 1).join('/');
/** CSS imported with `?inline` is a string in a module: inlined even from a dependency. */
const isExternal = (id: string) => !/\.css(\?|$)/.test(id) && (EXTERNAL.some((pattern) => pattern.test(id)) || DEPENDENCIES.has(packageName(id)));

/**
 * npm entry points, by output name (path under src/ without extension): the package root, each
 * element's class module and registration (`src/elements/<name>/<name>.ts`, `define.ts`, found by
 * listing the folder, so a new element needs no change here), and the secondary entry points.
 */
function npmEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  const add = (file: string) => {
    if (existsSync(join(src, file))) entries[file.replace(/\.ts$/, '')] = join(src, file);
  };
  add('index.ts');
  for (const name of readdirSync(join(src, 'elements'), { withFileTypes: true })) {
    if (!name.isDirectory()) continue;
    add(`elements/${name.name}/define.ts`);
    add(`elements/${name.name}/${name.name}.ts`);
  }
  for (const file of ['mocks/index.ts', 'api/index.ts', 'rules/index.ts', 'reader/index.ts']) add(file);
  return entries;
}

/** Deletes this mode's previous outputs (and nothing else in dist/) before building. */
function clean(paths: string[]): Plugin {
  return {
    name: 'akto-clean-own-outputs',
    apply: 'build',
    buildStart() {
      for (const path of paths) rmSync(join(dist, path), { recursive: true, force: true });
    },
  };
}

/**
 * Modules from outside src/ kept in the npm build (an `?inline` stylesheet from a dependency, a
 * compiler helper) go to `dist/npm/_vendor/…`, not to a `node_modules` folder that npm would leave
 * out of the published package.
 */
function npmFileName(chunk: { name: string }): string {
  const name = chunk.name.replace(/\\/g, '/');
  if (!/^(_virtual\/|\.\.\/)|(^|\/)node_modules\//.test(name)) return `${name}.js`;
  const vendored = name.replace(/^_virtual\//, '').replace(/^(\.\.\/)+/, '').replace(/(^|\/)node_modules\//g, '$1').replace(/^[_@]+/, '');
  return `_vendor/${vendored}.js`;
}

/**
 * pdf.js's worker script (`pdfjs-dist/build/pdf.worker.min.mjs?url`, src/reader/pdf-worker.ts) is
 * emitted as its own file next to the chunks: library mode would inline it as a 1.4 MB `data:` URL,
 * which no CSP allows as a worker (`worker-src 'self' blob:`) and every page would download.
 */
function workerAsFile(): Plugin {
  return {
    name: 'akto-pdf-worker-as-file',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('pdf.worker.min.mjs?url')) return null;
      return this.resolve(`${source}&no-inline`, importer, { skipSelf: true });
    },
  };
}

/**
 * The licence notices of the bundled code (Lit's, zod's…) in one file beside the script,
 * `dist/THIRD-PARTY-NOTICES.txt`, each notice once, rather than repeated in every chunk the
 * partner page downloads; the script's first line points to it.
 */
const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';
function noticesFile(): Plugin {
  return {
    name: 'akto-third-party-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      const notices = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        file.code = file.code.replace(/\/\*[*!][^*]*\*+(?:[^/*][^*]*\*+)*\/\n?/g, (comment) => {
          if (!/@license|@preserve|copyright/i.test(comment)) return comment;
          notices.add(comment.trim());
          return '';
        });
        if (file.fileName === SCRIPT_FILE) file.code = `/*! akto-invoice-widget. Licences of the code bundled here: ${NOTICES_FILE} */\n${file.code}`;
      }
      this.emitFile({ type: 'asset', fileName: NOTICES_FILE, source: `${[...notices].join('\n\n')}\n` });
    },
  };
}

export default defineConfig(({ mode }) => {
  const npm = mode === 'npm';
  return {
    build: {
      outDir: 'dist',
      // Several builds share dist/: each one cleans its own outputs (see clean()).
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      reportCompressedSize: false,
      // Maps to src/ (published too) for the portal's debugging; none for the partner script.
      sourcemap: npm,
      // npm: readable modules (dead code removed; the literals' text minified, see plugins), minified by the portal's bundler. Script: see output.minify.
      minify: npm ? false : 'oxc',
      lib: npm
        ? { entry: npmEntries(), formats: ['es'] }
        : { entry: join(src, 'script.ts'), formats: ['es'], fileName: () => SCRIPT_FILE },
      rolldownOptions: npm
        ? {
            external: isExternal,
            output: {
              dir: join(dist, NPM_DIR),
              preserveModules: true,
              preserveModulesRoot: src,
              entryFileNames: npmFileName,
              // src/ is published: the maps point to it rather than carrying a copy.
              sourcemapExcludeSources: true,
            },
          }
        : {
            output: {
              entryFileNames: SCRIPT_FILE,
              // Lazy chunks keep their module's name; code shared by the script and lazy chunks
              // goes to a `shared-` chunk (Rolldown names it after its first module otherwise).
              chunkFileNames: (chunk: { isDynamicEntry: boolean }) => `${CHUNKS_DIR}/${chunk.isDynamicEntry ? '[name]' : 'shared'}-[hash].js`,
              // pdf.js's worker script as `.js`: any server gives that a JavaScript type, which a module worker needs.
              assetFileNames: (asset: { names?: string[] }) => `${CHUNKS_DIR}/[name]-[hash]${asset.names?.[0]?.endsWith('.mjs') ? '.js' : '[extname]'}`,
              // The script is the end product, not an input for another bundler: full
              // minification, whitespace and comments included (lib mode keeps both by default).
              minify: true,
              // Everything the script imports statically (what the first view needs) in ONE chunk:
              // left to itself, Rolldown cuts it into a `shared-` chunk per set of lazy chunks that
              // also use a part, 10 files compressed apart (38,452 B gzip before paint, 34,990 B in one).
              // Lazy chunks import from it; it is loaded before they are anyway.
              codeSplitting: { groups: [{ name: 'first', tags: ['$initial'] }] },
              comments: { legal: true, annotation: false, jsdoc: false },
            },
          },
    },
    // The script runs in partners' pages: no `process` there, and Lit/FilePond/pdf.js take their
    // production paths. The npm build leaves `process.env.NODE_ENV` to the portal's bundler.
    define: npm ? {} : { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: {
      // FilePond's `browser` field points at its UMD build, which Vite prefers: it would be wrapped
      // as CommonJS, with an interop chunk the script must load before painting. Its own minified
      // ES build is smaller too. (The npm build keeps `import 'filepond'` for the portal to resolve.)
      alias: npm ? [] : [{ find: /^filepond$/, replacement: 'filepond/dist/filepond.esm.min.js' }],
    },
    // The script's assets (pdf.js's worker) are found relative to the chunk that names them
    // (`new URL(…, import.meta.url)`), so `dist/` works wherever it is hosted.
    experimental: npm ? {} : { renderBuiltUrl: () => ({ relative: true }) },
    // Both builds minify the `css` and `html` literals' text: no bundler of the portal's would (it
    // leaves a template literal's text alone), and the elements then build the same DOM from npm as
    // from the script. The npm build's source maps still point to src/ (see literalsPlugin).
    plugins: [clean(npm ? [NPM_DIR] : [SCRIPT_FILE, `${SCRIPT_FILE}.map`, CHUNKS_DIR, NOTICES_FILE]), ...(npm ? [] : [workerAsFile(), noticesFile()]), minifyCssLiterals(), minifyHtmlLiterals()],
  };
});
