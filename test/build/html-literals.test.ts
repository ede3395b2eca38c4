/**
 * The single script's `html` and `svg` literals lose the line breaks between their tags at build
 * time (scripts/lib/html-literals.mjs). That nothing a user sees moves for it is checked on every
 * story (stories/support/template-whitespace.ts); here, what the rewrite touches and what it leaves.
 */
import { decode } from '@jridgewell/sourcemap-codec';
import { expect } from '@open-wc/testing';
import { minifyHtmlLiterals, minifyHtmlText } from '../../scripts/lib/html-literals.mjs';

const plugin = minifyHtmlLiterals() as unknown as { transform(code: string, id: string): { code: string; map: { mappings: string } } | null };
const transform = (source: string) => plugin.transform(source, '/x/src/y.ts')?.code ?? source;

describe('the html literals minified at build time', () => {
  it('drops a whitespace run with a line break between two tags, and nothing else', () => {
    expect(minifyHtmlText('<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>')).to.equal('<ul><li>a</li><li>b</li></ul>');
    // A space on one line shows between two inline elements: kept.
    expect(minifyHtmlText('<b>a</b> <b>b</b>')).to.equal('<b>a</b> <b>b</b>');
    // Beside text: kept as written.
    expect(minifyHtmlText('<p>\n  Déposez vos fichiers\n</p>')).to.equal('<p>\n  Déposez vos fichiers\n</p>');
  });

  it('rewrites the templates nested in a `${…}`, keeps the `${…}` and the space beside it', () => {
    const source = [
      'const row = html`<li>',
      '  <span>${name}</span>',
      "  ${ok ? html`<p>",
      '      <b>${x.map((y) => svg`<g>',
      '        <path/>',
      '      </g>`)}</b>',
      "    </p>` : nothing}",
      '</li>`;',
    ].join('\n');
    expect(transform(source)).to.equal(["const row = html`<li><span>${name}</span>", '  ${ok ? html`<p><b>${x.map((y) => svg`<g><path/></g>`)}</b></p>` : nothing}', '</li>`;'].join('\n'));
  });

  it('leaves other literals, a property named html and a word quoted in a comment', () => {
    const source = ['// the `html` literal: <a>', '//   <b>', 'const a = css`a {\n}\n<b>`;', 'const b = this.html`<p>\n  <b>`;', 'const c = `<p>\n  <b>`;'].join('\n');
    expect(transform(source)).to.equal(source);
  });

  it('maps the code after a literal it shortened to its own line and column (the npm build keeps source maps)', () => {
    const source = ['const list = html`<ul>', '  <li>${a}</li>', '  <li>b</li>', '</ul>`;', 'export const marker = list;'].join('\n');
    const result = plugin.transform(source, '/x/src/y.ts')!;
    const lines = result.code.split('\n');
    const line = lines.findIndex((text) => text.includes('marker'));
    expect(line, 'the literal lost its line breaks').to.equal(1);
    const column = lines[line]!.indexOf('marker');
    const segment = decode(result.map.mappings)[line]!.filter((s) => s[0] <= column).at(-1)!;
    expect([segment[2], segment[3]]).to.deep.equal([4, source.split('\n')[4]!.indexOf('marker')]);
  });
});
