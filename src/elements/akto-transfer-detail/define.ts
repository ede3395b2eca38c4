import { defineElement } from '../../core/define.js';
import { AktoTransferDetail } from './akto-transfer-detail.js';

defineElement('akto-transfer-detail', AktoTransferDetail);

declare global {
  interface HTMLElementTagNameMap {
    'akto-transfer-detail': AktoTransferDetail;
  }
}
export { AktoTransferDetail };
