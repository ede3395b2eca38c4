import { defineElement } from '../../core/define.js';
import { AktoDossierList } from './akto-dossier-list.js';

defineElement('akto-dossier-list', AktoDossierList);

declare global {
  interface HTMLElementTagNameMap {
    'akto-dossier-list': AktoDossierList;
  }
}
export { AktoDossierList };
