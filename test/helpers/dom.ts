/** What every element test reads its shadow DOM with, written once. */

/** An element's shadow root (every akto element has an open one). */
export const shadow = (el: Element | null | undefined): ShadowRoot => el!.shadowRoot!;

export const $ = <E extends Element = HTMLElement>(scope: ParentNode, selector: string): E | null => scope.querySelector<E>(selector);

export const $$ = <E extends Element = HTMLElement>(scope: ParentNode, selector: string): E[] => [...scope.querySelectorAll<E>(selector)];

/**
 * The text a user reads: white space collapsed, and without the isolation marks (U+2068…U+2069)
 * that keep right-to-left names from reordering a sentence.
 */
export const text = (node: Node | null | undefined): string =>
  (node?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** The button whose text or accessible name is `label`. */
export const button = (scope: ParentNode, label: string): HTMLButtonElement | undefined =>
  $$<HTMLButtonElement>(scope, 'button').find((b) => text(b) === label || b.getAttribute('aria-label') === label);
