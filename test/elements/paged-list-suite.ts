/**
 * What every paged list does (« Liste de mes factures », « Mes dossiers »), tested once for each
 * (as Shoelace's runFormControlBaseTests): each list's file calls runPagedListTests with its own
 * words and data, and keeps the tests of what only it does.
 */
import { aTimeout, expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import { AKTO_QUERY_CHANGE, AKTO_UNAUTHORIZED } from '../../src/core/events.js';
import { mock, startMock, until } from '../helpers/mock.js';
import { text } from '../helpers/dom.js';

export { text };

/** What the suite reads and sets on a list (both lists have these attributes). */
export type ListElement = LitElement & { search: string; entity: string; page: number; pageSize: number; sort: string; order: string };

export const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
export const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
export const rows = (el: Element) => $$(el, 'tbody tr:not(.skeleton)');
export const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => text(td));
export const status = (el: Element) => text($(el, '[role="status"].visually-hidden'));
export const button = (el: Element, selector: string, label: string) => $$(el, selector).find((b) => text(b) === label) as HTMLButtonElement;

/** Mounts a list and waits for its first page. */
export async function mount<T extends ListElement>(template: TemplateResult | string): Promise<T> {
  const el = await fixture<T>(template);
  await until(() => rows(el).length > 0 || $(el, '.state'), 4000, 'the first page');
  return el;
}

/** Waits for the list to settle after a change (no request pending). */
export async function settled(el: LitElement): Promise<void> {
  await el.updateComplete; // the request starts with the update that follows the change
  await until(() => $(el, 'table')?.getAttribute('aria-busy') !== 'true' || $(el, '.state'), 4000, 'the answer');
  await el.updateComplete;
}

export interface PagedListConfig {
  tag: 'akto-invoice-list' | 'akto-dossier-list';
  endpoint: 'listInvoices' | 'listDossiers';
  /** How many the seeded account has. */
  total: () => number;
  /** The header cells, in French, « Actions » last. */
  headers: string[];
  /** A search typed in the field: the term, then what the answer shows. */
  search: { term: string; found: (el: ListElement) => Promise<void> };
  /** A search applied with Enter, then what the answer shows (and anything more the list checks). */
  enter: { term: string; found: (el: ListElement) => Promise<void> };
  /** The checkbox filter: its attribute, its boxes, the two ticked, the attribute then, the column showing it. */
  filter: { attribute: string; labels: string[]; ticked: [string, string]; value: string; column: number; oneEntity?: (row: HTMLElement) => boolean };
  /** « No match » in the empty state. */
  noMatch: string;
  /** Two changes, the first answered slowly, and what the second shows. */
  stale: { slow: (el: ListElement) => void; fast: (el: ListElement) => void; expected: () => string[]; check?: (el: ListElement) => void };
  /** « Détails » of one row, and the dialog it opens. */
  open: {
    search: string;
    label: string;
    event: string;
    detail: Record<string, unknown>;
    dialog: string;
    title: string;
    detailTag: string;
    loaded: (detail: Element) => boolean;
    check?: (detail: Element) => void;
  };
}

export function runPagedListTests(config: PagedListConfig): void {
  const { tag } = config;
  const list = (attributes = '') => mount<ListElement>(`<${tag} api-base="/api" ${attributes}></${tag}>`);
  const details = (el: Element, label: string) => $(el, `tbody button[aria-label="${label}"]`) as HTMLButtonElement;

  describe(`<${tag}>, as every paged list`, () => {
    beforeEach(async () => {
      await startMock();
      await setViewport({ width: 1280, height: 900 });
      document.documentElement.lang = 'fr';
    });

    it('is accessible (axe), loaded, with the filters open, and as cards on a phone', async () => {
      const el = await list();
      await expect(el).to.be.accessible();
      ($(el, '[aria-controls="filters"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await setViewport({ width: 360, height: 740 });
      await expect(el).to.be.accessible();
    });

    it('searches on the server after a pause in typing, reflects it, and announces the count', async () => {
      const el = await list();
      ($(el, '#search') as HTMLInputElement).focus();
      await sendKeys({ type: config.search.term });
      expect(el.search).to.equal('', 'debounced: not yet asked');
      await until(() => el.search === config.search.term, 2000, 'the debounce');
      await settled(el);
      expect(el.getAttribute('search')).to.equal(config.search.term);
      await config.search.found(el);
    });

    it('applies the search at once on Enter, with the keyboard alone', async () => {
      const el = await list();
      ($(el, '#search') as HTMLInputElement).focus();
      await sendKeys({ type: config.enter.term });
      await sendKeys({ press: 'Enter' });
      expect(el.search).to.equal(config.enter.term);
      await settled(el);
      await config.enter.found(el);
    });

    it('drops a search still waiting for its pause when « Effacer les filtres » is pressed', async () => {
      const el = await list();
      ($(el, '[aria-controls="filters"]') as HTMLButtonElement).click();
      const input = $(el, '#search') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: config.search.term });
      await until(() => input.value === config.search.term, 1000, 'every key typed');
      expect(el.search).to.equal('', 'debounced: not yet asked');
      button(el, '.filters button', 'Effacer les filtres').click();
      await aTimeout(500); // past the debounce
      expect(el.search).to.equal('');
      expect(($(el, '#search') as HTMLInputElement).value).to.equal('');
    });

    it('filters by several values and by entity, and clears them', async () => {
      const el = await list();
      const { attribute, labels, ticked, value, column } = config.filter;
      ($(el, '[aria-controls="filters"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const box = (label: string) => $$(el, '.checks label').find((l) => text(l) === label)!.querySelector('input')!;
      expect($$(el, '.checks label').map((l) => text(l))).to.deep.equal(labels);
      box(ticked[0]).click();
      box(ticked[1]).click();
      await settled(el);
      expect(el.getAttribute(attribute)).to.equal(value);
      await until(() => rows(el).length > 0 && rows(el).every((r) => ticked.includes(cells(r)[column]!)), 2000, 'filtered rows');
      const select = $(el, '#entity') as HTMLSelectElement;
      expect(select.options.length).to.equal(9);
      expect(select.options[0]!.text).to.equal('Toutes les entités');
      select.value = '819109976';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      expect(el.entity).to.equal('819109976');
      expect(el.getAttribute('entity')).to.equal('819109976');
      if (config.filter.oneEntity) await until(() => rows(el).every(config.filter.oneEntity!), 2000, 'one entity');
      expect(text($(el, '[aria-controls="filters"]'))).to.contain('2 filtres actifs');
      button(el, '.filters button', 'Effacer les filtres').click();
      await settled(el);
      expect((el as unknown as Record<string, string>)[attribute]).to.equal('');
      expect(el.entity).to.equal('');
      expect(el.hasAttribute(attribute) ? el.getAttribute(attribute) : '').to.equal('');
      await until(() => rows(el).length === 20, 2000, 'every row again');
    });

    it('sends only a SIREN as the entity: anything else shows every entity', async () => {
      const queries: URLSearchParams[] = [];
      const record = (url: string) => url.includes(`/${config.endpoint === 'listInvoices' ? 'invoices' : 'dossiers'}`) && queries.push(new URL(url, location.href).searchParams);
      const fetch_ = window.fetch;
      window.fetch = (input, init) => (record(input instanceof Request ? input.url : String(input)), fetch_(input, init));
      try {
        const el = await list('entity="not-a-siren"');
        expect(rows(el)).to.have.length(20);
        expect(queries.length).to.be.greaterThan(0);
        expect(queries.every((q) => !q.has('entity'))).to.equal(true);
      } finally {
        window.fetch = fetch_;
      }
    });

    it('hides the entity filter when the account has one entity', async () => {
      mock.reset({ entities: ['819109976'] });
      const el = await list();
      ($(el, '[aria-controls="filters"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await aTimeout(50);
      expect($(el, '#entity')).to.equal(null);
      expect($(el, '.checks')).not.to.equal(null);
    });

    it('shows the last page when a deep link points past the end', async () => {
      const el = await list('page="999"');
      const last = Math.ceil(config.total() / 20);
      await until(() => el.page === last && rows(el).length === config.total() - (last - 1) * 20, 3000, 'the last page');
    });

    it('draws no more than the page size asked for when an answer holds more, and says the API broke the contract', async () => {
      const realFetch = window.fetch;
      const warnings: string[] = [];
      const realWarn = console.warn;
      // A contract-valid page of 2,000 items for a page of 20: the answer is padded on its way in.
      window.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        if (!String(input instanceof Request ? input.url : input).includes('pageSize=20') || !response.ok) return response;
        const page = (await response.json()) as { items: { id: string }[] };
        const items = Array.from({ length: 2000 }, (_, i) => ({ ...page.items[i % page.items.length]!, id: `padded-${i}` }));
        return new Response(JSON.stringify({ ...page, items }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      };
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const el = await list();
        await settled(el);
        expect(rows(el).length).to.equal(20);
        expect(warnings.some((w) => w.includes('2000') && w.includes('20'))).to.equal(true);
      } finally {
        window.fetch = realFetch;
        console.warn = realWarn;
      }
    });

    it('keeps the layout with a skeleton while loading, every column drawn', async () => {
      mock.faults.latencyMs = 800;
      const el = await fixture<ListElement>(`<${tag} api-base="/api"></${tag}>`);
      await until(() => $$(el, 'tbody tr.skeleton').length > 0, 1000, 'the skeleton');
      expect($(el, 'table')!.getAttribute('aria-busy')).to.equal('true');
      expect($$(el, 'thead th')).to.have.length(config.headers.length);
      expect($$(el, 'tbody tr.skeleton')[0]!.querySelectorAll('td')).to.have.length(config.headers.length);
      await until(() => rows(el).length === 20, 3000, 'the rows');
      expect($(el, 'table')!.getAttribute('aria-busy')).to.equal('false');
      expect(rows(el)[0]!.querySelectorAll('td')).to.have.length(config.headers.length);
    });

    it('says when nothing matches, with « Effacer les filtres »', async () => {
      const { attribute, value } = config.filter;
      const el = await list(`search="zzzz-introuvable" ${attribute}="${value.split(',')[0]}"`);
      expect(text($(el, '.state'))).to.contain(config.noMatch);
      const clear = $(el, '.state button') as HTMLButtonElement;
      expect(text(clear)).to.equal('Effacer les filtres');
      clear.click();
      await settled(el);
      expect(el.search).to.equal('');
      expect((el as unknown as Record<string, string>)[attribute]).to.equal('');
      expect(($(el, '#search') as HTMLInputElement).value).to.equal('');
      await until(() => rows(el).length === 20, 2000, 'all rows back');
    });

    it('shows the problem and « Réessayer » on a server error, then recovers', async () => {
      mock.faults.fail(config.endpoint, 'server-error', { times: 1 });
      const el = await list();
      const alert = $(el, '[role="alert"]')!;
      expect(text(alert)).to.contain('erreur interne');
      const retry = $(el, '[role="alert"] button') as HTMLButtonElement;
      expect(text(retry)).to.equal('Réessayer');
      retry.click();
      await until(() => rows(el).length === 20, 3000, 'rows after retry');
    });

    it('fires akto-unauthorized once on a 401, not at each render', async () => {
      mock.faults.fail(config.endpoint, 'unauthorized');
      const mounted = fixture<ListElement>(`<${tag} api-base="/api"></${tag}>`);
      const event = await oneEvent(document, AKTO_UNAUTHORIZED);
      expect(event.detail.error.status).to.equal(401);
      const el = await mounted;
      let count = 0;
      const counter = () => count++;
      document.addEventListener(AKTO_UNAUTHORIZED, counter);
      try {
        await until(() => $(el, '[role="alert"]'), 2000, 'the message');
        expect(text($(el, '[role="alert"]'))).to.contain('session a expiré');
        ($(el, '[aria-controls="filters"]') as HTMLButtonElement).click(); // a re-render does not tell the host again
        await el.updateComplete;
        el.requestUpdate();
        await el.updateComplete;
        expect(text($(el, '[role="alert"]'))).to.contain('session a expiré');
        expect(count).to.equal(0);
      } finally {
        document.removeEventListener(AKTO_UNAUTHORIZED, counter);
      }
    });

    it('tells the host of a query change, from the user only', async () => {
      const el = await list();
      const changes: Record<string, unknown>[] = [];
      el.addEventListener(AKTO_QUERY_CHANGE, (e) => changes.push(e.detail.query));
      el.pageSize = 50; // the host's own change: no event
      await settled(el);
      expect(changes).to.deep.equal([]);
      const size = $(el, '#page-size') as HTMLSelectElement;
      size.value = '20';
      size.dispatchEvent(new Event('change'));
      expect(changes).to.have.length(1);
      expect(changes[0]).to.deep.include({ page: 1, pageSize: 20 });
    });

    it('never lets a stale answer overwrite a newer one', async () => {
      const el = await list();
      mock.faults.latencyMs = 700;
      config.stale.slow(el); // slow answer
      await aTimeout(50);
      mock.faults.latencyMs = 0;
      config.stale.fast(el); // fast answer
      await aTimeout(1200); // the slow one would have arrived by now
      expect(rows(el).map((r) => cells(r)[0])).to.deep.equal(config.stale.expected());
      config.stale.check?.(el);
    });

    it('opens the detail in a dialog from the keyboard: focus moves in, Escape closes, focus returns to the row', async () => {
      const { open } = config;
      const el = await list(`search="${open.search}"`);
      const opener = details(el, open.label);
      opener.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, open.event);
      expect(event.detail).to.deep.equal(open.detail);
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      const dialog = $(el, open.dialog) as HTMLDialogElement;
      await until(() => dialog.open, 1000, 'the dialog');
      expect(text(dialog.querySelector('#dialog-title'))).to.equal(open.title);
      const detail = dialog.querySelector(open.detailTag)!;
      expect(detail.getAttribute('heading-level')).to.equal('3');
      open.check?.(detail);
      await until(() => open.loaded(detail), 2000, 'the detail');
      expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 1000, 'closed');
      await until(() => el.shadowRoot!.activeElement === opener, 1000, 'the focus back on « Détails »');
      expect(dialog.querySelector(open.detailTag)).to.equal(null);
    });

    it('closes the dialog with « Fermer »', async () => {
      const { open } = config;
      const el = await list(`search="${open.search}"`);
      const opener = details(el, open.label);
      opener.click();
      const dialog = $(el, open.dialog) as HTMLDialogElement;
      await until(() => dialog.open, 1000, 'the dialog');
      const close = dialog.querySelector<HTMLButtonElement>('.dialog-close')!;
      expect(text(close)).to.equal('Fermer');
      close.click();
      await until(() => !dialog.open, 1000, 'closed');
      await until(() => el.shadowRoot!.activeElement === opener, 1000, 'the focus back on « Détails »');
    });

    it('lets the host cancel « Détails » to show the row elsewhere', async () => {
      const el = await list();
      el.addEventListener(config.open.event, (e) => e.preventDefault(), { once: true });
      rows(el)[0]!.querySelector('button')!.click();
      await el.updateComplete;
      await aTimeout(50);
      expect(($(el, config.open.dialog) as HTMLDialogElement).open).to.equal(false);
    });

    it('turns rows into readable cards on a phone, with nothing wider than the screen', async () => {
      await setViewport({ width: 360, height: 740 });
      const el = await list();
      const cell = rows(el)[0]!.querySelector('td')!;
      expect(getComputedStyle(cell).display).to.equal('grid');
      expect(getComputedStyle(cell, '::before').content).to.equal(`"${config.headers[0]}"`);
      expect(getComputedStyle($(el, 'thead')!).position).to.equal('absolute');
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      expect(el.getBoundingClientRect().right).to.be.at.most(360);
      ($(el, '[aria-controls="filters"]') as HTMLButtonElement).click();
      await el.updateComplete;
      for (const node of $$(el, 'tbody tr, .footer, .toolbar, .filters, .filters select')) expect(node.getBoundingClientRect().right, node.className || node.localName).to.be.at.most(360);
      // The dialog too.
      const mine = await list(`search="${config.open.search}"`);
      details(mine, config.open.label).click();
      const dialog = $(mine, config.open.dialog) as HTMLDialogElement;
      await until(() => dialog.open, 1000, 'the dialog');
      const detail = dialog.querySelector(config.open.detailTag)!;
      await until(() => config.open.loaded(detail), 2000, 'the detail');
      expect(dialog.getBoundingClientRect().right).to.be.at.most(360);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
      await expect(mine).to.be.accessible();
    });
  });
}
