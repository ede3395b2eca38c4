import { prefixed } from '../../core/parts.js';
import { INVOICE_DEPOSIT_PARTS } from '../akto-invoice-deposit/parts.js';
import { INVOICE_DETAIL_PARTS } from '../akto-invoice-detail/parts.js';

/** Its own parts, the invoice in its dialog as `detail-*`, the deposit in its dialog as `deposit-*`. */
export const INVOICE_LIST_PARTS = ['base', 'table', 'actions', 'badge', 'dialog', ...prefixed('detail', INVOICE_DETAIL_PARTS), ...prefixed('deposit', INVOICE_DEPOSIT_PARTS)];
