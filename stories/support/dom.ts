/**
 * Testing Library's queries (`within(canvas).getByText`) stop at shadow roots, and every akto
 * element renders in one. These helpers look through open shadow roots, in the order the page
 * shows things (slots replaced by what is assigned to them), for play functions.
 *
 * ```ts
 * play: async ({ canvasElement }) => {
 *   await waitForText(canvasElement, 'SNC KAVKAZ');
 *   const button = await findDeep<HTMLButtonElement>(canvasElement, 'button[type=submit]');
 * }
 * ```
 */
import { expect, waitFor } from 'storybook/test';

/** Long enough for a first MSW answer and pdf.js's first load (a file is read before it uploads) in a cold browser on a 2-core machine loaded by other jobs (10 s was not, at a load of 15). A wait ends as soon as its state is there. */
export const DEFAULT_TIMEOUT_MS = 30_000;

function* flatChildren(node: Node): Generator<Node> {
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    yield* assigned.length ? assigned : node.childNodes;
    return;
  }
  const root = node instanceof Element ? node.shadowRoot : null;
  yield* (root ?? node).childNodes;
}

const HIDDEN = new Set(['STYLE', 'SCRIPT', 'TEMPLATE']);

/** The text the page shows inside `root`, shadow roots included, whitespace collapsed. */
export function deepText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    else if (node instanceof Element && (HIDDEN.has(node.tagName) || node.hasAttribute('hidden'))) return;
    else for (const child of flatChildren(node)) walk(child);
    if (node instanceof Element) parts.push(' ');
  };
  walk(root);
  // As read: without the isolation marks (U+2068…U+2069) around names from the API.
  return parts.join('').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

/** Every element matching `selector` inside `root`, through open shadow roots (light DOM first). */
export function deepQueryAll<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  const visit = (node: ParentNode): void => {
    for (const element of node.querySelectorAll('*')) {
      if (element.shadowRoot) {
        found.push(...element.shadowRoot.querySelectorAll<E>(selector));
        visit(element.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    found.push(...root.shadowRoot.querySelectorAll<E>(selector));
    visit(root.shadowRoot);
  }
  visit(root);
  return [...new Set(found)];
}

/** The first element matching `selector` inside `root`, through open shadow roots; null if none. */
export function deepQuery<E extends Element = Element>(root: ParentNode, selector: string): E | null {
  return deepQueryAll<E>(root, selector)[0] ?? null;
}

/** Waits until `root` shows `text` (a substring, or a pattern); returns the whole text. */
export async function waitForText(root: Node, text: string | RegExp, timeout = DEFAULT_TIMEOUT_MS): Promise<string> {
  return waitFor(
    () => {
      const shown = deepText(root);
      if (typeof text === 'string') expect(shown).toContain(text);
      else expect(shown).toMatch(text);
      return shown;
    },
    { timeout },
  );
}

/** Waits until an element matching `selector` is inside `root` (through shadow roots) and returns it. */
export async function findDeep<E extends Element = Element>(root: ParentNode, selector: string, timeout = DEFAULT_TIMEOUT_MS): Promise<E> {
  return waitFor(
    () => {
      const element = deepQuery<E>(root, selector);
      expect(element, `no element matches ${selector}`).not.toBeNull();
      return element!;
    },
    { timeout },
  );
}
