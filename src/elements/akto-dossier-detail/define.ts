import { defineElement } from '../../core/define.js';
import { AktoDossierDetail } from './akto-dossier-detail.js';

defineElement('akto-dossier-detail', AktoDossierDetail);

declare global {
  interface HTMLElementTagNameMap {
    'akto-dossier-detail': AktoDossierDetail;
  }
}
export { AktoDossierDetail };
