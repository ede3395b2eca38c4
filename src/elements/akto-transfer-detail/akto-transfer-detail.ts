import { Task } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiError } from '../../api/errors.js';
import type { Transfer, TransferInvoice } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { ApiController } from '../../core/api-controller.js';
import { textAttribute } from '../../core/attributes.js';
import { badgeStyles, invoiceStatusBadge } from '../../core/badges.js';
import { Configurable } from '../../core/config.js';
import { AKTO_INVOICE_OPEN } from '../../core/events.js';
import { heading } from '../../core/heading.js';
import { fillTemplate } from '../../core/href.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { messageStyles, smallTableCards, smallTableStyles } from '../../core/screen-styles.js';
import { buttons } from '../../core/tokens.js';
import { formatAmount, formatDate } from '../../i18n/index.js';
import { ScreensWords } from '../../i18n/screens/index.js';

/**
 * @summary One transfer from AKTO (« Virement N° … »): its date, its amount, the account it credited and the invoices it paid, each a link.
 *
 * « Voir le virement » in an invoice's detail leads here (the guide: « Les liens redonnent accès
 * au virement et au dossier »). Each invoice is a link when `invoice-href` is set, else a button
 * that fires `akto-invoice-open`.
 *
 * @event akto-invoice-open - An invoice of the transfer, `{ invoiceId, reference }` (cancelable: the host shows it; with `invoice-href`, cancelling keeps the link from navigating).
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart base - The article holding the transfer.
 * @csspart summary - Date, amount, beneficiary and account.
 * @csspart table - The invoices it paid.
 * @csspart badge - Each invoice's status badge.
 *
 * @cssproperty --akto-color-primary - Title and links.
 * @cssproperty --akto-color-surface-alt - The summary band's background.
 */
export class AktoTransferDetail extends Configurable(AktoElement) {
  static override styles = [
    ...AktoElement.styles,
    buttons,
    badgeStyles,
    smallTableStyles,
    messageStyles,
    css`
      .title {
        margin: 0 0 1rem;
        font-size: 1.375rem;
        color: var(--_akto-primary);
        overflow-wrap: anywhere;
      }
      .section {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.125rem;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.75rem 1.25rem;
        margin: 0;
        padding: 1rem;
        border-radius: var(--_akto-radius);
        background: var(--_akto-surface-alt);
      }
      dt {
        font-size: 0.875rem;
        color: var(--_akto-muted);
      }
      dd {
        margin: 0.1rem 0 0;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .amount {
        font-variant-numeric: tabular-nums;
      }
      td.number,
      th.number {
        text-align: end;
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      a,
      .link-button {
        color: var(--_akto-primary);
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .link-button {
        padding: 0;
        border: 0;
        background: none;
        font: inherit;
        font-weight: 600;
        text-align: start;
        text-decoration: underline;
        cursor: pointer;
      }
      /* Narrow containers: each invoice a card (smallTableCards), amounts under their labels. */
      @container (max-width: 40rem) {
        td.number {
          text-align: start;
        }
        td[data-label]::before {
          font-weight: 400;
        }
      }
      :host {
        container-type: inline-size;
      }
    `,
    // Last: in a narrow container, its rules win over the table's above.
    smallTableCards('40rem'),
  ];

  private l10n = new LocalizeController(this, frSteps);
  private api = new ApiController(this, this.l10n);
  private words = new ScreensWords(this, () => this.l10n.locale);

  /** The transfer to show, by its number (« VIR202206300001 »). */
  @property({ attribute: 'transfer-id', reflect: true, converter: textAttribute }) transferId = '';

  /** Where an invoice link leads, `{id}` and `{reference}` replaced, e.g. `/factures/{id}`; a button firing `akto-invoice-open` when unset. */
  @property({ attribute: 'invoice-href', converter: textAttribute }) invoiceHref = '';

  /** The heading level of the transfer's title (2 by default), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private transfer = new Task(this, {
    task: async ([connection, , number], { signal }) => {
      const client = this.api.client;
      if (!connection || !number || !client) return undefined;
      // The entities' names come with it (asked for once per connection): the beneficiary's name.
      const [transfer, entities] = await Promise.all([client.call('getTransfer', { params: { transferNumber: number }, signal }), this.api.listEntities(signal).catch(() => undefined)]);
      return { transfer, entity: entities?.find((e) => e.siren === transfer.entitySiren)?.name ?? transfer.entitySiren };
    },
    args: () => [this.api.key, this.l10n.locale, this.transferId] as const,
    onError: this.api.reportError,
  });

  override render() {
    const s = this.words.s.transfer;
    return this.transfer.render({
      pending: () => html`<p role="status">${s.loading}</p>`,
      error: (error) => html`<div class="message error" role="alert">
        <p>${error instanceof ApiError && error.params.status === 404 ? s.notFound : this.api.errorMessage(error)}</p>
        ${error instanceof ApiError && error.params.status === 404 ? nothing : html`<button class="button secondary" @click=${() => this.transfer.run()}>${this.l10n.t.common.retry}</button>`}
      </div>`,
      complete: (found) => (found ? this.renderTransfer(found.transfer, found.entity) : nothing),
    });
  }

  private renderTransfer(transfer: Transfer, entity: string): TemplateResult {
    const s = this.words.s.transfer;
    const locale = this.l10n.locale;
    const level = this.headingLevel;
    const masked = transfer.iban ? `${transfer.iban.slice(0, 4)} •••• ${transfer.iban.slice(-4)}` : '';
    return html`<article part="base" aria-labelledby="title">
      ${heading(level, s.title(transfer.number), { className: 'title', id: 'title' })}
      <dl part="summary">
        <div><dt>${s.date}</dt><dd>${formatDate(transfer.date, locale)}</dd></div>
        <div><dt>${s.amount}</dt><dd class="amount">${formatAmount(transfer.amount, locale)}</dd></div>
        <div><dt>${s.beneficiary}</dt><dd><bdi>${entity}</bdi></dd></div>
        ${masked ? html`<div><dt>${s.account}</dt><dd>${masked}</dd></div>` : nothing}
      </dl>
      <section aria-labelledby="invoices">
        ${heading(level + 1, s.invoices, { className: 'section', id: 'invoices' })}
        <div class="scroll">
          <table part="table">
            <caption>${s.invoicesCaption(transfer.invoices.length)}</caption>
            <thead>
              <tr>
                <th scope="col">${s.reference}</th>
                <th scope="col">${s.issueDate}</th>
                <th scope="col" class="number">${s.amountTTC}</th>
                <th scope="col" class="number">${s.paid}</th>
                <th scope="col">${s.status}</th>
              </tr>
            </thead>
            <tbody>
              ${transfer.invoices.map((invoice) => this.renderInvoice(invoice))}
            </tbody>
          </table>
        </div>
      </section>
    </article>`;
  }

  private renderInvoice(invoice: TransferInvoice): TemplateResult {
    const s = this.words.s.transfer;
    const locale = this.l10n.locale;
    return html`<tr>
      <td>${this.invoiceLink(invoice)}</td>
      <td data-label=${s.issueDate}>${formatDate(invoice.issueDate, locale)}</td>
      <td data-label=${s.amountTTC} class="number">${formatAmount(invoice.amountTTC, locale)}</td>
      <td data-label=${s.paid} class="number">${formatAmount(invoice.paid, locale)}</td>
      <td data-label=${s.status}>${invoiceStatusBadge(invoice.status, this.l10n.t)}</td>
    </tr>`;
  }

  /** A link when the host gave a URL template, else a button firing akto-invoice-open. */
  private invoiceLink(invoice: TransferInvoice): TemplateResult {
    const label = this.words.s.transfer.openInvoice(invoice.reference);
    const open = () => this.emit(AKTO_INVOICE_OPEN, { invoiceId: invoice.id, reference: invoice.reference }, { cancelable: true });
    if (this.invoiceHref) {
      const href = fillTemplate(this.invoiceHref, { id: invoice.id, reference: invoice.reference });
      return html`<a href=${href} aria-label=${label} @click=${(e: Event) => open() === false && e.preventDefault()}><bdi>${invoice.reference}</bdi></a>`;
    }
    return html`<button class="link-button" aria-label=${label} @click=${open}><bdi>${invoice.reference}</bdi></button>`;
  }
}
