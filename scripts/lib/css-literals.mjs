/**
 * Lit's `css` literals ship as written: their comments, indentation and line breaks would be in
 * the script a partner downloads (a minifier never touches a template literal's text). For the
 * single script (vite.config.ts), and for the peer and floor bundled the same way
 * (scripts/size.mjs), each literal's text loses its comments, its whitespace runs become one space,
 * and the spaces beside `{ } ; : ,` go: CSS that the browser reads the same
 * (test/build/css-literals.test.ts compares every element's parsed rules). Its `${…}` parts and
 * its quoted strings are kept as they are.
 */

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
  return {
    name: 'akto-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      let out = '';
      let from = 0;
      for (let start = code.indexOf('css`'); start >= 0; start = code.indexOf('css`', from)) {
        out += code.slice(from, start + 4);
        let i = start + 4;
        let text = '';
        let first = true;
        const minified = (part, last) => {
          const result = minifyCssText(part);
          const trimmed = first ? result.replace(/^ /, '') : result;
          first = false;
          return last ? trimmed.replace(/ $/, '') : trimmed;
        };
        // Up to the closing backtick: the text is minified, each `${…}` copied as is (its braces counted).
        while (i < code.length && code[i] !== '`') {
          if (code[i] === '\\') {
            text += code.slice(i, i + 2);
            i += 2;
          } else if (code.startsWith('${', i)) {
            out += minified(text, false);
            text = '';
            const open = i++;
            let depth = 0;
            do {
              if (code[i] === '{') depth++;
              else if (code[i] === '}') depth--;
              i++;
            } while (depth > 0 && i < code.length);
            out += code.slice(open, i);
          } else text += code[i++];
        }
        out += `${minified(text, true)}\``;
        from = i + 1;
      }
      return { code: out + code.slice(from), map: null };
    },
  };
}
