import { prefixed } from '../../core/parts.js';
import { PDF_PREVIEW_PARTS } from '../akto-pdf-preview/parts.js';

/** Its own parts, and the PDF preview's as `preview-*` (`preview` itself is the panel holding it). */
export const INVOICE_VALIDATE_PARTS = ['banner', 'preview', 'table', ...prefixed('preview', PDF_PREVIEW_PARTS)];
