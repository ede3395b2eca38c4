/**
 * The parts each element offers to the page (`::part(…)`), the parts of the elements nested in it
 * included under a prefix (Shoelace's `exportparts`): `<akto-invoice-widget>`'s `invoices-table`
 * is its list's `table`. One module for all of them, so the chain is written once (and the single
 * script carries one small chunk, not one per element).
 */

/** `parts` renamed `prefix-part`. */
export function prefixed(prefix: string, parts: readonly string[]): string[] {
  return parts.map((part) => `${prefix}-${part}`);
}

/** The `exportparts` value that offers a nested element's `parts` as `prefix-part`. */
export function exportParts(prefix: string, parts: readonly string[]): string {
  return parts.map((part) => `${part}:${prefix}-${part}`).join(', ');
}

export const ENTITY_PICKER_PARTS = ['base'] as const;
export const PDF_PREVIEW_PARTS = ['toolbar', 'canvas'] as const;
export const INVOICE_DETAIL_PARTS = ['base', 'badge'] as const;
export const DOSSIER_DETAIL_PARTS = ['base', 'header', 'actions', 'training', 'trainees', 'funding', 'badge'] as const;
export const TRANSFER_DETAIL_PARTS = ['base', 'summary', 'table', 'badge'] as const;
export const RIB_DEPOSIT_PARTS = ['base', 'form', 'confirmation', 'list', 'badge'] as const;

/** Step 1's own parts, and the entity picker's as `picker-*`. */
export const INVOICE_UPLOAD_PARTS = ['dropzone', 'invoice', 'send', ...prefixed('picker', ENTITY_PICKER_PARTS)];

/** Step 2's own parts, and the PDF preview's as `preview-*` (`preview` itself is the panel holding it). */
export const INVOICE_VALIDATE_PARTS = ['banner', 'preview', 'table', ...prefixed('preview', PDF_PREVIEW_PARTS)];

/** The deposit's own parts, and its two steps' as `upload-*` and `validate-*`. */
export const INVOICE_DEPOSIT_PARTS = ['steps', ...prefixed('upload', INVOICE_UPLOAD_PARTS), ...prefixed('validate', INVOICE_VALIDATE_PARTS)];

/** « Mes factures »'s own parts, the invoice in its dialog as `detail-*`, the deposit in its dialog as `deposit-*`. */
export const INVOICE_LIST_PARTS = ['base', 'table', 'actions', 'badge', 'dialog', ...prefixed('detail', INVOICE_DETAIL_PARTS), ...prefixed('deposit', INVOICE_DEPOSIT_PARTS)];

/** « Mes dossiers »'s own parts, and the dossier in its dialog as `detail-*`. */
export const DOSSIER_LIST_PARTS = ['base', 'table', 'badge', 'dialog', ...prefixed('detail', DOSSIER_DETAIL_PARTS)];

/** The widget's views: each one's parts are offered under the view's name. */
export const VIEW_PARTS = {
  invoices: INVOICE_LIST_PARTS,
  invoice: INVOICE_DETAIL_PARTS,
  dossiers: DOSSIER_LIST_PARTS,
  dossier: DOSSIER_DETAIL_PARTS,
  deposit: INVOICE_DEPOSIT_PARTS,
  transfer: TRANSFER_DETAIL_PARTS,
  rib: RIB_DEPOSIT_PARTS,
} as const;

/** The widget's own parts and each view's as `invoices-*`, `invoice-*`, `dossiers-*`, `dossier-*`, `deposit-*`, `transfer-*`, `rib-*`. */
export const INVOICE_WIDGET_PARTS = ['nav', 'view', ...Object.entries(VIEW_PARTS).flatMap(([view, parts]) => prefixed(view, parts))];
