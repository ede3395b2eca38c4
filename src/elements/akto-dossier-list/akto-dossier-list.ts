import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { DossierState, type DossierQuery, type DossierSortKey, type DossierSummary, type SortOrder } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { badgeStyles, dossierStateBadge } from '../../core/badges.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_DOCUMENT_REQUEST, AKTO_DOSSIER_OPEN } from '../../core/events.js';
import { listTable, renderListTable, sortKeysOf, type CellContext, type Column } from '../../core/list-columns.js';
import { PagedListController } from '../../core/paged-list-controller.js';
import { checkFilter, entityFilter, listBody, listToolbar } from '../../core/table-parts.js';
import { buttons } from '../../core/tokens.js';
import { formatDate, type Translation } from '../../i18n/index.js';
import { AktoDossierDetail } from '../akto-dossier-detail/akto-dossier-detail.js';
import { dossierListStyles } from './styles.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { ApiController } from '../../core/api-controller.js';
import { Configurable } from '../../core/config.js';
import { DOSSIER_DETAIL_PARTS, exportParts } from '../parts.js';

const STATES = DossierState.options;
type Label = Exclude<keyof Translation['dossierList']['columns'], 'actions'>;
/** The dialog's dossier can be styled from outside: `akto-dossier-list::part(detail-funding)`. */
const DETAIL_PARTS = exportParts('detail', DOSSIER_DETAIL_PARTS);

/** The number, or « Brouillon du 24/06/2022 » for a draft. */
function label(dossier: DossierSummary, { t, locale }: CellContext): string {
  if (dossier.number) return dossier.number;
  return dossier.draftDate ? t.dossierDraft.dated(formatDate(dossier.draftDate, locale)) : t.dossierDraft.undated;
}

/** « Mes dossiers »'s columns: a new column is one more line here (its label in i18n). */
const COLUMNS: Column<DossierSummary, Label, DossierSortKey>[] = [
  { key: 'number', sort: 'number', class: 'number', markup: true, cell: (d, c) => (d.number === null ? html`<span class="draft">${label(d, c)}</span>` : d.number) },
  { key: 'title', sort: 'title', class: 'title', cell: (d) => d.title },
  { key: 'start', sort: 'start', type: 'date', cell: (d, c) => formatDate(d.start, c.locale) },
  { key: 'end', sort: 'end', type: 'date', cell: (d, c) => formatDate(d.end, c.locale) },
  { key: 'company', sort: 'company', class: 'company', cell: (d) => d.company },
  { key: 'state', sort: 'state', markup: true, cell: (d, c) => dossierStateBadge(d.state, c.t) },
];

const SORT_KEYS: readonly string[] = sortKeysOf(COLUMNS);

const TABLE = listTable({
  columns: COLUMNS,
  labels: (t) => t.dossierList.columns,
  details: (t) => t.dossierList.details,
  detailsOf: (d, { t, locale }) => (d.number === null ? t.dossierList.detailsOfDraft(formatDate(d.draftDate, locale), d.title) : t.dossierList.detailsOf(d.number)),
});

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
export class AktoDossierList extends Configurable(AktoElement) {
  static override styles = [...AktoElement.styles, buttons, badgeStyles, ...dossierListStyles];
  static override dependencies = { 'akto-dossier-detail': AktoDossierDetail };

  private l10n = new LocalizeController(this, frSteps);
  private api = new ApiController(this, this.l10n);

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
  /** Rows a page (« 20 dossiers max. »): the user picks 20, 50 or 100; the host may set any size up to 1,000. */
  @property({ type: Number, attribute: 'page-size', reflect: true }) pageSize = 20;

  @query('dialog') private dialog?: HTMLDialogElement;

  private list = new PagedListController<AktoDossierList, DossierQuery, DossierSummary>(this, {
    api: this.api,
    l10n: this.l10n,
    load: (client, query, signal) => client.call('listDossiers', { query, signal }),
    filters: () => {
      const states = this.state.split(',').filter((s): s is DossierState => (STATES as readonly string[]).includes(s));
      return { state: states.length ? states : undefined };
    },
    filterAttributes: ['state'],
    sortKeys: SORT_KEYS,
    defaultSort: 'start',
    found: (total) => this.l10n.t.dossierList.found(total),
    activeFilters: () => [this.state, this.entity].filter(Boolean).length,
    open: (dossier, button) => {
      if (this.emit(AKTO_DOSSIER_OPEN, { dossierId: dossier.id, number: dossier.number }, { cancelable: true })) this.list.showDetail(dossier, button);
    },
    dialog: () => this.dialog,
  });

  /** The query the server is asked, from the attributes. */
  get query(): DossierQuery {
    return this.list.query;
  }

  override render() {
    const t = this.l10n.t.dossierList;
    const { list } = this;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      ${listToolbar(t, list, list.activeFilters)} ${this.renderFilters()}
      ${listBody(t, list, {
        error: (error) => this.api.errorMessage(error),
        retry: this.l10n.t.common.retry,
        empty: () => html`<div class="state"><p><strong>${t.empty}</strong></p><p>${t.emptyHint}</p></div>`,
        table: (_, pending, pages) => this.renderTable(pending, pages),
      })}
      <div role="status" class="visually-hidden">${list.announcement}</div>
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${list.onDialogClose} @akto-deposit-request=${this.onDossierAction} @akto-document-request=${this.onDossierAction}>
        ${list.opened
          ? html`<button class="button secondary dialog-close" @click=${() => this.dialog?.close()}>${this.l10n.t.common.close}</button>
              <h2 id="dialog-title" class="visually-hidden">${list.opened.number ? t.dialogLabel(list.opened.number) : label(list.opened, this.l10n)}</h2>
              <akto-dossier-detail dossier-id=${list.opened.id} heading-level="3" exportparts=${DETAIL_PARTS}></akto-dossier-detail>`
          : nothing}
      </dialog>
    </section>`;
  }

  private renderFilters() {
    const t = this.l10n.t.dossierList;
    return html`<div id="filters" class="filters" ?hidden=${!this.list.filtersOpen}>
      ${checkFilter(t.filterState, STATES, this.state, this.l10n.t.dossierStates, (s, on) => this.list.toggle('state', STATES, s, on))}
      ${entityFilter(t, this.list.entities.value ?? [], this.entity, (entity) => this.list.setQuery({ entity }))}
      <div class="field"><button class="button quiet" @click=${this.list.clear}>${t.clearFilters}</button></div>
    </div>`;
  }

  private renderTable(pending: boolean, pages: number) {
    const t = this.l10n.t;
    const { list } = this;
    const sortKey = SORT_KEYS.includes(this.sort) ? this.sort : 'start';
    return renderListTable(TABLE, {
      items: list.onScreen?.items ?? null,
      shownRows: list.shownRows,
      pending,
      caption: t.dossierList.caption(t.dossierList.sortNames[sortKey], this.order === 'asc' ? 'asc' : 'desc', Math.min(this.page, pages), pages),
      sort: this.sort,
      order: this.order,
      pageSize: this.pageSize,
      t,
      locale: this.l10n.locale,
      onSort: (sort, descendingFirst) => list.sortBy(sort, descendingFirst),
      onClick: list.onTableClick,
    });
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
      this.list.returnFocusTo = null;
      this.dialog.close();
    });
  };
}
