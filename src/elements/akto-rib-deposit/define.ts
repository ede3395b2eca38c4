import { defineElement } from '../../core/define.js';
import { AktoRibDeposit } from './akto-rib-deposit.js';

defineElement('akto-rib-deposit', AktoRibDeposit);

declare global {
  interface HTMLElementTagNameMap {
    'akto-rib-deposit': AktoRibDeposit;
  }
}
export { AktoRibDeposit };
