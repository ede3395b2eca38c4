import { defineElement } from '../../core/define.js';
import { AktoEntityPicker } from './akto-entity-picker.js';

defineElement('akto-entity-picker', AktoEntityPicker);

declare global {
  interface HTMLElementTagNameMap {
    'akto-entity-picker': AktoEntityPicker;
  }
}
export { AktoEntityPicker };
