import { ApiClient, type TokenSource } from '../api/client.js';
import type { Entity } from '../api/schemas.js';
import type { AktoConfig } from './config.js';

/**
 * One API connection, shared by a provider (or an element with its own `api-base`) and every akto
 * element inside it: its clients (one per language and token), and the resources several
 * elements show, asked for once (the account's entities: the list's filter, step 1's picker…).
 */
export class Connection {
  /** What a request depends on: where the API is and how to reach it, not the token (a refreshed token must not reload the screen). */
  readonly key: string;
  private clients = new Map<string, { token: TokenSource | null | undefined; client: ApiClient }>();
  private entities?: Promise<Entity[]>;

  constructor(readonly config: AktoConfig & { apiBase: string }) {
    this.key = `${config.apiBase}|${config.credentials ?? ''}|${config.timeoutMs ?? ''}`;
  }

  /** Whether this connection is the one a configuration asks for (the token aside). */
  serves(config: AktoConfig): boolean {
    return config.apiBase === this.config.apiBase && config.credentials === this.config.credentials && config.timeoutMs === this.config.timeoutMs;
  }

  /** The client that asks in `language` (Accept-Language) with `token`: the same one while they stay. */
  client(language: string, token: TokenSource | null | undefined): ApiClient {
    const kept = this.clients.get(language);
    if (kept && kept.token === token) return kept.client;
    const { apiBase, credentials, timeoutMs } = this.config;
    const client = new ApiClient({ baseUrl: apiBase, token, credentials, timeoutMs, language });
    this.clients.set(language, { token, client });
    return client;
  }

  /**
   * The account's entities, one request for every element of this connection. A failure is not
   * kept (« Réessayer » asks again); one caller giving up does not cancel it for the others.
   */
  async listEntities(client: ApiClient, signal?: AbortSignal): Promise<Entity[]> {
    this.entities ??= client.call('listEntities', {}).then(
      (list) => list.items,
      (error: unknown) => {
        this.entities = undefined;
        throw error;
      },
    );
    return abortable(this.entities, signal);
  }
}

/** The promise, or its rejection with the signal's reason once it aborts. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
