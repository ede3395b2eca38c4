/**
 * `<akto-provider>` around a story, pointed at the mock backend.
 *
 * ```ts
 * render: () => inProvider(html`<akto-invoice-list></akto-invoice-list>`),
 * // or, for every story of a file:
 * decorators: [withProvider()],
 * ```
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { TokenSource } from '../../src/api/client.js';
import '../../src/elements/akto-provider/define.js';
import { API_BASE } from './mock.js';

export interface ProviderOptions {
  /** `/api` (the mock) by default. */
  apiBase?: string;
  /** A bearer token (or a function returning one); with `parameters.akto.requiredToken`, pass `VALID_TOKEN`. */
  token?: TokenSource | null;
  /** Forces the language of the elements inside; by default they follow `<html lang>` (the toolbar). */
  lang?: string;
  /** Request timeout in ms. */
  timeout?: number;
}

export function inProvider(content: unknown, options: ProviderOptions = {}) {
  const { apiBase = API_BASE, token, lang, timeout } = options;
  return html`<akto-provider api-base=${apiBase} lang=${lang ?? nothing} timeout=${timeout ?? nothing} .token=${token}>${content}</akto-provider>`;
}

/** A decorator wrapping every story of a file (or one story) in the provider. */
export const withProvider =
  (options: ProviderOptions = {}): Decorator =>
  (story) =>
    inProvider(story(), options);
