import { defineElement } from '../../core/define.js';
import { AktoInvoiceWidget } from './akto-invoice-widget.js';

defineElement('akto-invoice-widget', AktoInvoiceWidget);

declare global {
  interface HTMLElementTagNameMap {
    'akto-invoice-widget': AktoInvoiceWidget;
  }
}
export { AktoInvoiceWidget };
