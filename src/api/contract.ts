/**
 * The REST endpoints, once: the client builds its requests from this table, the mock backend
 * registers its handlers from it, and scripts/write-openapi.ts turns it into openapi.json.
 * What only the documentation needs (each route's summary and error statuses) is in
 * route-docs.ts, out of the script a partner page loads first.
 */
import type * as z from 'zod/mini';
import { encodeSegment } from './uri.js';
import {
  Deposit,
  DepositRequest,
  DocumentList,
  DocumentRequest,
  DossierDocument,
  DossierDetail,
  DossierPage,
  DossierQuery,
  DossierSummary,
  EntityList,
  InvoiceDetail,
  InvoicePage,
  InvoiceQuery,
  PendingList,
  Rib,
  RibList,
  RibRequest,
  SiretLookup,
  Transfer,
  Upload,
  ValidationRequest,
  ValidationResult,
} from './schemas.js';

export type Method = 'GET' | 'POST' | 'DELETE';
/** A JSON schema, or a body that is not JSON: a PDF, nothing (204), a multipart file upload. */
export type Payload = z.ZodMiniType | 'pdf' | 'empty' | 'multipart';

export interface Route {
  method: Method;
  /** Path under the configured `api-base`, with `{name}` parameters. */
  path: string;
  query?: z.ZodMiniType;
  body?: Payload;
  response: Payload;
  status: number;
  /** POSTs that create something carry an `Idempotency-Key`: a retried click never creates twice. */
  idempotent?: boolean;
}

const route = <const R extends Route>(r: R) => r;

export const routes = {
  listEntities: route({ method: 'GET', path: '/entities', response: EntityList, status: 200 }),
  listInvoices: route({ method: 'GET', path: '/invoices', query: InvoiceQuery, response: InvoicePage, status: 200 }),
  getInvoice: route({ method: 'GET', path: '/invoices/{invoiceId}', response: InvoiceDetail, status: 200 }),
  getInvoicePdf: route({ method: 'GET', path: '/invoices/{invoiceId}/pdf', response: 'pdf', status: 200 }),
  createUpload: route({ method: 'POST', path: '/uploads', body: 'multipart', response: Upload, status: 201, idempotent: true }),
  deleteUpload: route({ method: 'DELETE', path: '/uploads/{uploadId}', response: 'empty', status: 204 }),
  createDeposit: route({ method: 'POST', path: '/entities/{siren}/deposits', body: DepositRequest, response: Deposit, status: 201, idempotent: true }),
  listPending: route({ method: 'GET', path: '/entities/{siren}/pending-invoices', response: PendingList, status: 200 }),
  getPendingPdf: route({ method: 'GET', path: '/pending-invoices/{pendingId}/pdf', response: 'pdf', status: 200 }),
  deletePending: route({ method: 'DELETE', path: '/pending-invoices/{pendingId}', response: 'empty', status: 204 }),
  validatePending: route({ method: 'POST', path: '/pending-invoices/{pendingId}/validation', body: ValidationRequest, response: ValidationResult, status: 200, idempotent: true }),
  listDossiers: route({ method: 'GET', path: '/dossiers', query: DossierQuery, response: DossierPage, status: 200 }),
  getDossier: route({ method: 'GET', path: '/dossiers/{dossierId}', response: DossierDetail, status: 200 }),
  lookupSiret: route({ method: 'GET', path: '/siret/{siret}', response: SiretLookup, status: 200 }),
  getTransfer: route({ method: 'GET', path: '/transfers/{transferNumber}', response: Transfer, status: 200 }),
  listDocuments: route({ method: 'GET', path: '/dossiers/{dossierId}/documents', response: DocumentList, status: 200 }),
  createDocument: route({ method: 'POST', path: '/dossiers/{dossierId}/documents', body: DocumentRequest, response: DossierDocument, status: 201, idempotent: true }),
  listRibs: route({ method: 'GET', path: '/entities/{siren}/ribs', response: RibList, status: 200 }),
  createRib: route({ method: 'POST', path: '/entities/{siren}/ribs', body: RibRequest, response: Rib, status: 201, idempotent: true }),
} as const satisfies Record<string, Route>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export const ROUTE_NAMES = Object.keys(routes) as RouteName[];

/** Names of a path's `{parameters}`, typed: `'/invoices/{invoiceId}'` → `'invoiceId'`. */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParams<Rest> : never;

export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeSegment(value);
  });
}

/** Query objects travel as search parameters; arrays as comma-separated values. */
export function toSearchParams(query: Record<string, unknown> | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  return params;
}

/** The reverse of toSearchParams, for a server: numbers where the schema wants numbers. */
export function fromSearchParams(params: URLSearchParams, arrays: readonly string[], numbers: readonly string[]): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (arrays.includes(key)) query[key] = value.split(',').filter(Boolean);
    else if (numbers.includes(key)) query[key] = Number(value);
    else query[key] = value;
  }
  return query;
}
