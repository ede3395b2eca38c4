/**
 * What the documentation says of each route (openapi.json, the server's /docs page): its summary
 * and the error statuses it answers with problem details. Kept apart from the route table
 * (contract.ts), which the single script carries, so none of this text reaches a partner page.
 * The compiler asks for an entry per route.
 */
import type { RouteName } from './contract.js';

export interface RouteDoc {
  summary: string;
  /**
   * Error statuses the endpoint answers with problem details, beyond 401 and 500. On idempotent
   * routes 409 is also « the first request with this key is still running » and 422 « this key
   * was used for another body »; 429 is a server's rate limit.
   */
  errors?: readonly number[];
}

export const ROUTE_DOCS = {
  listEntities: { summary: "Les entités (SIREN) gérées par le compte." },
  listInvoices: { summary: 'Liste de mes factures: paginée, recherche, filtres, tri.', errors: [400] },
  getInvoice: { summary: "Le détail d'une facture.", errors: [404] },
  getInvoicePdf: { summary: "Le PDF d'une facture déposée.", errors: [404] },
  createUpload: { summary: 'Téléverse un fichier, un par requête: une facture (PDF), ou une pièce justificative (PDF, PNG, JPEG), le genre sous lequel passent aussi un RIB et un document de dossier.', errors: [400, 409, 413, 415, 422, 429] },
  deleteUpload: { summary: "Supprime un fichier téléversé tant qu'il n'a pas été déposé.", errors: [404, 409] },
  createDeposit: { summary: "Envoie les factures d'une entité; la réponse liste les factures à valider avec les champs lus dans chaque PDF.", errors: [400, 404, 409, 415, 422, 429] },
  listPending: { summary: "Les factures déposées et pas encore validées d'une entité.", errors: [404] },
  getPendingPdf: { summary: "Le PDF d'une facture à valider.", errors: [404] },
  deletePending: { summary: 'Supprime une facture déposée et pas encore validée.', errors: [404] },
  validatePending: { summary: 'Valide une facture avec les champs A–F corrigés.', errors: [400, 404, 409, 415, 422, 429] },
  listDossiers: { summary: 'Mes dossiers: paginés, recherche, filtres, tri.', errors: [400] },
  getDossier: { summary: "Le détail d'un dossier.", errors: [404] },
  lookupSiret: { summary: "Un SIRET dans la base SIRENE de l'INSEE: connu, actif ou fermé, nom.", errors: [404, 422, 429] },
  getTransfer: { summary: "Un virement d'AKTO: sa date, son montant, le compte crédité et les factures qu'il a payées.", errors: [404] },
  listDocuments: { summary: "Les documents envoyés sur un dossier (l'onglet « Documents »), du plus récent au plus ancien.", errors: [404] },
  createDocument: { summary: 'Dépose un document (un PDF téléversé comme pièce justificative) sur un dossier.', errors: [400, 404, 409, 415, 422, 429] },
  listRibs: { summary: "Les RIB déposés pour une entité et où en est leur vérification, du plus récent au plus ancien.", errors: [404] },
  createRib: { summary: "Dépose un RIB (un PDF ou une image téléversé comme pièce justificative) avec son titulaire, son IBAN et son BIC, vérifiés (clé IBAN modulo 97, format du BIC).", errors: [400, 404, 409, 415, 422, 429] },
} as const satisfies Record<RouteName, RouteDoc>;

export const routeDoc = (name: RouteName): RouteDoc => ROUTE_DOCS[name];
