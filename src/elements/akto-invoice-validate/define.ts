import { defineElement } from '../../core/define.js';
import { AktoInvoiceValidate } from './akto-invoice-validate.js';

defineElement('akto-invoice-validate', AktoInvoiceValidate);

declare global {
  interface HTMLElementTagNameMap {
    'akto-invoice-validate': AktoInvoiceValidate;
  }
}
export { AktoInvoiceValidate };
