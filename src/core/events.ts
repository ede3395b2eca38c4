/**
 * Every event the elements fire: one constant for the name, one type for the detail.
 * All bubble and cross shadow roots (`composed`), and are declared in
 * GlobalEventHandlersEventMap so `addEventListener('akto-…')` is typed on any element.
 */
import type { ApiError } from '../api/errors.js';
import type { Deposit, Entity, InvoiceSummary, PendingInvoice, Rib, Upload, UploadKind } from '../api/schemas.js';

export const AKTO_UNAUTHORIZED = 'akto-unauthorized';
export const AKTO_DEPOSIT_REQUEST = 'akto-deposit-request';
export const AKTO_RIB_REQUEST = 'akto-rib-request';
export const AKTO_INVOICE_OPEN = 'akto-invoice-open';
export const AKTO_DOSSIER_OPEN = 'akto-dossier-open';
export const AKTO_TRANSFER_OPEN = 'akto-transfer-open';
export const AKTO_QUERY_CHANGE = 'akto-query-change';
export const AKTO_ENTITY_SELECT = 'akto-entity-select';
export const AKTO_UPLOAD_REQUEST = 'akto-upload-request';
export const AKTO_DEPOSIT_SENT = 'akto-deposit-sent';
export const AKTO_INVOICE_VALIDATED = 'akto-invoice-validated';
export const AKTO_INVOICES_REQUEST = 'akto-invoices-request';
export const AKTO_DOCUMENT_REQUEST = 'akto-document-request';
export const AKTO_VIEW_CHANGE = 'akto-view-change';
export const AKTO_VALIDATION_COMPLETE = 'akto-validation-complete';
export const AKTO_PENDING_DELETED = 'akto-pending-deleted';
export const AKTO_VALIDATE_REQUEST = 'akto-validate-request';
export const AKTO_RIB_SENT = 'akto-rib-sent';

export interface AktoEventDetails {
  /** A request answered 401: the host signs the user in again (and may hand a new token). */
  [AKTO_UNAUTHORIZED]: { error: ApiError };
  /** « Déposer une facture » (cancelable: the host decides where it leads). */
  [AKTO_DEPOSIT_REQUEST]: { dossier: string | null; entity: string | null };
  /** « Déposer un RIB » (cancelable). */
  [AKTO_RIB_REQUEST]: { entity: string | null };
  /** « Détails » of an invoice (cancelable: the host may show it elsewhere). */
  [AKTO_INVOICE_OPEN]: { invoiceId: string; reference: string };
  /** A dossier link (cancelable when an href template is set; fired instead of navigating otherwise). */
  [AKTO_DOSSIER_OPEN]: { dossierId: string | null; number: string | null };
  /** A transfer link, fired when no href template is set. */
  [AKTO_TRANSFER_OPEN]: { transferNumber: string };
  /** Filters, sort or page changed (also reflected in attributes). */
  [AKTO_QUERY_CHANGE]: { query: Record<string, unknown> };
  /** The entity chosen for a deposit. */
  [AKTO_ENTITY_SELECT]: { entity: Entity };
  /**
   * Before each upload. Add to `headers` to send more; or cancel the event and call
   * `respondWith(promise)` with the upload the host made itself (the contract's Upload).
   */
  [AKTO_UPLOAD_REQUEST]: { file: File; kind: UploadKind; headers: Record<string, string>; respondWith: (upload: Promise<Upload>) => void };
  /** The deposit was created: the pending invoices step 2 validates. */
  [AKTO_DEPOSIT_SENT]: { deposit: Deposit; pending: PendingInvoice[] };
  /** An invoice was validated. */
  [AKTO_INVOICE_VALIDATED]: { invoice: InvoiceSummary };
  /** The last pending invoice on screen was validated (or deleted): nothing is left to validate. */
  [AKTO_VALIDATION_COMPLETE]: { validated: InvoiceSummary[] };
  /** A pending invoice was deleted, after the user confirmed. */
  [AKTO_PENDING_DELETED]: { pending: PendingInvoice };
  /** « Voir mes factures » (cancelable). */
  [AKTO_INVOICES_REQUEST]: Record<string, never>;
  /** « Déposer un document » on a dossier. */
  [AKTO_DOCUMENT_REQUEST]: { dossierId: string; number: string | null };
  /** A RIB was deposited (« En cours de vérification »). */
  [AKTO_RIB_SENT]: { rib: Rib };
  /** The one-tag widget moved to another view. */
  [AKTO_VIEW_CHANGE]: { view: string; params: Record<string, string> };
  /** « Valider » on an invoice « À valider » in « Mes factures » (cancelable): step 2 of the deposit, for its entity. */
  [AKTO_VALIDATE_REQUEST]: { invoiceId: string; reference: string; entity: string };
}

export type AktoEventName = keyof AktoEventDetails;
export type AktoEvent<K extends AktoEventName> = CustomEvent<AktoEventDetails[K]>;
type AktoEventTypes = { [K in AktoEventName]: AktoEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends AktoEventTypes {}
}

/** Fires an akto event from `target`; returns false when a listener cancelled it. */
export function emit<K extends AktoEventName>(target: EventTarget, name: K, detail: AktoEventDetails[K], options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
