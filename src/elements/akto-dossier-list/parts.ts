import { prefixed } from '../../core/parts.js';
import { DOSSIER_DETAIL_PARTS } from '../akto-dossier-detail/parts.js';

/** Its own parts, and the dossier in its dialog as `detail-*`. */
export const DOSSIER_LIST_PARTS = ['base', 'table', 'badge', 'dialog', ...prefixed('detail', DOSSIER_DETAIL_PARTS)];
