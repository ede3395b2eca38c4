/**
 * The single script a partner page loads (`dist/akto-invoice-widget.js`): it registers every
 * element. Those a page shows first (the lists, the widget) are defined at once; the others when their tag first
 * appears in the document, from their own chunk next to this file.
 */
import './elements/akto-provider/define.js';
import './elements/akto-invoice-list/define.js';
import './elements/akto-invoice-widget/define.js';
import { autoload } from './core/autoload.js';
import { LAZY_ELEMENTS } from './elements/lazy.js';

autoload(LAZY_ELEMENTS);

export { loadElement } from './core/autoload.js';
export { AktoProvider } from './elements/akto-provider/akto-provider.js';
export { AktoInvoiceList } from './elements/akto-invoice-list/akto-invoice-list.js';
export { AktoInvoiceWidget } from './elements/akto-invoice-widget/akto-invoice-widget.js';
export * from './core/events.js';
export { TRUSTED_TYPES_POLICY } from './core/trusted-types-name.js';
export { clearDrafts } from './core/drafts.js';
export { VERSION } from './version.js';
