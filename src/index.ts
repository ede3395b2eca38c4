/**
 * akto-invoice-widget: registers every element. This is the entry of the single script
 * (`dist/akto-invoice-widget.js`) a partner page loads, and of `import 'akto-invoice-widget'`.
 */
import './elements/akto-provider/define.js';
import './elements/akto-invoice-list/define.js';
import './elements/akto-invoice-detail/define.js';
import './elements/akto-entity-picker/define.js';
import './elements/akto-invoice-upload/define.js';
import './elements/akto-pdf-preview/define.js';
import './elements/akto-invoice-validate/define.js';
import './elements/akto-invoice-deposit/define.js';
import './elements/akto-dossier-list/define.js';
import './elements/akto-dossier-detail/define.js';
import './elements/akto-invoice-widget/define.js';
import './elements/akto-transfer-detail/define.js';
import './elements/akto-rib-deposit/define.js';

export { AktoProvider } from './elements/akto-provider/akto-provider.js';
export { AktoInvoiceList } from './elements/akto-invoice-list/akto-invoice-list.js';
export { AktoInvoiceDetail } from './elements/akto-invoice-detail/akto-invoice-detail.js';
export { AktoEntityPicker } from './elements/akto-entity-picker/akto-entity-picker.js';
export { AktoInvoiceUpload } from './elements/akto-invoice-upload/akto-invoice-upload.js';
export { AktoPdfPreview } from './elements/akto-pdf-preview/akto-pdf-preview.js';
export { AktoInvoiceValidate } from './elements/akto-invoice-validate/akto-invoice-validate.js';
export { AktoInvoiceDeposit } from './elements/akto-invoice-deposit/akto-invoice-deposit.js';
export { AktoDossierList } from './elements/akto-dossier-list/akto-dossier-list.js';
export { AktoDossierDetail } from './elements/akto-dossier-detail/akto-dossier-detail.js';
export { AktoInvoiceWidget } from './elements/akto-invoice-widget/akto-invoice-widget.js';
export { AktoTransferDetail } from './elements/akto-transfer-detail/akto-transfer-detail.js';
export { AktoRibDeposit } from './elements/akto-rib-deposit/akto-rib-deposit.js';
export { TRUSTED_TYPES_POLICY } from './core/trusted-types-name.js';
export { clearDrafts } from './core/drafts.js';
export { AktoElement } from './core/akto-element.js';
export { defineElement } from './core/define.js';
export * from './core/events.js';
export type { AktoConfig } from './core/config.js';
export { ApiClient, ApiError, type TokenSource } from './api/index.js';
export { VERSION } from './version.js';
