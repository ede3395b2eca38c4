import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { DocumentKind, type DossierDetail, type DossierDocument, type InvoiceSummary } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { heading } from '../../core/heading.js';
import { badgeStyles, dossierStateBadge } from '../../core/badges.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_DOCUMENT_REQUEST, AKTO_TRANSFER_OPEN } from '../../core/events.js';
import { fillTemplate } from '../../core/href.js';
import { SendOnce } from '../../core/send-once.js';
import { fileButtonStyles, messageStyles, smallTableCards, smallTableStyles } from '../../core/screen-styles.js';
import { buttons } from '../../core/tokens.js';
import { formatAmount, formatDate, formatDateTime, isolate } from '../../i18n/index.js';
import { ScreensWords } from '../../i18n/screens/index.js';
import { sniffBlob } from '../../rules/file.js';
import { dossierDetailStyles } from './styles.js';
import { frSteps } from '../../i18n/fr-steps.js';
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
 * The guide's two tabs, « Détails » and « Documents » (ARIA tabs: arrow keys, Home and End move
 * between them): the documents sent on the dossier (name, kind, « Envoyé le ») and the form that
 * sends one more, a PDF. « Consulter le détail » under the funding lists the invoices deposited
 * on the dossier, each with its transfer.
 *
 * @event akto-document-request - « Déposer un document », `{ dossierId, number }` (cancelable: cancel it to show your own document upload; otherwise the « Documents » tab opens on its form).
 * @event akto-transfer-open - A transfer in « Consulter le détail », `{ transferNumber }`, when no `transfer-href` is set.
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart base - The article holding the dossier.
 * @csspart header - Number, title, scheme, issue date and state, with the actions.
 * @csspart actions - The « Déposer un document » and « Déposer une facture » buttons.
 * @csspart training - The « Formation » panel.
 * @csspart trainees - The « Stagiaire(s) » panel.
 * @csspart funding - The « Financements » panel.
 * @csspart badge - The state badge.
 * @csspart tabs - The « Détails » and « Documents » tabs.
 * @csspart documents - The « Documents » tab's panel: the list and the form.
 *
 * @cssproperty --akto-color-primary - Title and buttons.
 * @cssproperty --akto-color-surface-alt - The funding panel's background.
 * @cssproperty --akto-color-border - The panels' borders.
 * @cssproperty --akto-color-info-bg - The note shown on a draft.
 * @cssproperty --akto-radius - Corners of panels and buttons.
 */
export class AktoDossierDetail extends Configurable(AktoElement) {
  static override styles = [...AktoElement.styles, buttons, badgeStyles, smallTableStyles, messageStyles, fileButtonStyles, dossierDetailStyles, smallTableCards('28rem')];

  private l10n = new LocalizeController(this, frSteps);
  private api = new ApiController(this, this.l10n);

  /** The dossier to show (its `id`: the number, or a draft's id). */
  @property({ attribute: 'dossier-id', reflect: true, converter: textAttribute }) dossierId = '';

  /** The heading level of the dossier's title (2 by default), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The tab shown, `details` (default) or `documents`; reflected, so a host can link to either. */
  @property({ reflect: true, converter: textAttribute }) tab: 'details' | 'documents' = 'details';

  /** Where a transfer link leads (« Consulter le détail »), `{number}` replaced; an event when unset. */
  @property({ attribute: 'transfer-href', converter: textAttribute }) transferHref = '';

  private words = new ScreensWords(this, () => this.l10n.locale);
  /** « Consulter le détail » opened. */
  @state() private fundingOpen = false;
  /** The document form: what the user chose is kept through any failure. */
  @state() private file: File | null = null;
  @state() private kind: DocumentKind = 'convention';
  @state() private sending = false;
  @state() private formError = '';
  /** The failure was the server's or the network's: « Réessayer » sends the same again. */
  @state() private canRetry = false;
  @state() private sentNote = '';
  /** Documents sent here since the list came, shown before the server's list is asked again. */
  @state() private added: DossierDocument[] = [];
  private sender = new SendOnce();

  private documents = new Task(this, {
    task: async ([connection, , id, tab], { signal }) =>
      connection && id && tab === 'documents' && this.api.client ? (await this.api.client.call('listDocuments', { params: { dossierId: id }, signal })).items : undefined,
    // Once the dossier is there (a failure of both is retried once, with the dossier), and again when it reloads.
    args: () => [this.api.key, this.l10n.locale, this.dossier.value?.id ?? '', this.tab] as const,
    onError: this.api.reportError,
  });

  private invoices = new Task(this, {
    task: async ([connection, number, open], { signal }) =>
      connection && number && open && this.api.client ? (await this.api.client.call('listInvoices', { query: { q: number, pageSize: 100 }, signal })).items.filter((i) => i.dossiers.includes(number)) : undefined,
    args: () => [this.api.key, this.dossier.value?.number ?? null, this.fundingOpen] as const,
    onError: this.api.reportError,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another dossier: its own tab content; the form starts empty.
    if (changed.has('dossierId') && changed.get('dossierId') !== undefined) {
      this.fundingOpen = false;
      this.file = null;
      this.formError = this.sentNote = '';
      this.added = [];
    }
    if (changed.has('tab') && this.tab !== 'documents' && this.tab !== 'details') this.tab = 'details';
  }

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
            ${dossier.sentDate ? html`<div><dt>${this.words.s.documents.sentOn}</dt><dd>${formatDate(dossier.sentDate, locale)}</dd></div>` : nothing}
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

      ${this.renderTabs()}
      <div class="panels" role="tabpanel" id="panel-details" aria-labelledby="tab-details" ?hidden=${this.tab !== 'details'}>
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
          ${dossier.number ? this.renderFundingDetail() : nothing}
        </section>
      </div>
      ${this.tab === 'documents' ? this.renderDocuments(dossier) : nothing}
    </article>`;
  }

  // ---- the tabs -----------------------------------------------------------------------------------

  private renderTabs(): TemplateResult {
    const s = this.words.s.documents;
    const tab = (name: 'details' | 'documents', label: string) =>
      html`<button role="tab" id=${`tab-${name}`} aria-controls=${`panel-${name}`} aria-selected=${this.tab === name ? 'true' : 'false'} tabindex=${this.tab === name ? 0 : -1} @click=${() => (this.tab = name)}>${label}</button>`;
    return html`<div class="tabs" role="tablist" part="tabs" aria-label=${s.tabs} @keydown=${this.onTabKey}>${tab('details', s.details)}${tab('documents', s.documents)}</div>`;
  }

  /** Arrows, Home and End move between the tabs, and show the one reached (automatic activation). */
  private onTabKey = async (event: KeyboardEvent): Promise<void> => {
    const order = ['details', 'documents'] as const;
    const at = order.indexOf(this.tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: order.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.tab = order[(next + order.length) % order.length]!;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus();
  };

  // ---- « Consulter le détail » ----------------------------------------------------------------------

  private renderFundingDetail(): TemplateResult {
    const s = this.words.s.documents;
    return html`<button class="button quiet detail-toggle" aria-expanded=${this.fundingOpen ? 'true' : 'false'} aria-controls="funding-detail" @click=${() => (this.fundingOpen = !this.fundingOpen)}>
        ${this.fundingOpen ? s.hideDetail : s.seeDetail}
      </button>
      <div id="funding-detail" ?hidden=${!this.fundingOpen}>
        ${this.fundingOpen
          ? this.invoices.render({
              pending: () => html`<p role="status">${this.l10n.t.common.loading}</p>`,
              error: (error) => html`<div class="message error" role="alert"><p>${this.api.errorMessage(error)}</p><button class="button secondary" @click=${() => this.invoices.run()}>${this.l10n.t.common.retry}</button></div>`,
              complete: (invoices) => (invoices ? this.renderInvoices(invoices) : nothing),
            })
          : nothing}
      </div>`;
  }

  private renderInvoices(invoices: InvoiceSummary[]): TemplateResult {
    const s = this.words.s.documents;
    const t = this.l10n.t;
    const locale = this.l10n.locale;
    if (!invoices.length) return html`<p class="none">${s.noInvoice}</p>`;
    return html`<h4 class="sub">${s.fundingDetail}</h4>
      <ul class="invoices">
        ${invoices.map(
          (i) => html`<li>
            <span class="reference"><bdi>${i.reference}</bdi></span>
            <span>${formatAmount(i.amountTTC, locale)}</span>
            <span>${t.statuses[i.status]}</span>
            ${i.transferNumber ? html`<span>${t.invoiceDetail.transferNumber} ${this.transferLink(i.transferNumber)}</span>` : nothing}
          </li>`,
        )}
      </ul>`;
  }

  private transferLink(number: string): TemplateResult {
    const label = this.l10n.t.invoiceDetail.openTransfer(number);
    if (this.transferHref) return html`<a href=${fillTemplate(this.transferHref, { number })} aria-label=${label}>${number}</a>`;
    return html`<button class="link-button" aria-label=${label} @click=${() => this.emit(AKTO_TRANSFER_OPEN, { transferNumber: number })}>${number}</button>`;
  }

  // ---- the « Documents » tab --------------------------------------------------------------------------

  private renderDocuments(dossier: DossierDetail): TemplateResult {
    const s = this.words.s.documents;
    const level = this.headingLevel + 1;
    return html`<div class="documents" role="tabpanel" id="panel-documents" aria-labelledby="tab-documents" part="documents">
      <section aria-labelledby="documents-list">
        ${heading(level, s.list, { className: 'section', id: 'documents-list' })}
        ${this.documents.render({
          pending: () => html`<p role="status">${s.loading}</p>`,
          error: (error) => html`<div class="message error" role="alert"><p>${this.api.errorMessage(error)}</p><button class="button secondary" @click=${() => this.documents.run()}>${this.l10n.t.common.retry}</button></div>`,
          complete: (items) => (items ? this.renderDocumentList([...this.added.filter((a) => !items.some((d) => d.id === a.id)), ...items]) : nothing),
        })}
      </section>
      <section class="deposit" aria-labelledby="documents-deposit">
        ${heading(level, s.deposit, { className: 'section', id: 'documents-deposit' })}
        <form @submit=${(e: Event) => (e.preventDefault(), this.sendDocument(dossier))} novalidate>
          <div class="field">
            <label for="document-file">${s.file}</label>
            <input id="document-file" class="visually-hidden" type="file" accept="application/pdf,.pdf" aria-describedby="document-file-hint" @change=${this.onFile} />
            <label for="document-file" class="button secondary file-button">${this.words.s.chooseFile}</label>
            <p id="document-file-hint" class="hint">${this.file ? html`<bdi>${this.file.name}</bdi>` : s.fileHint}</p>
          </div>
          <div class="field">
            <label for="document-kind">${s.kind}</label>
            <select id="document-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as DocumentKind)}>
              ${DocumentKind.options.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${s.kinds[kind]}</option>`)}
            </select>
          </div>
          ${this.formError
            ? html`<div class="message error" role="alert">
                <p>${this.formError}</p>
                ${this.canRetry ? html`<button class="button secondary" type="submit">${this.l10n.t.common.retry}</button>` : nothing}
              </div>`
            : nothing}
          <button class="button" type="submit" ?disabled=${this.sending} aria-describedby="document-sending">${s.send}</button>
          <span id="document-sending" role="status" class="hint">${this.sending ? s.sending : ''}</span>
        </form>
        <p class="sent" role="status" tabindex="-1">${this.sentNote}</p>
      </section>
    </div>`;
  }

  private renderDocumentList(items: DossierDocument[]): TemplateResult {
    const s = this.words.s.documents;
    if (!items.length) return html`<p class="none">${s.none}</p>`;
    return html`<div class="scroll">
      <table>
        <thead>
          <tr><th scope="col">${s.name}</th><th scope="col">${s.kind}</th><th scope="col">${s.sentOn}</th></tr>
        </thead>
        <tbody>
          ${items.map((d) => html`<tr><td><bdi>${d.name}</bdi></td><td data-label=${s.kind}>${s.kinds[d.kind]}</td><td data-label=${s.sentOn}>${formatDateTime(d.sentAt, this.l10n.locale)}</td></tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  private onFile = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    // A new choice replaces the last; cancelling the picker keeps what was chosen.
    if (input.files?.[0]) this.file = input.files[0];
    this.formError = '';
    this.sentNote = '';
  };

  /** Uploads the PDF, then names it on the dossier, once each whatever the retries. */
  private async sendDocument(dossier: DossierDetail): Promise<void> {
    const s = this.words.s.documents;
    const client = this.api.client;
    this.sentNote = '';
    if (!this.file) return this.refuse(s.fileRequired, '#document-file');
    if ((await sniffBlob(this.file).catch(() => null)) !== 'application/pdf') return this.refuse(s.notPdf, '#document-file');
    if (!client || this.sending) return;
    this.sending = true;
    this.formError = '';
    const file = this.file;
    try {
      const document = await this.sender.send(client, file, { kind: this.kind }, (uploadId, idempotencyKey) =>
        client.call('createDocument', { params: { dossierId: dossier.id }, body: { uploadId, kind: this.kind }, idempotencyKey }),
      );
      this.added = [document, ...this.added];
      this.file = null;
      const input = this.renderRoot.querySelector<HTMLInputElement>('#document-file');
      if (input) input.value = '';
      this.sentNote = s.sent(isolate(document.name));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.sent')?.focus(); // the work goes on from the confirmation
    } catch (error) {
      this.api.reportError(error);
      this.formError = this.api.errorMessage(error);
      this.canRetry = true;
    } finally {
      this.sending = false;
    }
  }

  private async refuse(message: string, focus: string): Promise<void> {
    this.formError = message;
    this.canRetry = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
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

  /** « Déposer un document »: the host's own page when it cancels the event, else the « Documents » tab's form. */
  private async requestDocument(dossier: DossierDetail): Promise<void> {
    if (!this.emit(AKTO_DOCUMENT_REQUEST, { dossierId: dossier.id, number: dossier.number }, { cancelable: true })) return;
    this.tab = 'documents';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#document-file')?.focus();
  }
}
