/**
 * The demo's « Panneau de démonstration (simulateur d'API) »: switches the back end's latency
 * and failures while the page runs — the mock in the page or the reference server, through one
 * interface (DemoBackend, demo/backend.ts). Not part of the widget: a plain custom element, light
 * DOM (styled by demo/demo.css), no decorators, no framework.
 *
 * ```ts
 * const panel = document.createElement('demo-fault-panel') as DemoFaultPanel;
 * panel.backend = new MockDemoBackend(mock); // or new ServerDemoBackend('http://127.0.0.1:8787/api')
 * document.body.append(panel);
 * ```
 */
import { ROUTE_NAMES, routes } from '../src/api/contract.js';
import { FAULT_KINDS, type FaultKind } from '../src/backend/faults.js';
import { SINGLE_ENTITY, isPending, type Answer, type DemoBackend, type DemoSnapshot, type FaultRoute } from './backend.js';

export { SINGLE_ENTITY } from './backend.js';

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
/** Fired (bubbling) after the panel put the data back or changed the account: the page reloads its widgets. */
export const DEMO_BACKEND_RESET = 'demo-backend-reset';

const ALL = '*';
const OPEN_KEY = 'demo-fault-panel-open';

const duration = (ms: number) => (ms === 0 ? 'aucune' : ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);
const latencyLabel = (ms: number) => (ms === 0 ? 'Aucune' : duration(ms));
const uploadLabel = (ms: number) => (ms === 0 ? 'Non' : `+ ${duration(ms)}`);
const routeLabel = (route: string) => (route === ALL ? 'Toutes' : route);
const NOTHING: DemoSnapshot = { latencyMs: 0, uploadLatencyMs: 0, failures: [], singleEntity: false };

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
  private demoBackend?: DemoBackend;
  private unsubscribe?: () => void;
  private lastSnapshot = '';
  /** Answers can cross on the network: only the newest request's answer is shown. */
  private asked = 0;
  private shown = 0;
  /** False after a request failed, until one succeeds again. */
  private reachable = true;
  /** Routes this panel made fail « une seule fois » (the snapshot only knows the kind). */
  private once = new Set<string>();
  private isOpen: boolean | undefined;
  private ui?: {
    toggle: HTMLButtonElement;
    summary: HTMLElement;
    sub: HTMLElement;
    body: HTMLElement;
    intro: HTMLElement;
    singleHint: HTMLElement;
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

  /** The back end the panel drives. */
  get backend(): DemoBackend | undefined {
    return this.demoBackend;
  }

  set backend(value: DemoBackend | undefined) {
    this.demoBackend = value;
    this.describe();
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
    this.describe();
    this.renderOpen();
    this.watch();
    this.sized.observe(this);
  }

  disconnectedCallback(): void {
    this.unwatch();
    this.sized.disconnect();
    document.documentElement.style.removeProperty('--demo-panel-height');
  }

  /**
   * The panel floats over the page: its collapsed bar's height (one line or wrapped) is the room the
   * page keeps under its last row and above a focused control (demo.css), so the bar never hides
   * « Détails » or a button the keyboard reaches. (Open, the panel is what the user works in.)
   */
  private sized = new ResizeObserver(() => {
    if (!this.open) document.documentElement.style.setProperty('--demo-panel-height', `${Math.ceil(this.getBoundingClientRect().height)}px`);
  });

  /** Shows the back end's settings now, and again whenever it says they may have changed. */
  private watch(): void {
    this.unwatch();
    this.lastSnapshot = '';
    this.refresh();
    this.unsubscribe = this.backend?.onChange(() => this.refresh());
  }

  private unwatch(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** The texts that depend on the back end: what the panel drives, what the account switch does. */
  private describe(): void {
    if (!this.ui || !this.backend) return;
    this.ui.sub.textContent = `(${this.backend.label})`;
    this.ui.intro.textContent = this.backend.description;
    this.ui.singleHint.textContent = this.backend.singleEntityHint;
  }

  private build(): void {
    const id = `fault-panel-${++instances}`;
    const ids = (name: string) => `${id}-${name}`;

    const summary = el('span', { class: 'fault-panel__summary' });
    const sub = el('span', { class: 'fault-panel__sub' }, "(simulateur d'API)");
    const toggle = el(
      'button',
      { type: 'button', class: 'fault-panel__toggle', 'aria-controls': ids('body'), 'aria-expanded': 'true' },
      el('span', { class: 'fault-panel__chevron', 'aria-hidden': 'true' }),
      el(
        'span',
        { class: 'fault-panel__label' },
        el('span', {}, 'Panneau de démonstration'),
        ' ',
        el('span', { class: 'fault-panel__line' }, sub, ' ', summary),
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
        ...(hint !== undefined ? [el('p', { class: 'fault-panel__hint', id: ids(`${name}-hint`) }, hint)] : []),
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
    const intro = el('p', { class: 'fault-panel__intro' }, 'Ne fait pas partie du site partenaire : ce panneau règle le serveur AKTO de cette démonstration.');

    const body = el(
      'div',
      { class: 'fault-panel__body', id: ids('body') },
      intro,
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
        check('single', 'Compte avec une seule entité', single, ''),
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
    const singleHint = body.querySelector<HTMLElement>(`#${ids('single-hint')}`)!;
    this.ui = { toggle, summary, sub, body, intro, singleHint, latency, upload, route, kind, onceBox, apply, active, single, reset, status };

    toggle.addEventListener('click', () => (this.open = !this.open));
    body.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      this.open = false;
      toggle.focus();
    });
    latency.addEventListener('change', () => this.act((b) => b.setLatency(Number(latency.value)), `Latence : ${duration(Number(latency.value))}.`));
    upload.addEventListener('change', () =>
      this.act((b) => b.setUploadLatency(Number(upload.value)), `Téléversement lent : ${uploadLabel(Number(upload.value)).toLowerCase()}.`),
    );
    apply.addEventListener('click', () => this.apply());
    reset.addEventListener('click', () => this.resetAll());
    single.addEventListener('change', () => this.switchAccount(single.checked));
  }

  /**
   * Asks the back end for a change, then shows its settings and says what happened — at once for
   * the mock, when the answer comes for the server; if it cannot be reached, says so.
   */
  private act(change: (backend: DemoBackend) => Answer<DemoSnapshot>, message: string, after?: () => void): void {
    const backend = this.backend;
    if (!backend) return this.say("Aucun serveur n'est branché sur ce panneau.");
    this.ask(() => change(backend), true, () => {
      this.say(message);
      after?.();
    });
  }

  /** Looks at the back end's settings again (on connection, and when it says they changed). */
  private refresh(): void {
    const backend = this.backend;
    if (!backend) return this.show(NOTHING);
    const wasReachable = this.reachable;
    this.ask(() => backend.snapshot(), false, () => {
      if (!wasReachable) this.say('Le serveur répond de nouveau.');
    });
  }

  /**
   * One request to the back end, its answer shown, then `answered`. Answers can cross on the
   * network: an older one is not shown over a newer. A failure is said once, not at every look.
   */
  private ask(request: () => Answer<DemoSnapshot>, force: boolean, answered: () => void): void {
    const ticket = ++this.asked;
    const ok = (snapshot: DemoSnapshot) => {
      if (ticket >= this.shown) {
        this.shown = ticket;
        this.show(snapshot, force);
      }
      this.reachable = true;
      this.toggleAttribute('unreachable', false);
      answered();
    };
    const ko = (error: unknown) => {
      console.error(error);
      if (force || this.reachable) this.say(error instanceof Error ? error.message : String(error));
      this.reachable = false;
      this.toggleAttribute('unreachable', true);
    };
    let answer: Answer<DemoSnapshot>;
    try {
      answer = request();
    } catch (error) {
      return ko(error);
    }
    if (!isPending(answer)) return ok(answer);
    this.toggleAttribute('busy', true);
    answer.then(ok, ko).finally(() => ticket === this.asked && this.toggleAttribute('busy', false));
  }

  /** « Appliquer »: the chosen endpoint (or all) fails with the chosen fault, or works again. */
  apply(): void {
    const ui = this.ui!;
    const route = ui.route.value as FaultRoute;
    const kind = ui.kind.value as FaultKind | '';
    const once = ui.onceBox.checked;
    if (!kind) {
      this.act((b) => b.heal(route), `${route === ALL ? 'Panne « Toutes » retirée' : `Panne retirée : ${route}`}.`);
      return;
    }
    // Known before the answer, so the list shows « (une seule fois) » with it.
    if (once) this.once.add(route);
    else this.once.delete(route);
    this.act((b) => b.fail(route, kind, once), `Panne appliquée : ${routeLabel(route)} → ${FAULT_LABELS[kind]}${once ? ', une seule fois' : ''}.`);
  }

  /** « Tout réinitialiser »: seeded data, every entity, no fault, no delay. */
  resetAll(): void {
    this.once.clear();
    this.act((b) => b.reset(), 'Tout est réinitialisé : données fictives rechargées, aucune panne, aucun délai.', () => this.reloaded());
  }

  private switchAccount(single: boolean): void {
    this.once.clear();
    this.act(
      (b) => b.singleEntity(single),
      single ? `Compte avec une seule entité (SIREN ${SINGLE_ENTITY}).` : 'Compte avec toutes les entités fictives.',
      () => this.reloaded(),
    );
  }

  private reloaded(): void {
    this.dispatchEvent(new CustomEvent(DEMO_BACKEND_RESET, { bubbles: true, composed: true }));
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

  /** Shows the back end's settings (only when they changed, unless forced). */
  private show(snapshot: DemoSnapshot, force = false): void {
    const ui = this.ui;
    if (!ui) return;
    const single = snapshot.singleEntity;
    const key = JSON.stringify(snapshot);
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
        this.act((b) => b.heal(route), `Panne retirée : ${routeLabel(route)}.`);
        ui.toggle.focus();
      });
      const text = `${routeLabel(route)} : ${FAULT_LABELS[kind]}${this.once.has(route) ? ' (une seule fois)' : ''}`;
      items.push(el('li', { 'data-route': route, 'data-fault': kind }, el('span', {}, text), remove));
    }
    if (single) items.push(el('li', {}, el('span', {}, `Une seule entité (SIREN ${SINGLE_ENTITY})`)));
    if (!items.length) items.push(el('li', { class: 'fault-panel__none' }, 'Aucun : le serveur répond normalement.'));
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
