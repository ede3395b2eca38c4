/**
 * Lit's `html` and `svg` literals ship as written: the line breaks and indentation between their
 * tags would be in the script a partner downloads and, worse, in every copy of the template:
 * each such run is a text node that Lit clones and walks past, and that the browser styles, for
 * every row drawn (20 uploads, 50 invoices to validate). For the single script (vite.config.ts)
 * and the floor bundled the same way (scripts/size.mjs), a whitespace run that holds a line break
 * and lies between two tags goes: `>\n    <` becomes `><`.
 *
 * Such a run shows only between two inline elements side by side, as one space: a space that must
 * show is written on one line (`</b> <b>`), and is kept. Whatever sits next to a `${…}` or to text
 * is kept as written. After every story, stories/support/template-whitespace.ts empties the runs
 * this removes and checks that no element of the page moves; test/build/html-literals.test.ts
 * checks what the rewrite touches.
 */
import { literalsPlugin } from './tagged-literals.mjs';

/** One literal's text (or a part of it between two `${…}`), minified. */
export const minifyHtmlText = (text) => text.replace(/>[ \t]*\n\s*</g, '><');

/** A Vite plugin: every `html\`…\`` and `svg\`…\`` in src/ minified (see above). */
export const minifyHtmlLiterals = () => literalsPlugin('akto-minify-html-literals', ['html', 'svg'], minifyHtmlText);
