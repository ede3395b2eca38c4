/**
 * The back end as a web-standard application, `fetch(Request) → Promise<Response>` on Hono: every
 * route of the contract (src/api/contract.ts), auth, idempotency, problem details in the caller's
 * language, and, when asked, injected faults. The same app answers in the page behind MSW
 * (src/mocks/) and over real HTTP on Node (server/).
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { fromSearchParams, routes, type Route, type RouteName } from '../api/contract.js';
import { DepositRequest, DocumentRequest, DossierQuery, InvoiceQuery, RibRequest, ValidationRequest } from '../api/schemas.js';
import { includeFrench, loadLocale, toLocale, type Locale } from '../i18n/index.js';
import { frSteps } from '../i18n/fr-steps.js';
import { loadScreens } from '../i18n/screens/index.js';
import type { Faults } from './faults.js';
import { ApiProblem, uploadTooLarge } from './problems.js';
import type { InvoiceService } from './service.js';
import type { Account } from './storage.js';

/** The session cookie a development sign-in sets, for pages that use `credentials: include`. */
export const SESSION_COOKIE = 'akto_session';
/** A header the app sets on a « network » fault: the host drops the connection instead of answering. */
export const NETWORK_FAULT_HEADER = 'X-Akto-Fault';

export interface AppOptions {
  service: InvoiceService;
  /** The path the routes live under, e.g. `/api`; none by default. */
  basePath?: string;
  /** Injected faults (the mock, the demo server); never on a production server. */
  faults?: Faults;
  /** `POST /dev/sign-in` opens a session for a seeded account: development and tests only. */
  devSignIn?: boolean;
  /** Cookie attributes for the session cookie: `SameSite=None; Secure` for partner pages on other sites. */
  cookie?: { sameSite: 'Lax' | 'None'; secure: boolean };
  /** How long a request may wait for an earlier one with the same idempotency key, in ms. */
  idempotencyWaitMs?: number;
}

type Env = { Variables: { account: Account; locale: Locale; upload?: UploadForm } };
type Handler = (c: Context<Env>, account: Account) => Promise<Response>;

const MULTIPART_OVERHEAD = 64 * 1024;

export function createApp(options: AppOptions): Hono<Env> {
  includeFrench(frSteps); // the server words problems with the rules' and the steps' sentences too
  const { service, faults } = options;
  const app = new Hono<Env>();
  const api = options.basePath ? app.basePath(options.basePath.replace(/\/+$/, '')) : app;

  api.use('*', async (c, next) => {
    const locale = toLocale(c.req.header('Accept-Language'));
    await Promise.all([loadLocale(locale), loadScreens(locale)]); // at once after the first time; the problem details are worded in them
    c.set('locale', locale);
    await next();
    c.header('Cache-Control', 'no-store');
  });

  if (options.devSignIn) {
    api.post('/dev/sign-in', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { account?: unknown };
      const token = typeof body.account === 'string' ? await service.storage.createSession(body.account) : null;
      if (!token) return problem(c, new ApiProblem('bad-request'));
      const account = await service.storage.accountByToken(token);
      const cookie = options.cookie ?? { sameSite: 'Lax', secure: false };
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, path: '/', sameSite: cookie.sameSite, secure: cookie.secure, maxAge: 8 * 3600 });
      return c.json({ token, account });
    });
    api.post('/dev/sign-out', (c) => {
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
  }

  const handlers = routeHandlers(service);
  for (const name of Object.keys(routes) as RouteName[]) {
    const route: Route = routes[name];
    api.on(route.method, route.path.replace(/\{(\w+)\}/g, ':$1'), async (c) => {
      try {
        if (faults) {
          const injected = await injectFault(c, faults, name, route);
          if (injected) return injected;
        }
        const account = await authenticate(c, service);
        if (!account) return problem(c, new ApiProblem('unauthorized'));
        const run = () => handlers[name](c, account);
        return route.idempotent ? await idempotent(c, service, name, account, run, options.idempotencyWaitMs ?? 30_000) : await run();
      } catch (error) {
        if (error instanceof ApiProblem) return problem(c, error);
        console.error('[akto backend] unexpected failure', error);
        return problem(c, new ApiProblem('server-error'));
      }
    });
  }

  api.all('*', (c) => problem(c, new ApiProblem('not-found')));
  return app;
}

// ---- the routes --------------------------------------------------------------------------------

function routeHandlers(service: InvoiceService): Record<RouteName, Handler> {
  const param = (c: Context<Env>, name: string) => c.req.param(name)!;
  return {
    listEntities: async (c, account) => c.json(await service.listEntities(account)),
    listInvoices: async (c, account) => c.json(await service.listInvoices(account, query(c, InvoiceQuery, ['status']) as z.output<typeof InvoiceQuery>)),
    getInvoice: async (c, account) => {
      const { fileId: _f, ...detail } = await service.getInvoice(account, param(c, 'invoiceId'));
      return c.json(detail);
    },
    getInvoicePdf: async (c, account) => pdf(await service.invoicePdf(account, param(c, 'invoiceId'))),
    createUpload: async (c, account) => {
      const { kind, name, bytes } = await readUpload(c, service.maxUploadBytes);
      return c.json(await service.createUpload(account, kind, name, bytes), 201);
    },
    deleteUpload: async (c, account) => (await service.deleteUpload(account, param(c, 'uploadId')), c.body(null, 204)),
    createDeposit: async (c, account) => c.json(await service.createDeposit(account, param(c, 'siren'), parse(DepositRequest, await jsonBody(c))), 201),
    listPending: async (c, account) => c.json(await service.listPending(account, param(c, 'siren'))),
    getPendingPdf: async (c, account) => pdf(await service.pendingPdf(account, param(c, 'pendingId'))),
    deletePending: async (c, account) => (await service.deletePending(account, param(c, 'pendingId')), c.body(null, 204)),
    validatePending: async (c, account) => c.json(await service.validate(account, param(c, 'pendingId'), parse(ValidationRequest, await jsonBody(c)))),
    listDossiers: async (c, account) => c.json(await service.listDossiers(account, query(c, DossierQuery, ['state']) as z.output<typeof DossierQuery>)),
    getDossier: async (c, account) => c.json(await service.getDossier(account, param(c, 'dossierId'))),
    lookupSiret: async (c) => c.json(await service.lookupSiret(param(c, 'siret'))),
    getTransfer: async (c, account) => c.json(await service.getTransfer(account, param(c, 'transferNumber'))),
    listDocuments: async (c, account) => c.json(await service.listDocuments(account, param(c, 'dossierId'))),
    createDocument: async (c, account) => c.json(await service.createDocument(account, param(c, 'dossierId'), parse(DocumentRequest, await jsonBody(c))), 201),
    listRibs: async (c, account) => c.json(await service.listRibs(account, param(c, 'siren'))),
    createRib: async (c, account) => c.json(await service.createRib(account, param(c, 'siren'), parse(RibRequest, await jsonBody(c))), 201),
  };
}

const pdf = (bytes: Uint8Array) => new Response(bytes as BodyInit, { status: 200, headers: { 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store' } });

function parse<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new ApiProblem(
      'bad-request',
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', code: issue.code, text: (t) => t.fieldProblems.invalidValue(issue.code) })),
    );
  return parsed.data;
}

const query = (c: Context<Env>, schema: typeof InvoiceQuery | typeof DossierQuery, arrays: string[]) => parse(schema, fromSearchParams(new URL(c.req.url).searchParams, arrays, ['page', 'pageSize']));

/** The JSON body. */
async function jsonBody(c: Context<Env>): Promise<unknown> {
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('Content-Type') ?? '')) throw new ApiProblem('unsupported-media-type');
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new ApiProblem('bad-request');
  }
}

interface UploadForm {
  kind: string | null;
  name: string;
  bytes: Uint8Array;
}

/** The upload's form, read once per request: its idempotency fingerprint and its handler share it. */
async function readUpload(c: Context<Env>, maxBytes: number): Promise<UploadForm> {
  const known = c.get('upload');
  if (known) return known;
  const length = Number(c.req.header('Content-Length') ?? 0);
  if (length > maxBytes + MULTIPART_OVERHEAD) throw uploadTooLarge(maxBytes);
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw new ApiProblem('bad-request');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new ApiProblem('bad-request');
  const kind = form.get('kind');
  const upload = { kind: typeof kind === 'string' ? kind : null, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  c.set('upload', upload);
  return upload;
}

// ---- auth, idempotency, problems, faults -------------------------------------------------------

/** A bearer token, else the session cookie; no credentials at all is the storage's anonymous account. */
async function authenticate(c: Context<Env>, service: InvoiceService): Promise<Account | null> {
  const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const token = bearer ?? getCookie(c, SESSION_COOKIE);
  return token ? service.storage.accountByToken(token) : service.storage.anonymousAccount();
}

/**
 * An `Idempotency-Key` makes a POST happen once: a replay gets the first answer, a request
 * arriving while the first runs waits for it, and the same key with another body is refused.
 * Only successful answers are kept, so a request that failed can be retried with its key.
 */
async function idempotent(c: Context<Env>, service: InvoiceService, name: RouteName, account: Account, run: () => Promise<Response>, waitMs: number): Promise<Response> {
  const header = c.req.header('Idempotency-Key');
  if (!header) return run();
  const key = `${account.id}:${name}:${header}`;
  const print = await fingerprint(c, name, service.maxUploadBytes);
  const storage = service.storage;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const record = await storage.claimKey(key, print);
    if (!record) break;
    if (record.fingerprint !== print) throw new ApiProblem('idempotency-key-reused');
    if (record.done) return c.json(record.body as object, record.status as 200, { 'Idempotent-Replayed': 'true' });
    if (Date.now() > deadline) throw new ApiProblem('idempotency-in-progress');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await storage.releaseKey(key);
    throw error;
  }
  if (response.ok) await storage.completeKey(key, response.status, await response.clone().json());
  else await storage.releaseKey(key);
  return response;
}

/**
 * What identifies a request's content: its path and JSON text, or for an upload its kind, name
 * and bytes (the multipart boundary changes on every send, so a retried upload still matches).
 */
async function fingerprint(c: Context<Env>, name: RouteName, maxUploadBytes: number): Promise<string> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(`${c.req.path}\n`)];
  if (name === 'createUpload') {
    const upload = await readUpload(c, maxUploadBytes);
    parts.push(encoder.encode(`${upload.kind}\n${upload.name}\n`), upload.bytes);
  } else {
    parts.push(encoder.encode(await c.req.text()));
  }
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((offset, part) => (data.set(part, offset), offset + part.length), 0);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

function problem(c: Context<Env>, error: ApiProblem): Response {
  const body = error.toProblem(c.get('locale') ?? 'fr', new URL(c.req.url).pathname);
  return new Response(JSON.stringify(body), { status: error.status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } });
}

/** The fault set for this route, if any: latency first, then a failure. */
async function injectFault(c: Context<Env>, faults: Faults, name: RouteName, route: Route): Promise<Response | null> {
  const latency = faults.latencyMs + (name === 'createUpload' ? faults.uploadLatencyMs : 0);
  const generation = faults.generation;
  if (latency) await sleep(latency, c.req.raw.signal);
  // A request a reset overtook while it waited (the next test, the demo's « Réinitialiser ») changes
  // nothing: it must not land in the data that followed.
  if (faults.generation !== generation) return new Response(null, { status: 599, headers: { [NETWORK_FAULT_HEADER]: 'network' } });
  switch (faults.take(name)) {
    case 'network':
      return new Response(null, { status: 599, headers: { [NETWORK_FAULT_HEADER]: 'network' } });
    case 'timeout':
      // Never answers: the client's timeout (or the user's cancel) ends the request.
      await sleep(Infinity, c.req.raw.signal);
      return new Response(null, { status: 599, headers: { [NETWORK_FAULT_HEADER]: 'network' } });
    case 'server-error':
      return problem(c, new ApiProblem('server-error'));
    case 'unauthorized':
      return problem(c, new ApiProblem('unauthorized'));
    case 'malformed':
      return malformed(route);
    default:
      return null;
  }
}

/** A body that breaks the contract the way a misbehaving proxy or back end would. */
function malformed(route: Route): Response {
  if (route.response === 'pdf') return new Response('<html><body>Maintenance</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
  return new Response(JSON.stringify({ items: 'not-a-list', total: '?', unexpected: true }), { status: route.status === 204 ? 200 : route.status, headers: { 'Content-Type': 'application/json' } });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
