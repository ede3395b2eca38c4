/**
 * The only Trusted Types policy this package creates, `akto-invoice-widget`, shared by everything
 * that needs it: FilePond's constant markup (createHTML) and pdf.js's worker script
 * (createScriptURL). Never for content from users or the API. A page whose CSP restricts policy
 * names adds it: `trusted-types akto-invoice-widget`. No default policy is ever created.
 */
import { TRUSTED_TYPES_POLICY } from './trusted-types-name.js';

export { TRUSTED_TYPES_POLICY };

export interface WidgetPolicy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

type Factory = { createPolicy(name: string, rules: { createHTML(input: string): string; createScriptURL(input: string): string }): WidgetPolicy };

let policy: WidgetPolicy | null | undefined;

/**
 * The script URLs the policy vouches for: a `blob:` URL this page made, or pdf.js's worker
 * script (`pdf.worker…mjs`). Anything else is refused (the policy throws, as Trusted Types wants).
 */
function scriptURL(input: string): string {
  const url = new URL(input, document.baseURI);
  if (url.protocol === 'blob:' || /\/pdf\.worker[\w.-]*\.m?js$/.test(url.pathname)) return url.href;
  throw new TypeError(`${TRUSTED_TYPES_POLICY}: not a script URL of this package: ${input}`);
}

/**
 * The page's Trusted Types API, or null when the browser has none (then plain strings are taken
 * everywhere).
 */
export function trustedTypesFactory(): Factory | null {
  return (globalThis as { trustedTypes?: Factory }).trustedTypes ?? null;
}

/**
 * The package's policy, created on first use; null when the browser has no Trusted Types, or
 * when the page does not allow the policy (then each caller does without: drag and drop off, no
 * pdf.js worker). Never throws.
 */
export function widgetPolicy(): WidgetPolicy | null {
  if (policy !== undefined) return policy;
  const factory = trustedTypesFactory();
  try {
    policy = factory ? factory.createPolicy(TRUSTED_TYPES_POLICY, { createHTML: (input) => input, createScriptURL: scriptURL }) : null;
  } catch {
    policy = null;
  }
  return policy;
}

/**
 * Whether the package may write its own markup (FilePond's): anywhere without Trusted Types, and
 * where they are enforced only through its policy. False when the page refuses the policy.
 */
export function ownMarkupAllowed(): boolean {
  return !trustedTypesFactory() || widgetPolicy() !== null;
}

/**
 * A script URL a worker may be created from: through the policy where Trusted Types exist, the
 * string itself where they do not; null when the page refuses the policy (a worker from a plain
 * string would be one more violation).
 */
export function trustedScriptURL(url: string): string | null {
  if (!trustedTypesFactory()) return url;
  const trusted = widgetPolicy();
  try {
    return trusted ? (trusted.createScriptURL(url) as string) : null;
  } catch {
    return null;
  }
}
