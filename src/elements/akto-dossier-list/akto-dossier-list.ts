import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { repeat } from 'lit/directives/repeat.js';
import { DOSSIER_SORT_KEYS, DossierState, type DossierPage, type DossierQuery, type DossierSortKey, type DossierSummary, type SortOrder } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { badgeStyles, dossierStateBadge } from '../../core/badges.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_DOCUMENT_REQUEST, AKTO_DOSSIER_OPEN, AKTO_QUERY_CHANGE } from '../../core/events.js';
import { entityFilter, lastPage, listFooter, loadFailed, pageSizeOf, skeletonRows, sortIcon } from '../../core/table-parts.js';
import { buttons } from '../../core/tokens.js';
import { formatDate } from '../../i18n/index.js';
import { AktoDossierDetail } from '../akto-dossier-detail/akto-dossier-detail.js';
import { dossierListStyles } from './styles.js';

const STATES = DossierState.options;
const DATES: readonly DossierSortKey[] = ['start', 'end'];
const SEARCH_DELAY_MS = 300;
const COLUMNS = 7;
/** The dialog's dossier can be styled from outside: `akto-dossier-list::part(detail-funding)`. */
const DETAIL_PARTS = ['base', 'header', 'actions', 'training', 'trainees', 'funding', 'badge'].map((part) => `${part}:detail-${part}`).join(', ');

/**
 * @summary « Mes dossiers »: the account's dossiers (drafts included), searchable, filterable, sortable and paged, each with « Détails ».
 *
 * Search, filters, sort and page are attributes, reflected back as the user changes them, so a
 * host can deep-link. « Détails » opens the dossier (`<akto-dossier-detail>`) in a dialog, from
 * which the user can « Déposer une facture » or « Déposer un document »: those events bubble out
 * of the list; when the host cancels one (it takes the user elsewhere), the dialog closes.
 *
 * @event akto-dossier-open - « Détails » of a row, `{ dossierId, number }` (`number` is null for a draft). Cancelable: cancel it to show the dossier elsewhere; otherwise a dialog opens.
 * @event akto-query-change - The search, filters, sort or page changed.
 * @event akto-deposit-request - « Déposer une facture » in the dossier's dialog, `{ dossier, entity }` (cancelable).
 * @event akto-document-request - « Déposer un document » in the dossier's dialog, `{ dossierId, number }` (cancelable).
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart base - The whole element.
 * @csspart table - The dossier table.
 * @csspart badge - State badges.
 * @csspart dialog - The dialog showing a dossier's details.
 * @csspart detail-base - The dossier in the dialog (`<akto-dossier-detail>`'s `base`; likewise `detail-header`, `detail-actions`, `detail-training`, `detail-trainees`, `detail-funding`, `detail-badge`).
 *
 * @cssproperty --akto-color-primary - Heading, table header, buttons.
 * @cssproperty --akto-color-on-primary - Text of the table header and primary buttons.
 * @cssproperty --akto-color-surface-alt - Zebra rows and the filters panel.
 * @cssproperty --akto-color-border - Row separators, cards on a narrow screen.
 * @cssproperty --akto-font-family - The font.
 * @cssproperty --akto-radius - Corners of buttons, fields, cards and the dialog.
 */
export class AktoDossierList extends AktoElement {
  static override styles = [...AktoElement.styles, buttons, badgeStyles, ...dossierListStyles];
  static override dependencies = { 'akto-dossier-detail': AktoDossierDetail };

  /** Search by dossier number, title or company (answered by the server). */
  @property({ reflect: true, converter: textAttribute }) search = '';
  /** States shown, comma-separated (`brouillon,transmis`); all when empty. */
  @property({ reflect: true, converter: textAttribute }) state = '';
  /** Only this entity's dossiers (a SIREN). */
  @property({ reflect: true, converter: textAttribute }) entity = '';
  /** The column sorted by: `number`, `title`, `start`, `end`, `company` or `state`. */
  @property({ reflect: true }) sort: DossierSortKey = 'start';
  @property({ reflect: true }) order: SortOrder = 'desc';
  @property({ type: Number, reflect: true }) page = 1;
  /** 20, 50 or 100 (« 20 dossiers max. »). */
  @property({ type: Number, attribute: 'page-size', reflect: true }) pageSize = 20;

  @state() private searchDraft = '';
  @state() private filtersOpen = false;
  @state() private announcement = '';
  @state() private opened: DossierSummary | null = null;
  /** The last page shown: kept on screen, dimmed, while the next one loads (the layout does not jump). */
  @state() private shown: DossierPage | null = null;

  @query('dialog') private dialog?: HTMLDialogElement;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private returnFocusTo: HTMLElement | null = null;

  private entities = new Task(this, {
    task: async ([endpoint], { signal }) => (endpoint && this.client ? this.client.call('listEntities', { signal }) : undefined),
    args: () => [this.endpoint] as const,
    onError: (error) => this.reportError(error),
  });

  // Task keeps only the newest run's answer: a slow, older answer never overwrites a newer one.
  private dossiers = new Task(this, {
    task: async ([endpoint, , key], { signal }) => {
      if (!endpoint || !this.client) return undefined;
      return this.client.call('listDossiers', { query: JSON.parse(key) as DossierQuery, signal });
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
      this.shown = page;
      this.announcement = this.t.dossierList.found(page.total);
    },
  });

  /** The query the server is asked, from the attributes. */
  get query(): DossierQuery {
    const states = this.state.split(',').filter((s): s is DossierState => (STATES as readonly string[]).includes(s));
    const query: DossierQuery = {
      q: this.search.trim() || undefined,
      state: states.length ? states : undefined,
      entity: /^\d{9}$/.test(this.entity) ? this.entity : undefined,
      sort: (DOSSIER_SORT_KEYS as readonly string[]).includes(this.sort) ? this.sort : 'start',
      order: this.order === 'asc' ? 'asc' : 'desc',
      page: Math.max(1, Math.floor(this.page) || 1),
      pageSize: pageSizeOf(this.pageSize),
    };
    return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as DossierQuery;
  }

  private get activeFilterCount(): number {
    return [this.state, this.entity].filter(Boolean).length;
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
    const t = this.t.dossierList;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      ${this.renderToolbar()} ${this.renderFilters()} ${this.renderBody()}
      <div role="status" class="visually-hidden">${this.announcement}</div>
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose} @akto-deposit-request=${this.onDossierAction} @akto-document-request=${this.onDossierAction}>
        ${this.opened
          ? html`<button class="button secondary dialog-close" @click=${() => this.dialog?.close()}>${this.t.common.close}</button>
              <h2 id="dialog-title" class="visually-hidden">${this.opened.number ? t.dialogLabel(this.opened.number) : this.label(this.opened)}</h2>
              <akto-dossier-detail dossier-id=${this.opened.id} heading-level="3" exportparts=${DETAIL_PARTS}></akto-dossier-detail>`
          : nothing}
      </dialog>
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const t = this.t.dossierList;
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
    const t = this.t.dossierList;
    const selected = new Set(this.state.split(',').filter(Boolean));
    const entities = this.entities.value?.items ?? [];
    return html`<div id="filters" class="filters" ?hidden=${!this.filtersOpen}>
      <fieldset>
        <legend>${t.filterState}</legend>
        <div class="checks">
          ${STATES.map(
            (s) => html`<label><input type="checkbox" .checked=${selected.has(s)} @change=${(e: Event) => this.toggleState(s, (e.target as HTMLInputElement).checked)} />${this.t.dossierStates[s]}</label>`,
          )}
        </div>
      </fieldset>
      ${entityFilter(t, entities, this.entity, (entity) => this.setQuery({ entity }))}
      <div class="field"><button class="button quiet" @click=${this.clearFilters}>${t.clearFilters}</button></div>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const t = this.t.dossierList;
    const pending = this.dossiers.status === 1; // TaskStatus.PENDING
    const error = this.dossiers.status === 3 ? this.dossiers.error : undefined;
    if (!this.client) return html``;
    if (error !== undefined)
      return loadFailed(this.errorMessage(error), this.t.common.retry, () => this.dossiers.run());
    const page = this.shown;
    if (page && !pending && page.total === 0) {
      const filtered = Boolean(this.search.trim()) || this.activeFilterCount > 0;
      return filtered
        ? html`<div class="state"><p>${t.noMatch}</p><button class="button secondary" @click=${this.clearFilters}>${t.clearFilters}</button></div>`
        : html`<div class="state"><p><strong>${t.empty}</strong></p><p>${t.emptyHint}</p></div>`;
    }
    const pages = page ? lastPage(page) : 1;
    return html`${this.renderTable(page, pending, pages)}
      ${listFooter(
        t,
        { total: page ? page.total : null, page: this.page, pages, pageSize: this.query.pageSize! },
        { toPage: (to) => this.setQuery({ page: to }, false), toPageSize: (pageSize) => this.setQuery({ pageSize }) },
      )}`;
  }

  private renderTable(page: DossierPage | null, pending: boolean, pages: number): TemplateResult {
    const t = this.t.dossierList;
    const columns = t.columns;
    const header = (key: DossierSortKey) => {
      const sorted = this.sort === key;
      const sortState = sorted ? (this.order === 'asc' ? 'ascending' : 'descending') : undefined;
      return html`<th scope="col" aria-sort=${sortState ?? nothing}>
        <button class="sort" @click=${() => this.sortBy(key)}>${columns[key]}${sortIcon(sorted ? this.order : null)}</button>
      </th>`;
    };
    const sortKey = (DOSSIER_SORT_KEYS as readonly string[]).includes(this.sort) ? this.sort : 'start';
    return html`<div class=${page ? 'table-wrap' : 'table-wrap loading'} role="region" tabindex="0" aria-labelledby="caption">
      <table part="table" aria-busy=${String(pending)}>
        <caption id="caption">${t.caption(t.sortNames[sortKey], this.order === 'asc' ? 'asc' : 'desc', Math.min(this.page, pages), pages)}</caption>
        <thead>
          <tr>
            ${DOSSIER_SORT_KEYS.map(header)}
            <th scope="col"><span class="visually-hidden">${columns.actions}</span></th>
          </tr>
        </thead>
        <tbody>
          ${page ? repeat(page.items, (d) => d.id, (d) => this.renderRow(d)) : skeletonRows(this.pageSize, COLUMNS)}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(dossier: DossierSummary): TemplateResult {
    const t = this.t.dossierList;
    const { columns } = t;
    const locale = this.locale;
    const cell = (label: string, value: string, className = '') => html`<td data-label=${label} class="${className}${value ? '' : ' empty-cell'}">${value}</td>`;
    const draft = dossier.number === null;
    const detailsLabel = draft ? t.detailsOfDraft(formatDate(dossier.draftDate, locale), dossier.title) : t.detailsOf(dossier.number!);
    return html`<tr>
      <td data-label=${columns.number} class="number">${draft ? html`<span class="draft">${this.label(dossier)}</span>` : dossier.number}</td>
      ${cell(columns.title, dossier.title, 'title')} ${cell(columns.start, formatDate(dossier.start, locale), 'date')} ${cell(columns.end, formatDate(dossier.end, locale), 'date')}
      ${cell(columns.company, dossier.company, 'company')}
      <td data-label=${columns.state}>${dossierStateBadge(dossier.state, this.t)}</td>
      <td class="details"><button class="button secondary" aria-label=${detailsLabel} @click=${(e: Event) => this.openDossier(dossier, e.currentTarget as HTMLElement)}>${t.details}</button></td>
    </tr>`;
  }



  /** The number, or « Brouillon du 24/06/2022 » for a draft. */
  private label(dossier: DossierSummary): string {
    if (dossier.number) return dossier.number;
    const t = this.t.dossierList;
    return dossier.draftDate ? t.draft(formatDate(dossier.draftDate, this.locale)) : t.undatedDraft;
  }

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

  private toggleState(value: DossierState, on: boolean): void {
    const set = new Set(this.state.split(',').filter(Boolean));
    if (on) set.add(value);
    else set.delete(value);
    this.setQuery({ state: STATES.filter((s) => set.has(s)).join(',') });
  }

  private sortBy(key: DossierSortKey): void {
    this.setQuery({ sort: key, order: this.sort === key && this.order === 'asc' ? 'desc' : this.sort === key ? 'asc' : DATES.includes(key) ? 'desc' : 'asc' });
  }

  private clearFilters = (): void => {
    clearTimeout(this.searchTimer);
    this.searchDraft = '';
    this.setQuery({ search: '', state: '', entity: '' });
  };

  /** Changes the query attributes (back to page 1 unless the page itself changes) and tells the host. */
  private setQuery(change: Partial<Pick<AktoDossierList, 'search' | 'state' | 'entity' | 'sort' | 'order' | 'page' | 'pageSize'>>, resetPage = true): void {
    Object.assign(this, change);
    if (resetPage && !('page' in change)) this.page = 1;
    this.emit(AKTO_QUERY_CHANGE, { query: { ...this.query } });
  }

  private openDossier(dossier: DossierSummary, button: HTMLElement): void {
    if (!this.emit(AKTO_DOSSIER_OPEN, { dossierId: dossier.id, number: dossier.number }, { cancelable: true })) return;
    this.returnFocusTo = button;
    this.opened = dossier;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  /**
   * « Déposer une facture » / « Déposer un document » from the dialog: once the event has
   * reached the host, a host that handled it (cancelled it) takes the user elsewhere, so the
   * dialog closes, leaving the focus where the host put it.
   */
  private onDossierAction = (event: Event): void => {
    if (event.type !== AKTO_DEPOSIT_REQUEST && event.type !== AKTO_DOCUMENT_REQUEST) return;
    queueMicrotask(() => {
      if (!event.defaultPrevented || !this.dialog?.open) return;
      this.returnFocusTo = null;
      this.dialog.close();
    });
  };

  private onDialogClose = (): void => {
    this.opened = null;
    this.returnFocusTo?.focus();
    this.returnFocusTo = null;
  };
}
