/**
 * Finds the tagged template literals of some tags (`css`, `html`, `svg`) in a module's code and
 * rewrites their text, for the build-time minifiers (css-literals.mjs, html-literals.mjs). Only
 * the text between the backticks changes; each `${…}` is copied as it is, save the tagged literals
 * inside it (Lit's nested templates), which are rewritten too.
 *
 * A tag counts when it is not part of a longer name, a property (`x.html`) or a quoted word
 * (« the `html` literal », in a comment).
 */

/**
 * @param {string} code
 * @param {readonly string[]} tags
 * @param {(text: string, part: { first: boolean; last: boolean }) => string} rewrite one part of
 *   a literal's text: the whole text, or the text before, between or after its `${…}`
 * @returns {string}
 */
export function rewriteTaggedLiterals(code, tags, rewrite) {
  const opening = new RegExp(`(?<![\\w$.\`])(?:${tags.join('|')})\``, 'g');
  let out = '';
  let from = 0;
  for (let match = opening.exec(code); match; match = opening.exec(code)) {
    let i = match.index + match[0].length;
    out += code.slice(from, i);
    let text = '';
    let first = true;
    // Up to the closing backtick: the text rewritten, each `${…}` copied (its braces counted), its own literals rewritten.
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code.startsWith('${', i)) {
        out += rewrite(text, { first, last: false });
        text = '';
        first = false;
        const open = i + 2;
        let depth = 1;
        for (i = open; i < code.length && depth > 0; i++) {
          if (code[i] === '{') depth++;
          else if (code[i] === '}') depth--;
        }
        out += `\${${rewriteTaggedLiterals(code.slice(open, i - 1), tags, rewrite)}}`;
      } else text += code[i++];
    }
    out += `${rewrite(text, { first, last: true })}\``;
    from = i + 1;
    opening.lastIndex = from;
  }
  return out + code.slice(from);
}

/** A Vite plugin (build only) that rewrites the literals of `tags` in src/'s TypeScript modules. */
export function literalsPlugin(name, tags, rewrite) {
  return {
    name,
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !tags.some((tag) => code.includes(`${tag}\``))) return null;
      return { code: rewriteTaggedLiterals(code, tags, rewrite), map: null };
    },
  };
}
