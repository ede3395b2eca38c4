/**
 * The reference server: the back end of src/backend (the same Hono app the mock runs behind MSW)
 * over real HTTP on Node, on PostgreSQL (PgStorage), with what only a real server needs around
 * it: body size limits while the body streams, CORS for partner pages, rate limits, dropped
 * connections for the « network » fault, /health, /openapi.json and /docs, one log line per
 * request, and, in demo mode, the fault panel's and reset's endpoints.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { ROUTE_NAMES, type RouteName } from '../src/api/contract.js';
import { NETWORK_FAULT_HEADER, SESSION_COOKIE, createApp } from '../src/backend/app.js';
import { FAULT_KINDS, Faults, type FaultKind } from '../src/backend/faults.js';
import { ApiProblem, uploadTooLarge, type ProblemCode } from '../src/backend/problems.js';
import { InvoiceService, MAX_UPLOAD_BYTES, type FieldReader } from '../src/backend/service.js';
import { loadLocale, toLocale } from '../src/i18n/index.js';
import { DOCS_CSS, renderDocs } from './docs.js';
import { PgStorage } from './pg-storage.js';
import { DEFAULT_LIMITS, RateLimiter, type Limit, type LimitName } from './rate-limit.js';
import { nodeFieldReader } from './reader.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** Where the API lives; `/api` by default. */
  basePath?: string;
  /** A PostgreSQL server; PGlite in `<dataDir>/pg` otherwise. */
  databaseUrl?: string;
  /** `.data/` at the repository's root by default. */
  dataDir?: string;
  filesDir?: string;
  /** An already opened storage (tests); the server then does not close it. */
  storage?: PgStorage;
  /** Origins allowed to call from another site; any origin is reflected when absent. */
  corsOrigins?: readonly string[];
  /** Faults, `/dev/faults`, `/dev/reset` and the development sign-in. */
  demo?: boolean;
  /** The development sign-in alone (integration tests). */
  devSignIn?: boolean;
  /** The largest upload accepted (bytes of the file); it can only lower the app's 10 MB. */
  maxUploadBytes?: number;
  /** Per-minute limits, or false for none. */
  rateLimits?: Record<LimitName, Limit> | false;
  /** Session cookie attributes: `None` (with Secure) when partner pages on other sites use cookies. */
  cookie?: { sameSite: 'Lax' | 'None'; secure: boolean };
  /** The PDF reader for deposits; the project's own (pdf.js) by default, false for none. */
  readFields?: FieldReader | false;
  /** Where the request log goes; one line per request. */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** `http://host:port` */
  url: string;
  /** `url` + the base path: what the elements' `api-base` gets. */
  apiUrl: string;
  port: number;
  storage: PgStorage;
  /** The injected faults (demo mode), else null. */
  faults: Faults | null;
  close(): Promise<void>;
}

/** What a multipart body adds around the file: boundaries, headers, the `kind` field. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** JSON bodies (deposits, validations) are small; anything bigger is refused while it streams. */
const MAX_JSON_BYTES = 1024 * 1024;

type Env = { Bindings: HttpBindings; Variables: { dropped: boolean } };

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const basePath = `/${(options.basePath ?? '/api').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const storage = options.storage ?? (await PgStorage.open({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? join(ROOT, '.data'), filesDir: options.filesDir }));
  const ownsStorage = !options.storage;
  const log = options.log ?? ((line: string) => console.log(line));
  const faults = options.demo ? new Faults() : null;
  const readFields = options.readFields === false ? undefined : (options.readFields ?? nodeFieldReader());
  const maxUpload = Math.min(options.maxUploadBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES);
  const service = new InvoiceService(storage, { readFields, maxUploadBytes: maxUpload });
  const api = createApp({ service, basePath, faults: faults ?? undefined, devSignIn: options.demo || options.devSignIn, cookie: options.cookie });
  const limiter = options.rateLimits === false ? null : new RateLimiter(options.rateLimits ?? DEFAULT_LIMITS);
  const openapi = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as Record<string, unknown>;

  const app = new Hono<Env>();

  // One line per request: never the query string, a header, a cookie or a body.
  app.use('*', async (c, next) => {
    const start = performance.now();
    c.set('dropped', false);
    try {
      await next();
    } finally {
      const status = c.get('dropped') ? 'dropped' : String(c.res.status);
      log(`${c.req.method} ${new URL(c.req.url).pathname} ${status} ${Math.round(performance.now() - start)}ms`);
    }
  });

  app.use(
    '*',
    cors({
      origin: options.corsOrigins ? [...options.corsOrigins] : (origin) => origin || null,
      credentials: true,
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowHeaders: ['Authorization', 'Idempotency-Key', 'Accept-Language', 'Content-Type'],
      exposeHeaders: ['Idempotent-Replayed', 'Retry-After'],
      maxAge: 600,
    }),
  );

  app.use('*', async (c, next) => {
    await loadLocale(toLocale(c.req.header('Accept-Language'))); // for the problem details answered before the app's own
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });

  // Bodies are counted while they stream (and Content-Length checked first): an oversized one is
  // never parsed or stored, and answered 413 once the client has sent it (discarded as it comes,
  // for at most DRAIN_MS). Closing at once would make a client still sending meet a reset socket
  // and report a network error instead of the 413 (seen with fetch and Chromium).
  app.use(`${basePath}/uploads`, bodyLimit({ maxSize: maxUpload + MULTIPART_OVERHEAD, onError: (c) => afterBody(c, problem(c, uploadTooLarge(maxUpload))) }));
  const jsonLimit = bodyLimit({ maxSize: MAX_JSON_BYTES, onError: (c) => afterBody(c, problem(c, 'body-too-large')) });
  app.use(`${basePath}/*`, (c, next) => (c.req.method === 'POST' && new URL(c.req.url).pathname === `${basePath}/uploads` ? next() : jsonLimit(c, next)));

  if (limiter) {
    app.use(`${basePath}/*`, async (c, next) => {
      const name = limitOf(c.req.method, new URL(c.req.url).pathname.slice(basePath.length));
      if (!name) return next();
      const wait = limiter.take(name, await callerOf(c, storage, name));
      if (!wait) return next();
      const response = problem(c, 'rate-limited');
      response.headers.set('Retry-After', String(wait));
      return response;
    });
  }

  app.get('/health', async (c) => {
    try {
      await storage.ping();
      return c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' });
    } catch {
      return c.json({ status: 'unavailable' }, 503, { 'Cache-Control': 'no-store' });
    }
  });

  app.get('/openapi.json', (c) => {
    const origin = new URL(c.req.url).origin;
    return c.json({ ...openapi, servers: [{ url: `${origin}${basePath}`, description: 'This server.' }] });
  });

  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    return c.html(renderDocs(openapi, `${new URL(c.req.url).origin}${basePath}`));
  });
  app.get('/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));

  if (faults) {
    app.get(`${basePath}/dev/faults`, (c) => c.json(faults.snapshot()));
    app.put(`${basePath}/dev/faults`, async (c) => {
      const settings = readFaultSettings(await c.req.json().catch(() => null));
      if (!settings) return problem(c, 'bad-request');
      applyFaults(faults, settings);
      return c.json(faults.snapshot());
    });
    app.post(`${basePath}/dev/reset`, async (c) => {
      await storage.reset();
      faults.reset();
      return c.body(null, 204);
    });
  }

  // Everything else is the back end's own app.
  app.all('*', async (c) => {
    const response = await api.fetch(c.req.raw, c.env);
    if (!response.headers.has(NETWORK_FAULT_HEADER)) return response;
    // The « network » fault: the caller must see a connection that broke, not an answer.
    c.set('dropped', true);
    c.env.incoming.socket.destroy();
    return new Response(null, { status: 599 });
  });

  app.onError((error, c) => {
    console.error('[akto server] unexpected failure', error);
    return problem(c, 'server-error');
  });

  const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: options.host ?? '127.0.0.1' });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    if (ownsStorage) await storage.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  let closed: Promise<void> | null = null;
  return {
    url,
    apiUrl: `${url}${basePath}`,
    port: address.port,
    storage,
    faults,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open.
          (server as import('node:http').Server).closeAllConnections?.();
        });
        // PGlite must be closed, or its data folder may be left inconsistent.
        if (ownsStorage) await storage.close();
      })();
      return closed;
    },
  };
}

/** How long an oversized body is read and discarded before its 413 is sent anyway. */
const DRAIN_MS = 30_000;

/**
 * An answer for a request whose body was refused: the rest of the body is read and dropped first,
 * so the client reads the answer instead of a reset, then the connection closes (never reused
 * half-read).
 */
async function afterBody(c: Context<Env>, response: Response): Promise<Response> {
  const incoming = c.env.incoming;
  if (!incoming.complete && !incoming.destroyed) {
    const done = new Promise<void>((resolve) => {
      incoming.once('end', resolve).once('close', resolve).once('error', () => resolve());
      setTimeout(resolve, DRAIN_MS).unref();
    });
    incoming.on('data', () => {}).resume();
    await done;
  }
  response.headers.set('Connection', 'close');
  return response;
}

function problem(c: Context, code: ProblemCode | ApiProblem): Response {
  const error = typeof code === 'string' ? new ApiProblem(code) : code;
  const body = error.toProblem(toLocale(c.req.header('Accept-Language')), new URL(c.req.url).pathname);
  return new Response(JSON.stringify(body), { status: error.status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } });
}

/** Which limit a request counts against, if any (path relative to the base path). */
function limitOf(method: string, path: string): LimitName | null {
  if (method === 'POST' && path === '/uploads') return 'uploads';
  if (method === 'POST' && /^\/entities\/[^/]+\/deposits$/.test(path)) return 'deposits';
  if (method === 'POST' && /^\/pending-invoices\/[^/]+\/validation$/.test(path)) return 'validations';
  if (method === 'GET' && /^\/siret\/[^/]+$/.test(path)) return 'siret';
  if (method === 'POST' && path === '/dev/sign-in') return 'signIn';
  return null;
}

/** Who is counted: the signed-in account (all its sessions together), else the client's address. */
async function callerOf(c: Context<Env>, storage: PgStorage, name: LimitName): Promise<string> {
  if (name !== 'signIn') {
    const token = c.req.header('Authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? getCookie(c, SESSION_COOKIE);
    const account = token ? await storage.accountByToken(token) : null;
    if (account) return `account:${account.id}`;
  }
  return `ip:${getConnInfo(c).remote.address ?? 'unknown'}`;
}

// ---- the demo's fault panel over HTTP -----------------------------------------------------------

interface FaultSettings {
  latencyMs?: number;
  uploadLatencyMs?: number;
  /** Replaces every failure: `[route or '*', kind, times?]`. */
  failures?: [RouteName | '*', FaultKind, number | undefined][];
}

/** The body of `PUT /dev/faults`, checked; null when it is not one. */
function readFaultSettings(body: unknown): FaultSettings | null {
  if (!body || typeof body !== 'object') return null;
  const { latencyMs, uploadLatencyMs, failures } = body as Record<string, unknown>;
  const duration = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 600_000);
  if (!duration(latencyMs) || !duration(uploadLatencyMs)) return null;
  const settings: FaultSettings = { latencyMs: latencyMs as number | undefined, uploadLatencyMs: uploadLatencyMs as number | undefined };
  if (failures === undefined) return settings;
  if (!Array.isArray(failures)) return null;
  settings.failures = [];
  for (const entry of failures) {
    if (!Array.isArray(entry)) return null;
    const [route, kind, times] = entry as unknown[];
    if (!(route === '*' || ROUTE_NAMES.includes(route as RouteName)) || !FAULT_KINDS.includes(kind as FaultKind)) return null;
    if (times !== undefined && times !== null && !(Number.isInteger(times) && (times as number) > 0)) return null;
    settings.failures.push([route as RouteName | '*', kind as FaultKind, (times as number | null) ?? undefined]);
  }
  return settings;
}

function applyFaults(faults: Faults, settings: FaultSettings): void {
  if (settings.latencyMs !== undefined) faults.latencyMs = settings.latencyMs;
  if (settings.uploadLatencyMs !== undefined) faults.uploadLatencyMs = settings.uploadLatencyMs;
  if (settings.failures) {
    faults.heal();
    for (const [route, kind, times] of settings.failures) faults.fail(route, kind, times ? { times } : {});
  }
}
