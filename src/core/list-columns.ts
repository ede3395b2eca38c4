import { html, nothing, render, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { SortOrder } from '../api/schemas.js';
import type { Locale, Translation } from '../i18n/index.js';
import { ROW_GROUP } from './paged-list-controller.js';
import { skeletonRows, sortIcon } from './table-parts.js';

/** What every cell of one render shares: looked up once, not once a row. */
export interface CellContext {
  t: Translation;
  locale: Locale;
}

/** One column of a paged list, declared once: it draws the header, the cells, the skeleton and the phone cards' labels. */
interface ColumnSpec<L extends string, S extends string> {
  /** Its label's key in the list's `columns` translations (the header, and the card's `data-label`). */
  key: L;
  /** The cell's own class (`reference`, `title`…). */
  class?: string;
  /** `num` (right-aligned) or `date` (kept on one line); both sort newest or largest first. */
  type?: 'num' | 'date';
  /** The server's sort key, when the header sorts by it (typed by the contract's keys: only what the API accepts). */
  sort?: S;
  /** Its track where rows are grids (`minmax(6rem, 1fr)`); see gridRowStyles. */
  track?: string;
}

/**
 * A column's cell: its text (`''` for an empty cell, left out of the card), set as the cell's
 * text; or, with `markup`, text or a template (a badge, a button), drawn inside the cell. Text
 * costs a row less: no marker node and no text node of its own to create.
 */
type CellSpec<T> = { markup?: false; cell: (item: T, c: CellContext) => string } | { markup: true; cell: (item: T, c: CellContext) => string | TemplateResult };

export type Column<T, L extends string, S extends string = string> = ColumnSpec<L, S> & CellSpec<T>;

/** The keys a list's headers sort by, from its columns: the screen decides, the contract only accepts. */
export function sortKeysOf<S extends string>(columns: readonly Column<never, string, S>[]): S[] {
  return columns.flatMap((c) => (c.sort ? [c.sort] : []));
}

/** A paged list's table: its columns, then the « Détails » column every row ends with. */
export interface ListTableSpec<T extends { id: string }, L extends string> {
  columns: readonly Column<T, L>[];
  /** The list's column labels, in the language in use (with `actions`, the « Détails » column's hidden header). */
  labels: (t: Translation) => Record<L | 'actions', string>;
  /** The « Détails » button: its text and its accessible name, which names the row. */
  details: (t: Translation) => string;
  detailsOf: (item: T, c: CellContext) => string;
  /** The « Détails » column's grid track. */
  detailsTrack?: string;
}

export interface ListTable<T extends { id: string }, L extends string> extends ListTableSpec<T, L> {
  /** The grid tracks of a row, one a column and the « Détails » one. */
  tracks: string;
  row: (item: T, c: RowContext<L>) => TemplateResult;
}

interface RowContext<L extends string> extends CellContext {
  labels: Record<L | 'actions', string>;
  details: string;
}

/** Text written into a template's own strings (an attribute's value, a button's text): what HTML would read as markup escaped. */
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * Declares a list's table. A row is one template, built once a language from the columns (as
 * lit's static html does), rather than one template a cell: a page of 100 rows then costs 100
 * template instances, not 1,000. What is the same on every row (each cell's class and its
 * column's name, `data-label`, and the « Détails » button's text) is written into the template
 * itself; a row binds only its cells' contents (text cells as their text) and its button's id and
 * name: 10 bindings rather than 27 for the invoice list.
 */
export function listTable<T extends { id: string }, L extends string>(spec: ListTableSpec<T, L>): ListTable<T, L> {
  const { columns } = spec;
  const classes = columns.map((c) => [c.class, c.type].filter(Boolean).join(' '));
  const rowTemplate = (labels: Record<L | 'actions', string>, details: string) => {
    // Each cell's opening tag, up to its binding: a text cell's `.textContent`, a markup cell's content.
    const open = (i: number) => `<td data-label="${escapeHtml(labels[columns[i]!.key])}"${classes[i] ? ` class="${classes[i]}"` : ''}${columns[i]!.markup ? '>' : ' .textContent='}`;
    const close = (i: number) => (columns[i]!.markup ? '</td>' : '></td>');
    const strings: string[] = [`<tr>${open(0)}`];
    for (let i = 1; i < columns.length; i++) strings.push(`${close(i - 1)}${open(i)}`);
    strings.push(`${close(columns.length - 1)}<td class="details"><button class="button secondary" data-id=`, ' aria-label=', `>${escapeHtml(details)}</button></td></tr>`);
    return Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray;
  };
  // Each item's row, formatted once for the language in use: a long page drawn a slice a task
  // renders its earlier rows again at every slice (a row is a pure function of the item, t and locale).
  let formatted = { t: null as Translation | null, locale: '' as Locale | '', template: null as TemplateStringsArray | null, rows: new WeakMap<T, TemplateResult>() };
  return {
    ...spec,
    tracks: [...columns.map((c) => c.track ?? 'minmax(0, 1fr)'), spec.detailsTrack ?? 'auto'].join(' '),
    row(item, c) {
      if (formatted.t !== c.t || formatted.locale !== c.locale) formatted = { t: c.t, locale: c.locale, template: rowTemplate(c.labels, c.details), rows: new WeakMap() };
      const done = formatted.rows.get(item);
      if (done) return done;
      const values: unknown[] = [];
      for (let i = 0; i < columns.length; i++) values.push(columns[i]!.cell(item, c));
      values.push(item.id, spec.detailsOf(item, c));
      const row = html(formatted.template!, ...values);
      formatted.rows.set(item, row);
      return row;
    },
  };
}

/**
 * Renders rows of `items` into a detached fragment: their templates are prepared, their code
 * compiled and their formatters (Intl) built while a first visit's first answer is on its way,
 * rather than after it has come.
 */
export function warmRows<T extends { id: string }, L extends string>(table: ListTable<T, L>, t: Translation, locale: Locale, items: T[]): void {
  const context: RowContext<L> = { t, locale, labels: table.labels(t), details: table.details(t) };
  render(items.map((item) => table.row(item, context)), document.createDocumentFragment());
}

export interface TableView<T> {
  items: T[] | null;
  /** How many of the rows to draw (a long page is drawn a task at a time: see PagedListController). */
  shownRows: number;
  /** While some rows are not drawn yet: how many the table has, header included (aria-rowcount). */
  rowCount?: number;
  pending: boolean;
  caption: string;
  sort: string;
  order: SortOrder;
  pageSize: number;
  t: Translation;
  locale: Locale;
  /** A sortable header: its sort key, and whether it starts descending (dates, amounts). */
  onSort: (sort: string, descendingFirst: boolean) => void;
  onClick: (event: Event) => void;
}

/** The place of a group of rows not drawn yet (see renderListTable). */
const groupToCome = html`<tbody class="to-come" aria-hidden="true"></tbody>`;

/**
 * The table: header, then the rows in groups of ROW_GROUP, one <tbody> each (a list may let the
 * browser skip a group away from the viewport as a whole; even, so the stripes run on), or
 * skeleton rows while the first page loads. The cards on a phone are these rows, laid out by CSS
 * from each cell's `data-label`.
 */
export function renderListTable<T extends { id: string }, L extends string>(table: ListTable<T, L>, view: TableView<T>): TemplateResult {
  const labels = table.labels(view.t);
  const context: RowContext<L> = { t: view.t, locale: view.locale, labels, details: table.details(view.t) };
  const header = (column: Column<T, L>) => {
    const label = labels[column.key];
    if (!column.sort) return html`<th scope="col" class=${column.type === 'num' ? 'num' : ''}>${label}</th>`;
    const sorted = view.sort === column.sort;
    const sortState = sorted ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined;
    return html`<th scope="col" class=${column.type === 'num' ? 'num' : ''} aria-sort=${sortState ?? nothing}>
      <button class="sort" @click=${() => view.onSort(column.sort!, column.type !== undefined)}>${label}${sortIcon(sorted ? view.order : null)}</button>
    </th>`;
  };
  const items = view.items && view.shownRows < view.items.length ? view.items.slice(0, view.shownRows) : view.items;
  const groups: T[][] = [];
  for (let i = 0; items && i < items.length; i += ROW_GROUP) groups.push(items.slice(i, i + ROW_GROUP));
  // The groups of a long page not drawn yet hold their places (empty, the size of a group: see
  // gridRowStyles), so the page has its full height and its scrollbar its final length from the
  // first screen on, as a grid drawing only its view has: the rest is drawn without moving them.
  const toCome = items && view.rowCount ? Math.ceil((view.rowCount - 1 - items.length) / ROW_GROUP) : 0;
  return html`<div class=${view.items ? 'table-wrap' : 'table-wrap loading'} role="region" tabindex="0" aria-labelledby="caption">
    <table part="table" aria-busy=${String(view.pending)} aria-rowcount=${view.rowCount ?? nothing} @click=${view.onClick}>
      <caption id="caption">${view.caption}</caption>
      <thead>
        <tr>
          ${table.columns.map(header)}
          <th scope="col"><span class="visually-hidden">${labels.actions}</span></th>
        </tr>
      </thead>
      ${items
        ? // A group once drawn is the same rows until the page or the language changes: a long
          // page drawn a slice at a time does not walk its earlier rows again at every slice.
          [
            groups.map((group) => guard([group[0], group.length, view.t, view.locale], () => html`<tbody>${group.map((item) => table.row(item, context))}</tbody>`)),
            Array.from({ length: toCome }, () => groupToCome),
          ]
        : html`<tbody>${skeletonRows(view.pageSize, table.columns.length + 1)}</tbody>`}
    </table>
  </div>`;
}
