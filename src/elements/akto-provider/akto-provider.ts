import { ContextProvider } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { configContext, configOf, Configurable } from '../../core/config.js';
import { Connection } from '../../core/connection.js';
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
export class AktoProvider extends Configurable(LitElement) {
  static version = VERSION;

  /** The language of every element inside, unless one sets its own. */
  @property({ converter: textAttribute }) override lang = '';

  private provider = new ContextProvider(this, { context: configContext, initialValue: {} });
  /** One connection for every element inside: one client, the entities asked for once. */
  private connection?: Connection;

  // It updates only when one of its attributes changed: each time, the elements inside are told.
  protected override willUpdate(): void {
    this.publish();
  }

  /** A new object each time, so every consumer is told. */
  private publish(): void {
    const config = configOf(this);
    if (!config.apiBase) this.connection = undefined;
    else if (!this.connection?.serves(config)) this.connection = new Connection({ ...config, apiBase: config.apiBase });
    this.provider.setValue({ ...config, lang: this.lang || undefined, connection: this.connection });
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
