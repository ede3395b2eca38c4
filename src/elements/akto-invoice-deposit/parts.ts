import { prefixed } from '../../core/parts.js';
import { INVOICE_UPLOAD_PARTS } from '../akto-invoice-upload/parts.js';
import { INVOICE_VALIDATE_PARTS } from '../akto-invoice-validate/parts.js';

/** Its own parts, and its two steps' as `upload-*` and `validate-*`. */
export const INVOICE_DEPOSIT_PARTS = ['steps', ...prefixed('upload', INVOICE_UPLOAD_PARTS), ...prefixed('validate', INVOICE_VALIDATE_PARTS)];
