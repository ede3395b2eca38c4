/**
 * The elements the single script loads on first use (see core/autoload.ts): each becomes its own
 * chunk. The ones a page shows first are registered eagerly in src/script.ts.
 */
export const LAZY_ELEMENTS = {
  'akto-dossier-detail': () => import('./akto-dossier-detail/define.js'),
  'akto-dossier-list': () => import('./akto-dossier-list/define.js'),
  'akto-invoice-detail': () => import('./akto-invoice-detail/define.js'),
  'akto-entity-picker': () => import('./akto-entity-picker/define.js'),
  'akto-invoice-deposit': () => import('./akto-invoice-deposit/define.js'),
  'akto-invoice-upload': () => import('./akto-invoice-upload/define.js'),
  'akto-invoice-validate': () => import('./akto-invoice-validate/define.js'),
  'akto-pdf-preview': () => import('./akto-pdf-preview/define.js'),
  'akto-rib-deposit': () => import('./akto-rib-deposit/define.js'),
  'akto-transfer-detail': () => import('./akto-transfer-detail/define.js'),
} as const;

export type LazyElementTag = keyof typeof LAZY_ELEMENTS;
