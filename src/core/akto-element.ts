import { consume, ContextProvider } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textAttribute } from './attributes.js';
import { ApiClient, type TokenSource } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { errorText, onLocaleLoaded, resolveLocale, toLocale, translationFor, type Locale, type Translation } from '../i18n/index.js';
import { VERSION } from '../version.js';
import { configContext, type AktoConfig } from './config.js';
import { emit, AKTO_UNAUTHORIZED, type AktoEventDetails, type AktoEventName } from './events.js';
import { tokens } from './tokens.js';

// One observer for `<html lang>`, shared by every element, so a page switching language
// re-renders all of them; and again when a language they asked for arrives (French meanwhile).
const connected = new Set<AktoElement>();
onLocaleLoaded(() => connected.forEach((el) => el.requestUpdate()));
let htmlLangObserver: MutationObserver | undefined;
function watchHtmlLang(element: AktoElement, on: boolean): void {
  if (on) connected.add(element);
  else connected.delete(element);
  if (connected.size && !htmlLangObserver) {
    htmlLangObserver = new MutationObserver(() => connected.forEach((el) => el.requestUpdate()));
    htmlLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  } else if (!connected.size && htmlLangObserver) {
    htmlLangObserver.disconnect();
    htmlLangObserver = undefined;
  }
}

/**
 * The base of every element: configuration from its own attributes or else from the nearest
 * `<akto-provider>`, the API client built from it, the user's language, and typed events.
 */
export class AktoElement extends LitElement {
  static version = VERSION;
  static override styles = [tokens];
  /** The akto elements this one renders, registered with it under these tags. */
  static dependencies: Record<string, CustomElementConstructor> = {};

  /** The API's base URL. Falls back to the nearest `<akto-provider>`'s. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** A bearer token, or a function returning the current one (it may refresh it). */
  @property({ attribute: false }) token?: TokenSource | null;

  /** `include` to send cookies to another origin (cookie auth). */
  @property() credentials?: RequestCredentials;

  /** Request timeout in milliseconds (30 s by default). */
  @property({ type: Number }) timeout?: number;

  /** The language, `fr` (default) or `en`; else the nearest `lang`, else `<html lang>`. */
  @property({ converter: textAttribute }) override lang = '';

  @consume({ context: configContext, subscribe: true })
  @state()
  protected inherited?: AktoConfig;

  private cachedClient?: { key: string; token: unknown; client: ApiClient };

  /** What this element passes down to the akto elements it renders (a list's detail dialog…). */
  private forward = new ContextProvider(this, { context: configContext, initialValue: {} });
  private forwarded?: AktoConfig;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { apiBase, token, credentials, timeoutMs } = this.config;
    const next: AktoConfig = { apiBase, token, credentials, timeoutMs, lang: this.lang || this.inherited?.lang };
    const previous = this.forwarded;
    if (!previous || (Object.keys(next) as (keyof AktoConfig)[]).some((key) => next[key] !== previous[key])) {
      this.forwarded = next;
      this.forward.setValue(next);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchHtmlLang(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchHtmlLang(this, false);
  }

  /** The language in use, resolved at each render. */
  get locale(): Locale {
    if (this.lang) return toLocale(this.lang);
    if (this.inherited?.lang) return toLocale(this.inherited.lang);
    return resolveLocale(this);
  }

  /** The translation of the language in use; French while another one loads (it re-renders then). */
  get t(): Translation {
    return translationFor(this.locale);
  }

  /** The configuration in force: own attributes first, then the provider's. */
  get config(): AktoConfig {
    const inherited = this.inherited ?? {};
    return {
      apiBase: this.apiBase ?? inherited.apiBase,
      token: this.token !== undefined ? this.token : inherited.token,
      credentials: this.credentials ?? inherited.credentials,
      timeoutMs: this.timeout ?? inherited.timeoutMs,
      lang: this.locale,
    };
  }

  /** The API client for the configuration in force; the same instance while it does not change. */
  get client(): ApiClient | undefined {
    const { apiBase, token, credentials, timeoutMs } = this.config;
    if (!apiBase) return undefined;
    // The translation's tag (`en-GB`), or while it loads the language asked for: the server answers in it.
    const { locale, t } = this;
    const language = toLocale(t.locale) === locale ? t.locale : locale;
    const key = JSON.stringify([apiBase, credentials, timeoutMs, language]);
    if (this.cachedClient?.key !== key || this.cachedClient.token !== token) {
      this.cachedClient = { key, token, client: new ApiClient({ baseUrl: apiBase, token, credentials, timeoutMs, language }) };
    }
    return this.cachedClient.client;
  }

  /**
   * What a request depends on, as a Task argument: the endpoint and how to authenticate, not the
   * token itself (a refreshed token must not reload what is on screen).
   */
  get endpoint(): string | undefined {
    const { apiBase, credentials } = this.config;
    return apiBase ? `${apiBase}|${credentials ?? ''}` : undefined;
  }

  /** Fires an akto event from this element; false when a listener cancelled it. */
  protected emit<K extends AktoEventName>(name: K, detail: AktoEventDetails[K], options?: { cancelable?: boolean }): boolean {
    return emit(this, name, detail, options);
  }

  /**
   * Tells the host about a failed request once (a 401 fires akto-unauthorized). Call it where the
   * failure happens (a Task's onError, a catch), never while rendering.
   */
  protected reportError(error: unknown): void {
    if (error instanceof ApiError && error.kind === 'unauthorized') this.emit(AKTO_UNAUTHORIZED, { error });
    else if (!(error instanceof ApiError)) console.error(error);
  }

  /** What to tell the user about a failure, in their language. Pure: safe to call while rendering. */
  protected errorMessage(error: unknown): string {
    return errorText(this.t, error);
  }
}
