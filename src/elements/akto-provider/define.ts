import { defineElement } from '../../core/define.js';
import { AktoProvider } from './akto-provider.js';

defineElement('akto-provider', AktoProvider);

declare global {
  interface HTMLElementTagNameMap {
    'akto-provider': AktoProvider;
  }
}
export { AktoProvider };
