import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import type { TokenSource } from '../../api/client.js';
import { configContext } from '../../core/config.js';
import { VERSION } from '../../version.js';

/**
 * @summary Sets the API endpoint, authentication and language once for every akto element inside it.
 *
 * @slot - The akto elements (and any other content) that share this configuration.
 *
 * @example
 * ```html
 * <akto-provider api-base="https://api.example.fr/akto" lang="fr">
 *   <akto-invoice-list></akto-invoice-list>
 * </akto-provider>
 * <script>document.querySelector('akto-provider').token = async () => getAccessToken();</script>
 * ```
 */
export class AktoProvider extends LitElement {
  static version = VERSION;

  /** The API's base URL for every element inside. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** A bearer token, or a function returning the current one (it may refresh it). */
  @property({ attribute: false }) token?: TokenSource | null;

  /** `include` to send cookies to another origin (cookie auth). */
  @property() credentials?: RequestCredentials;

  /** Request timeout in milliseconds. */
  @property({ type: Number }) timeout?: number;

  /** The language of every element inside, unless one sets its own. */
  @property({ converter: textAttribute }) override lang = '';

  private provider = new ContextProvider(this, { context: configContext, initialValue: {} });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('token') || changed.has('credentials') || changed.has('timeout') || changed.has('lang')) this.publish();
  }

  /** A new object each time, so every consumer is told. */
  private publish(): void {
    this.provider.setValue({ apiBase: this.apiBase, token: this.token, credentials: this.credentials, timeoutMs: this.timeout, lang: this.lang || undefined });
  }

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  protected override render(): unknown {
    return html`<slot></slot>`;
  }
}
