import { defineElement } from '../../core/define.js';
import { AktoInvoiceUpload } from './akto-invoice-upload.js';

defineElement('akto-invoice-upload', AktoInvoiceUpload);

declare global {
  interface HTMLElementTagNameMap {
    'akto-invoice-upload': AktoInvoiceUpload;
  }
}
export { AktoInvoiceUpload };
