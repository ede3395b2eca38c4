/**
 * The demo's « Panneau de démonstration (simulateur d'API) »: switches the mock backend's latency
 * and failures while the page runs. Not part of the widget: a plain custom element, light DOM
 * (styled by demo/demo.css), no decorators, no framework.
 *
 * ```ts
 * const panel = document.createElement('demo-fault-panel') as DemoFaultPanel;
 * panel.mock = mock; // a MockBackend from src/mocks
 * document.body.append(panel);
 * ```
 */
import { ROUTE_NAMES, routes, type RouteName } from '../src/api/contract.js';
import { FAULT_KINDS, type FaultKind, type MockBackend } from '../src/mocks/index.js';

/** What each fault looks like to the person in front of the demo. */
export const FAULT_LABELS: Record<FaultKind, string> = {
  'server-error': 'Erreur 500',
  timeout: 'Pas de réponse (délai)',
  network: 'Réseau coupé',
  unauthorized: 'Session expirée (401)',
  malformed: 'Réponse non conforme',
};

export const LATENCIES_MS = [0, 300, 1000, 3000] as const;
export const UPLOAD_LATENCIES_MS = [0, 2000, 5000] as const;
/** The SIREN of the single entity of « Compte avec une seule entité ». */
export const SINGLE_ENTITY = '819109976';
/** Fired (bubbling) after the panel put the mock's data back: the page reloads its widgets. */
export const DEMO_BACKEND_RESET = 'demo-backend-reset';

const ALL = '*';
const OPEN_KEY = 'demo-fault-panel-open';

const duration = (ms: number) => (ms === 0 ? 'aucune' : ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);
const latencyLabel = (ms: number) => (ms === 0 ? 'Aucune' : duration(ms));
const uploadLabel = (ms: number) => (ms === 0 ? 'Non' : `+ ${duration(ms)}`);
const routeLabel = (route: string) => (route === ALL ? 'Toutes' : route);

let instances = 0;

/** Builds an element with attributes and text, never HTML from a string. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const option = (value: string, label: string) => el('option', { value }, label);

export class DemoFaultPanel extends HTMLElement {
  private backend?: MockBackend;
  private unsubscribe?: () => void;
  private timer?: ReturnType<typeof setInterval>;
  private lastSnapshot = '';
  /** Routes this panel made fail « une seule fois » (the snapshot only knows the kind). */
  private once = new Set<string>();
  private isOpen: boolean | undefined;
  private ui?: {
    toggle: HTMLButtonElement;
    summary: HTMLElement;
    body: HTMLElement;
    latency: HTMLSelectElement;
    upload: HTMLSelectElement;
    route: HTMLSelectElement;
    kind: HTMLSelectElement;
    onceBox: HTMLInputElement;
    apply: HTMLButtonElement;
    active: HTMLUListElement;
    single: HTMLInputElement;
    reset: HTMLButtonElement;
    status: HTMLElement;
  };

  /** The mock backend the panel drives. */
  get mock(): MockBackend | undefined {
    return this.backend;
  }

  set mock(value: MockBackend | undefined) {
    this.backend = value;
    if (this.isConnected) this.watch();
  }

  /** Expanded or collapsed; remembered for the browser tab. Collapsed by default, unless the screen
   * is wide enough to show it beside the page. */
  get open(): boolean {
    if (this.isOpen !== undefined) return this.isOpen;
    const saved = sessionStorage.getItem(OPEN_KEY);
    return saved !== null ? saved === 'true' : window.matchMedia('(min-width: 100em)').matches;
  }

  set open(value: boolean) {
    this.isOpen = value;
    sessionStorage.setItem(OPEN_KEY, String(value));
    this.renderOpen();
  }

  connectedCallback(): void {
    if (!this.ui) this.build();
    this.renderOpen();
    this.watch();
  }

  disconnectedCallback(): void {
    this.unwatch();
  }

  /** Subscribes to the mock's fault settings. A fault limited to N requests is used up without
   * notifying listeners, so the panel also looks again a few times a second. */
  private watch(): void {
    this.unwatch();
    this.lastSnapshot = '';
    this.sync();
    if (!this.backend) return;
    this.unsubscribe = this.backend.faults.onChange(() => this.sync());
    this.timer = setInterval(() => this.sync(), 400);
  }

  private unwatch(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private build(): void {
    const id = `fault-panel-${++instances}`;
    const ids = (name: string) => `${id}-${name}`;

    const summary = el('span', { class: 'fault-panel__summary' });
    const toggle = el(
      'button',
      { type: 'button', class: 'fault-panel__toggle', 'aria-controls': ids('body'), 'aria-expanded': 'true' },
      el('span', { class: 'fault-panel__chevron', 'aria-hidden': 'true' }),
      el(
        'span',
        { class: 'fault-panel__label' },
        el('span', {}, 'Panneau de démonstration'),
        ' ',
        el('span', { class: 'fault-panel__line' }, el('span', { class: 'fault-panel__sub' }, "(simulateur d'API)"), ' ', summary),
      ),
    );

    const field = (name: string, label: string, control: HTMLElement) => {
      control.id = ids(name);
      return el('div', { class: 'fault-panel__field' }, el('label', { for: ids(name) }, label), control);
    };
    const check = (name: string, label: string, control: HTMLInputElement, hint?: string) => {
      control.id = ids(name);
      control.type = 'checkbox';
      if (hint) control.setAttribute('aria-describedby', ids(`${name}-hint`));
      return el(
        'div',
        { class: 'fault-panel__check' },
        control,
        el('label', { for: ids(name) }, label),
        ...(hint ? [el('p', { class: 'fault-panel__hint', id: ids(`${name}-hint`) }, hint)] : []),
      );
    };

    const latency = el('select', { name: 'latency' }, ...LATENCIES_MS.map((ms) => option(String(ms), latencyLabel(ms))));
    const upload = el('select', { name: 'upload-latency' }, ...UPLOAD_LATENCIES_MS.map((ms) => option(String(ms), uploadLabel(ms))));
    const route = el(
      'select',
      { name: 'route' },
      option(ALL, 'Toutes'),
      ...ROUTE_NAMES.map((name) => option(name, `${name} (${routes[name].method} ${routes[name].path})`)),
    );
    const kind = el(
      'select',
      { name: 'fault' },
      option('', 'Aucune (rétablir)'),
      ...FAULT_KINDS.map((k) => option(k, FAULT_LABELS[k])),
    );
    const onceBox = el('input', { name: 'once' });
    const apply = el('button', { type: 'button', class: 'fault-panel__button fault-panel__button--primary' }, 'Appliquer');
    const active = el('ul', { class: 'fault-panel__active' });
    const single = el('input', { name: 'single-entity' });
    const reset = el('button', { type: 'button', class: 'fault-panel__button' }, 'Tout réinitialiser');
    const status = el('p', { class: 'fault-panel__status', role: 'status' });

    const body = el(
      'div',
      { class: 'fault-panel__body', id: ids('body') },
      el('p', { class: 'fault-panel__intro' }, "Ne fait pas partie du site partenaire : ce panneau règle le faux serveur AKTO (MSW) de cette page."),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Lenteur du serveur'),
        el('div', { class: 'fault-panel__row' }, field('latency', 'Latence', latency), field('upload', 'Téléversement lent', upload)),
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Panne'),
        field('route', "Point d'accès", route),
        field('kind', 'Panne à simuler', kind),
        check('once', 'Une seule fois (la prochaine requête)', onceBox),
        apply,
      ),
      el(
        'section',
        { class: 'fault-panel__section', 'aria-labelledby': ids('active-title') },
        el('h3', { id: ids('active-title') }, 'Réglages actifs'),
        active,
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Compte'),
        check('single', 'Compte avec une seule entité', single, 'Recharge les données fictives ; les pannes sont retirées, les délais gardés.'),
      ),
      el('div', { class: 'fault-panel__footer' }, reset, status),
    );

    const section = el(
      'section',
      { class: 'fault-panel', 'aria-labelledby': ids('title'), lang: 'fr' },
      el('h2', { class: 'fault-panel__title', id: ids('title') }, toggle),
      body,
    );
    this.replaceChildren(section);
    this.ui = { toggle, summary, body, latency, upload, route, kind, onceBox, apply, active, single, reset, status };

    toggle.addEventListener('click', () => (this.open = !this.open));
    body.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      this.open = false;
      toggle.focus();
    });
    latency.addEventListener('change', () => this.withMock((mock) => (mock.faults.latencyMs = Number(latency.value)), `Latence : ${duration(Number(latency.value))}.`));
    upload.addEventListener('change', () =>
      this.withMock((mock) => (mock.faults.uploadLatencyMs = Number(upload.value)), `Téléversement lent : ${uploadLabel(Number(upload.value)).toLowerCase()}.`),
    );
    apply.addEventListener('click', () => this.apply());
    reset.addEventListener('click', () => this.resetAll());
    single.addEventListener('change', () => this.switchAccount(single.checked));
  }

  /** Runs a change on the mock, then shows the new settings and says what happened. */
  private withMock(change: (mock: MockBackend) => void, message: string): void {
    if (!this.backend) return this.say("Aucun serveur simulé n'est branché sur ce panneau.");
    change(this.backend);
    this.sync(true);
    this.say(message);
  }

  /** « Appliquer »: the chosen endpoint (or all) fails with the chosen fault, or works again. */
  apply(): void {
    const ui = this.ui!;
    const route = ui.route.value as RouteName | typeof ALL;
    const kind = ui.kind.value as FaultKind | '';
    const once = ui.onceBox.checked;
    this.withMock(
      (mock) => {
        if (!kind) {
          mock.faults.heal(route);
          this.once.delete(route);
          return;
        }
        mock.faults.fail(route, kind, once ? { times: 1 } : {});
        if (once) this.once.add(route);
        else this.once.delete(route);
      },
      kind
        ? `Panne appliquée : ${routeLabel(route)} → ${FAULT_LABELS[kind]}${once ? ', une seule fois' : ''}.`
        : `${route === ALL ? 'Panne « Toutes » retirée' : `Panne retirée : ${route}`}.`,
    );
  }

  /** « Tout réinitialiser »: seeded data, every entity, no fault, no delay. */
  resetAll(): void {
    this.withMock((mock) => {
      mock.reset();
      this.once.clear();
    }, 'Tout est réinitialisé : données fictives rechargées, aucune panne, aucun délai.');
    this.reloaded();
  }

  private switchAccount(single: boolean): void {
    this.withMock(
      (mock) => {
        const { latencyMs, uploadLatencyMs } = mock.faults;
        mock.reset(single ? { entities: [SINGLE_ENTITY] } : {});
        mock.faults.latencyMs = latencyMs;
        mock.faults.uploadLatencyMs = uploadLatencyMs;
        this.once.clear();
      },
      single ? `Compte avec une seule entité (SIREN ${SINGLE_ENTITY}).` : 'Compte avec toutes les entités fictives.',
    );
    this.reloaded();
  }

  private reloaded(): void {
    if (this.backend) this.dispatchEvent(new CustomEvent(DEMO_BACKEND_RESET, { bubbles: true, composed: true }));
  }

  private say(message: string): void {
    // Emptied first, so the same message twice is announced twice.
    this.ui!.status.textContent = '';
    requestAnimationFrame(() => (this.ui!.status.textContent = message));
  }

  private renderOpen(): void {
    if (!this.ui) return;
    const open = this.open;
    this.ui.toggle.setAttribute('aria-expanded', String(open));
    this.ui.body.hidden = !open;
    this.toggleAttribute('open', open);
  }

  /** Shows the mock's current settings (only when they changed, unless forced). */
  private sync(force = false): void {
    const ui = this.ui;
    if (!ui) return;
    const mock = this.backend;
    const snapshot = mock?.faults.snapshot() ?? { latencyMs: 0, uploadLatencyMs: 0, failures: [] };
    const single = !!mock && mock.store.entities.length === 1 && mock.store.entities[0]?.siren === SINGLE_ENTITY;
    const key = JSON.stringify([snapshot, single]);
    if (!force && key === this.lastSnapshot) return;
    this.lastSnapshot = key;

    for (const route of [...this.once]) if (!snapshot.failures.some(([r]) => r === route)) this.once.delete(route);
    ensureOption(ui.latency, snapshot.latencyMs, latencyLabel);
    ensureOption(ui.upload, snapshot.uploadLatencyMs, uploadLabel);
    ui.latency.value = String(snapshot.latencyMs);
    ui.upload.value = String(snapshot.uploadLatencyMs);
    ui.single.checked = single;

    const items: HTMLLIElement[] = [];
    if (snapshot.latencyMs) items.push(el('li', {}, el('span', {}, `Latence : ${duration(snapshot.latencyMs)}`)));
    if (snapshot.uploadLatencyMs) items.push(el('li', {}, el('span', {}, `Téléversement lent : + ${duration(snapshot.uploadLatencyMs)}`)));
    for (const [route, kind] of snapshot.failures) {
      const remove = el('button', { type: 'button', class: 'fault-panel__remove', 'aria-label': `Retirer la panne ${routeLabel(route)}` }, 'Retirer');
      remove.addEventListener('click', () => {
        this.withMock((m) => m.faults.heal(route as RouteName | typeof ALL), `Panne retirée : ${routeLabel(route)}.`);
        ui.toggle.focus();
      });
      const text = `${routeLabel(route)} : ${FAULT_LABELS[kind]}${this.once.has(route) ? ' (une seule fois)' : ''}`;
      items.push(el('li', { 'data-route': route, 'data-fault': kind }, el('span', {}, text), remove));
    }
    if (single) items.push(el('li', {}, el('span', {}, `Une seule entité (SIREN ${SINGLE_ENTITY})`)));
    if (!items.length) items.push(el('li', { class: 'fault-panel__none' }, 'Aucun : le serveur simulé répond normalement.'));
    ui.active.replaceChildren(...items);

    const failures = snapshot.failures.length;
    const parts = [
      failures ? `${failures} panne${failures > 1 ? 's' : ''}` : '',
      snapshot.latencyMs || snapshot.uploadLatencyMs ? 'lenteur' : '',
    ].filter(Boolean);
    ui.summary.textContent = parts.length ? parts.join(', ') : 'aucune panne';
    this.toggleAttribute('faulty', failures > 0);
  }
}

/** A value set from code (a test, a story) that the select does not offer yet. */
function ensureOption(select: HTMLSelectElement, ms: number, label: (ms: number) => string): void {
  if (![...select.options].some((o) => o.value === String(ms))) select.append(option(String(ms), label(ms)));
}

if (!customElements.get('demo-fault-panel')) customElements.define('demo-fault-panel', DemoFaultPanel);

declare global {
  interface HTMLElementTagNameMap {
    'demo-fault-panel': DemoFaultPanel;
  }
}
