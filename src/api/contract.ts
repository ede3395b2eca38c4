/**
 * The REST endpoints, once: the client builds its requests from this table, the mock backend
 * registers its handlers from it, and scripts/write-openapi.ts turns it into openapi.json.
 */
import type * as z from 'zod/mini';
import { encodeSegment } from './uri.js';
import {
  Deposit,
  DepositRequest,
  DossierDetail,
  DossierPage,
  DossierQuery,
  DossierSummary,
  EntityList,
  InvoiceDetail,
  InvoicePage,
  InvoiceQuery,
  PendingList,
  SiretLookup,
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
  summary: string;
  query?: z.ZodMiniType;
  body?: Payload;
  response: Payload;
  status: number;
  /** POSTs that create something carry an `Idempotency-Key`: a retried click never creates twice. */
  idempotent?: boolean;
  /**
   * Error statuses the endpoint answers with problem details, beyond 401 and 500. On idempotent
   * routes 409 is also « the first request with this key is still running » and 422 « this key
   * was used for another body »; 429 is a server's rate limit.
   */
  errors?: readonly number[];
}

const route = <const R extends Route>(r: R) => r;

export const routes = {
  listEntities: route({ method: 'GET', path: '/entities', summary: "Les entités (SIREN) gérées par le compte.", response: EntityList, status: 200 }),
  listInvoices: route({ method: 'GET', path: '/invoices', summary: 'Liste de mes factures: paginée, recherche, filtres, tri.', query: InvoiceQuery, response: InvoicePage, status: 200, errors: [400] }),
  getInvoice: route({ method: 'GET', path: '/invoices/{invoiceId}', summary: "Le détail d'une facture.", response: InvoiceDetail, status: 200, errors: [404] }),
  getInvoicePdf: route({ method: 'GET', path: '/invoices/{invoiceId}/pdf', summary: "Le PDF d'une facture déposée.", response: 'pdf', status: 200, errors: [404] }),
  createUpload: route({ method: 'POST', path: '/uploads', summary: 'Téléverse un fichier (facture ou pièce justificative), un par requête.', body: 'multipart', response: Upload, status: 201, idempotent: true, errors: [400, 409, 413, 415, 422, 429] }),
  deleteUpload: route({ method: 'DELETE', path: '/uploads/{uploadId}', summary: "Supprime un fichier téléversé tant qu'il n'a pas été déposé.", response: 'empty', status: 204, errors: [404, 409] }),
  createDeposit: route({ method: 'POST', path: '/entities/{siren}/deposits', summary: "Envoie les factures d'une entité; la réponse liste les factures à valider avec les champs lus dans chaque PDF.", body: DepositRequest, response: Deposit, status: 201, idempotent: true, errors: [400, 404, 409, 415, 422, 429] }),
  listPending: route({ method: 'GET', path: '/entities/{siren}/pending-invoices', summary: "Les factures déposées et pas encore validées d'une entité.", response: PendingList, status: 200, errors: [404] }),
  getPendingPdf: route({ method: 'GET', path: '/pending-invoices/{pendingId}/pdf', summary: "Le PDF d'une facture à valider.", response: 'pdf', status: 200, errors: [404] }),
  deletePending: route({ method: 'DELETE', path: '/pending-invoices/{pendingId}', summary: 'Supprime une facture déposée et pas encore validée.', response: 'empty', status: 204, errors: [404] }),
  validatePending: route({ method: 'POST', path: '/pending-invoices/{pendingId}/validation', summary: 'Valide une facture avec les champs A–F corrigés.', body: ValidationRequest, response: ValidationResult, status: 200, idempotent: true, errors: [400, 404, 409, 415, 422, 429] }),
  listDossiers: route({ method: 'GET', path: '/dossiers', summary: 'Mes dossiers: paginés, recherche, filtres, tri.', query: DossierQuery, response: DossierPage, status: 200, errors: [400] }),
  getDossier: route({ method: 'GET', path: '/dossiers/{dossierId}', summary: "Le détail d'un dossier.", response: DossierDetail, status: 200, errors: [404] }),
  lookupSiret: route({ method: 'GET', path: '/siret/{siret}', summary: "Un SIRET dans la base SIRENE de l'INSEE: connu, actif ou fermé, nom.", response: SiretLookup, status: 200, errors: [404, 422, 429] }),
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
