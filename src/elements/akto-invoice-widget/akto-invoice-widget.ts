import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { AktoElement } from '../../core/akto-element.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_DOSSIER_OPEN, AKTO_INVOICE_OPEN, AKTO_INVOICES_REQUEST, AKTO_VIEW_CHANGE } from '../../core/events.js';
import { buttons } from '../../core/tokens.js';
import { decodeSegment, encodeSegment } from '../../api/uri.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { ApiController } from '../../core/api-controller.js';
import { Configurable } from '../../core/config.js';
import { lazyElement, loadDependency } from '../../core/dependencies.js';
import { VIEW_PARTS, exportParts } from '../parts.js';

/** Each view's `exportparts`, its parts offered as `view-part` (`invoices-table`, `deposit-steps`…). */
const EXPORTED = Object.fromEntries(Object.entries(VIEW_PARTS).map(([view, parts]) => [view, exportParts(view, parts)])) as Record<keyof typeof VIEW_PARTS, string>;

/**
 * The widget's views; a view with a parameter is written `invoice/inv-0001`, `dossier/2206AF000578`,
 * `deposit/2206AF000578`, `transfer/VIR-2026-0001`, `rib/819109976` (the entity, optional).
 */
export type WidgetView = 'invoices' | 'invoice' | 'dossiers' | 'dossier' | 'deposit' | 'transfer' | 'rib';
const TAGS: Record<WidgetView, string> = {
  invoices: 'akto-invoice-list',
  invoice: 'akto-invoice-detail',
  dossiers: 'akto-dossier-list',
  dossier: 'akto-dossier-detail',
  deposit: 'akto-invoice-deposit',
  transfer: 'akto-transfer-detail',
  rib: 'akto-rib-deposit',
};
const VIEWS = Object.keys(TAGS) as WidgetView[];
const HASH_KEY = 'akto';

export function parseView(value: string | null | undefined): { view: WidgetView; param: string } {
  const [name = '', ...rest] = (value ?? '').split('/');
  const view = (VIEWS as readonly string[]).includes(name) ? (name as WidgetView) : 'invoices';
  return { view, param: decodeSegment(rest.join('/')) ?? '' };
}

/**
 * @summary The whole experience in one tag: « Mes factures », « Mes dossiers » and the deposit, with their details and its own navigation.
 *
 * The current view is the `view` attribute (`invoices`, `invoice/<id>`, `dossiers`, `dossier/<id>`,
 * `deposit`, `deposit/<dossier>`), and, with `use-hash`, the URL's hash (`#akto=dossier/2206AF000578`):
 * a partner can deep-link, and the browser's back button goes back.
 *
 * @event akto-view-change - The view changed (`view`, `params`).
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart nav - The navigation between « Mes factures », « Mes dossiers » and « Déposer une facture ».
 * @csspart view - The current view.
 * @csspart invoices-table - Each view's parts, prefixed by the view's name: `invoices-*` (the list's parts, e.g. `invoices-table`, `invoices-detail-base`), `invoice-*`, `dossiers-*`, `dossier-*`, `deposit-*` (e.g. `deposit-steps`, `deposit-upload-dropzone`). The full list is `INVOICE_WIDGET_PARTS` in src/elements/parts.ts.
 */
export class AktoInvoiceWidget extends Configurable(AktoElement) {
  static override styles = [
    ...AktoElement.styles,
    buttons,
    css`
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        margin: 0 0 1.25rem;
        padding: 0;
        border-bottom: 2px solid var(--_akto-border);
      }
      nav a {
        display: inline-block;
        padding: 0.6rem 1rem;
        border-bottom: 4px solid transparent;
        margin-bottom: -2px;
        color: var(--_akto-text);
        font-weight: 600;
        text-decoration: none;
      }
      nav a:hover {
        color: var(--_akto-primary);
      }
      nav a[aria-current='page'] {
        border-bottom-color: var(--_akto-primary);
        color: var(--_akto-primary);
      }
      .back {
        margin-block-end: 1rem;
      }
      .view:focus {
        outline: none;
      }
    `,
  ];

  /** Its views, each in its own chunk: loaded the first time it is shown. */
  static override dependencies = {
    'akto-invoice-list': lazyElement(() => import('../akto-invoice-list/define.js')),
    'akto-invoice-detail': lazyElement(() => import('../akto-invoice-detail/define.js')),
    'akto-dossier-list': lazyElement(() => import('../akto-dossier-list/define.js')),
    'akto-dossier-detail': lazyElement(() => import('../akto-dossier-detail/define.js')),
    'akto-invoice-deposit': lazyElement(() => import('../akto-invoice-deposit/define.js')),
    'akto-transfer-detail': lazyElement(() => import('../akto-transfer-detail/define.js')),
    'akto-rib-deposit': lazyElement(() => import('../akto-rib-deposit/define.js')),
  };

  private l10n = new LocalizeController(this);
  /** Passes its configuration (or its provider's) and one connection on to the views: they share one client and the entities. */
  protected readonly api = new ApiController(this, this.l10n);

  /** The current view, reflected: `invoices`, `invoice/<id>`, `dossiers`, `dossier/<id>`, `deposit`, `deposit/<dossier>`, `transfer/<number>`, `rib`, `rib/<siren>`. */
  @property({ reflect: true }) view = 'invoices';
  /** Also keep the view in the URL hash (`#akto=…`), so links and the back button work. */
  @property({ type: Boolean, attribute: 'use-hash' }) useHash = false;

  @state() private ready = false;
  /** Announced after a move (not on first display): where the user now is. */
  @state() private viewAnnounced = false;
  private history: string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.useHash || this.hasAttribute('use-hash')) {
      const fromHash = this.readHash();
      if (fromHash) this.view = fromHash;
    }
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('popstate', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('popstate', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view')) {
      const { view } = parseView(this.view);
      this.ready = Boolean(customElements.get(TAGS[view]));
      if (!this.ready) this.loadView(TAGS[view]);
    }
  }

  /** Loads a view's element (its own chunk); one that did not come (offline) is asked again once the browser is back online. */
  private loadView(tag: string): void {
    const current = () => TAGS[parseView(this.view).view] === tag;
    void loadDependency(AktoInvoiceWidget, tag).then(
      () => (this.ready ||= current()),
      () => window.addEventListener('online', () => current() && this.loadView(tag), { once: true }),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('view') && changed.get('view') !== undefined) {
      const { view, param } = parseView(this.view);
      this.emit(AKTO_VIEW_CHANGE, { view, params: param ? { id: param } : {} });
      this.viewAnnounced = true;
      // Back where the user left from (« Retour » to the list): the button they pressed, else the view's start.
      const back = this.left?.view === this.view && this.left.focus;
      ((back && back.isConnected ? back : null) ?? this.shadowRoot?.querySelector<HTMLElement>('.view'))?.focus();
    }
  }

  override render() {
    const t = this.l10n.t.widget;
    const { view } = parseView(this.view);
    // An invoice opened from the list keeps the list behind it (hidden): « Retour » finds its search, filters, page and row.
    const keep = view === 'invoice' && this.history.at(-1) === 'invoices';
    const section = view === 'invoice' || view === 'transfer' || view === 'rib' ? 'invoices' : view === 'dossier' ? 'dossiers' : view;
    const tab = (name: 'invoices' | 'dossiers' | 'deposit', label: string) =>
      html`<li><a href=${this.hrefFor(name)} aria-current=${section === name ? 'page' : nothing} @click=${(e: Event) => this.follow(e, name)}>${label}</a></li>`;
    return html`<nav part="nav" aria-label=${t.navigation}>
        <ul>
          ${tab('invoices', t.invoices)} ${tab('dossiers', t.dossiers)} ${tab('deposit', t.deposit)}
        </ul>
      </nav>
      <div class="visually-hidden" role="status">${this.viewAnnounced ? t.views[view] : ''}</div>
      <div
        class="view"
        part="view"
        tabindex="-1"
        @akto-invoice-open=${this.onInvoiceOpen}
        @akto-dossier-open=${this.onDossierOpen}
        @akto-deposit-request=${this.onDepositRequest}
        @akto-invoices-request=${this.onInvoicesRequest}
        @akto-validate-request=${this.onValidateRequest}
        @akto-transfer-open=${this.onTransferOpen}
        @akto-rib-request=${this.onRibRequest}
      >
        ${keep || (view === 'invoices' && this.ready) ? html`<akto-invoice-list ?hidden=${keep} exportparts=${EXPORTED.invoices}></akto-invoice-list>` : nothing}
        ${this.ready ? this.renderView() : nothing}
      </div>`;
  }

  private renderView(): TemplateResult | typeof nothing {
    const { view, param } = parseView(this.view);
    const back = html`<button class="button secondary back" @click=${this.back}>${this.l10n.t.widget.back}</button>`;
    switch (view) {
      case 'invoices':
        return nothing; // rendered before, so it is the same list when it comes back
      case 'invoice':
        return html`${back}<akto-invoice-detail exportparts=${EXPORTED.invoice} invoice-id=${param}></akto-invoice-detail>`;
      case 'dossiers':
        return html`<akto-dossier-list exportparts=${EXPORTED.dossiers}></akto-dossier-list>`;
      case 'dossier':
        return html`${back}<akto-dossier-detail exportparts=${EXPORTED.dossier} dossier-id=${param}></akto-dossier-detail>`;
      case 'deposit':
        return html`<akto-invoice-deposit exportparts=${EXPORTED.deposit} dossier=${param || nothing} entity=${this.depositEntity || nothing} step=${this.depositStep}></akto-invoice-deposit>`;
      case 'transfer':
        return html`${back}<akto-transfer-detail exportparts=${EXPORTED.transfer} transfer-id=${param}></akto-transfer-detail>`;
      case 'rib':
        return html`${back}<akto-rib-deposit exportparts=${EXPORTED.rib} entity=${param || nothing}></akto-rib-deposit>`;
    }
  }

  /** The entity of the dossier a deposit was started from, or of the invoice to validate. */
  private depositEntity = '';
  /** `validate` when the deposit opens at step 2 (« Valider » in « Mes factures »). */
  private depositStep = 'upload';
  /** The view the user last left, and what had the focus there. */
  private left?: { view: string; focus: HTMLElement | null };

  /** Goes to a view, remembering where the user came from. */
  navigate(view: string): void {
    if (view === this.view) return;
    let focus = document.activeElement;
    while (focus?.shadowRoot?.activeElement) focus = focus.shadowRoot.activeElement;
    this.left = { view: this.view, focus: focus as HTMLElement | null };
    this.history.push(this.view);
    this.view = view;
    if (this.useHash) this.writeHash(view);
  }

  private back = (): void => {
    if (this.useHash && this.history.length) history.back();
    else this.view = this.history.pop() ?? (parseView(this.view).view === 'dossier' ? 'dossiers' : 'invoices'); // a deep link has no history: up to its list
  };

  private follow(event: Event, view: string): void {
    event.preventDefault();
    if (view !== 'deposit') this.depositEntity = '';
    this.depositStep = 'upload';
    this.navigate(view);
  }

  private hrefFor(view: string): string {
    return this.useHash ? `#${HASH_KEY}=${view}` : `#`;
  }

  // The elements' own events become navigation inside the widget.
  private onInvoiceOpen = (event: CustomEvent<{ invoiceId: string }>): void => {
    event.preventDefault();
    this.navigate(`invoice/${encodeSegment(event.detail.invoiceId)}`);
  };

  private onDossierOpen = (event: CustomEvent<{ dossierId: string | null; number: string | null }>): void => {
    const id = event.detail.dossierId ?? event.detail.number;
    if (!id) return;
    event.preventDefault();
    this.navigate(`dossier/${encodeSegment(id)}`);
  };

  private onDepositRequest = (event: CustomEvent<{ dossier: string | null; entity: string | null }>): void => {
    event.preventDefault();
    this.depositEntity = event.detail.entity ?? '';
    this.depositStep = 'upload';
    this.navigate(event.detail.dossier ? `deposit/${encodeSegment(event.detail.dossier)}` : 'deposit');
  };

  /** « Valider » on an invoice « À valider »: the deposit at step 2, for its entity. */
  private onValidateRequest = (event: CustomEvent<{ entity: string }>): void => {
    event.preventDefault();
    this.depositEntity = event.detail.entity;
    this.depositStep = 'validate';
    this.navigate('deposit');
  };

  /** « Voir le virement … » (an invoice's detail, a dossier's « Consulter le détail »): the transfer's view. */
  private onTransferOpen = (event: CustomEvent<{ transferNumber: string }>): void => {
    event.preventDefault();
    this.navigate(`transfer/${encodeSegment(event.detail.transferNumber)}`);
  };

  /** « Déposer un RIB » in « Mes actions »: the RIB's deposit, for the list's entity when it has one. */
  private onRibRequest = (event: CustomEvent<{ entity: string | null }>): void => {
    event.preventDefault();
    this.navigate(event.detail.entity ? `rib/${encodeSegment(event.detail.entity)}` : 'rib');
  };

  private onInvoicesRequest = (event: Event): void => {
    event.preventDefault();
    this.navigate('invoices');
  };

  private readHash(): string | null {
    const match = new RegExp(`(?:^#|&)${HASH_KEY}=([^&]*)`).exec(location.hash);
    return match ? decodeSegment(match[1]!) : null;
  }

  private writeHash(view: string): void {
    const url = new URL(location.href);
    url.hash = `${HASH_KEY}=${view}`;
    history.pushState(null, '', url);
  }

  /** The browser's back and forward buttons, and links to `#akto=…`. */
  private onHashChange = (): void => {
    if (!this.useHash) return;
    const view = this.readHash() ?? 'invoices';
    if (view !== this.view) {
      this.history.pop();
      this.view = view;
    }
  };
}
