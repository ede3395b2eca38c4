/**
 * The only code that talks HTTP. Base URL, auth (bearer token or cookies), Accept-Language,
 * timeouts and abort, idempotency keys, and every answer parsed against its schema.
 */
import type * as z from 'zod/mini';
import { fillPath, routes, toSearchParams, type Route, type RouteName, type Routes } from './contract.js';
import { ApiError, WHOLE_BODY } from './errors.js';
import { Problem, type UploadKind } from './schemas.js';

/** A bearer token, or a function that returns the current one (and may refresh it). */
export type TokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>);

export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.example.fr/akto` or `/api`. */
  baseUrl: string;
  token?: TokenSource | null;
  /** `include` to send cookies cross-origin; `same-origin` by default. */
  credentials?: RequestCredentials;
  /** Sent as Accept-Language, so the server writes its problem details in the user's language. */
  language?: string;
  /**
   * In milliseconds. For an upload, how long it may go without moving a byte (sent or received);
   * for any other request, its whole duration.
   */
  timeoutMs?: number;
}

type Body<R extends Route> = R['body'] extends z.ZodMiniType ? z.input<R['body']> : never;
type Result<R extends Route> = R['response'] extends z.ZodMiniType ? z.output<R['response']> : R['response'] extends 'pdf' ? Blob : void;
type Params<R extends Route> = R['path'] extends `${string}{${string}` ? { params: Record<import('./contract.js').PathParams<R['path']>, string> } : { params?: undefined };

export type CallOptions<R extends Route> = Params<R> & {
  query?: R['query'] extends z.ZodMiniType ? z.input<R['query']> : never;
  body?: Body<R>;
  signal?: AbortSignal;
  idempotencyKey?: string;
  headers?: Record<string, string>;
};

export interface UploadOptions {
  signal?: AbortSignal;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** Called with the fraction sent, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The routes that answer a page (`{ items, total, page, pageSize }`), and the type of their items. */
type PageRouteName = { [N in RouteName]: Result<Routes[N]> extends { items: unknown[]; total: number; page: number; pageSize: number } ? N : never }[RouteName];
type ItemOf<N extends PageRouteName> = Result<Routes[N]> extends { items: (infer I)[] } ? I : never;

/**
 * A page whose items are checked against the contract a slice at a time (ApiClient.callPage): a
 * list can paint its first screen before the rest of a long answer is checked, and no unchecked
 * item is ever handed out.
 */
export interface PageInParts<T> {
  /** The page's envelope (checked), `items` holding the items checked so far, in order. */
  page: { items: T[]; total: number; page: number; pageSize: number };
  /** How many items the answer holds, checked or not. */
  count: number;
  /**
   * Checks the next `count` items and appends them to `page.items`. Throws a `contract` ApiError
   * naming the first item that breaks the contract (`items.900.amountHT`); none after it is checked.
   */
  checkMore(count: number): void;
}

export class ApiClient {
  readonly options: Readonly<ClientOptions>;

  constructor(options: ClientOptions) {
    this.options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
  }

  /** Calls one endpoint of the contract and returns its parsed answer. */
  async call<N extends RouteName>(name: N, options: CallOptions<Routes[N]>): Promise<Result<Routes[N]>> {
    const [route, response] = await this.request(name, options);
    return (await this.read(route, response)) as Result<Routes[N]>;
  }

  /**
   * Calls a list endpoint and checks its answer's envelope and first `first` items now, the rest
   * when asked (PageInParts.checkMore): for a long page (1,000 invoices), checking every item
   * before anything paints is most of the wait. Nothing unchecked is ever returned.
   */
  async callPage<N extends PageRouteName>(name: N, options: CallOptions<Routes[N]>, first: number): Promise<PageInParts<ItemOf<N>>> {
    const [route, response] = await this.request(name, options);
    if (!response.ok) throw await problemError(response);
    type Page = PageInParts<ItemOf<N>>['page'];
    const schema = route.response as z.ZodMiniObject<{ items: z.ZodMiniArray }>;
    const data = (await readJson(response)) as { items: unknown[] } | null;
    const all = data?.items as unknown[];
    // The envelope alone, its items emptied (a body without a list of items: the whole, for its
    // usual error); then the items one at a time, against the route's own item schema.
    const page = contractCheck(schema, Array.isArray(all) ? { ...data, items: [] } : data, response) as Page;
    const item = schema.shape.items._zod.def.element as z.ZodMiniType;
    const checkMore = (count: number) => {
      for (let i = page.items.length, end = Math.min(all.length, i + count); i < end; i++) page.items.push(contractCheck(item, all[i], response, `items.${i}`) as ItemOf<N>);
    };
    checkMore(first);
    return { page, count: all.length, checkMore };
  }

  /** Sends one call of the contract; the answer is read by the caller. */
  private async request<N extends RouteName>(name: N, options: CallOptions<Routes[N]>): Promise<[Route, Response]> {
    const route: Route = routes[name];
    const url = this.url(route, options.params as Record<string, string> | undefined, options.query as Record<string, unknown> | undefined);
    const headers: Record<string, string> = { Accept: route.response === 'pdf' ? 'application/pdf' : 'application/json', ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (route.idempotent) headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();
    return [route, await this.send(url, { method: route.method, headers, body }, options.signal)];
  }

  /**
   * Uploads one file (one request per file, so each has its own progress and can be cancelled).
   * XMLHttpRequest, because fetch cannot report upload progress.
   */
  async upload(file: Blob, kind: UploadKind, name: string, options: UploadOptions = {}): Promise<z.output<typeof import('./schemas.js').Upload>> {
    const route = routes.createUpload;
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', file, name);
    const key = options.idempotencyKey ?? newIdempotencyKey();
    const attempt = async (): Promise<Response> => {
      const headers = await this.authHeaders({ Accept: 'application/json', 'Idempotency-Key': key, ...options.headers });
      return xhrSend(this.url(route), form, headers, this.options.credentials ?? 'same-origin', this.timeoutMs, options);
    };
    let response = await attempt();
    if (response.status === 401 && typeof this.options.token === 'function') response = await attempt();
    return (await this.read(route, response)) as z.output<typeof import('./schemas.js').Upload>;
  }

  url(route: Route, params?: Record<string, string>, query?: Record<string, unknown>): string {
    const search = toSearchParams(query).toString();
    return `${this.options.baseUrl}${fillPath(route.path, params)}${search ? `?${search}` : ''}`;
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private async authHeaders(headers: Record<string, string>): Promise<Record<string, string>> {
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    const result = { ...headers };
    if (token) result.Authorization = `Bearer ${token}`;
    if (this.options.language) result['Accept-Language'] = this.options.language;
    return result;
  }

  /** One request with auth, timeout and abort; a 401 with a token function asks it once more (it may refresh). */
  private async send(url: string, init: { method: string; headers: Record<string, string>; body?: string }, signal?: AbortSignal): Promise<Response> {
    const once = async () => {
      const headers = await this.authHeaders(init.headers);
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      try {
        return await fetch(url, { ...init, headers, signal: combined, credentials: this.options.credentials ?? 'same-origin' });
      } catch (error) {
        if (signal?.aborted) throw new ApiError('aborted', { cause: error });
        if (timeout.aborted) throw new ApiError('timeout', { cause: error });
        throw new ApiError('network', { cause: error });
      }
    };
    const response = await once();
    if (response.status === 401 && typeof this.options.token === 'function') return once();
    return response;
  }

  /** Turns a response into the route's parsed answer, or a typed ApiError. */
  private async read(route: Route, response: Response): Promise<unknown> {
    if (!response.ok) throw await problemError(response);
    if (route.response === 'empty') {
      // « No content » means it: a body here is a proxy's page or a server that did something else.
      if ((await response.text()).trim()) throw badBody(response);
      return undefined;
    }
    if (route.response === 'pdf') {
      // A maintenance page served as 200 must not be saved or shown as the invoice.
      const blob = await response.blob();
      if (new TextDecoder().decode(await blob.slice(0, 1024).arrayBuffer()).indexOf('%PDF-') < 0) throw badBody(response);
      return blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' });
    }
    if (route.response === 'multipart') throw new Error('A response is never multipart');
    return contractCheck(route.response, await readJson(response), response);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw badBody(response, error);
  }
}

/** `data` parsed by `schema`, or a `contract` ApiError naming where it breaks it (under `at`). */
function contractCheck(schema: z.ZodMiniType, data: unknown, response: Response, at = ''): unknown {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const path = [at, ...(parsed.error.issues[0]?.path ?? [])].filter((p) => p !== '').join('.');
  throw new ApiError('contract', { status: response.status, path: path || WHOLE_BODY, cause: parsed.error });
}

/** An answer that breaks the contract as a whole. */
const badBody = (response: Response, cause?: unknown) => new ApiError('contract', { status: response.status, path: WHOLE_BODY, cause });

async function problemError(response: Response): Promise<ApiError> {
  let problem: Problem | undefined;
  try {
    const parsed = Problem.safeParse(await response.json());
    if (parsed.success) problem = parsed.data;
  } catch {
    // A proxy's HTML error page: no problem details, the status still says enough.
  }
  const kind = response.status === 401 ? 'unauthorized' : response.status === 422 ? 'validation' : 'http';
  return new ApiError(kind, { status: response.status, problem });
}

/**
 * One upload over XMLHttpRequest. Its timeout is about inactivity, not duration: it fails when no
 * byte has moved for `timeoutMs` — none sent (upload progress), none received (the answer's
 * headers or body) — so a large file through a slow uplink goes on as long as it moves, and a
 * stalled one still fails. After the last byte is sent, waiting for the answer is the same window.
 * (`xhr.timeout` would bound the whole transfer: 3 MB through 64 KB/s never fits in 30 s.)
 */
function xhrSend(url: string, body: FormData, headers: Record<string, string>, credentials: RequestCredentials, timeoutMs: number, options: UploadOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = credentials === 'include';
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);

    let idle: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const moved = () => {
      clearTimeout(idle);
      idle = setTimeout(() => ((timedOut = true), xhr.abort()), timeoutMs);
    };
    xhr.upload.onprogress = (event) => {
      moved();
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = moved; // the last byte is sent: the answer has a whole window to start
    xhr.onreadystatechange = moved; // headers received, then each part of the answer
    xhr.onprogress = moved;

    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    // Settled: the timer goes at once, so it keeps neither the request nor its file alive.
    const done = () => (clearTimeout(idle), options.signal?.removeEventListener('abort', abort));
    xhr.onload = () => {
      done();
      // Chromium sends no upload progress events when a service worker (MSW) answers, and a fast
      // upload may end before the first tick: the answer means every byte was sent.
      options.onProgress?.(1);
      resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' } }));
    };
    xhr.onerror = () => (done(), reject(new ApiError('network')));
    xhr.onabort = () => (done(), reject(new ApiError(timedOut ? 'timeout' : 'aborted')));
    // Aborted before it starts: abort() before send() fires no event, so say it here.
    if (options.signal?.aborted) return (done(), reject(new ApiError('aborted')));
    moved();
    xhr.send(body);
  });
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
