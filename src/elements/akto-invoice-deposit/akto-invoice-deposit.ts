import { Task } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import type { Entity, InvoiceSummary, PendingInvoice } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { AKTO_INVOICES_REQUEST } from '../../core/events.js';
import { buttons } from '../../core/tokens.js';
import { AktoInvoiceUpload } from '../akto-invoice-upload/akto-invoice-upload.js';
import { AktoInvoiceValidate } from '../akto-invoice-validate/akto-invoice-validate.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { ApiController } from '../../core/api-controller.js';
import { Configurable } from '../../core/config.js';
import { lazyElement, loadDependency } from '../../core/dependencies.js';
import { INVOICE_UPLOAD_PARTS, INVOICE_VALIDATE_PARTS, exportParts } from '../parts.js';

const UPLOAD_PARTS = exportParts('upload', INVOICE_UPLOAD_PARTS);
const VALIDATE_PARTS = exportParts('validate', INVOICE_VALIDATE_PARTS);

type Step = 'upload' | 'validate' | 'done';

/**
 * @summary The whole deposit: the entity, « 1. Dépôt », then « 2. Validation », with a step indicator; offers to validate what is still pending first.
 *
 * @event akto-invoices-request - « Voir mes factures » (cancelable: the host routes it; otherwise « Liste de mes factures » shows here when the page has it).
 * @event akto-deposit-sent - Re-fired from step 1.
 * @event akto-invoice-validated - Re-fired from step 2.
 * @event akto-unauthorized - The API answered 401.
 *
 * @csspart steps - The step indicator.
 * @csspart upload-dropzone - Step 1's parts as `upload-*` (`upload-dropzone`, `upload-invoice`, `upload-send`, `upload-picker-base`).
 * @csspart validate-table - Step 2's parts as `validate-*` (`validate-banner`, `validate-preview`, `validate-table`, `validate-preview-toolbar`, `validate-preview-canvas`).
 */
export class AktoInvoiceDeposit extends Configurable(AktoElement) {
  static override styles = [
    ...AktoElement.styles,
    buttons,
    css`
      .steps {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        list-style: none;
        margin: 0 0 1.25rem;
        padding: 0;
        counter-reset: none;
      }
      .steps li {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.5rem 1rem;
        border: 2px solid var(--_akto-border);
        border-radius: 999px;
        color: var(--_akto-muted);
        font-weight: 600;
      }
      .steps li[aria-current='step'] {
        border-color: var(--_akto-primary);
        background: var(--_akto-primary);
        color: var(--_akto-on-primary);
      }
      .steps li.done {
        border-color: var(--_akto-success);
        color: var(--_akto-success);
      }
      .notice {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin: 0 0 1rem;
        padding: 0.75rem 1rem;
        border-radius: var(--_akto-radius);
        border: 1px solid var(--_akto-warning);
        background: var(--_akto-warning-bg);
      }
      .notice p {
        margin: 0;
        font-weight: 600;
      }
      .finished {
        padding: 1.25rem;
        border: 1px solid var(--_akto-success);
        border-radius: var(--_akto-radius);
        background: var(--_akto-success-bg);
      }
      .finished p {
        margin: 0 0 1rem;
        font-weight: 700;
        color: var(--_akto-success);
      }
      .finished p.next {
        font-weight: 400;
        color: inherit;
      }
      .finished.none {
        border-color: var(--_akto-border);
        background: none;
      }
      .finished.none p {
        color: inherit;
      }
      .finished .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      .content:focus {
        outline: none;
      }
    `,
  ];
  /** Its two steps; « Mes factures » (its own chunk) when the host lets it show the list at the end. */
  static override dependencies = {
    'akto-invoice-upload': AktoInvoiceUpload,
    'akto-invoice-validate': AktoInvoiceValidate,
    'akto-invoice-list': lazyElement(() => import('../akto-invoice-list/define.js')),
  };

  private l10n = new LocalizeController(this, frSteps);
  private api = new ApiController(this, this.l10n);

  /** The entity (SIREN); chosen by the user when absent. */
  @property({ reflect: true, converter: textAttribute }) entity = '';
  /** The dossier the deposit starts from (« Accès N°2 »), passed to step 1. */
  @property({ reflect: true, converter: textAttribute }) dossier = '';
  /** The current step, reflected so a host can deep-link or style it. */
  @property({ reflect: true }) step: Step = 'upload';

  @state() private handedOver: PendingInvoice[] = [];
  @state() private validated: InvoiceSummary[] = [];
  @state() private showList = false;
  @state() private announcement = '';
  @query('.content') private content?: HTMLElement;

  /** What the entity still has to validate, from an earlier visit. */
  private waiting = new Task(this, {
    task: async ([connection, entity], { signal }) => (connection && entity && this.api.client ? (await this.api.client.call('listPending', { params: { siren: entity }, signal })).items.length : 0),
    args: () => [this.api.key, this.entity] as const,
    onError: this.api.reportError,
  });

  override render() {
    const t = this.l10n.t.deposit;
    if (this.showList) return html`<akto-invoice-list></akto-invoice-list>`;
    const current = (step: Step) => (this.step === step ? 'step' : nothing);
    return html`<ol class="steps" part="steps" aria-label=${t.steps}>
        <li aria-current=${current('upload')} class=${this.step !== 'upload' ? 'done' : ''}>${t.step1}${this.step !== 'upload' ? html`<span class="visually-hidden"> (${t.done})</span>` : nothing}</li>
        <li aria-current=${current('validate')} class=${this.step === 'done' ? 'done' : ''}>${t.step2}${this.step === 'done' ? html`<span class="visually-hidden"> (${t.done})</span>` : nothing}</li>
      </ol>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <div class="content" tabindex="-1">${this.renderStep()}</div>`;
  }

  private renderStep(): TemplateResult {
    const t = this.l10n.t.deposit;
    switch (this.step) {
      case 'upload': {
        const waiting = this.waiting.value ?? 0;
        return html`${waiting > 0
            ? html`<div class="notice">
                <p>${t.pendingFirst(waiting)}</p>
                <button class="button" @click=${() => this.go('validate')}>${t.validatePending(waiting)}</button>
              </div>`
            : nothing}
          <akto-invoice-upload exportparts=${UPLOAD_PARTS} entity=${this.entity} dossier=${this.dossier} @akto-entity-select=${this.onEntity} @akto-deposit-sent=${this.onSent}></akto-invoice-upload>`;
      }
      case 'validate':
        return html`<akto-invoice-validate exportparts=${VALIDATE_PARTS} entity=${this.entity} .pending=${this.handedOver} @akto-invoice-validated=${this.onValidated} @akto-validation-complete=${() => this.go('done')}></akto-invoice-validate>`;
      case 'done': {
        // Every invoice deleted in step 2: nothing was sent, and depositing again is the way on.
        const none = this.validated.length === 0;
        const see = html`<button class="button ${none ? 'secondary' : ''}" @click=${this.seeInvoices}>${t.seeInvoices}</button>`;
        const again = html`<button class="button ${none ? '' : 'secondary'}" @click=${this.again}>${t.depositMore}</button>`;
        // The guide's confirmation first, as after any other invoice, then what it means and what comes next.
        return html`<div class="finished ${none ? 'none' : ''}" role="status">
          ${none ? nothing : html`<p>${this.l10n.t.validate.validatedCount(this.validated.length)}</p>`}
          <p class="next">${t.finished(this.validated.length)}</p>
          <div class="actions">${none ? html`${again}${see}` : html`${see}${again}`}</div>
        </div>`;
      }
    }
  }

  private onEntity = (event: CustomEvent<{ entity: Entity }>): void => {
    this.entity = event.detail.entity.siren;
  };

  private onSent = (event: CustomEvent<{ pending: PendingInvoice[] }>): void => {
    this.handedOver = event.detail.pending;
    this.go('validate');
  };

  private onValidated = (event: CustomEvent<{ invoice: InvoiceSummary }>): void => {
    this.validated = [...this.validated, event.detail.invoice];
  };

  /** Moves to a step, says so, and puts the focus at its start. */
  private async go(step: Step): Promise<void> {
    this.step = step;
    const t = this.l10n.t.deposit;
    this.announcement = step === 'upload' ? t.step1 : step === 'validate' ? t.step2 : '';
    await this.updateComplete;
    this.content?.focus();
  }

  private seeInvoices = (): void => {
    if (this.emit(AKTO_INVOICES_REQUEST, {}, { cancelable: true })) void loadDependency(AktoInvoiceDeposit, 'akto-invoice-list').then(() => (this.showList = true), () => undefined);
  };

  private again = (): void => {
    this.handedOver = [];
    this.validated = [];
    void this.waiting.run();
    void this.go('upload');
  };
}
