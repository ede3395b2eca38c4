import { defineElement } from '../../core/define.js';
import { AktoInvoiceDeposit } from './akto-invoice-deposit.js';

defineElement('akto-invoice-deposit', AktoInvoiceDeposit);

declare global {
  interface HTMLElementTagNameMap {
    'akto-invoice-deposit': AktoInvoiceDeposit;
  }
}
export { AktoInvoiceDeposit };
