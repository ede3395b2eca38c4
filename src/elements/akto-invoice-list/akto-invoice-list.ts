import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { InvoiceStatus, InvoiceSummary, type InvoiceQuery, type InvoiceSortKey, type SortOrder } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { badgeStyles, invoiceStatusBadge } from '../../core/badges.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_INVOICE_OPEN, AKTO_RIB_REQUEST, AKTO_VALIDATE_REQUEST } from '../../core/events.js';
import { listTable, renderListTable, sortKeysOf, warmRows, type Column } from '../../core/list-columns.js';
import { PagedListController, ROW_GROUP } from '../../core/paged-list-controller.js';
import { checkFilter, entityFilter, listBody, listToolbar } from '../../core/table-parts.js';
import { buttons } from '../../core/tokens.js';
import { formatAmount, formatDate, translationFor, type Locale, type Translation } from '../../i18n/index.js';
import { cardStyles, gridRowStyles, tableStyles } from '../../core/table-styles.js';
import { listStyles } from './styles.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { ApiController } from '../../core/api-controller.js';
import { Configurable } from '../../core/config.js';
import { lazyElement, loadDependency } from '../../core/dependencies.js';
import { INVOICE_DEPOSIT_PARTS, INVOICE_DETAIL_PARTS, exportParts } from '../parts.js';

const DETAIL_PARTS = exportParts('detail', INVOICE_DETAIL_PARTS);
const DEPOSIT_PARTS = exportParts('deposit', INVOICE_DEPOSIT_PARTS);

const STATUSES = InvoiceStatus.options;
type Label = Exclude<keyof Translation['invoiceList']['columns'], 'actions'>;

/** « Mes factures »'s columns, in the guide's order: a new column is one more line here (its label in i18n). */
const COLUMNS: Column<InvoiceSummary, Label, InvoiceSortKey>[] = [
  { key: 'reference', sort: 'reference', class: 'reference', track: 'minmax(7rem, 2fr)', cell: (i) => i.reference },
  { key: 'issueDate', sort: 'issueDate', type: 'date', track: 'minmax(6rem, 1fr)', cell: (i, c) => formatDate(i.issueDate, c.locale) },
  { key: 'depositDate', sort: 'depositDate', type: 'date', track: 'minmax(6rem, 1fr)', cell: (i, c) => formatDate(i.depositDate, c.locale) },
  { key: 'amountHT', sort: 'amountHT', type: 'num', track: 'minmax(6.5rem, 1fr)', cell: (i, c) => formatAmount(i.amountHT, c.locale) },
  { key: 'amountTTC', sort: 'amountTTC', type: 'num', track: 'minmax(6.5rem, 1fr)', cell: (i, c) => formatAmount(i.amountTTC, c.locale) },
  {
    key: 'status',
    sort: 'status',
    markup: true,
    track: 'minmax(12rem, 1.2fr)',
    // « À valider »: the way to validate it, step 2 for its entity (see onTableClick).
    cell: (i, c) =>
      i.status === 'a-valider'
        ? html`<span>${invoiceStatusBadge(i.status, c.t)} <button class="button quiet" data-validate=${i.id} aria-label=${c.t.invoiceList.validateLabel(i.reference)}>${c.t.invoiceList.validate}</button></span>`
        : invoiceStatusBadge(i.status, c.t),
  },
  { key: 'transferNumber', sort: 'transferNumber', track: 'minmax(9rem, 1fr)', cell: (i) => i.transferNumber ?? '' },
  { key: 'transferDate', sort: 'transferDate', type: 'date', track: 'minmax(6rem, 1fr)', cell: (i, c) => formatDate(i.transferDate, c.locale) },
];

const TABLE = listTable({
  columns: COLUMNS,
  labels: (t) => t.invoiceList.columns,
  details: (t) => t.invoiceList.details,
  detailsOf: (invoice, c) => c.t.invoiceList.detailsOf(invoice.reference),
  detailsTrack: '5.75rem',
});

/** An invoice « À valider » (its cell holds the badge and « Valider »), for warming the rows' code before the first answer. */
const SAMPLE: InvoiceSummary = { id: 'warm', reference: 'FA-1', entitySiren: '000000000', issueDate: '2026-01-31', depositDate: '2026-02-02', amountHT: 1000.5, amountTTC: 1200.6, status: 'a-valider', transferNumber: 'VIR-1', transferDate: '2026-03-01', dossiers: [] };

/** The cold work of the first answer (checking, formatting, templates), done while it is on its way. */
function warm(locale: Locale): void {
  InvoiceSummary.safeParse(SAMPLE);
  warmRows(TABLE, translationFor(locale), locale, [SAMPLE]);
}

/**
 * @summary « Liste de mes factures »: the account's invoices, searchable, filterable, sortable and paged, with « Mes actions ».
 *
 * Filters, sort and page are attributes, reflected back as the user changes them, so a host can deep-link.
 *
 * @event akto-invoice-open - « Détails » of a row (cancelable: cancel it to show the invoice elsewhere; otherwise a dialog opens).
 * @event akto-deposit-request - « Déposer une facture » (cancelable: the host decides where it leads).
 * @event akto-rib-request - « Déposer un RIB » (cancelable).
 * @event akto-validate-request - « Valider » on an invoice « À valider » (cancelable: the host decides where it leads; otherwise step 2 of the deposit opens for its entity).
 * @event akto-query-change - The search, filters, sort or page changed.
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart base - The whole element.
 * @csspart table - The invoice table.
 * @csspart actions - The « Mes actions » panel.
 * @csspart badge - Status badges.
 * @csspart dialog - The dialogs showing an invoice's details and the deposit.
 * @csspart detail-base - The invoice in the dialog (`<akto-invoice-detail>`'s `base`; likewise `detail-badge`).
 * @csspart deposit-steps - The deposit in the dialog: `<akto-invoice-deposit>`'s parts as `deposit-*`.
 *
 * @cssproperty --akto-color-primary - Headings, table header, buttons.
 * @cssproperty --akto-color-surface-alt - Zebra rows, filters and actions panel.
 * @cssproperty --akto-font-family - The font.
 */
export class AktoInvoiceList extends Configurable(AktoElement) {
  static override styles = [...AktoElement.styles, buttons, badgeStyles, tableStyles, gridRowStyles(TABLE.tracks), listStyles, cardStyles('65rem')];
  /**
   * The detail in its dialog and the deposit, each in its own chunk, loaded the first time they are
   * opened: neither is needed to paint the list (the first payload's budget).
   */
  static override dependencies = {
    'akto-invoice-detail': lazyElement(() => import('../akto-invoice-detail/define.js')),
    'akto-invoice-deposit': lazyElement(() => import('../akto-invoice-deposit/define.js')),
    'akto-rib-deposit': lazyElement(() => import('../akto-rib-deposit/define.js')),
  };

  private l10n = new LocalizeController(this);
  private api = new ApiController(this, this.l10n);

  /** Search by reference or dossier number. */
  @property({ reflect: true, converter: textAttribute }) search = '';
  /** Statuses shown, comma-separated (`payee,rejetee`); all when empty. */
  @property({ reflect: true, converter: textAttribute }) status = '';
  /** Only this entity's invoices (a SIREN). */
  @property({ reflect: true, converter: textAttribute }) entity = '';
  @property({ attribute: 'issued-from', reflect: true, converter: textAttribute }) issuedFrom = '';
  @property({ attribute: 'issued-to', reflect: true, converter: textAttribute }) issuedTo = '';
  @property({ attribute: 'deposited-from', reflect: true, converter: textAttribute }) depositedFrom = '';
  @property({ attribute: 'deposited-to', reflect: true, converter: textAttribute }) depositedTo = '';
  /** The column sorted by. */
  @property({ reflect: true }) sort: InvoiceSortKey = 'depositDate';
  @property({ reflect: true }) order: SortOrder = 'desc';
  @property({ type: Number, reflect: true }) page = 1;
  /** Rows a page (« 20 factures max. »): the user picks 20, 50 or 100; the host may set any size up to 1,000. */
  @property({ type: Number, attribute: 'page-size', reflect: true }) pageSize = 20;
  /** Passed to the detail: where a dossier link leads, e.g. `/dossiers/{number}`. */
  @property({ attribute: 'dossier-href', converter: textAttribute }) dossierHref = '';
  /** Passed to the detail: where a transfer link leads. */
  @property({ attribute: 'transfer-href', converter: textAttribute }) transferHref = '';

  /** The deposit in its dialog: from « Déposer une facture », or at step 2 for an entity from « Valider ». */
  @state() private depositing: { entity: string; step: 'upload' | 'validate' | 'rib' } | null = null;

  @query('dialog.detail') private dialog?: HTMLDialogElement;
  @query('dialog.deposit') private depositDialog?: HTMLDialogElement;

  private list = new PagedListController<AktoInvoiceList, InvoiceQuery, InvoiceSummary>(this, {
    api: this.api,
    l10n: this.l10n,
    // The first screen's items checked first, the rest as they are drawn (firstGroupFirst).
    load: (client, query, signal) => client.callPage('listInvoices', { query, signal }, ROW_GROUP),
    filters: () => {
      const statuses = this.status.split(',').filter((s): s is InvoiceStatus => (STATUSES as readonly string[]).includes(s));
      return {
        status: statuses.length ? statuses : undefined,
        issuedFrom: this.issuedFrom || undefined,
        issuedTo: this.issuedTo || undefined,
        depositedFrom: this.depositedFrom || undefined,
        depositedTo: this.depositedTo || undefined,
      };
    },
    filterAttributes: ['status', 'issuedFrom', 'issuedTo', 'depositedFrom', 'depositedTo'],
    sortKeys: sortKeysOf(COLUMNS),
    defaultSort: 'depositDate',
    found: (total) => this.l10n.t.invoiceList.found(total),
    activeFilters: () => [this.status, this.entity, this.issuedFrom || this.issuedTo, this.depositedFrom || this.depositedTo].filter(Boolean).length,
    open: (invoice, button) => {
      if (!this.emit(AKTO_INVOICE_OPEN, { invoiceId: invoice.id, reference: invoice.reference }, { cancelable: true })) return;
      // The dialog opens at once; the detail draws itself when its chunk has come (a failed one is asked again next time).
      void loadDependency(AktoInvoiceList, 'akto-invoice-detail').catch(() => undefined);
      this.list.showDetail(invoice, button);
    },
    dialog: () => this.dialog,
    firstGroupFirst: true,
    warm,
  });

  /** The query the server is asked, from the attributes. */
  get query(): InvoiceQuery {
    return this.list.query;
  }

  /** The page on screen, some of its rows perhaps still to draw (scripts/bench reads it, as before the controller). */
  private get onScreen() {
    return this.list.onScreen;
  }

  override render() {
    const t = this.l10n.t.invoiceList;
    const { list } = this;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      <div class="layout">
        <!-- First in the document, so the keyboard reaches « Mes actions » where the eye does (above the table, or beside it). -->
        <aside class="my-actions" part="actions" aria-labelledby="actions-heading">
          <h3 id="actions-heading">${t.myActions}</h3>
          <button class="button" @click=${this.requestDeposit}>${t.depositInvoice}</button>
          <button class="button secondary" @click=${this.requestRib}>${t.depositRib}</button>
        </aside>
        <div class="main">
          ${listToolbar(t, list, list.activeFilters)} ${this.renderFilters()}
          ${listBody(t, list, {
            error: (error) => this.api.errorMessage(error),
            retry: this.l10n.t.common.retry,
            empty: () => html`<div class="state"><p><strong>${t.empty}</strong></p><p>${t.emptyHint}</p><button class="button" @click=${this.requestDeposit}>${t.depositInvoice}</button></div>`,
            table: (_, pending, pages) => this.renderTable(pending, pages),
          })}
        </div>
      </div>
      <div role="status" class="visually-hidden">${list.announcement}</div>
      <dialog class="deposit" part="dialog" aria-label=${this.depositing?.step === 'rib' ? t.depositRib : t.depositInvoice} @close=${this.onDepositClose} @akto-invoices-request=${this.onInvoicesRequest}>
        ${this.depositing
          ? html`<button class="button secondary dialog-close" @click=${() => this.depositDialog?.close()}>${this.l10n.t.common.close}</button>
              ${this.depositing.step === 'rib'
                ? html`<akto-rib-deposit entity=${this.depositing.entity || nothing}></akto-rib-deposit>`
                : html`<akto-invoice-deposit entity=${this.depositing.entity || nothing} step=${this.depositing.step} exportparts=${DEPOSIT_PARTS}></akto-invoice-deposit>`}`
          : nothing}
      </dialog>
      <dialog class="detail" part="dialog" aria-labelledby="dialog-title" @close=${list.onDialogClose}>
        ${list.opened
          ? html`<button class="button secondary dialog-close" @click=${() => this.dialog?.close()}>${this.l10n.t.common.close}</button>
              <h2 id="dialog-title" class="visually-hidden">${t.dialogLabel(list.opened.reference)}</h2>
              <akto-invoice-detail
                invoice-id=${list.opened.id}
                heading-level="3"
                exportparts=${DETAIL_PARTS}
                .dossierHref=${this.dossierHref}
                .transferHref=${this.transferHref}
              ></akto-invoice-detail>`
          : nothing}
      </dialog>
    </section>`;
  }

  private renderFilters() {
    const t = this.l10n.t.invoiceList;
    const date = (label: string, attribute: 'issuedFrom' | 'issuedTo' | 'depositedFrom' | 'depositedTo') =>
      html`<label>${label}<input type="date" .value=${this[attribute]} @change=${(e: Event) => this.list.setQuery({ [attribute]: (e.target as HTMLInputElement).value })} /></label>`;
    return html`<div id="filters" class="filters" ?hidden=${!this.list.filtersOpen}>
      ${checkFilter(t.filterStatus, STATUSES, this.status, this.l10n.t.statuses, (s, on) => this.list.toggle('status', STATUSES, s, on))}
      <fieldset>
        <legend>${t.issuedBetween}</legend>
        <div class="range">${date(t.from, 'issuedFrom')} ${date(t.to, 'issuedTo')}</div>
      </fieldset>
      <fieldset>
        <legend>${t.depositedBetween}</legend>
        <div class="range">${date(t.from, 'depositedFrom')} ${date(t.to, 'depositedTo')}</div>
      </fieldset>
      ${entityFilter(t, this.list.entities.value ?? [], this.entity, (entity) => this.list.setQuery({ entity }))}
      <div class="field"><button class="button quiet" @click=${this.list.clear}>${t.clearFilters}</button></div>
    </div>`;
  }

  private renderTable(pending: boolean, pages: number) {
    const locale = this.l10n.locale;
    const t = translationFor(locale);
    const { list } = this;
    return renderListTable(TABLE, {
      items: this.onScreen?.items ?? null,
      shownRows: list.shownRows,
      rowCount: list.rowCount,
      pending,
      caption: t.invoiceList.caption(t.invoiceList.columns[this.sort] ?? '', this.order, Math.min(this.page, pages), pages),
      sort: this.sort,
      order: this.order,
      pageSize: this.pageSize,
      t,
      locale,
      onSort: (sort, descendingFirst) => list.sortBy(sort, descendingFirst),
      onClick: this.onTableClick,
    });
  }

  // ---- « Mes actions » ------------------------------------------------------------------------

  /** A row's « Valider » (an invoice « À valider »), else the row's « Détails ». */
  private onTableClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-validate]');
    const invoice = button && this.onScreen?.items.find((i) => i.id === button.dataset.validate);
    if (!invoice) return this.list.onTableClick(event);
    const { id: invoiceId, reference, entitySiren: entity } = invoice;
    if (this.emit(AKTO_VALIDATE_REQUEST, { invoiceId, reference, entity }, { cancelable: true })) void this.openDeposit(button, entity, 'validate');
  };

  /** « Déposer une facture »: the host may route it; otherwise the deposit opens over the list. */
  private requestDeposit = (event: Event): void => {
    if (this.emit(AKTO_DEPOSIT_REQUEST, { dossier: null, entity: this.entity || null }, { cancelable: true })) void this.openDeposit(event.currentTarget as HTMLElement, this.entity, 'upload');
  };

  /** The deposit (or, for step `rib`, the RIB's) in the dialog, once its chunk has come. */
  private async openDeposit(button: HTMLElement, entity: string, step: 'upload' | 'validate' | 'rib'): Promise<void> {
    this.list.returnFocusTo = button;
    try {
      await loadDependency(AktoInvoiceList, step === 'rib' ? 'akto-rib-deposit' : 'akto-invoice-deposit');
    } catch {
      return; // the page registered the list alone: the deposit is the host's to show
    }
    this.depositing = { entity, step };
    await this.updateComplete;
    if (this.depositDialog?.isConnected && !this.depositDialog.open) this.depositDialog.showModal(); // unless the list left the page meanwhile
  }

  /** The deposit's « Voir mes factures »: back to this list, which shows the new invoices. */
  private onInvoicesRequest = (event: Event): void => {
    event.preventDefault();
    this.depositDialog?.close();
  };

  private onDepositClose = (): void => {
    if (this.depositDialog?.open) return;
    this.depositing = null;
    void this.list.pages.run();
    this.list.restoreFocus();
  };

  /** « Déposer un RIB »: the host's own page if it cancels the event, else the RIB's deposit in the dialog. */
  private requestRib = (event: Event): void => {
    if (this.emit(AKTO_RIB_REQUEST, { entity: this.entity || null }, { cancelable: true })) void this.openDeposit(event.currentTarget as HTMLElement, this.entity, 'rib');
  };
}
