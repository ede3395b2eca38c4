import { prefixed } from '../../core/parts.js';
import { ENTITY_PICKER_PARTS } from '../akto-entity-picker/parts.js';

/** Its own parts, and the entity picker's as `picker-*`. */
export const INVOICE_UPLOAD_PARTS = ['dropzone', 'invoice', 'send', ...prefixed('picker', ENTITY_PICKER_PARTS)];
