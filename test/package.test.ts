/**
 * package.json against the sources: the version, and the `sideEffects` list. A bundler drops
 * every module not listed in `sideEffects` whose exports go unused: a registering file missing
 * from the list (Shoelace's pitfall) means `import 'akto-invoice-widget/elements/x'` silently
 * registers nothing in the portal's production build.
 */
import { expect } from '@open-wc/testing';
import { VERSION } from '../src/version.js';

interface PackageJson {
  version: string;
  main?: string;
  module?: string;
  exports: Record<string, string | Record<string, string>>;
  sideEffects: string[] | boolean;
}

/** A `sideEffects` glob as webpack and Rollup read it: no slash → any folder; `*` stays in one folder. */
function sideEffectsRegExp(glob: string): RegExp {
  let pattern = glob.replace(/^\.\//, '');
  if (!pattern.includes('/')) pattern = `**/${pattern}`;
  const source = pattern
    .split(/(\*\*\/|\*|\?)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** An `exports` target pattern, as Node reads it: each `*` stands for the same subpath. */
function exportsRegExp(target: string): RegExp {
  return new RegExp(`^${target.replace(/^\.\//, '').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '(.+)')}$`);
}

const registers = (source: string) => /\b(defineElement|customElements\.define)\s*\(/.test(source);

async function text(path: string): Promise<string | undefined> {
  const response = await fetch(path, { cache: 'no-store' });
  return response.ok ? response.text() : undefined;
}

describe('package.json', () => {
  let pkg: PackageJson;
  let sideEffects: RegExp[];
  /** Every file an `exports` entry points to (not the types), as patterns. */
  let targets: { key: string; target: string; regExp: RegExp }[];
  let elements: string[];

  const hasSideEffects = (file: string) => sideEffects.some((glob) => glob.test(file.replace(/^\.\//, '')));
  const exported = (file: string) => targets.find(({ regExp }) => regExp.test(file.replace(/^\.\//, '')));

  before(async () => {
    pkg = JSON.parse((await text('/package.json'))!) as PackageJson;
    expect(pkg.sideEffects, 'sideEffects must list the registering files (not true, not false)').to.be.an('array');
    sideEffects = (pkg.sideEffects as string[]).map(sideEffectsRegExp);
    targets = Object.entries(pkg.exports).flatMap(([key, value]) =>
      (typeof value === 'string' ? [value] : Object.entries(value).filter(([condition]) => condition !== 'types').map(([, target]) => target)).map((target) => ({ key, target, regExp: exportsRegExp(target) })),
    );
    // src/index.ts registers every element by importing its define.ts. (The test server serves
    // .ts files compiled, their `.js` import specifiers turned into `.ts`.)
    const index = (await text('/src/index.ts'))!;
    elements = [...index.matchAll(/import\s+['"]\.\/elements\/([^/'"]+)\/define\.[jt]s['"]/g)].map((match) => match[1]!);
  });

  it('has the version of src/version.ts', () => {
    expect(VERSION, 'src/version.ts VERSION must equal package.json "version"').to.equal(pkg.version);
  });

  it('points main and module at the package root export', () => {
    const root = pkg.exports['.'] as Record<string, string>;
    expect(pkg.main).to.equal(root.default);
    expect(pkg.module).to.equal(root.default);
  });

  it('registers its elements from src/index.ts', () => {
    expect(elements).to.include('akto-provider');
  });

  it('lists every registering file in sideEffects, and each one is exported', async () => {
    const registering = [
      { src: 'src/index.ts', dist: 'dist/npm/index.js' },
      ...elements.map((name) => ({ src: `src/elements/${name}/define.ts`, dist: `dist/npm/elements/${name}/define.js` })),
    ];
    for (const { src, dist } of registering) {
      const source = await text(`/${src}`);
      expect(source, `${src} exists`).to.be.a('string');
      expect(registers(source!) || /import\s+['"][^'"]*define\.[jt]s['"]/.test(source!), `${src} registers elements`).to.be.true;
      expect(hasSideEffects(src), `package.json sideEffects must match ${src}`).to.be.true;
      expect(hasSideEffects(dist), `package.json sideEffects must match ${dist}`).to.be.true;
      expect(exported(dist), `package.json exports must point to ${dist}`).to.not.be.undefined;
    }
    expect(hasSideEffects('dist/akto-invoice-widget.js'), 'package.json sideEffects must match the single script').to.be.true;
    expect(hasSideEffects('dist/chunks/shared-0123abcd.js'), 'package.json sideEffects must match the single script\'s chunks (dist/chunks/*.js)').to.be.true;
    expect(exported('dist/akto-invoice-widget.js'), 'package.json exports must point to the single script').to.not.be.undefined;
  });

  it('lists in sideEffects only files the package exports or their sources', () => {
    for (const glob of pkg.sideEffects as string[]) {
      const file = glob.replace(/^\.\//, '');
      // The single script's lazy and shared chunks: imported by the script only, never exported.
      if (file === 'dist/chunks/*.js') continue;
      const dist = file.startsWith('src/') ? file.replace(/^src\//, 'dist/npm/').replace(/\.ts$/, '.js') : file;
      // A pattern entry is checked with an element name in place of its `*`.
      const concrete = dist.replace(/\*/g, elements[0] ?? 'akto-provider');
      expect(exported(concrete), `sideEffects entry ${glob} matches no exports target (a typo?)`).to.not.be.undefined;
    }
  });

  it('keeps element classes free of registration, so `/elements/<name>/class` has no side effect', async () => {
    for (const name of elements) {
      const source = await text(`/src/elements/${name}/${name}.ts`);
      expect(source, `src/elements/${name}/${name}.ts exists`).to.be.a('string');
      expect(registers(source!), `src/elements/${name}/${name}.ts must not register itself (define.ts does)`).to.be.false;
      expect(hasSideEffects(`dist/npm/elements/${name}/${name}.js`), `dist/npm/elements/${name}/${name}.js is not in sideEffects`).to.be.false;
      expect(exported(`dist/npm/elements/${name}/${name}.js`), `exports must point to dist/npm/elements/${name}/${name}.js`).to.not.be.undefined;
    }
  });
});
