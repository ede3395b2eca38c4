import { TaskStatus } from '@lit/task';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { MAX_PAGE_SIZE, type Entity, type SortOrder } from '../api/schemas.js';
import { formatSiren, isolate, type ListLabels } from '../i18n/index.js';
import type { PagedListController, PagedListHost } from './paged-list-controller.js';

// The parts both paged lists draw (« Liste de mes factures », « Mes dossiers »): filters, states, pager.

/** The page sizes a list's select offers (« 20 factures max. »); the API accepts any up to MAX_PAGE_SIZE. */
export const PAGE_SIZES = [20, 50, 100] as const;

/** The arrow beside a sortable column's name: up, down, or both when the column is not sorted. */
export function sortIcon(order: SortOrder | null): TemplateResult {
  const path = order === 'asc' ? 'M4 10l4-4 4 4' : order === 'desc' ? 'M4 6l4 4 4-4' : 'M5 6l3-3 3 3M5 10l3 3 3-3';
  return html`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">${svg`<path d=${path} fill="none" stroke="currentColor" stroke-width="2"/>`}</svg>`;
}

/** Placeholder rows while the first page loads, so the table keeps its layout (at most 8). */
export function skeletonRows(pageSize: number, columns: number): TemplateResult[] {
  return Array.from({ length: Math.min(pageSize, 8) }, () => html`<tr class="skeleton" aria-hidden="true">${Array.from({ length: columns }, () => html`<td><span></span></td>`)}</tr>`);
}

/** The last page of an answer, for a deep link that points past the end. */
export function lastPage(page: { total: number; pageSize: number }): number {
  return Math.max(1, Math.ceil(page.total / page.pageSize));
}

/** The page size asked of the server: one the select offers, else the host's, between 1 and MAX_PAGE_SIZE. */
export function pageSizeOf(size: number): number {
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : Math.min(Math.max(Math.floor(size) || PAGE_SIZES[0], 1), MAX_PAGE_SIZE);
}

/** The entity filter, shown when the account manages more than one. */
export function entityFilter(t: ListLabels, entities: Entity[], selected: string, choose: (siren: string) => void): TemplateResult | typeof nothing {
  if (entities.length <= 1) return nothing;
  return html`<div class="field">
    <label for="entity">${t.entity}</label>
    <select id="entity" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!selected}>${t.allEntities}</option>
      ${entities.map((e) => html`<option value=${e.siren} ?selected=${selected === e.siren}>${isolate(e.name)} (${formatSiren(e.siren)})</option>`)}
    </select>
  </div>`;
}

/** A page that could not be loaded: why, and « Réessayer ». */
export function loadFailed(message: string, retryLabel: string, retry: () => void): TemplateResult {
  return html`<div class="state error" role="alert">
    <p>${message}</p>
    <button class="button" @click=${retry}>${retryLabel}</button>
  </div>`;
}

/**
 * Under the table: how many in all, how many a page (PAGE_SIZES, and the host's size when it is
 * another, so the select shows what is shown), and the pager.
 */
export function listFooter(
  t: ListLabels,
  state: { total: number | null; page: number; pages: number; pageSize: number },
  go: { toPage: (page: number) => void; toPageSize: (size: number) => void },
): TemplateResult {
  const { total, page, pages, pageSize } = state;
  const sizes = (PAGE_SIZES as readonly number[]).includes(pageSize) ? [...PAGE_SIZES] : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  return html`<div class="footer">
    <span>${total !== null ? t.total(total) : html`&nbsp;`}</span>
    <div class="field">
      <label for="page-size" class="visually-hidden">${t.pageSizeLabel}</label>
      <select id="page-size" @change=${(e: Event) => go.toPageSize(Number((e.target as HTMLSelectElement).value))}>
        ${sizes.map((size) => html`<option value=${size} ?selected=${pageSize === size}>${t.pageSize(size)}</option>`)}
      </select>
    </div>
    <nav class="pager" aria-label=${t.pageOf(page, pages)}>
      <button class="button secondary" ?disabled=${page <= 1} @click=${() => go.toPage(page - 1)}>${t.previousPage}</button>
      <span aria-current="page">${t.pageOf(Math.min(page, pages), pages)}</span>
      <button class="button secondary" ?disabled=${page >= pages} @click=${() => go.toPage(page + 1)}>${t.nextPage}</button>
    </nav>
  </div>`;
}

type AnyList = PagedListController<PagedListHost, Record<string, unknown>, { id: string }>;

/** The words of a list's search toolbar. */
export interface ToolbarLabels {
  search: string;
  searchHint: string;
  filter: string;
  filterCount: (count: number) => string;
}

/** The search field (debounced by the list's controller) and « Filtrer », which opens the filters. */
export function listToolbar(t: ToolbarLabels, list: Pick<AnyList, 'searchDraft' | 'filtersOpen' | 'onSearchInput' | 'onSearchKey' | 'toggleFilters'>, count: number): TemplateResult {
  return html`<div class="toolbar">
    <div class="field grow">
      <label for="search">${t.search}</label>
      <span id="search-hint" class="hint">${t.searchHint}</span>
      <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${list.searchDraft} @input=${list.onSearchInput} @keydown=${list.onSearchKey} />
    </div>
    <button class="button secondary" aria-expanded=${String(list.filtersOpen)} aria-controls="filters" @click=${list.toggleFilters}>
      ${t.filter}${count ? html` <span>(${t.filterCount(count)})</span>` : nothing}
    </button>
  </div>`;
}

/** A comma-separated filter (statuses, states) as checkboxes. */
export function checkFilter<V extends string>(legend: string, all: readonly V[], selected: string, names: Record<V, string>, toggle: (value: V, on: boolean) => void): TemplateResult {
  const on = new Set(selected.split(',').filter(Boolean));
  return html`<fieldset>
    <legend>${legend}</legend>
    <div class="checks">
      ${all.map((v) => html`<label><input type="checkbox" .checked=${on.has(v)} @change=${(e: Event) => toggle(v, (e.target as HTMLInputElement).checked)} />${names[v]}</label>`)}
    </div>
  </fieldset>`;
}

/**
 * Below the filters: nothing without an endpoint; the problem and « Réessayer »; « no invoice yet »
 * (`empty`) or « nothing matches » with « Effacer les filtres »; else the table and its footer.
 */
export function listBody(
  t: ListLabels,
  list: Pick<AnyList, 'onScreen' | 'pages' | 'failure' | 'filtered' | 'clear' | 'setQuery' | 'query' | 'connected' | 'host'>,
  parts: { error: (error: unknown) => string; retry: string; empty: () => TemplateResult; table: (page: { total: number } | null, pending: boolean, pages: number) => TemplateResult },
): TemplateResult {
  const { pages: task } = list;
  const pending = task.status === TaskStatus.PENDING;
  if (!list.connected) return html``;
  if (task.status === TaskStatus.ERROR) return loadFailed(parts.error(task.error), parts.retry, () => task.run());
  // A later item of a long page broke the contract (see PagedListController.failure).
  if (list.failure !== undefined && !pending) return loadFailed(parts.error(list.failure), parts.retry, () => task.run());
  const page = list.onScreen;
  if (page && !pending && page.total === 0) {
    return list.filtered
      ? html`<div class="state"><p>${t.noMatch}</p><button class="button secondary" @click=${list.clear}>${t.clearFilters}</button></div>`
      : parts.empty();
  }
  const pages = page ? lastPage(page) : 1;
  return html`${parts.table(page, pending, pages)}
    ${listFooter(
      t,
      { total: page ? page.total : null, page: list.host.page, pages, pageSize: (list.query as { pageSize: number }).pageSize },
      { toPage: (page) => list.setQuery({ page }, false), toPageSize: (pageSize) => list.setQuery({ pageSize }) },
    )}`;
}
