/**
 * The single script's templates lose the line breaks and indentation between their tags
 * (scripts/lib/html-literals.mjs); the stories draw the templates as written. After each story,
 * this empties those text nodes in every shadow root of the page and checks that nothing a user
 * sees moved: every element's box is where it was. A space that shows (two inline elements side
 * by side) must be written on one line, where the build keeps it.
 */
import { deepQueryAll } from './dom.js';

/** Lit's markers of a `${…}` (`<!--?lit$123$-->`, `<!---->`): text beside one is beside a `${…}`, which the build keeps. */
const isPartMarker = (node: Node) => node instanceof Comment && /^(\?lit\$\d+\$)?$/.test(node.data);
/** A tag of the template on that side: an element, a comment written in it, or the parent's own tag. */
const isTagSide = (node: Node | null) => node === null || node instanceof Element || (node instanceof Comment && !isPartMarker(node));

/** The text nodes the build removes: whitespace holding a line break, between two tags. */
function removedByTheBuild(root: ShadowRoot): Text[] {
  const found: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (/^\s*$/.test(node.data) && node.data.includes('\n') && isTagSide(node.previousSibling) && isTagSide(node.nextSibling)) found.push(node);
  }
  return found;
}

/** Every element's box, by element. */
function boxes(elements: Element[]): Map<Element, string> {
  return new Map(elements.map((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return [element, [x, y, width, height].map((v) => v.toFixed(2)).join(' ')];
  }));
}

/** What an element is, for the failure message: its tag, id, class and first words. */
const describe = (element: Element) =>
  `<${element.localName}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}> « ${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)} »`;

/**
 * Throws when emptying the whitespace the build removes moves any element of the page. All in one
 * task: no frame comes between the measures, so nothing moves by itself (a transition, a spinner).
 */
export function checkTemplateWhitespace(): void {
  const elements = deepQueryAll(document, '*');
  const texts = elements.flatMap((element) => (element.shadowRoot ? removedByTheBuild(element.shadowRoot) : []));
  if (!texts.length) return;
  const before = boxes(elements);
  const data = texts.map((text) => text.data);
  texts.forEach((text) => (text.data = ''));
  let after: Map<Element, string>;
  try {
    after = boxes(elements);
  } finally {
    texts.forEach((text, i) => (text.data = data[i]!));
  }
  const moved = elements.filter((element) => before.get(element) !== after.get(element));
  if (moved.length) {
    throw new Error(
      `Without the line breaks between their tags (as the build ships them), ${moved.length} elements move: ${moved
        .slice(0, 5)
        .map((element) => `${describe(element)} ${before.get(element)} → ${after.get(element)}`)
        .join('; ')}. Write a space that must show on one line.`,
    );
  }
}
