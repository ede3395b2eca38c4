import { prefixed } from '../../core/parts.js';
import { DOSSIER_DETAIL_PARTS } from '../akto-dossier-detail/parts.js';
import { DOSSIER_LIST_PARTS } from '../akto-dossier-list/parts.js';
import { INVOICE_DEPOSIT_PARTS } from '../akto-invoice-deposit/parts.js';
import { INVOICE_DETAIL_PARTS } from '../akto-invoice-detail/parts.js';
import { INVOICE_LIST_PARTS } from '../akto-invoice-list/parts.js';

/** The view an element shows, its parts offered under the view's name. */
export const VIEW_PARTS = {
  invoices: INVOICE_LIST_PARTS,
  invoice: INVOICE_DETAIL_PARTS,
  dossiers: DOSSIER_LIST_PARTS,
  dossier: DOSSIER_DETAIL_PARTS,
  deposit: INVOICE_DEPOSIT_PARTS,
} as const;

/** Its own parts and each view's as `invoices-*`, `invoice-*`, `dossiers-*`, `dossier-*`, `deposit-*`. */
export const INVOICE_WIDGET_PARTS = ['nav', 'view', ...Object.entries(VIEW_PARTS).flatMap(([view, parts]) => prefixed(view, parts))];
