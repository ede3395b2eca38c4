import { Task } from '@lit/task';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import type { InvoiceDetail, LinkedDossier } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { heading } from '../../core/heading.js';
import { badgeStyles, invoiceStatusBadge } from '../../core/badges.js';
import { AKTO_DOSSIER_OPEN, AKTO_TRANSFER_OPEN } from '../../core/events.js';
import { fillTemplate } from '../../core/href.js';
import { buttons } from '../../core/tokens.js';
import { formatAmount, formatDate, isolate } from '../../i18n/index.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { ApiController } from '../../core/api-controller.js';
import { Configurable } from '../../core/config.js';
import { messageStyles } from '../../core/screen-styles.js';

/**
 * @summary One invoice: amounts, dates, status, linked dossiers, IBAN and transfer (« Facture N° … »).
 *
 * @event akto-dossier-open - A dossier link was followed (cancelable when `dossier-href` is set; fired instead of navigating when it is not).
 * @event akto-transfer-open - A transfer link was followed, when no `transfer-href` is set.
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart base - The article holding the invoice.
 * @csspart badge - The status badge.
 *
 * @cssproperty --akto-color-primary - Buttons and links.
 * @cssproperty --akto-color-surface-alt - The summary band's background.
 */
export class AktoInvoiceDetail extends Configurable(AktoElement) {
  static override styles = [
    ...AktoElement.styles,
    buttons,
    badgeStyles,
    messageStyles,
    css`
      .title {
        margin: 0 0 1rem;
        font-size: 1.375rem;
        color: var(--_akto-primary);
      }
      .section {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.125rem;
      }
      .sub {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      /* A transfer number or a dossier number from the API: one long word breaks anywhere. */
      .link-button,
      a {
        overflow-wrap: anywhere;
      }
      .link-button {
        text-align: start;
        padding: 0;
        border: 0;
        background: none;
        color: var(--_akto-primary);
        font: inherit;
        font-weight: 600;
        text-decoration: underline;
        cursor: pointer;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.75rem 1.25rem;
        margin: 0;
      }
      dt {
        font-size: 0.875rem;
        color: var(--_akto-muted);
      }
      dd {
        margin: 0.1rem 0 0;
        font-weight: 600;
        overflow-wrap: break-word;
      }
      .summary {
        padding: 1rem;
        border-radius: var(--_akto-radius);
        background: var(--_akto-surface-alt);
      }
      .amount {
        font-variant-numeric: tabular-nums;
      }
      .dossier {
        padding: 1rem;
        border: 1px solid var(--_akto-border);
        border-radius: var(--_akto-radius);
        margin-block-end: 0.75rem;
      }
      .iban {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      .iban code {
        font-size: 1rem;
        letter-spacing: 0.05em;
      }
      a {
        color: var(--_akto-primary);
      }
      .actions {
        margin-top: 1.5rem;
      }
    `,
  ];

  private l10n = new LocalizeController(this, frSteps);
  private api = new ApiController(this, this.l10n);

  /** The invoice to show. */
  @property({ attribute: 'invoice-id', reflect: true, converter: textAttribute }) invoiceId = '';

  /** Where a dossier link leads, `{number}` replaced, e.g. `/dossiers/{number}`; an event when unset. */
  @property({ attribute: 'dossier-href', converter: textAttribute }) dossierHref = '';

  /** Where a transfer link leads, `{number}` replaced; an event when unset. */
  @property({ attribute: 'transfer-href', converter: textAttribute }) transferHref = '';

  /** The heading level of the invoice's title (2 by default), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private ibanRevealed = false;
  @state() private ibanNote = '';
  /** Why the PDF could not be opened, until it opens. */
  @state() private pdfProblem = '';

  private invoice = new Task(this, {
    task: async ([connection, , id], { signal }) => (connection && id && this.api.client ? this.api.client.call('getInvoice', { params: { invoiceId: id }, signal }) : undefined),
    args: () => [this.api.key, this.l10n.locale, this.invoiceId] as const,
    onError: this.api.reportError,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another invoice: its IBAN starts masked again and the last one's notes go.
    if (changed.has('invoiceId') && changed.get('invoiceId') !== undefined) {
      this.ibanRevealed = false;
      this.ibanNote = '';
      this.pdfProblem = '';
    }
  }

  override render() {
    const t = this.l10n.t;
    return this.invoice.render({
      pending: () => html`<p role="status">${t.invoiceDetail.loading}</p>`,
      error: (error) => html`<div class="message error" role="alert">
        <p>${this.api.errorMessage(error)}</p>
        <button class="button secondary" @click=${() => this.invoice.run()}>${t.common.retry}</button>
      </div>`,
      complete: (invoice) => (invoice ? this.renderInvoice(invoice) : nothing),
    });
  }

  private renderInvoice(invoice: InvoiceDetail): TemplateResult {
    const t = this.l10n.t.invoiceDetail;
    const locale = this.l10n.locale;
    const title = (level: number, text: string) => heading(level, text, { className: level === this.headingLevel ? 'title' : 'section' });
    return html`<article part="base">
      ${title(this.headingLevel, t.title(isolate(invoice.reference)))}
      <dl class="summary">
        ${this.item(t.amountTTC, formatAmount(invoice.amountTTC, locale), 'amount')}
        ${this.item(t.amountHT, formatAmount(invoice.amountHT, locale), 'amount')}
        ${this.item(t.tva, formatAmount(invoice.amountTVA, locale), 'amount')}
        ${this.item(t.issuedOn, formatDate(invoice.issueDate, locale))}
        ${this.item(t.receivedOn, formatDate(invoice.receivedDate, locale))}
        <div><dt>${t.status}</dt><dd>${invoiceStatusBadge(invoice.status, this.l10n.t)}</dd></div>
      </dl>

      <section>
        ${title(this.headingLevel + 1, t.linkedDossiers)}
        ${invoice.linkedDossiers.length ? invoice.linkedDossiers.map((d) => this.renderDossier(d)) : html`<p>${t.noDossier}</p>`}
      </section>

      ${invoice.iban ? this.renderIban(invoice.iban) : nothing}
      ${invoice.transferNumber
        ? html`<section>
            ${title(this.headingLevel + 1, t.transfer)}
            <dl>
              <div><dt>${t.transferNumber}</dt><dd>${this.link(this.transferHref, invoice.transferNumber, t.openTransfer(invoice.transferNumber), () => this.emit(AKTO_TRANSFER_OPEN, { transferNumber: invoice.transferNumber! }))}</dd></div>
              ${this.item(t.processedOn, formatDate(invoice.transferDate, locale))}
            </dl>
          </section>`
        : nothing}
      ${invoice.hasPdf
        ? html`<p class="actions"><button class="button secondary" @click=${() => this.openPdf(invoice.id)}>${t.openPdf}</button></p>
            ${this.pdfProblem
              ? html`<div class="message error" role="alert">
                  <p>${this.pdfProblem}</p>
                  <button class="button secondary" @click=${() => this.openPdf(invoice.id)}>${this.l10n.t.common.retry}</button>
                </div>`
              : nothing}`
        : nothing}
    </article>`;
  }

  private renderDossier(d: LinkedDossier): TemplateResult {
    const t = this.l10n.t.invoiceDetail;
    const locale = this.l10n.locale;
    const open = () => this.emit(AKTO_DOSSIER_OPEN, { dossierId: d.number, number: d.number }, { cancelable: true });
    return html`<div class="dossier">
      ${heading(this.headingLevel + 2, html`${t.dossierNumber} ${this.link(this.dossierHref, d.number, t.openDossier(d.number), open)}`, { className: 'sub' })}
      <dl>
        ${this.item(t.trainees, d.trainees.join(', '))} ${this.item(t.hours, d.hours === null ? '' : String(d.hours))} ${this.item(t.scheme, d.scheme ?? '')}
        ${this.item(t.start, formatDate(d.start, locale))} ${this.item(t.end, formatDate(d.end, locale))} ${this.item(t.place, d.place ?? '')}
      </dl>
    </div>`;
  }

  private renderIban(iban: string): TemplateResult {
    const t = this.l10n.t.invoiceDetail;
    const grouped = iban.replace(/(.{4})/g, '$1 ').trim();
    const masked = `${iban.slice(0, 4)} •••• •••• •••• ${iban.slice(-4)}`;
    return html`<section>
      ${heading(this.headingLevel + 1, t.iban, { className: 'section' })}
      <div class="iban">
        ${this.ibanRevealed ? html`<code>${grouped}</code>` : html`<code aria-label=${t.ibanMasked(iban.slice(0, 4), iban.slice(-4))}>${masked}</code>`}
        <button class="button secondary" @click=${() => this.copyIban(iban)}>${t.copyIban}</button>
        ${this.ibanRevealed ? nothing : html`<button class="button quiet" @click=${() => (this.ibanRevealed = true)}>${t.showIban}</button>`}
        <span role="status">${this.ibanNote}</span>
      </div>
    </section>`;
  }

  private async copyIban(iban: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(iban);
      this.ibanNote = this.l10n.t.invoiceDetail.ibanCopied;
    } catch {
      // No clipboard (permissions, insecure page): show it whole so the user can select it.
      this.ibanRevealed = true;
    }
  }

  private async openPdf(id: string): Promise<void> {
    const view = window.open('', '_blank');
    try {
      const pdf = await this.api.client!.call('getInvoicePdf', { params: { invoiceId: id } });
      this.pdfProblem = '';
      const url = URL.createObjectURL(pdf);
      if (view) view.location.href = url;
      else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      view?.close();
      this.api.reportError(error);
      this.pdfProblem = this.api.errorMessage(error);
    }
  }

  private item(label: string, value: string, className = ''): TemplateResult {
    return html`<div><dt>${label}</dt><dd class=${className}>${value}</dd></div>`;
  }

  /** A link when the host gave a URL template, else a button that fires an event. */
  private link(template: string, value: string, label: string, fire: () => boolean | void): TemplateResult {
    if (template) {
      return html`<a href=${fillTemplate(template, { number: value })} aria-label=${label} @click=${(e: Event) => fire() === false && e.preventDefault()}>${value}</a>`;
    }
    return html`<button class="link-button" aria-label=${label} @click=${fire}>${value}</button>`;
  }

}
