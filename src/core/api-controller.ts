import { ContextConsumer, ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { errorText } from '../i18n/index.js';
import { configContext, configOf, type AktoConfig, type ConfigAttributes, type Inherited } from './config.js';
import { Connection } from './connection.js';
import { clearDrafts, DEFAULT_DRAFTS_MAX_AGE_S } from './drafts.js';
import { emit, AKTO_UNAUTHORIZED } from './events.js';
import type { LocalizeController } from './localize-controller.js';

export type ApiHost = ReactiveControllerHost & HTMLElement & ConfigAttributes;

/**
 * An element's access to the API: its configuration (own attributes, else the provider's), the
 * connection it shares with the elements around it (one client, resources loaded once), and
 * what a failure means for the user and the host. It passes the same on to the akto elements
 * the host renders.
 */
export class ApiController implements ReactiveController {
  private inherited: ContextConsumer<typeof configContext, ApiHost>;
  private forward: ContextProvider<typeof configContext, ApiHost>;
  private forwarded?: Inherited;
  /** The host's own connection, when its attributes ask for another API than the one around it. */
  private own?: Connection;

  constructor(
    private readonly host: ApiHost,
    private readonly l10n: LocalizeController,
  ) {
    host.addController(this);
    this.inherited = new ContextConsumer(host, { context: configContext, subscribe: true });
    this.forward = new ContextProvider(host, { context: configContext, initialValue: {} });
  }

  /** The configuration in force: the host's own attributes first, then the provider's. */
  get config(): AktoConfig {
    return configOf(this.host, this.inherited.value);
  }

  /** The connection in force; undefined without an `api-base`. */
  get connection(): Connection | undefined {
    const config = this.config;
    if (!config.apiBase) return undefined;
    const around = this.inherited.value?.connection;
    if (around?.serves(config)) return around;
    if (!this.own?.serves(config)) this.own = new Connection({ ...config, apiBase: config.apiBase });
    return this.own;
  }

  /** The client for the language and token in force: the same instance while they do not change. */
  get client(): ApiClient | undefined {
    return this.connection?.client(this.l10n.language, this.config.token);
  }

  /** What a request depends on, as a Task argument (not the token: a refreshed one must not reload the screen). */
  get key(): string | undefined {
    return this.connection?.key;
  }

  /**
   * Whose drafts this browser may keep, as a key prefix: the API and the user. Undefined (no
   * drafts) without an API, or with a token or cross-origin cookies and no `user` given: two
   * people sharing the browser must never be offered each other's files.
   */
  get draftScope(): string | undefined {
    const { key, config } = this;
    if (!key) return undefined;
    const authenticated = Boolean(config.token) || config.credentials === 'include';
    if (authenticated && !config.user) return undefined;
    return `${key}|${config.user ?? ''}`;
  }

  /** How long a draft is kept, in milliseconds. */
  get draftsMaxAgeMs(): number {
    return (this.config.draftsMaxAge ?? DEFAULT_DRAFTS_MAX_AGE_S) * 1000;
  }

  /** The account's entities, asked for once for every element of the connection. */
  listEntities(signal?: AbortSignal) {
    const { connection, client } = this;
    return connection && client ? connection.listEntities(client, signal) : Promise.resolve(undefined);
  }

  hostUpdate(): void {
    const next: Inherited = { ...this.config, lang: this.host.lang || this.inherited.value?.lang, connection: this.connection };
    const previous = this.forwarded;
    if (!previous || (Object.keys(next) as (keyof Inherited)[]).some((key) => next[key] !== previous[key])) {
      this.forwarded = next;
      this.forward.setValue(next);
    }
  }

  /**
   * Tells the host about a failed request once (a 401 fires akto-unauthorized). Call it where the
   * failure happens (a Task's onError, a catch), never while rendering.
   */
  reportError = (error: unknown): void => {
    if (error instanceof ApiError && error.kind === 'unauthorized') {
      if (this.config.clearDraftsOnUnauthorized) void clearDrafts();
      emit(this.host, AKTO_UNAUTHORIZED, { error });
    }
    else if (!(error instanceof ApiError)) console.error(error);
  };

  /** What to tell the user about a failure, in their language. Pure: safe to call while rendering. */
  errorMessage = (error: unknown): string => errorText(this.l10n.t, error);
}
