/**
 * Runs in scripts/bench/memory.html on the production script, driven by scripts/bench.mjs, which
 * opens a fresh page for each element, runs a warm-up cycle, reads the heap (forced GC), runs 50
 * cycles and reads it again (issue #9: mount, use and remove every element 50 times; memory
 * returns to its start).
 *
 * `benchMemoryCycle(tag)` mounts the element against the mock API, uses it a little as a user
 * would (below, per element), removes it, lets what it started settle, then puts the mock and the
 * drafts (IndexedDB) back to their seeded state, so that the mock's own growth is not counted.
 *
 * Two things that are not the elements' are kept out of the figures:
 * - the driver opens this page with `?mock=in-page` (see startMock in page-tools.ts): MSW's
 *   service-worker transport keeps a little of every request;
 * - a request keeps what it carries (its data, its signals, for uploads the XMLHttpRequest) alive
 *   until its timeout timer ends, 30 s by default (AbortSignal.timeout in ApiClient.send): every
 *   element here gets `timeout="5000"` (REQUEST_TIMEOUT_MS) and the driver waits longer than that,
 *   idle, before each heap reading. Memory held until a timeout is given back without anyone's help.
 */
import { ApiClient } from '../../src/api/client.js';
import { clearDrafts } from '../../src/core/drafts.js';
import { createMockBackend } from '../../src/mocks/index.js';
import { handToInput, nextPaint, startMock, twentyInvoices } from './page-tools.js';

declare global {
  interface Window {
    benchMemoryTags: () => string[];
    benchMemoryCycle: (tag: string) => Promise<void>;
    benchMemoryBaseline: () => Promise<void>;
  }
}

const mock = createMockBackend({ baseUrl: '/api' });
const ready = startMock(mock);
/** The API timeout of every element and request here; scripts/bench.mjs waits longer than this before reading the heap. */
const REQUEST_TIMEOUT_MS = 5000;
const api = new ApiClient({ baseUrl: '/api', timeoutMs: REQUEST_TIMEOUT_MS });
const DEPOSITOR = '819109976'; // an entity with no pending invoice: step 1 shows at once
const VALIDATOR = '527319461';

const stage = () => document.getElementById('stage')!;
const root = (el: Element) => el.shadowRoot;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Polls `check` every 10 ms (nested shadow roots: no single node to observe) until it holds. */
async function until<T>(check: () => T | null | undefined | false, what: string, ms = 10_000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`bench memory: no ${what} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function element(tag: string, attributes: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  el.setAttribute('timeout', String(REQUEST_TIMEOUT_MS));
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** A paged list (invoices or dossiers) showing rows, no longer loading. */
const listShows = (list: Element) => {
  const table = root(list)?.querySelector('table');
  return Boolean(table && table.getAttribute('aria-busy') !== 'true' && root(list)!.querySelector('tbody tr:not(.skeleton)'));
};

/** Types a search into a paged list's search field and presses Enter, as a user. */
async function search(list: Element, value: string): Promise<void> {
  const input = root(list)!.querySelector<HTMLInputElement>('input#search')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await until(() => list.getAttribute('search') === value && listShows(list), `search « ${value} »`);
}

/** Step 1 given files through its input, until they are read and uploaded. */
async function upload(step: Element, files: File[]): Promise<void> {
  const input = await until(() => root(step)?.querySelector<HTMLInputElement>('#invoices'), 'step 1 file input');
  handToInput(input, files);
  await until(() => root(step)!.querySelectorAll('li.invoice').length === files.length, `${files.length} rows`);
  // Each file's state is in the step's upload queue (its rows hold only the user's choices).
  const queued = () => (step as unknown as { queue?: { all: { state: string }[] } }).queue?.all;
  await until(() => queued()?.every((file) => file.state === 'done' || file.state === 'refused'), 'uploads done');
}

/** How each element is used once mounted (`el` is already in the document). */
const SCENARIOS: Record<string, (el: HTMLElement) => Promise<void>> = {
  // The provider's use: giving its configuration to an element inside.
  'akto-provider': async (provider) => {
    const list = provider.querySelector('akto-invoice-list')!;
    await until(() => listShows(list), 'rows of the list inside');
  },
  'akto-invoice-list': async (list) => {
    await until(() => listShows(list), 'rows');
    await search(list, 'FA-2026');
  },
  'akto-invoice-detail': async (detail) => {
    await until(() => root(detail)?.querySelector('article'), 'the invoice');
  },
  'akto-entity-picker': async (picker) => {
    const radio = await until(() => root(picker)?.querySelectorAll<HTMLInputElement>('input[type=radio]')[1], 'the entities');
    radio.click();
    const chosen = new Promise((resolve) => picker.addEventListener('akto-entity-select', resolve, { once: true }));
    root(picker)!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await chosen;
  },
  'akto-invoice-upload': async (step) => {
    await upload(step, (await twentyInvoices()).slice(0, 4));
  },
  'akto-pdf-preview': async (preview) => {
    await until(() => root(preview)?.querySelector('canvas:not([hidden])'), 'the page drawn');
    await until(() => (preview as unknown as { rendering?: { promise: Promise<void> } }).rendering, 'a rendering');
    await (preview as unknown as { rendering: { promise: Promise<void> } }).rendering.promise.catch(() => undefined);
  },
  'akto-invoice-validate': async (step) => {
    const rows = () => root(step)?.querySelectorAll('tbody tr') ?? [];
    await until(() => rows().length === 3, '3 pending invoices');
    const input = rows()[0]!.querySelector<HTMLInputElement>('input[id^="invoiceNumber-"]')!;
    input.value = 'FA-2026-9999';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await until(() => rows()[0]!.querySelector<HTMLInputElement>('input[id^="invoiceNumber-"]')!.value === 'FA-2026-9999', 'the edit');
  },
  'akto-invoice-deposit': async (deposit) => {
    const step = await until(() => root(deposit)?.querySelector('akto-invoice-upload'), 'step 1');
    await upload(step, (await twentyInvoices()).slice(0, 2));
  },
  'akto-dossier-list': async (list) => {
    await until(() => listShows(list), 'rows');
    await search(list, '2206');
  },
  'akto-dossier-detail': async (detail) => {
    await until(() => root(detail)?.querySelector('article'), 'the dossier');
  },
  'akto-transfer-detail': async (detail) => {
    await until(() => root(detail)?.querySelector('table tbody tr'), 'the transfer and its invoices');
  },
  'akto-rib-deposit': async (form) => {
    const shadow = () => root(form)!;
    await until(() => shadow().querySelector('[part="list"] table, [part="list"] .none'), 'the form and the RIBs');
    // A PDF chosen (read for its IBAN), the fields typed, the RIB sent: the whole form's way.
    handToInput(shadow().querySelector<HTMLInputElement>('#rib-file')!, (await twentyInvoices()).slice(0, 1));
    for (const [field, value] of [['holder', 'CASINO RESTAURATION SASU'], ['iban', 'FR76 3000 6000 0112 3456 7890 189'], ['bic', 'AGRIFRPP']]) {
      const input = shadow().querySelector<HTMLInputElement>(`#rib-${field}`)!;
      input.value = value!;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('blur'));
    }
    shadow().querySelector<HTMLButtonElement>('.actions button[type="submit"]')!.click();
    await until(() => shadow().querySelector('[part="confirmation"]'), 'the confirmation');
  },
  'akto-invoice-widget': async (widget) => {
    const view = () => root(widget)?.querySelector('.view');
    await until(() => {
      const list = view()?.querySelector('akto-invoice-list');
      return list && listShows(list);
    }, 'the invoice list');
    [...root(widget)!.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => text(a) === 'Mes dossiers')!.click();
    await until(() => {
      const list = view()?.querySelector('akto-dossier-list');
      return list && listShows(list);
    }, 'the dossier list');
  },
};

/** The element, mounted with what it needs (pending invoices deposited first for step 2). */
async function mount(tag: string): Promise<HTMLElement> {
  switch (tag) {
    case 'akto-provider': {
      const provider = element(tag, { 'api-base': '/api' });
      provider.append(element('akto-invoice-list'));
      return provider;
    }
    case 'akto-invoice-detail':
      return element(tag, { 'api-base': '/api', 'invoice-id': mock.store.invoices[3]!.id });
    case 'akto-entity-picker': {
      const picker = element(tag) as HTMLElement & { entities: unknown };
      picker.entities = (await api.call('listEntities', {})).items;
      return picker;
    }
    case 'akto-invoice-upload':
    case 'akto-invoice-deposit':
      return element(tag, { 'api-base': '/api', entity: DEPOSITOR });
    case 'akto-pdf-preview': {
      const preview = element(tag, { label: 'facture-01.pdf' }) as HTMLElement & { source: Blob | null };
      preview.source = (await twentyInvoices())[0]!;
      return preview;
    }
    case 'akto-invoice-validate': {
      const pdf = (await twentyInvoices())[1]!;
      const uploads = await Promise.all([1, 2, 3].map((i) => api.upload(pdf, 'invoice', `facture-${i}.pdf`)));
      await api.call('createDeposit', {
        params: { siren: VALIDATOR },
        body: { invoices: uploads.map((u) => ({ uploadId: u.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' as const })) },
      });
      return element(tag, { 'api-base': '/api', entity: VALIDATOR });
    }
    case 'akto-dossier-detail':
      return element(tag, { 'api-base': '/api', 'dossier-id': '2206AF000578' });
    case 'akto-transfer-detail':
      return element(tag, { 'api-base': '/api', 'transfer-id': mock.store.invoices.find((invoice) => invoice.transferNumber)!.transferNumber! });
    case 'akto-rib-deposit':
      return element(tag, { 'api-base': '/api', entity: DEPOSITOR });
    default:
      return element(tag, { 'api-base': '/api' });
  }
}

window.benchMemoryTags = () => Object.keys(SCENARIOS);

window.benchMemoryCycle = async (tag) => {
  const use = SCENARIOS[tag];
  if (!use) throw new Error(`bench memory: no scenario for <${tag}>`);
  await ready;
  const el = await mount(tag);
  stage().replaceChildren(el);
  await customElements.whenDefined(tag);
  await use(el);
  await nextPaint();
  stage().replaceChildren();
  // What the element started (requests, readings, timers) ends or is abandoned.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await nextPaint();
  mock.reset();
  await clearDrafts();
};

/**
 * The cycle without an element: the same requests as <akto-invoice-list> makes (its entities and a
 * page of invoices, then a search), the same waits and resets. What this page and the mock (MSW)
 * add by themselves over the cycles, to read the elements' figures against.
 */
window.benchMemoryBaseline = async () => {
  await ready;
  for (const path of ['/api/entities', '/api/invoices?page=1&pageSize=20&sort=depositDate&order=desc', '/api/invoices?q=FA-2026&page=1&pageSize=20&sort=depositDate&order=desc']) {
    await (await fetch(path)).json();
  }
  await nextPaint();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await nextPaint();
  mock.reset();
  await clearDrafts();
};
