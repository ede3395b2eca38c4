import { defineElement } from '../../core/define.js';
import { AktoInvoiceList } from './akto-invoice-list.js';

defineElement('akto-invoice-list', AktoInvoiceList);

declare global {
  interface HTMLElementTagNameMap {
    'akto-invoice-list': AktoInvoiceList;
  }
}
export { AktoInvoiceList };
