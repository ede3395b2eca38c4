/**
 * URI components that never throw. `encodeURIComponent` throws « URI malformed » on a lone
 * surrogate (a truncated emoji in a dossier number from the API), `decodeURIComponent` on a stray
 * `%` (`#akto=invoice/%` typed by hand): either would stop a render or a listener's setup.
 */

/** Encoded, a lone surrogate first replaced by U+FFFD as the browser does when it shows one. */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** Decoded, or `null` when the text is not a valid encoding. */
export function decodeSegment(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
