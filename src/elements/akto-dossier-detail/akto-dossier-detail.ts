import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import type { DossierDetail } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { heading } from '../../core/heading.js';
import { badgeStyles, dossierStateBadge } from '../../core/badges.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_DOCUMENT_REQUEST } from '../../core/events.js';
import { buttons } from '../../core/tokens.js';
import { formatAmount, formatDate } from '../../i18n/index.js';
import { dossierDetailStyles } from './styles.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { ApiController } from '../../core/api-controller.js';
import { Configurable } from '../../core/config.js';

/**
 * @summary One dossier (« Action de formation n° 2206AF000578 »): title, scheme, issue date, state, the training, the trainees and the funding, with « Déposer une facture » and « Déposer un document ».
 *
 * A draft (no number yet, « Brouillon du 24/06/2022 ») cannot receive invoices: it has no
 * « Déposer une facture » button, and a note says why and when it will.
 *
 * @event akto-deposit-request - « Déposer une facture », `{ dossier, entity }`: the dossier's number and its company's SIREN (cancelable: the host decides where it leads).
 * @event akto-document-request - « Déposer un document », `{ dossierId, number }` (cancelable: the host shows its own document upload).
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart base - The article holding the dossier.
 * @csspart header - Number, title, scheme, issue date and state, with the actions.
 * @csspart actions - The « Déposer un document » and « Déposer une facture » buttons.
 * @csspart training - The « Formation » panel.
 * @csspart trainees - The « Stagiaire(s) » panel.
 * @csspart funding - The « Financements » panel.
 * @csspart badge - The state badge.
 *
 * @cssproperty --akto-color-primary - Title and buttons.
 * @cssproperty --akto-color-surface-alt - The funding panel's background.
 * @cssproperty --akto-color-border - The panels' borders.
 * @cssproperty --akto-color-info-bg - The note shown on a draft.
 * @cssproperty --akto-radius - Corners of panels and buttons.
 */
export class AktoDossierDetail extends Configurable(AktoElement) {
  static override styles = [...AktoElement.styles, buttons, badgeStyles, dossierDetailStyles];

  private l10n = new LocalizeController(this);
  private api = new ApiController(this, this.l10n);

  /** The dossier to show (its `id`: the number, or a draft's id). */
  @property({ attribute: 'dossier-id', reflect: true, converter: textAttribute }) dossierId = '';

  /** The heading level of the dossier's title (2 by default), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private dossier = new Task(this, {
    task: async ([connection, , id], { signal }) => (connection && id && this.api.client ? this.api.client.call('getDossier', { params: { dossierId: id }, signal }) : undefined),
    args: () => [this.api.key, this.l10n.locale, this.dossierId] as const,
    onError: this.api.reportError,
  });

  override render() {
    const t = this.l10n.t;
    return this.dossier.render({
      pending: () => html`<p class="loading" role="status">${t.dossierDetail.loading}</p>`,
      error: (error) => html`<div class="message error" role="alert">
        <p>${this.api.errorMessage(error)}</p>
        <button class="button secondary" @click=${() => this.dossier.run()}>${t.common.retry}</button>
      </div>`,
      complete: (dossier) => (dossier ? this.renderDossier(dossier) : nothing),
    });
  }

  private renderDossier(dossier: DossierDetail): TemplateResult {
    const t = this.l10n.t.dossierDetail;
    const locale = this.l10n.locale;
    const level = this.headingLevel;
    const draft = dossier.number === null;
    const title = draft
      ? dossier.draftDate
        ? this.l10n.t.dossierDraft.dated(formatDate(dossier.draftDate, locale))
        : this.l10n.t.dossierDraft.undated
      : t.title(dossier.trainingType, dossier.number!);
    const issued = formatDate(dossier.issuedDate, locale);
    return html`<article part="base" aria-labelledby="title">
      <header class="header" part="header">
        <div class="identity">
          ${heading(level, title, { className: 'title', id: 'title' })}
          ${dossier.title ? html`<p class="subtitle"><bdi>${dossier.title}</bdi></p>` : nothing}
          <p class="scheme"><bdi>${dossier.scheme}</bdi></p>
          <dl class="facts">
            ${issued ? html`<div><dt>${t.issuedOn}</dt><dd>${issued}</dd></div>` : nothing}
            <div><dt>${t.state}</dt><dd>${dossierStateBadge(dossier.state, this.l10n.t)}</dd></div>
          </dl>
        </div>
        <div class="actions" part="actions" role="group" aria-label=${t.actions}>
          <button class="button secondary" @click=${() => this.requestDocument(dossier)}>${t.depositDocument}</button>
          ${draft ? nothing : html`<button class="button" @click=${() => this.requestDeposit(dossier)}>${t.depositInvoice}</button>`}
        </div>
        ${draft ? html`<p class="note">${t.draftNoInvoice}</p>` : nothing}
      </header>

      <div class="panels">
        <section class="panel" part="training" aria-labelledby="training">
          ${heading(level + 1, t.training, { className: 'section', id: 'training' })}
          <dl>
            ${this.item(t.trainingTitle, dossier.title)} ${this.item(t.trainingBody, dossier.trainingBody)} ${this.item(t.trainingType, dossier.trainingType)}
            ${this.item(t.scheme, dossier.scheme)} ${this.item(t.dates, this.period(dossier))}
          </dl>
        </section>
        <section class="panel" part="trainees" aria-labelledby="trainees">
          ${heading(level + 1, t.trainees, { className: 'section', id: 'trainees' })}
          ${dossier.trainees.length
            ? html`<ul class="trainees">
                ${dossier.trainees.map((name) => html`<li>${name}</li>`)}
              </ul>`
            : html`<p class="none">${t.noTrainee}</p>`}
        </section>
        <section class="panel funding" part="funding" aria-labelledby="funding">
          ${heading(level + 1, t.funding, { className: 'section', id: 'funding' })}
          <dl>
            ${this.item(t.requested, formatAmount(dossier.funding.requested, locale))} ${this.item(t.granted, formatAmount(dossier.funding.granted, locale))}
            ${this.item(t.paid, formatAmount(dossier.funding.paid, locale))} ${this.item(t.balance, formatAmount(dossier.funding.balance, locale), 'balance')}
          </dl>
        </section>
      </div>
    </article>`;
  }

  /** « du 19/06/2022 au 20/06/2022 », or what is known of it. */
  private period(dossier: DossierDetail): string {
    const start = formatDate(dossier.start, this.l10n.locale);
    const end = formatDate(dossier.end, this.l10n.locale);
    return this.l10n.t.dossierDetail.period(start, end);
  }

  private item(label: string, value: string, className = ''): TemplateResult {
    return html`<div class=${className || nothing}><dt>${label}</dt><dd>${value || this.l10n.t.common.empty}</dd></div>`;
  }

  private requestDeposit(dossier: DossierDetail): void {
    this.emit(AKTO_DEPOSIT_REQUEST, { dossier: dossier.number, entity: dossier.entitySiren }, { cancelable: true });
  }

  private requestDocument(dossier: DossierDetail): void {
    this.emit(AKTO_DOCUMENT_REQUEST, { dossierId: dossier.id, number: dossier.number }, { cancelable: true });
  }

  /** A heading at the level that fits the host page's outline (`heading-level`). */
}
