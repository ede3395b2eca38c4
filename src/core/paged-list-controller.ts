import { Task } from '@lit/task';
import type { ReactiveController } from 'lit';
import type { ApiClient, PageInParts } from '../api/client.js';
import type { Entity, SortOrder } from '../api/schemas.js';
import type { AktoElement } from './akto-element.js';
import type { ApiController } from './api-controller.js';
import type { LocalizeController } from './localize-controller.js';
import type { Locale } from '../i18n/index.js';
import { SIREN_PATTERN } from '../rules/patterns.js';
import { emit, AKTO_QUERY_CHANGE } from './events.js';
import { lastPage, pageSizeOf } from './table-parts.js';
import { afterNextPaint, inBackground } from './after-paint.js';

const SEARCH_DELAY_MS = 300;
/**
 * The rows of a <tbody> (see renderListTable), and what a list with `firstGroupFirst` paints of its
 * first page before the rest: nothing below can be seen or focused yet.
 */
export const ROW_GROUP = 20;
/** Rows added to the table a task at a time after the first group (whole groups). */
const ROWS_PER_TASK = ROW_GROUP * 5;

/**
 * How many of an answer's items the list draws: the size asked for. An API that answers more
 * breaks the contract: the list draws what was asked for (20,000 rows would block the page for
 * seconds) and says so to the developer.
 */
function withinPageSize(count: number, pageSize: number): number {
  if (count <= pageSize) return count;
  console.warn(`[akto-invoice-widget] The API answered ${count} items for a page of ${pageSize}, against its contract: only the first ${pageSize} are shown.`);
  return pageSize;
}

/** What is left to check of a page answered in parts, up to `end` (its items past the page size are never checked). */
interface Unchecked {
  end: number;
  checkMore: (count: number) => void;
}

/** The attributes every paged list has; its own filters come beside them. */
export interface PagedListHost extends AktoElement {
  search: string;
  entity: string;
  sort: string;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  pageSize: number;
}

export interface PagedListOptions<H extends PagedListHost, Q, T> {
  /** The host's API access and language. */
  api: ApiController;
  l10n: LocalizeController;
  /**
   * Asks the server for one page: whole, or in parts (ApiClient.callPage with ROW_GROUP items
   * checked first), which a list with `firstGroupFirst` checks a slice at a time as it draws them.
   */
  load: (client: ApiClient, query: Q, signal: AbortSignal) => Promise<ListPage<T> | PageInParts<T>>;
  /** The list's own filters, read from the host's attributes (already cleaned). */
  filters: () => Partial<Q>;
  /** The filter attributes « Effacer les filtres » empties (besides search and entity). */
  filterAttributes: readonly (keyof H & string)[];
  sortKeys: readonly string[];
  defaultSort: string;
  /** What the live region says once a page has come: « 12 factures trouvées ». */
  found: (total: number) => string;
  /** How many filters are in force, for the « Filtrer » button and the empty state. */
  activeFilters: () => number;
  /** « Détails » of a row: the host fires its event, then calls showDetail unless it was cancelled. */
  open: (item: T, button: HTMLElement) => void;
  /**
   * Paint a page's first ROW_GROUP rows first, then the rest ROWS_PER_TASK at a time, a task each
   * (the invoice list, whose rows are grids that skip what is off screen): a page of 100 or 1,000
   * shows its first screen as soon as 20 rows would, and no task of the rest holds the page for
   * long. A page of ROW_GROUP rows or fewer is drawn at once.
   */
  firstGroupFirst?: boolean;
  /** The dialog showDetail opens. */
  dialog: () => HTMLDialogElement | null | undefined;
  /**
   * Run once a page load, in a task of its own just after the first request is sent: the cold
   * work of drawing rows (see warmRows), done while the answer is on its way.
   */
  warm?: (locale: Locale) => void;
}

/** Whether `warm` has run in this page (a list's rows are the same whichever instance draws them). */
const warmed = new WeakSet<(locale: Locale) => void>();

/**
 * A paged list's query and data: attributes ↔ query (reflected back, `akto-query-change`), the
 * search's debounce, the page clamp, the entities for the filter, a Task that keeps the last page
 * on screen while the next loads, the live region's words, and the detail dialog's focus return.
 */
export class PagedListController<H extends PagedListHost, Q extends Record<string, unknown>, T extends { id: string }> implements ReactiveController {
  /** What the search field shows: applied after a pause in typing, or at once on Enter. */
  searchDraft = '';
  filtersOpen = false;
  announcement = '';
  /** The last page shown: kept on screen, dimmed, while the next one loads (the layout does not jump). */
  onScreen: ListPage<T> | null = null;
  /** How many of the page's rows are drawn: all of them, save while a page is being drawn in parts. */
  shownRows = Infinity;
  /** The page being drawn a task at a time: a newer page, or a new request, stops the older one's drawing. */
  private drawing = 0;
  /** The pages answered in parts, and what is left to check of each. */
  private unchecked = new WeakMap<ListPage<T>, Unchecked>();
  /**
   * An item of the page being drawn broke the contract after its first rows were painted: the
   * list then shows the error as if the whole answer had failed (never an unchecked row).
   */
  failure: unknown = undefined;
  /** The row whose details the dialog shows. */
  opened: T | null = null;
  /** Where the focus goes back when a dialog closes. */
  returnFocusTo: HTMLElement | null = null;

  private searchTimer?: ReturnType<typeof setTimeout>;
  private lastSearch?: string;

  readonly entities: Task<readonly [string | undefined], Entity[] | undefined>;
  // Task keeps only the newest run's answer: a slow, older answer never overwrites a newer one.
  readonly pages: Task<readonly [string | undefined, string, string], ListPage<T> | undefined>;

  constructor(
    readonly host: H,
    private readonly options: PagedListOptions<H, Q, T>,
  ) {
    host.addController(this);
    const { api, l10n } = options;
    this.entities = new Task(host, {
      task: async ([key], { signal }) => (key ? api.listEntities(signal) : undefined),
      args: () => [api.key] as const,
      onError: api.reportError,
    });
    this.pages = new Task(host, {
      task: async ([connection, , key], { signal }) => {
        // A new request: the page on screen is no longer drawn or checked, its failure is forgotten.
        this.drawing++;
        this.failure = undefined;
        const client = api.client;
        if (!connection || !client) return undefined;
        const query = JSON.parse(key) as Q & { pageSize: number };
        const answering = options.load(client, query, signal);
        const { warm } = options;
        if (warm && !warmed.has(warm)) {
          warmed.add(warm);
          setTimeout(() => warm(l10n.locale)); // after the request is sent (its microtasks), before its answer
        }
        const answer = await answering;
        if (!('checkMore' in answer)) {
          const end = withinPageSize(answer.items.length, query.pageSize);
          return end < answer.items.length ? { ...answer, items: answer.items.slice(0, end) } : answer;
        }
        const { page, checkMore } = answer;
        const end = withinPageSize(answer.count, query.pageSize);
        // Drawn at once (see onPage): checked at once, a failure being the request's.
        if (!this.inParts(end)) checkMore(end - page.items.length);
        else this.unchecked.set(page, { end, checkMore });
        return page;
      },
      // The language is an argument: the server words its answers (problem details) in it.
      args: () => [api.key, l10n.locale, JSON.stringify(this.query)] as const,
      onError: api.reportError,
      onComplete: (page) => this.onPage(page),
    });
  }

  /** The query the server is asked, from the host's attributes. */
  get query(): Q {
    const { host, options } = this;
    const query = {
      q: host.search.trim() || undefined,
      ...options.filters(),
      // A SIREN only: anything else is not sent (the server would refuse the whole query).
      entity: SIREN_PATTERN.test(host.entity) ? host.entity : undefined,
      sort: options.sortKeys.includes(host.sort) ? host.sort : options.defaultSort,
      order: host.order === 'asc' ? 'asc' : 'desc',
      page: Math.max(1, Math.floor(host.page) || 1),
      pageSize: pageSizeOf(host.pageSize),
    };
    return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Q;
  }

  /** Whether the list has an API to ask (an `api-base`, its own or its provider's). */
  get connected(): boolean {
    return this.options.api.key !== undefined;
  }

  /** How many filters are in force. */
  get activeFilters(): number {
    return this.options.activeFilters();
  }

  /** Whether the search or a filter narrows the list (the empty state then offers to clear them). */
  get filtered(): boolean {
    return Boolean(this.host.search.trim()) || this.activeFilters > 0;
  }

  hostUpdate(): void {
    // The host set `search` (a deep link, removeAttribute): the field shows it.
    const { search } = this.host;
    if (search !== this.lastSearch) {
      this.lastSearch = search;
      if (search !== this.searchDraft.trim()) this.searchDraft = search;
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.searchTimer);
  }

  private onPage(page: ListPage<T> | undefined): void {
    if (!page) return;
    const { host } = this;
    const last = lastPage(page);
    if (page.items.length === 0 && page.total > 0 && host.page > last) {
      host.page = last; // a deep link past the end: show the last page instead of nothing
      return;
    }
    const drawing = ++this.drawing;
    this.shownRows = Infinity;
    const unchecked = this.unchecked.get(page);
    const length = this.lengthOf(page);
    if (this.inParts(length)) {
      this.shownRows = ROW_GROUP;
      // After the first screen is painted, the rest a task at a time, each slice checked against
      // the contract just before it is drawn. The slices are background tasks back to back: the
      // browser paints between them when a frame is due, and anything else queued goes first.
      // (Waiting for a frame before each slice made 1,000 rows wait for 9 frames: ~150 ms.)
      const slice = (first: boolean) =>
        (first ? afterNextPaint : inBackground)(() => {
          if (drawing !== this.drawing) return;
          const next = Math.min(this.shownRows + ROWS_PER_TASK, length);
          try {
            unchecked?.checkMore(next - page.items.length);
          } catch (error) {
            this.fail(error);
            return;
          }
          this.shownRows = next >= length ? Infinity : next;
          host.requestUpdate();
          if (this.shownRows !== Infinity) slice(false);
        });
      slice(true);
    }
    this.onScreen = page;
    this.announcement = this.options.found(page.total);
    host.requestUpdate();
  }

  /** Whether a page of `length` rows is drawn in parts, its first screen first (see `firstGroupFirst`). */
  private inParts(length: number): boolean {
    return Boolean(this.options.firstGroupFirst) && length > ROW_GROUP;
  }

  /**
   * The rows the table says it has (header included) while some of the page's are not drawn yet,
   * as ARIA asks of a table missing rows: a screen reader counts the whole page from the start.
   */
  get rowCount(): number | undefined {
    const page = this.onScreen;
    if (this.shownRows === Infinity || !page) return undefined;
    return this.lengthOf(page) + 1;
  }

  /** How many rows a page draws: its items, those checked and those left to check. */
  private lengthOf(page: ListPage<T>): number {
    return this.unchecked.get(page)?.end ?? page.items.length;
  }

  /** A page's later item broke the contract: the error and « Réessayer » replace the table, the focus kept on the page. */
  private fail(error: unknown): void {
    const { host } = this;
    const root = host.renderRoot as ShadowRoot;
    const hadFocus = Boolean(root.activeElement?.closest('table'));
    this.failure = error;
    this.options.api.reportError(error);
    host.requestUpdate();
    if (hadFocus) void host.updateComplete.then(() => root.querySelector<HTMLElement>('.state.error button')?.focus());
  }

  // ---- user actions ---------------------------------------------------------------------------

  /** Changes the query attributes (back to page 1 unless the page itself changes) and tells the host. */
  setQuery(change: Partial<H>, resetPage = true): void {
    Object.assign(this.host, change);
    if (resetPage && !('page' in change)) this.host.page = 1;
    emit(this.host, AKTO_QUERY_CHANGE, { query: { ...this.query } });
  }

  onSearchInput = (event: Event): void => {
    this.searchDraft = (event.target as HTMLInputElement).value;
    this.host.requestUpdate();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setQuery({ search: this.searchDraft.trim() } as Partial<H>), SEARCH_DELAY_MS);
  };

  onSearchKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    clearTimeout(this.searchTimer);
    this.setQuery({ search: this.searchDraft.trim() } as Partial<H>);
  };

  toggleFilters = (): void => {
    this.filtersOpen = !this.filtersOpen;
    this.host.requestUpdate();
  };

  /** Adds or removes one value of a comma-separated filter (`status`, `state`), kept in `all`'s order. */
  toggle(attribute: keyof H & string, all: readonly string[], value: string, on: boolean): void {
    const set = new Set(String(this.host[attribute]).split(',').filter(Boolean));
    if (on) set.add(value);
    else set.delete(value);
    this.setQuery({ [attribute]: all.filter((v) => set.has(v)).join(',') } as Partial<H>);
  }

  /** A header's sort button: the same column turns the order round; another starts newest or largest first for dates and amounts. */
  sortBy(key: string, descendingFirst: boolean): void {
    const { sort, order } = this.host;
    this.setQuery({ sort: key, order: sort === key ? (order === 'asc' ? 'desc' : 'asc') : descendingFirst ? 'desc' : 'asc' } as Partial<H>);
  }

  /** « Effacer les filtres »: the search too, and a search still waiting for its pause is dropped. */
  clear = (): void => {
    clearTimeout(this.searchTimer);
    this.searchDraft = '';
    this.host.requestUpdate(); // the field empties even when no attribute changes
    const cleared = Object.fromEntries(['search', 'entity', ...this.options.filterAttributes].map((a) => [a, '']));
    this.setQuery(cleared as Partial<H>);
  };

  /** One listener on the table for every row's « Détails » (`button[data-id]`), not a closure a row. */
  onTableClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-id]');
    const item = button && this.onScreen?.items.find((i) => i.id === button.dataset.id);
    if (item) this.options.open(item, button);
  };

  /** Opens the dialog on a row; the focus goes back to `button` when it closes. */
  showDetail(item: T, button: HTMLElement): void {
    this.returnFocusTo = button;
    this.opened = item;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const dialog = this.options.dialog();
      if (dialog?.isConnected && !dialog.open) dialog.showModal(); // the list may have left the page meanwhile
    });
  }

  onDialogClose = (): void => {
    this.opened = null;
    this.host.requestUpdate();
    this.restoreFocus();
  };

  restoreFocus(): void {
    this.returnFocusTo?.focus();
    this.returnFocusTo = null;
  }
}
