/**
 * The conformance suite's view of a server: plain `fetch` calls built from the contract's route
 * table, every answer checked against the contract (schema, problem details, content types), in a
 * browser against the mock or on Node against any URL.
 */
import type * as z from 'zod/mini';
import { fillPath, routes, toSearchParams, type Route, type RouteName } from '../../src/api/contract.js';
import { Problem } from '../../src/api/schemas.js';

/** Who and where: a base URL and the tokens of two accounts that manage different entities. */
export interface Target {
  name: string;
  /** Absolute, e.g. `http://127.0.0.1:8787/api`. */
  baseUrl: string;
  /** Account A: manages `fixtures.entity` and `fixtures.otherEntity`. */
  token: string;
  /** Account B: manages `fixtures.sharedEntity` only (one of A's). */
  otherToken: string;
  fixtures: Fixtures;
}

/** The data the suite relies on; the defaults are the reference server's seed (src/backend/seed.ts). */
export interface Fixtures {
  /** An entity of account A that account B does not manage, with a pending invoice. */
  entity: string;
  /** A dossier of `entity`, and one of another entity. */
  dossier: string;
  foreignDossier: string;
  /** An entity both accounts manage. */
  sharedEntity: string;
  /** An entity of A whose deposits the suite makes, and a dossier it can invoice. */
  depositEntity: string;
  depositDossier: string;
  /** SIRETs INSEE knows as active and as closed; one that passes its check digit but is unknown. */
  siretActive: string;
  siretClosed: string;
  siretUnknown: string;
  /** A PDF invoice's bytes. */
  invoicePdf: () => Promise<Uint8Array>;
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  /** The parsed JSON body (a problem on errors), or undefined. */
  body: T;
  bytes: Uint8Array;
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  /** A JSON body, or a raw one with its own content type. */
  body?: unknown;
  raw?: { body: BodyInit; contentType?: string };
  /** Account A's token by default; `null` sends none. */
  token?: string | null;
  idempotencyKey?: string;
  language?: string;
}

export class ContractBreach extends Error {}

export function client(target: Target) {
  async function call<N extends RouteName>(name: N, options: CallOptions = {}): Promise<Answer<any>> {
    const route: Route = routes[name];
    const search = toSearchParams(options.query).toString();
    const url = `${target.baseUrl}${fillPath(route.path, options.params)}${search ? `?${search}` : ''}`;
    const headers = new Headers({ Accept: route.response === 'pdf' ? 'application/pdf' : 'application/json' });
    const token = options.token === undefined ? target.token : options.token;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
    if (options.language) headers.set('Accept-Language', options.language);
    let body: BodyInit | undefined;
    if (options.raw) {
      body = options.raw.body;
      if (options.raw.contentType) headers.set('Content-Type', options.raw.contentType);
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers.set('Content-Type', 'application/json');
    }
    const response = await fetch(url, { method: route.method, headers, body, credentials: 'omit' });
    return read(route, name, response);
  }

  /** One file in `multipart/form-data`, as the widget sends it. */
  function upload(kind: string | null, name: string, bytes: Uint8Array, options: Omit<CallOptions, 'raw' | 'body'> = {}) {
    const form = new FormData();
    if (kind !== null) form.set('kind', kind);
    form.set('file', new Blob([bytes as BlobPart], { type: 'application/octet-stream' }), name);
    return call('createUpload', { ...options, raw: { body: form } });
  }

  return { call, upload };
}

/** Checks the answer against the contract: the route's schema on success, problem details on error. */
async function read(route: Route, name: string, response: Response): Promise<Answer> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('Content-Type') ?? '';
  const text = () => new TextDecoder().decode(bytes);
  const answer: Answer = { status: response.status, headers: response.headers, body: undefined, bytes };
  if (!response.ok) {
    if (!type.startsWith('application/problem+json')) throw new ContractBreach(`${name} ${response.status}: Content-Type ${type || '(none)'}, not application/problem+json`);
    const parsed = Problem.safeParse(JSON.parse(text()));
    if (!parsed.success) throw new ContractBreach(`${name} ${response.status}: not problem details: ${text().slice(0, 200)}`);
    if (parsed.data.status !== response.status) throw new ContractBreach(`${name}: problem status ${parsed.data.status} ≠ HTTP ${response.status}`);
    answer.body = parsed.data;
    return answer;
  }
  if (response.status !== route.status) throw new ContractBreach(`${name}: HTTP ${response.status}, the contract says ${route.status}`);
  if (route.response === 'empty') {
    if (bytes.length) throw new ContractBreach(`${name}: a ${response.status} with a body`);
  } else if (route.response === 'pdf') {
    if (!type.startsWith('application/pdf') || text().slice(0, 5) !== '%PDF-') throw new ContractBreach(`${name}: not a PDF (${type})`);
  } else if (typeof route.response === 'object') {
    const parsed = (route.response as z.ZodMiniType).safeParse(JSON.parse(text()));
    if (!parsed.success) throw new ContractBreach(`${name}: the answer breaks the contract at ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    answer.body = parsed.data;
  }
  return answer;
}

/** The reference server's seed (src/backend/seed.ts), as the suite's fixtures; a PDF loader is added by each runner. */
export const SEED_FIXTURES: Omit<Fixtures, 'invoicePdf'> = {
  entity: '824092688',
  dossier: '2103DCA22581',
  foreignDossier: '2206AF000578',
  sharedEntity: '819109976',
  depositEntity: '527319461',
  depositDossier: '2206AF000578',
  siretActive: '82409268800236',
  siretClosed: '44556677100017',
  siretUnknown: '43819562000036',
};
/** The sample invoice the suite uploads, under the repository's root. */
export const SAMPLE_INVOICE = 'demo/samples/facture-2606-calcul-mental.pdf';
/** The seeded accounts the development sign-in opens: A manages every entity, B one of them. */
export const SEED_ACCOUNTS = { a: 'demo', b: 'kavkaz' } as const;

/** Signs in through the development route of the mock and the reference server. */
export async function devSignIn(baseUrl: string, account: string): Promise<string> {
  const response = await fetch(`${baseUrl}/dev/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ account }), credentials: 'omit' });
  if (!response.ok) throw new Error(`Development sign-in as ${account} failed: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
