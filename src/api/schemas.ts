/**
 * The API contract's data shapes: the one source of truth. The client parses every answer
 * against them, the mock backend answers with them, and `openapi.json` is generated from them.
 * zod/mini keeps the shipped script small (about 6 KB gzip against 26 KB for full zod).
 */
import * as z from 'zod/mini';
import { SIREN_PATTERN, SIRET_PATTERN } from '../rules/patterns.js';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const isoDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/));
const siren = z.string().check(z.regex(SIREN_PATTERN));
const siret = z.string().check(z.regex(SIRET_PATTERN));
const id = z.string().check(z.minLength(1));
/** Amounts are euros as JSON numbers with at most two decimals. */
const amount = z.number();

export const EntityRole = z.enum(['adherent', 'of', 'cfa']);
export const Entity = z.object({ siren, name: z.string(), role: EntityRole });
export const EntityList = z.object({ items: z.array(Entity) });

export const InvoiceStatus = z.enum(['a-valider', 'en-cours-analyse', 'payee', 'partiellement-payee', 'rejetee']);
export const INVOICE_SORT_KEYS = ['reference', 'issueDate', 'depositDate', 'amountHT', 'amountTTC', 'status', 'transferNumber', 'transferDate'] as const;
export const InvoiceSortKey = z.enum(INVOICE_SORT_KEYS);
export const SortOrder = z.enum(['asc', 'desc']);
/** The largest page the API serves; the sizes a list offers are the UI's (core/table-parts.ts). */
export const MAX_PAGE_SIZE = 1000;

export const InvoiceSummary = z.object({
  id,
  reference: z.string(),
  entitySiren: siren,
  issueDate: z.nullable(isoDate),
  depositDate: isoDate,
  amountHT: z.nullable(amount),
  amountTTC: z.nullable(amount),
  status: InvoiceStatus,
  transferNumber: z.nullable(z.string()),
  transferDate: z.nullable(isoDate),
  dossiers: z.array(z.string()),
});

export const Page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().check(z.int(), z.nonnegative()), page: z.number().check(z.int(), z.positive()), pageSize: z.number().check(z.int(), z.positive()) });

export const InvoicePage = Page(InvoiceSummary);

/** Query of the invoice list; every field optional, arrays sent as comma-separated values. */
export const InvoiceQuery = z.object({
  q: z.optional(z.string()),
  status: z.optional(z.array(InvoiceStatus)),
  entity: z.optional(siren),
  issuedFrom: z.optional(isoDate),
  issuedTo: z.optional(isoDate),
  depositedFrom: z.optional(isoDate),
  depositedTo: z.optional(isoDate),
  sort: z.optional(InvoiceSortKey),
  order: z.optional(SortOrder),
  page: z.optional(z.number().check(z.int(), z.positive())),
  pageSize: z.optional(z.number().check(z.int(), z.positive(), z.lte(MAX_PAGE_SIZE))),
});

export const LinkedDossier = z.object({
  number: z.string(),
  trainees: z.array(z.string()),
  hours: z.nullable(z.number()),
  scheme: z.nullable(z.string()),
  start: z.nullable(isoDate),
  end: z.nullable(isoDate),
  place: z.nullable(z.string()),
});

export const InvoiceDetail = z.extend(InvoiceSummary, {
  amountTVA: z.nullable(amount),
  receivedDate: isoDate,
  creditNote: z.boolean(),
  iban: z.nullable(z.string()),
  hasPdf: z.boolean(),
  linkedDossiers: z.array(LinkedDossier),
});

export const UploadKind = z.enum(['invoice', 'supporting']);
export const Upload = z.object({
  id,
  name: z.string(),
  size: z.number().check(z.int(), z.nonnegative()),
  type: z.string(),
  kind: UploadKind,
  createdAt: isoDateTime,
});

export const Derogation = z.enum(['adherent', 'cfa-of']);
export const DepositInvoice = z.object({
  uploadId: id,
  creditNote: z.boolean(),
  salaryCosts: z.boolean(),
  supportingUploadIds: z.array(id),
  derogation: z.nullable(Derogation),
});
export const DepositRequest = z.object({
  dossier: z.optional(z.string()),
  invoices: z.array(DepositInvoice).check(z.minLength(1)),
});

/** The fields read from an invoice's PDF (A–F of the guide); what could not be read is null. */
export const InvoiceFields = z.object({
  invoiceNumber: z.nullable(z.string()),
  amountHT: z.nullable(amount),
  amountTTC: z.nullable(amount),
  dossiers: z.array(z.string()),
  invoiceDate: z.nullable(isoDate),
  siret: z.nullable(z.string()),
});

export const PendingInvoice = z.object({
  id,
  entitySiren: siren,
  fileName: z.string(),
  /** « Envoyé le »: when the deposit was sent. */
  sentAt: isoDateTime,
  creditNote: z.boolean(),
  salaryCosts: z.boolean(),
  /** The dossier the deposit was started from, when it was. */
  fromDossier: z.nullable(z.string()),
  /** Whether the PDF can be fetched for the preview. */
  hasPdf: z.boolean(),
  fields: InvoiceFields,
});
export const PendingList = z.object({ items: z.array(PendingInvoice) });
export const Deposit = z.object({ id, entitySiren: siren, pending: z.array(PendingInvoice) });

/** The corrected fields sent with « Valider »: all required, already checked by the shared rules. */
export const ValidationRequest = z.object({
  invoiceNumber: z.string(),
  amountHT: amount,
  amountTTC: amount,
  dossiers: z.array(z.string()),
  invoiceDate: z.string(),
  siret: z.string(),
  creditNote: z.optional(z.boolean()),
});
export const ValidationResult = z.object({ invoice: InvoiceSummary });

export const DossierState = z.enum(['brouillon', 'transmis', 'accorde', 'cloture', 'refuse']);
export const DOSSIER_SORT_KEYS = ['number', 'title', 'start', 'end', 'company', 'state'] as const;
export const DossierSortKey = z.enum(DOSSIER_SORT_KEYS);
export const DossierSummary = z.object({
  id,
  /** Null for a draft, shown as « Brouillon du 24/06/2022 ». */
  number: z.nullable(z.string()),
  draftDate: z.nullable(isoDate),
  title: z.string(),
  start: z.nullable(isoDate),
  end: z.nullable(isoDate),
  company: z.string(),
  entitySiren: siren,
  state: DossierState,
});
export const DossierPage = Page(DossierSummary);
export const DossierQuery = z.object({
  q: z.optional(z.string()),
  state: z.optional(z.array(DossierState)),
  entity: z.optional(siren),
  sort: z.optional(DossierSortKey),
  order: z.optional(SortOrder),
  page: z.optional(z.number().check(z.int(), z.positive())),
  pageSize: z.optional(z.number().check(z.int(), z.positive(), z.lte(MAX_PAGE_SIZE))),
});
export const Funding = z.object({ requested: amount, granted: amount, paid: amount, balance: amount });
export const DossierDetail = z.extend(DossierSummary, {
  scheme: z.string(),
  issuedDate: z.nullable(isoDate),
  trainingBody: z.string(),
  trainingType: z.string(),
  trainees: z.array(z.string()),
  funding: Funding,
  /** « Envoyé le »: when the dossier was sent to AKTO; null for a draft. */
  sentDate: z.nullable(isoDate),
});

export const SiretLookup = z.object({ siret, name: z.string(), active: z.boolean() });

// ---- « No dead end » (issue 16): a transfer, a dossier's documents, an entity's RIBs ----------

/** An invoice a transfer paid, and how much of it this transfer paid (less than TTC when partial). */
export const TransferInvoice = z.object({ id, reference: z.string(), issueDate: z.nullable(isoDate), amountTTC: z.nullable(amount), paid: amount, status: InvoiceStatus });
/** « Virement N° … »: when AKTO paid, how much, to which account, and the invoices it paid. */
export const Transfer = z.object({ number: z.string(), date: isoDate, amount, entitySiren: siren, iban: z.nullable(z.string()), invoices: z.array(TransferInvoice) });

export const DocumentKind = z.enum(['convention', 'programme', 'emargement', 'certificat-realisation', 'autre']);
/** A document sent on a dossier (the « Documents » tab): its file's name, its kind, « Envoyé le ». */
export const DossierDocument = z.object({ id, name: z.string(), kind: DocumentKind, sentAt: isoDateTime });
export const DocumentList = z.object({ items: z.array(DossierDocument) });
/** « Déposer un document »: a PDF already uploaded (`kind: supporting`), and what it is. */
export const DocumentRequest = z.object({ uploadId: id, kind: DocumentKind });

/** Where a RIB stands: AKTO checks each one before paying to it. */
export const RibStatus = z.enum(['en-cours-verification', 'valide', 'refuse']);
export const Rib = z.object({ id, entitySiren: siren, holder: z.string(), iban: z.string(), bic: z.string(), fileName: z.string(), sentAt: isoDateTime, status: RibStatus });
export const RibList = z.object({ items: z.array(Rib) });
/** « Déposer un RIB »: its file (a PDF or an image, uploaded as `supporting`), the holder, IBAN and BIC. */
export const RibRequest = z.object({ uploadId: id, holder: z.string(), iban: z.string(), bic: z.string() });

export const FieldError = z.object({ field: z.string(), code: z.string(), message: z.string() });
/** RFC 9457 problem details, with `code` and, on a 422, the faulty fields. */
export const Problem = z.object({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  /** On a duplicate invoice: when the earlier one was deposited. */
  duplicateOf: z.optional(z.object({ invoiceId: id, depositDate: isoDate })),
});

export type EntityRole = z.infer<typeof EntityRole>;
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;
export type DossierState = z.infer<typeof DossierState>;
export type Entity = z.infer<typeof Entity>;
export type EntityList = z.infer<typeof EntityList>;
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;
export type InvoicePage = z.infer<typeof InvoicePage>;
export type InvoiceQuery = z.infer<typeof InvoiceQuery>;
export type InvoiceSortKey = z.infer<typeof InvoiceSortKey>;
export type SortOrder = z.infer<typeof SortOrder>;
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;
export type LinkedDossier = z.infer<typeof LinkedDossier>;
export type Upload = z.infer<typeof Upload>;
export type UploadKind = z.infer<typeof UploadKind>;
export type Derogation = z.infer<typeof Derogation>;
export type DepositInvoice = z.infer<typeof DepositInvoice>;
export type DepositRequest = z.infer<typeof DepositRequest>;
export type InvoiceFields = z.infer<typeof InvoiceFields>;
export type PendingInvoice = z.infer<typeof PendingInvoice>;
export type PendingList = z.infer<typeof PendingList>;
export type Deposit = z.infer<typeof Deposit>;
export type ValidationRequest = z.infer<typeof ValidationRequest>;
export type ValidationResult = z.infer<typeof ValidationResult>;
export type DossierSummary = z.infer<typeof DossierSummary>;
export type DossierPage = z.infer<typeof DossierPage>;
export type DossierQuery = z.infer<typeof DossierQuery>;
export type DossierSortKey = z.infer<typeof DossierSortKey>;
export type DossierDetail = z.infer<typeof DossierDetail>;
export type SiretLookup = z.infer<typeof SiretLookup>;
export type TransferInvoice = z.infer<typeof TransferInvoice>;
export type Transfer = z.infer<typeof Transfer>;
export type DocumentKind = z.infer<typeof DocumentKind>;
export type DossierDocument = z.infer<typeof DossierDocument>;
export type DocumentList = z.infer<typeof DocumentList>;
export type DocumentRequest = z.infer<typeof DocumentRequest>;
export type RibStatus = z.infer<typeof RibStatus>;
export type Rib = z.infer<typeof Rib>;
export type RibList = z.infer<typeof RibList>;
export type RibRequest = z.infer<typeof RibRequest>;
export type FieldError = z.infer<typeof FieldError>;
export type Problem = z.infer<typeof Problem>;
