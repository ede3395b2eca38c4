import { defineElement } from '../../core/define.js';
import { AktoInvoiceDetail } from './akto-invoice-detail.js';

defineElement('akto-invoice-detail', AktoInvoiceDetail);

declare global {
  interface HTMLElementTagNameMap {
    'akto-invoice-detail': AktoInvoiceDetail;
  }
}
export { AktoInvoiceDetail };
