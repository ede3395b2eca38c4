/**
 * Finds the tagged template literals of some tags (`css`, `html`, `svg`) in a module's code and
 * rewrites their text, for the build-time minifiers (css-literals.mjs, html-literals.mjs). Only
 * the text between the backticks changes; each `${…}` is copied as it is, save the tagged literals
 * inside it (Lit's nested templates), which are rewritten too.
 *
 * A tag counts when it is not part of a longer name, a property (`x.html`) or a quoted word
 * (« the `html` literal », in a comment).
 */

import MagicString from 'magic-string';

/**
 * Where the literals' text changes: each part of a literal's text (the whole text, or the text
 * before, between or after its `${…}`) whose rewrite differs, by its offsets in `code`.
 *
 * @param {string} code
 * @param {readonly string[]} tags
 * @param {(text: string, part: { first: boolean; last: boolean }) => string} rewrite one part of
 *   a literal's text
 * @param {number} [base] where `code` starts in the module (a `${…}`'s inside is walked on its own)
 * @returns {{ start: number; end: number; text: string }[]} in order, none overlapping
 */
export function taggedLiteralEdits(code, tags, rewrite, base = 0) {
  const opening = new RegExp(`(?<![\\w$.\`])(?:${tags.join('|')})\``, 'g');
  /** @type {{ start: number; end: number; text: string }[]} */
  const edits = [];
  let first = true;
  const part = (start, end, last) => {
    const text = code.slice(start, end);
    const rewritten = rewrite(text, { first, last });
    if (rewritten !== text) edits.push({ start: base + start, end: base + end, text: rewritten });
    first = false;
  };
  for (let match = opening.exec(code); match; match = opening.exec(code)) {
    let i = match.index + match[0].length;
    let textStart = i;
    first = true;
    // Up to the closing backtick: each part of the text rewritten, each `${…}` walked for its own literals (its braces counted).
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') i += 2;
      else if (code.startsWith('${', i)) {
        part(textStart, i, false);
        const open = i + 2;
        let depth = 1;
        for (i = open; i < code.length && depth > 0; i++) {
          if (code[i] === '{') depth++;
          else if (code[i] === '}') depth--;
        }
        edits.push(...taggedLiteralEdits(code.slice(open, i - 1), tags, rewrite, base + open));
        textStart = i;
      } else i++;
    }
    part(textStart, i, true);
    opening.lastIndex = i + 1;
  }
  return edits;
}

/**
 * A Vite plugin (build only) that rewrites the literals of `tags` in src/'s TypeScript modules,
 * with a source map of its edits: the npm build's maps still point to the right lines of src/.
 */
export function literalsPlugin(name, tags, rewrite) {
  return {
    name,
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !tags.some((tag) => code.includes(`${tag}\``))) return null;
      const edits = taggedLiteralEdits(code, tags, rewrite);
      if (!edits.length) return null;
      const edited = new MagicString(code);
      // A part is never empty (an empty one rewrites to itself), but may be rewritten to nothing.
      for (const edit of edits) {
        if (edit.text) edited.overwrite(edit.start, edit.end, edit.text);
        else edited.remove(edit.start, edit.end);
      }
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) };
    },
  };
}
