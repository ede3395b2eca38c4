/**
 * Parts of nested elements, passed up to the page under a prefix (Shoelace's `exportparts`):
 * `<akto-invoice-widget>`'s `list-table` is its list's `table`. Each element folder's `parts.ts`
 * lists the parts the element offers, its nested elements' included, so the chain is written once.
 */
export function prefixed(prefix: string, parts: readonly string[]): string[] {
  return parts.map((part) => `${prefix}-${part}`);
}

/** The `exportparts` value that offers `parts` of a nested element as `prefix-part`. */
export function exportParts(prefix: string, parts: readonly string[]): string {
  return parts.map((part) => `${part}:${prefix}-${part}`).join(', ');
}
