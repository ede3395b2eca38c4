import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { INVOICE_SORT_KEYS, InvoiceStatus, type InvoicePage, type InvoiceQuery, type InvoiceSortKey, type InvoiceSummary, type SortOrder } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { badgeStyles, invoiceStatusBadge } from '../../core/badges.js';
import { loadElement } from '../../core/autoload.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_INVOICE_OPEN, AKTO_QUERY_CHANGE, AKTO_RIB_REQUEST } from '../../core/events.js';
import { entityFilter, lastPage, listFooter, loadFailed, pageSizeOf, skeletonRows, sortIcon } from '../../core/table-parts.js';
import { buttons } from '../../core/tokens.js';
import { formatAmount, formatDate, translationFor, type Locale, type Translation } from '../../i18n/index.js';
import { AktoInvoiceDetail } from '../akto-invoice-detail/akto-invoice-detail.js';
import { cardStyles, tableStyles } from '../../core/table-styles.js';
import { listStyles } from './styles.js';

const STATUSES = InvoiceStatus.options;
const NUMERIC: readonly InvoiceSortKey[] = ['amountHT', 'amountTTC'];
const SEARCH_DELAY_MS = 300;

/** What every row of one render shares: looked up once, not once a row. */
interface RowText {
  t: Translation;
  locale: Locale;
}

/**
 * Rows go in groups of 20, one <tbody> each: the browser skips a group away from the viewport as a
 * whole (content-visibility), so scrolling a long page has 50 boxes to track, not 1,000. Even, so
 * that the stripes (nth-child) run on from one group to the next.
 */
const GROUP = 20;
function groups<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += GROUP) result.push(items.slice(i, i + GROUP));
  return result;
}

const empty = (value: string) => (value ? '' : ' empty-cell');

/**
 * One invoice's row: a single template (no template a cell), no listener of its own (the table
 * has one), its text computed once. Empty cells carry `empty-cell` so the card layout leaves them out.
 */
function row(invoice: InvoiceSummary, { t, locale }: RowText): TemplateResult {
  const { columns, details, detailsOf } = t.invoiceList;
  const issued = formatDate(invoice.issueDate, locale);
  const deposited = formatDate(invoice.depositDate, locale);
  const ht = formatAmount(invoice.amountHT, locale);
  const ttc = formatAmount(invoice.amountTTC, locale);
  const transfer = invoice.transferNumber ?? '';
  const transferred = formatDate(invoice.transferDate, locale);
  return html`<tr>
    <td data-label=${columns.reference} class="reference${empty(invoice.reference)}">${invoice.reference}</td>
    <td data-label=${columns.issueDate} class="date${empty(issued)}">${issued}</td>
    <td data-label=${columns.depositDate} class="date${empty(deposited)}">${deposited}</td>
    <td data-label=${columns.amountHT} class="num${empty(ht)}">${ht}</td>
    <td data-label=${columns.amountTTC} class="num${empty(ttc)}">${ttc}</td>
    <td data-label=${columns.status}>${invoiceStatusBadge(invoice.status, t)}</td>
    <td data-label=${columns.transferNumber} class=${empty(transfer)}>${transfer}</td>
    <td data-label=${columns.transferDate} class="date${empty(transferred)}">${transferred}</td>
    <td class="details"><button class="button secondary" data-id=${invoice.id} aria-label=${detailsOf(invoice.reference)}>${details}</button></td>
  </tr>`;
}

/**
 * @summary « Liste de mes factures »: the account's invoices, searchable, filterable, sortable and paged, with « Mes actions ».
 *
 * Filters, sort and page are attributes, reflected back as the user changes them, so a host can deep-link.
 *
 * @event akto-invoice-open - « Détails » of a row (cancelable: cancel it to show the invoice elsewhere; otherwise a dialog opens).
 * @event akto-deposit-request - « Déposer une facture » (cancelable: the host decides where it leads).
 * @event akto-rib-request - « Déposer un RIB » (cancelable).
 * @event akto-query-change - The search, filters, sort or page changed.
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart base - The whole element.
 * @csspart table - The invoice table.
 * @csspart actions - The « Mes actions » panel.
 * @csspart badge - Status badges.
 *
 * @cssproperty --akto-color-primary - Headings, table header, buttons.
 * @cssproperty --akto-color-surface-alt - Zebra rows, filters and actions panel.
 * @cssproperty --akto-font-family - The font.
 */
export class AktoInvoiceList extends AktoElement {
  static override styles = [...AktoElement.styles, buttons, badgeStyles, tableStyles, listStyles, cardStyles('65rem')];
  static override dependencies = { 'akto-invoice-detail': AktoInvoiceDetail };

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
  /** 20, 50 or 100 (« 20 factures max. »). */
  @property({ type: Number, attribute: 'page-size', reflect: true }) pageSize = 20;
  /** Passed to the detail: where a dossier link leads, e.g. `/dossiers/{number}`. */
  @property({ attribute: 'dossier-href', converter: textAttribute }) dossierHref = '';
  /** Passed to the detail: where a transfer link leads. */
  @property({ attribute: 'transfer-href', converter: textAttribute }) transferHref = '';

  @state() private searchDraft = '';
  @state() private filtersOpen = false;
  @state() private announcement = '';
  @state() private opened: InvoiceSummary | null = null;
  @state() private depositing = false;
  /** The last page shown: kept on screen, dimmed, while the next one loads (the layout does not jump). */
  @state() private shown: InvoicePage | null = null;
  /**
   * The first page arrives: the rows that fill the screen are painted first, the rest of a long
   * page a task later (nothing of it can be focused or seen yet, and a page of 100 then paints as
   * soon as a page of 20 would).
   */
  @state() private firstGroupOnly = false;

  @query('dialog.detail') private dialog?: HTMLDialogElement;
  @query('dialog.deposit') private depositDialog?: HTMLDialogElement;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private returnFocusTo: HTMLElement | null = null;

  private entities = new Task(this, {
    task: async ([endpoint], { signal }) => (endpoint && this.client ? this.client.call('listEntities', { signal }) : undefined),
    args: () => [this.endpoint] as const,
    onError: (error) => this.reportError(error),
  });

  // Task keeps only the newest run's answer: a slow, older answer never overwrites a newer one.
  private invoices = new Task(this, {
    task: async ([endpoint, , key], { signal }) => {
      if (!endpoint || !this.client) return undefined;
      return this.client.call('listInvoices', { query: JSON.parse(key) as InvoiceQuery, signal });
    },
    // The language is an argument: the server words its answers (problem details) in it.
    args: () => [this.endpoint, this.locale, JSON.stringify(this.query)] as const,
    onError: (error) => this.reportError(error),
    onComplete: (page) => {
      if (!page) return;
      const last = lastPage(page);
      if (page.items.length === 0 && page.total > 0 && this.page > last) {
        this.page = last; // a deep link past the end: show the last page instead of nothing
        return;
      }
      if (!this.shown && page.items.length > GROUP) {
        this.firstGroupOnly = true;
        requestAnimationFrame(() => setTimeout(() => (this.firstGroupOnly = false)));
      }
      this.shown = page;
      this.announcement = this.t.invoiceList.found(page.total);
    },
  });

  /** The query the server is asked, from the attributes. */
  get query(): InvoiceQuery {
    const statuses = this.status.split(',').filter((s): s is InvoiceStatus => (STATUSES as readonly string[]).includes(s));
    const query: InvoiceQuery = {
      q: this.search.trim() || undefined,
      status: statuses.length ? statuses : undefined,
      entity: this.entity || undefined,
      issuedFrom: this.issuedFrom || undefined,
      issuedTo: this.issuedTo || undefined,
      depositedFrom: this.depositedFrom || undefined,
      depositedTo: this.depositedTo || undefined,
      sort: (INVOICE_SORT_KEYS as readonly string[]).includes(this.sort) ? this.sort : 'depositDate',
      order: this.order === 'asc' ? 'asc' : 'desc',
      page: Math.max(1, Math.floor(this.page) || 1),
      pageSize: pageSizeOf(this.pageSize),
    };
    return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as InvoiceQuery;
  }

  private get activeFilterCount(): number {
    return [this.status, this.entity, this.issuedFrom || this.issuedTo, this.depositedFrom || this.depositedTo].filter(Boolean).length;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('search') && this.search !== this.searchDraft.trim()) this.searchDraft = this.search;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  override render() {
    const t = this.t.invoiceList;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      <div class="layout">
        <div class="main">
          ${this.renderToolbar()} ${this.renderFilters()} ${this.renderBody()}
        </div>
        <aside class="my-actions" part="actions" aria-labelledby="actions-heading">
          <h3 id="actions-heading">${t.myActions}</h3>
          <button class="button" @click=${this.requestDeposit}>${t.depositInvoice}</button>
          <button class="button secondary" @click=${this.requestRib}>${t.depositRib}</button>
        </aside>
      </div>
      <div role="status" class="visually-hidden">${this.announcement}</div>
      <dialog class="deposit" aria-label=${t.depositInvoice} @close=${this.onDepositClose} @akto-invoices-request=${this.onInvoicesRequest}>
        ${this.depositing
          ? html`<button class="button secondary dialog-close" @click=${() => this.depositDialog?.close()}>${this.t.common.close}</button>
              <akto-invoice-deposit entity=${this.entity || nothing}></akto-invoice-deposit>`
          : nothing}
      </dialog>
      <dialog class="detail" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
        ${this.opened
          ? html`<button class="button secondary dialog-close" @click=${() => this.dialog?.close()}>${this.t.common.close}</button>
              <h2 id="dialog-title" class="visually-hidden">${t.dialogLabel(this.opened.reference)}</h2>
              <akto-invoice-detail
                invoice-id=${this.opened.id}
                heading-level="3"
                .dossierHref=${this.dossierHref}
                .transferHref=${this.transferHref}
              ></akto-invoice-detail>`
          : nothing}
      </dialog>
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const t = this.t.invoiceList;
    const count = this.activeFilterCount;
    return html`<div class="toolbar">
      <div class="field grow">
        <label for="search">${t.search}</label>
        <span id="search-hint" class="hint">${t.searchHint}</span>
        <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${this.searchDraft} @input=${this.onSearchInput} @keydown=${this.onSearchKey} />
      </div>
      <button class="button secondary" aria-expanded=${String(this.filtersOpen)} aria-controls="filters" @click=${() => (this.filtersOpen = !this.filtersOpen)}>
        ${t.filter}${count ? html` <span>(${t.filterCount(count)})</span>` : nothing}
      </button>
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t.invoiceList;
    const selected = new Set(this.status.split(',').filter(Boolean));
    const entities = this.entities.value?.items ?? [];
    const date = (label: string, attribute: 'issuedFrom' | 'issuedTo' | 'depositedFrom' | 'depositedTo') =>
      html`<label>${label}<input type="date" .value=${this[attribute]} @change=${(e: Event) => this.setQuery({ [attribute]: (e.target as HTMLInputElement).value })} /></label>`;
    return html`<div id="filters" class="filters" ?hidden=${!this.filtersOpen}>
      <fieldset>
        <legend>${t.filterStatus}</legend>
        <div class="checks">
          ${STATUSES.map(
            (s) => html`<label><input type="checkbox" .checked=${selected.has(s)} @change=${(e: Event) => this.toggleStatus(s, (e.target as HTMLInputElement).checked)} />${this.t.statuses[s]}</label>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${t.issuedBetween}</legend>
        <div class="range">${date(t.from, 'issuedFrom')} ${date(t.to, 'issuedTo')}</div>
      </fieldset>
      <fieldset>
        <legend>${t.depositedBetween}</legend>
        <div class="range">${date(t.from, 'depositedFrom')} ${date(t.to, 'depositedTo')}</div>
      </fieldset>
      ${entityFilter(t, entities, this.entity, (entity) => this.setQuery({ entity }))}
      <div class="field"><button class="button quiet" @click=${this.clearFilters}>${t.clearFilters}</button></div>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const t = this.t.invoiceList;
    const pending = this.invoices.status === 1; // TaskStatus.PENDING
    const error = this.invoices.status === 3 ? this.invoices.error : undefined;
    if (!this.client) return html``;
    if (error !== undefined)
      return loadFailed(this.errorMessage(error), this.t.common.retry, () => this.invoices.run());
    const page = this.shown;
    if (page && !pending && page.total === 0) {
      const filtered = Boolean(this.search.trim()) || this.activeFilterCount > 0;
      return filtered
        ? html`<div class="state"><p>${t.noMatch}</p><button class="button secondary" @click=${this.clearFilters}>${t.clearFilters}</button></div>`
        : html`<div class="state"><p><strong>${t.empty}</strong></p><p>${t.emptyHint}</p><button class="button" @click=${this.requestDeposit}>${t.depositInvoice}</button></div>`;
    }
    const pages = page ? lastPage(page) : 1;
    return html`${this.renderTable(page, pending, pages)}
      ${listFooter(
        t,
        { total: page ? page.total : null, page: this.page, pages, pageSize: this.query.pageSize! },
        { toPage: (to) => this.setQuery({ page: to }, false), toPageSize: (pageSize) => this.setQuery({ pageSize }) },
      )}`;
  }

  private renderTable(page: InvoicePage | null, pending: boolean, pages: number): TemplateResult {
    const locale = this.locale;
    const all = translationFor(locale);
    const t = all.invoiceList;
    const columns = t.columns;
    const text: RowText = { t: all, locale };
    const header = (key: InvoiceSortKey) => {
      const sorted = this.sort === key;
      const sortState = sorted ? (this.order === 'asc' ? 'ascending' : 'descending') : undefined;
      return html`<th scope="col" class=${NUMERIC.includes(key) ? 'num' : ''} aria-sort=${sortState ?? nothing}>
        <button class="sort" @click=${() => this.sortBy(key)}>${columns[key]}${sortIcon(sorted ? this.order : null)}</button>
      </th>`;
    };
    return html`<div class=${page ? 'table-wrap' : 'table-wrap loading'} role="region" tabindex="0" aria-labelledby="caption">
      <table part="table" aria-busy=${String(pending)} @click=${this.onTableClick}>
        <caption id="caption">${t.caption(columns[this.sort] ?? '', this.order, Math.min(this.page, pages), pages)}</caption>
        <thead>
          <tr>
            ${INVOICE_SORT_KEYS.map(header)}
            <th scope="col"><span class="visually-hidden">${columns.actions}</span></th>
          </tr>
        </thead>
        ${page ? groups(this.firstGroupOnly ? page.items.slice(0, GROUP) : page.items).map((group) => html`<tbody>${group.map((i) => row(i, text))}</tbody>`) : html`<tbody>${skeletonRows(this.pageSize, 9)}</tbody>`}
      </table>
    </div>`;
  }

  /** « Détails » of a row: one listener for the whole table rather than one closure a row. */
  private onTableClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-id]');
    const invoice = button && this.shown?.items.find((i) => i.id === button.dataset.id);
    if (invoice) this.openInvoice(invoice, button);
  };

  // ---- user actions ---------------------------------------------------------------------------

  private onSearchInput(event: Event): void {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setQuery({ search: this.searchDraft.trim() }), SEARCH_DELAY_MS);
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      clearTimeout(this.searchTimer);
      this.setQuery({ search: this.searchDraft.trim() });
    }
  }

  private toggleStatus(status: InvoiceStatus, on: boolean): void {
    const set = new Set(this.status.split(',').filter(Boolean));
    if (on) set.add(status);
    else set.delete(status);
    this.setQuery({ status: STATUSES.filter((s) => set.has(s)).join(',') });
  }

  private sortBy(key: InvoiceSortKey): void {
    this.setQuery({ sort: key, order: this.sort === key && this.order === 'asc' ? 'desc' : this.sort === key ? 'asc' : NUMERIC.includes(key) || key.endsWith('Date') ? 'desc' : 'asc' });
  }

  private clearFilters = (): void => {
    this.searchDraft = '';
    this.setQuery({ search: '', status: '', entity: '', issuedFrom: '', issuedTo: '', depositedFrom: '', depositedTo: '' });
  };

  /** Changes the query attributes (back to page 1 unless the page itself changes) and tells the host. */
  private setQuery(change: Partial<Pick<AktoInvoiceList, 'search' | 'status' | 'entity' | 'issuedFrom' | 'issuedTo' | 'depositedFrom' | 'depositedTo' | 'sort' | 'order' | 'page' | 'pageSize'>>, resetPage = true): void {
    Object.assign(this, change);
    if (resetPage && !('page' in change)) this.page = 1;
    this.emit(AKTO_QUERY_CHANGE, { query: { ...this.query } });
  }

  private openInvoice(invoice: InvoiceSummary, button: HTMLElement): void {
    if (!this.emit(AKTO_INVOICE_OPEN, { invoiceId: invoice.id, reference: invoice.reference }, { cancelable: true })) return;
    this.returnFocusTo = button;
    this.opened = invoice;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private onDialogClose = (): void => {
    this.opened = null;
    this.returnFocusTo?.focus();
    this.returnFocusTo = null;
  };

  /** « Déposer une facture »: the host may route it; otherwise the deposit opens over the list. */
  private requestDeposit = async (event: Event): Promise<void> => {
    if (!this.emit(AKTO_DEPOSIT_REQUEST, { dossier: null, entity: this.entity || null }, { cancelable: true })) return;
    this.returnFocusTo = event.currentTarget as HTMLElement;
    try {
      await loadElement('akto-invoice-deposit');
    } catch {
      return; // the page registered the list alone: the deposit is the host's to show
    }
    this.depositing = true;
    await this.updateComplete;
    this.depositDialog?.showModal();
  };

  /** The deposit's « Voir mes factures »: back to this list, which shows the new invoices. */
  private onInvoicesRequest = (event: Event): void => {
    event.preventDefault();
    this.depositDialog?.close();
  };

  private onDepositClose = (): void => {
    if (this.depositDialog?.open) return;
    this.depositing = false;
    void this.invoices.run();
    this.returnFocusTo?.focus();
    this.returnFocusTo = null;
  };

  private requestRib = (): void => {
    this.emit(AKTO_RIB_REQUEST, { entity: this.entity || null }, { cancelable: true });
  };
}
