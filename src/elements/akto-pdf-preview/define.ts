import { defineElement } from '../../core/define.js';
import { AktoPdfPreview } from './akto-pdf-preview.js';

defineElement('akto-pdf-preview', AktoPdfPreview);

declare global {
  interface HTMLElementTagNameMap {
    'akto-pdf-preview': AktoPdfPreview;
  }
}
export { AktoPdfPreview };
