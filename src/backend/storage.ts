/**
 * What the back end keeps, behind one interface with two implementations: in memory for the mock
 * (tests, stories, partners' tests) and PostgreSQL for the reference server (server/). The
 * behaviour (rules, deposits, validation, idempotency, auth) lives in service.ts and app.ts, once;
 * a storage only stores, finds, filters, sorts and pages.
 */
import type {
  DossierDetail,
  DossierDocument,
  DossierPage,
  DossierQuery,
  Entity,
  InvoiceDetail,
  InvoicePage,
  InvoiceQuery,
  LinkedDossier,
  PendingInvoice,
  Rib,
  Upload,
} from '../api/schemas.js';

/** Who is calling: an account and the SIRENs it manages. Every read is scoped to them. */
export interface Account {
  id: string;
  name: string;
  entities: readonly string[];
}

/** An invoice as the server keeps it: the detail, plus what only the server sees. */
export type StoredInvoice = InvoiceDetail & {
  /** The seller's SIRET, for duplicate detection. */
  siret: string | null;
  /** The file holding its PDF (an upload's id), or null when there is none. */
  fileId: string | null;
};

/** An uploaded file's description; its bytes are kept apart, under its id. */
export interface StoredUpload extends Upload {
  /** The account that uploaded it: no other may see, delete or deposit it. */
  owner: string;
  /** The deposit that used it; a used upload can no longer be deleted or deposited again. */
  usedBy: string | null;
}

/** An invoice deposited and not yet validated. */
export type StoredPending = PendingInvoice & {
  /** The upload holding its PDF ('' for the seeded ones, which have none). */
  uploadId: string;
  depositId: string;
};

/** A dossier as seeded: the detail, the training body that may invoice it, what an invoice shows of it. */
export type StoredDossier = DossierDetail & { trainingBodySiren: string; linked: Omit<LinkedDossier, 'number'> };

/** A document sent on a dossier: the dossier, and the upload holding its file ('' for seeded ones). */
export type StoredDocument = DossierDocument & { dossierId: string; uploadId: string };

/** A RIB deposited for an entity, and the upload holding its file ('' for seeded ones). */
export type StoredRib = Rib & { uploadId: string };

/** An idempotency key's record: the request's fingerprint and, once done, the answer to replay. */
export type IdempotencyRecord = { fingerprint: string; done: false } | { fingerprint: string; done: true; status: number; body: unknown };

export interface Storage {
  // ---- accounts ------------------------------------------------------------------------------
  /** The account a bearer token or session cookie belongs to, or null. */
  accountByToken(token: string): Promise<Account | null>;
  /** Opens a session for a seeded account (the development sign-in); returns its token. */
  createSession(accountId: string): Promise<string | null>;
  /** The account used when a request carries no token, or null when one is required. */
  anonymousAccount(): Promise<Account | null>;

  // ---- reference data --------------------------------------------------------------------------
  findEntities(sirens: readonly string[]): Promise<Entity[]>;
  siret(siret: string): Promise<{ name: string; active: boolean } | null>;
  /** Dossiers an entity may invoice against: as the company, or as the training body. */
  dossierNumbersOf(siren: string): Promise<string[]>;
  linkedDossiers(numbers: readonly string[]): Promise<LinkedDossier[]>;
  dossierPage(sirens: readonly string[], query: DossierQuery): Promise<DossierPage>;
  getDossier(sirens: readonly string[], id: string): Promise<DossierDetail | null>;

  // ---- invoices --------------------------------------------------------------------------------
  /** Validated invoices and pending ones (as « À valider »), filtered, sorted and paged. */
  invoicePage(sirens: readonly string[], query: InvoiceQuery): Promise<InvoicePage>;
  getInvoice(sirens: readonly string[], id: string): Promise<StoredInvoice | null>;
  /** An invoice already validated with this number and seller SIRET. */
  findDuplicate(reference: string, siret: string): Promise<StoredInvoice | null>;
  /** Adds a validated invoice and removes the pending one it came from, together. */
  validatePending(pendingId: string, invoice: StoredInvoice): Promise<void>;

  // ---- uploads, deposits, pending invoices ---------------------------------------------------
  addUpload(upload: StoredUpload, bytes: Uint8Array): Promise<void>;
  getUpload(id: string): Promise<StoredUpload | null>;
  deleteUpload(id: string): Promise<void>;
  /** A stored file's bytes (an upload's, so a pending or validated invoice's PDF too). */
  readFile(id: string): Promise<Uint8Array | null>;
  /** Stores a deposit's pending invoices and marks its uploads used, together. */
  addDeposit(depositId: string, pending: readonly StoredPending[], uploadIds: readonly string[]): Promise<void>;
  pendingOf(siren: string): Promise<StoredPending[]>;
  getPending(id: string): Promise<StoredPending | null>;
  /** Removes a pending invoice and its file. */
  deletePending(id: string): Promise<void>;

  // ---- transfers, dossier documents, RIBs -----------------------------------------------------
  /** The invoices one transfer paid, among the entities given; none when it is unknown to them. */
  transferInvoices(sirens: readonly string[], transferNumber: string): Promise<StoredInvoice[]>;
  /** A dossier's documents, the last sent first. */
  documentsOf(dossierId: string): Promise<StoredDocument[]>;
  /** Stores a document and marks its upload used by it, together. */
  addDocument(document: StoredDocument): Promise<void>;
  /** An entity's RIBs, the last sent first. */
  ribsOf(siren: string): Promise<StoredRib[]>;
  /** Stores a RIB and marks its upload used by it, together. */
  addRib(rib: StoredRib): Promise<void>;

  // ---- idempotency -----------------------------------------------------------------------------
  /** Claims a key for a request: null if it was free (now taken), else the record already there. */
  claimKey(key: string, fingerprint: string): Promise<IdempotencyRecord | null>;
  /** Keeps the answer to replay for the key. */
  completeKey(key: string, status: number, body: unknown): Promise<void>;
  /** Frees a key whose request failed, so a retry runs again. */
  releaseKey(key: string): Promise<void>;

  /** A new identifier, unique in this storage: `pending-00042`, `upload-…`. */
  nextId(prefix: string): Promise<string>;
}
