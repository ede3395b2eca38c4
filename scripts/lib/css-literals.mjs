/**
 * Lit's `css` literals ship as written: their comments, indentation and line breaks would be in
 * the script a partner downloads (a minifier never touches a template literal's text). For the
 * single script (vite.config.ts), and for the peer and floor bundled the same way
 * (scripts/size.mjs), each literal's text loses its comments, its whitespace runs become one space,
 * and the spaces beside `{ } ; : ,` go: CSS that the browser reads the same
 * (test/build/css-literals.test.ts compares every element's parsed rules). Its `${…}` parts and
 * its quoted strings are kept as they are.
 */
import { literalsPlugin } from './tagged-literals.mjs';

/** One literal's text (or a part of it between two `${…}`), minified. */
export function minifyCssText(text) {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const char = text[i];
    if (char === '"' || char === "'") {
      // A quoted string (`content: ' : '`) is kept whole.
      let end = i + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1;
      out += `\u0000${text.slice(i, end + 1)}\u0000`;
      i = end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else {
      out += /\s/.test(char) ? ' ' : char;
      i++;
    }
  }
  // The strings, fenced by NUL above, are left out of the replacements.
  return out
    .split('\u0000')
    .map((part, index) => (index % 2 ? part : part.replace(/ {2,}/g, ' ').replace(/ ?([{};,]) ?/g, '$1').replace(/: /g, ':')))
    .join('');
}

/** A Vite plugin: every `css\`…\`` in src/ minified (see above). */
export function minifyCssLiterals() {
  return literalsPlugin('akto-minify-css-literals', ['css'], (text, { first, last }) => {
    const minified = minifyCssText(text);
    const trimmed = first ? minified.replace(/^ /, '') : minified;
    return last ? trimmed.replace(/ $/, '') : trimmed;
  });
}
