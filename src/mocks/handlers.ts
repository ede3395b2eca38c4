/**
 * MSW handlers for every endpoint of the contract, built from the route table, with the
 * store's behaviour, problem details in the caller's language, auth and fault injection.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import * as z from 'zod/mini';
import { fromSearchParams, routes, type Route, type RouteName } from '../api/contract.js';
import { DepositRequest, DossierQuery, InvoiceQuery, ValidationRequest } from '../api/schemas.js';
import { toLocale, type Locale } from '../i18n/index.js';
import type { Faults } from './faults.js';
import { MockProblem } from './problems.js';
import type { MockStore } from './store.js';

type Answer = { status: number; body?: unknown; pdf?: ArrayBuffer };
interface Call {
  params: Record<string, string>;
  url: URL;
  request: Request;
  key: string | null;
}
type Resolver = (call: Call) => Answer | Promise<Answer>;

const json = (body: unknown, status = 200): Answer => ({ status, body });
const none: Answer = { status: 204 };

function parse<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new MockProblem(
      'bad-request',
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', code: issue.code, message: { fr: `Valeur invalide (${issue.code}).`, en: `Invalid value (${issue.code}).` } })),
    );
  return parsed.data;
}

async function body(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new MockProblem('bad-request');
  }
}

const query = (url: URL, schema: typeof InvoiceQuery | typeof DossierQuery, arrays: string[]) =>
  parse(schema, fromSearchParams(url.searchParams, arrays, ['page', 'pageSize']));

function resolvers(store: MockStore): Record<RouteName, Resolver> {
  return {
    listEntities: () => json({ items: store.entities }),
    listInvoices: ({ url }) => json(store.listInvoices(query(url, InvoiceQuery, ['status']) as z.output<typeof InvoiceQuery>)),
    getInvoice: ({ params }) => {
      const { siret: _s, pdf: _p, ...detail } = store.getInvoice(params.invoiceId!);
      return json(detail);
    },
    getInvoicePdf: ({ params }) => ({ status: 200, pdf: store.invoicePdf(params.invoiceId!) }),
    createUpload: async ({ request, key }) =>
      store.once(key && `upload:${key}`, async () => {
        let form: FormData;
        try {
          form = await request.formData();
        } catch {
          throw new MockProblem('bad-request');
        }
        const file = form.get('file');
        return json(await store.createUploadFrom(file instanceof File ? file : null, form.get('kind') as string | null), 201);
      }),
    deleteUpload: ({ params }) => (store.deleteUpload(params.uploadId!), none),
    createDeposit: async ({ params, request, key }) => {
      const data = parse(DepositRequest, await body(request));
      return store.once(key && `deposit:${key}`, async () => json(await store.createDeposit(params.siren!, data), 201));
    },
    listPending: ({ params }) => json({ items: store.listPending(params.siren!) }),
    getPendingPdf: ({ params }) => ({ status: 200, pdf: store.pendingPdf(params.pendingId!) }),
    deletePending: ({ params }) => (store.deletePending(params.pendingId!), none),
    validatePending: async ({ params, request, key }) => {
      const data = parse(ValidationRequest, await body(request));
      return store.once(key && `validation:${key}`, async () => json({ invoice: store.validate(params.pendingId!, data) }));
    },
    listDossiers: ({ url }) => json(store.listDossiers(query(url, DossierQuery, ['state']) as z.output<typeof DossierQuery>)),
    getDossier: ({ params }) => json(store.getDossier(params.dossierId!)),
    lookupSiret: ({ params }) => json(store.lookupSiret(params.siret!)),
  };
}

function respond(answer: Answer): Response {
  if (answer.pdf) return new HttpResponse(answer.pdf, { status: answer.status, headers: { 'Content-Type': 'application/pdf' } });
  if (answer.status === 204) return new HttpResponse(null, { status: 204 });
  return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status });
}

function problem(error: MockProblem, locale: Locale, instance: string): Response {
  return HttpResponse.json(error.toProblem(locale, instance), { status: error.status, headers: { 'Content-Type': 'application/problem+json' } });
}

/** A body that breaks the contract the way a misbehaving proxy or back end would. */
function malformed(route: Route): Response {
  if (route.response === 'pdf') return new HttpResponse('<html><body>Maintenance</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
  return HttpResponse.json({ items: 'not-a-list', total: '?', unexpected: true }, { status: route.status === 204 ? 200 : route.status });
}

/** MSW path syntax: `/invoices/{invoiceId}` → `/invoices/:invoiceId`. */
const mswPath = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path.replace(/\{(\w+)\}/g, ':$1')}`;

export function createHandlers(store: MockStore, faults: Faults, baseUrl: string): HttpHandler[] {
  const table = resolvers(store);
  return (Object.keys(routes) as RouteName[]).map((name) => {
    const route: Route = routes[name];
    const method = route.method.toLowerCase() as 'get' | 'post' | 'delete';
    return http[method](mswPath(baseUrl, route.path), async ({ request, params }) => {
      const url = new URL(request.url);
      const locale = toLocale(request.headers.get('Accept-Language'));
      if (faults.latencyMs) await delay(faults.latencyMs);
      if (name === 'createUpload' && faults.uploadLatencyMs) await delay(faults.uploadLatencyMs);
      const fault = faults.take(name);
      if (fault === 'network') return HttpResponse.error();
      if (fault === 'timeout') {
        // Never answers: the client's timeout (or the user's cancel) ends the request.
        await delay('infinite');
      }
      if (fault === 'server-error') return problem(new MockProblem('server-error'), locale, url.pathname);
      if (fault === 'malformed') return malformed(route);
      const token = request.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? null;
      if (fault === 'unauthorized' || (store.requiredToken !== null && token !== store.requiredToken)) return problem(new MockProblem('unauthorized'), locale, url.pathname);
      try {
        const key = route.idempotent ? request.headers.get('Idempotency-Key') : null;
        const answer = await table[name]({ params: params as Record<string, string>, url, request, key });
        return respond(answer);
      } catch (error) {
        if (error instanceof MockProblem) return problem(error, locale, url.pathname);
        console.error('[akto mock] unexpected failure', error);
        return problem(new MockProblem('server-error'), locale, url.pathname);
      }
    });
  });
}
