import { css, html, type TemplateResult } from 'lit';
import type { DossierState, InvoiceStatus } from '../api/schemas.js';
import type { Translation } from '../i18n/translation.js';

export type Tone = 'info' | 'success' | 'partial' | 'warning' | 'danger' | 'neutral';

// Each status has a text, a colour and a shape: its meaning never rests on colour alone.
// One template a tone, the icon written into it: a badge is one template instance, not three
// (a list renders one a row).
const BADGES: Record<Tone, (label: string) => TemplateResult> = {
  info: (label) =>
    html`<span class="badge info" part="badge"><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 4.5v4l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>${label}</span>`,
  success: (label) =>
    html`<span class="badge success" part="badge"><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2.2"/></svg>${label}</span>`,
  partial: (label) =>
    html`<span class="badge partial" part="badge"><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor"/></svg>${label}</span>`,
  warning: (label) =>
    html`<span class="badge warning" part="badge"><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M8 2l6.5 12h-13z" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M8 6.5v3.5M8 11.5v1.2" stroke="currentColor" stroke-width="1.8"/></svg>${label}</span>`,
  danger: (label) =>
    html`<span class="badge danger" part="badge"><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2.2"/></svg>${label}</span>`,
  neutral: (label) =>
    html`<span class="badge neutral" part="badge"><svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><rect x="3" y="3" width="10" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>${label}</span>`,
};

const INVOICE_TONES: Record<InvoiceStatus, Tone> = {
  'a-valider': 'warning',
  'en-cours-analyse': 'info',
  payee: 'success',
  'partiellement-payee': 'partial',
  rejetee: 'danger',
};

const DOSSIER_TONES: Record<DossierState, Tone> = {
  brouillon: 'neutral',
  transmis: 'info',
  accorde: 'success',
  cloture: 'neutral',
  refuse: 'danger',
};

export const invoiceStatusBadge = (status: InvoiceStatus, t: Translation) => BADGES[INVOICE_TONES[status]](t.statuses[status]);
export const dossierStateBadge = (state: DossierState, t: Translation) => BADGES[DOSSIER_TONES[state]](t.dossierStates[state]);
/** A badge of any tone, for the statuses of the screens loaded later (a RIB's). */
export const toneBadge = (tone: Tone, label: string) => BADGES[tone](label);

export const badgeStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge svg {
    flex: none;
  }
  .badge.info {
    color: var(--_akto-info);
    background: var(--_akto-info-bg);
  }
  .badge.success {
    color: var(--_akto-success);
    background: var(--_akto-success-bg);
  }
  .badge.partial {
    color: var(--_akto-success);
    background: var(--_akto-surface);
  }
  .badge.warning {
    color: var(--_akto-warning);
    background: var(--_akto-warning-bg);
  }
  .badge.danger {
    color: var(--_akto-danger);
    background: var(--_akto-danger-bg);
  }
  .badge.neutral {
    color: var(--_akto-muted);
    background: var(--_akto-surface-alt);
  }
`;
