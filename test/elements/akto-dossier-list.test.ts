import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/akto-dossier-list/define.js';
import type { AktoDossierList } from '../../src/elements/akto-dossier-list/akto-dossier-list.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_DOCUMENT_REQUEST, AKTO_DOSSIER_OPEN, AKTO_QUERY_CHANGE } from '../../src/core/events.js';
import { mock, startMock, until } from '../helpers/mock.js';
import { $, $$, button, cells, mount as mountList, rows, runPagedListTests, settled, status, text } from './paged-list-suite.js';
import { whenLocaleReady } from '../../src/i18n/index.js';

const numbers = (el: AktoDossierList) => rows(el).map((r) => cells(r)[0]);
const details = (el: AktoDossierList, label: string) => $(el, `tbody button[aria-label="${label}"]`) as HTMLButtonElement;
const mount = (template = html`<akto-dossier-list api-base="/api"></akto-dossier-list>`) => mountList<AktoDossierList>(template);

/** Adds `count` numbered dossiers to the mock, so the account has more than one page. */
function addDossiers(count: number): void {
  const model = mock.store.dossiers.find((d) => d.number === '2206AF000578')!;
  for (let i = 0; i < count; i++) {
    const number = `2301AF${String(900000 + i)}`;
    mock.store.dossiers.push({ ...model, id: number, number, title: `Formation ${i + 1}`, start: `2023-01-${String((i % 28) + 1).padStart(2, '0')}` });
  }
}

/** The guide's columns, « Actions » last. */
const HEADERS = ['N°', 'Intitulé', 'Début', 'Fin', 'Entreprise', 'État', 'Actions'];

runPagedListTests({
  tag: 'akto-dossier-list',
  endpoint: 'listDossiers',
  total: () => mock.store.listDossiers({}).total,
  headers: HEADERS,
  search: {
    term: 'calcul',
    found: async (el) => {
      await until(() => rows(el).length === 2, 2000, 'two rows');
      expect(rows(el).map((r) => cells(r)[1])).to.have.members(['Calcul mental', 'CALCUL SCIENTIFIQUE']);
      await until(() => status(el) === '2 dossiers trouvés', 2000, 'the announcement');
    },
  },
  enter: {
    // By company, then by number.
    term: 'KAVKAZ',
    found: async (el) => {
      const expected = mock.store.listDossiers({ q: 'KAVKAZ' }).total;
      await until(() => rows(el).length === expected && rows(el).every((r) => cells(r)[4] === 'SNC KAVKAZ'), 2000, 'the company rows');
      ($(el, '#search') as HTMLInputElement).select(); // typing replaces the selection
      await sendKeys({ type: '2206CA000564' });
      await sendKeys({ press: 'Enter' });
      await settled(el);
      await until(() => rows(el).map((r) => cells(r)[0]).join() === '2206CA000564', 2000, 'one row');
      await until(() => status(el) === '1 dossier trouvé', 2000, 'the announcement');
    },
  },
  filter: {
    attribute: 'state',
    labels: ['Brouillon', 'Transmis', 'Accordé', 'Clôturé', 'Refusé'],
    ticked: ['Accordé', 'Brouillon'],
    value: 'brouillon,accorde',
    column: 5,
    oneEntity: (row) => cells(row)[4] === 'SNC KAVKAZ',
  },
  noMatch: 'Aucun dossier ne correspond à votre recherche.',
  stale: {
    slow: (el) => (el.search = 'CASINO'),
    fast: (el) => (el.search = 'KAVKAZ'),
    expected: () => mock.store.listDossiers({ q: 'KAVKAZ' }).items.map((d) => d.number ?? 'Brouillon du 17/06/2022'),
    check: (el) => expect(rows(el).every((r) => cells(r)[4] === 'SNC KAVKAZ')).to.equal(true),
  },
  open: {
    search: '2206AF000578',
    label: 'Détails du dossier 2206AF000578',
    event: AKTO_DOSSIER_OPEN,
    detail: { dossierId: '2206AF000578', number: '2206AF000578' },
    dialog: 'dialog',
    title: 'Dossier 2206AF000578',
    detailTag: 'akto-dossier-detail',
    loaded: (detail) => Boolean(detail.shadowRoot?.querySelector('h3')?.textContent?.includes('Action de formation n°\u00a02206AF000578')),
    check: (detail) => expect(detail.getAttribute('exportparts')).to.contain('funding:detail-funding'),
  },
});

describe('<akto-dossier-list>', () => {
  beforeEach(async () => {
    await startMock();
    await setViewport({ width: 1280, height: 900 });
    document.documentElement.lang = 'fr';
  });

  it('shows the guide columns: number, title, dates, company, state and « Détails » naming the dossier', async () => {
    const el = await mount(html`<akto-dossier-list api-base="/api" search="2206AF000578"></akto-dossier-list>`);
    expect(text($(el, 'h2'))).to.equal('Mes dossiers');
    expect(text($(el, 'caption'))).to.equal('Mes dossiers, triés par date de début (ordre décroissant), page 1 sur 1');
    expect($$(el, 'thead th').map((th) => text(th))).to.deep.equal(HEADERS);
    const [row] = rows(el);
    expect(cells(row!)).to.deep.equal(['2206AF000578', 'Calcul mental', '19/06/2022', '20/06/2022', 'CASINO RESTAURATION SASU', 'Transmis', 'Détails']);
    const detailsButton = row!.querySelector('button')!;
    expect(detailsButton.getAttribute('aria-label')).to.equal('Détails du dossier 2206AF000578');
    expect(text(detailsButton)).to.equal('Détails');
  });

  it('shows a draft as « Brouillon du … », its « Détails » told apart by its title', async () => {
    const el = await mount(html`<akto-dossier-list api-base="/api" search="UNIVERS PROTEC"></akto-dossier-list>`);
    const [row] = rows(el);
    expect(cells(row!)).to.deep.equal(['Brouillon du 24/06/2022', 'Formation sécurité incendie', '', '', 'UNIVERS PROTEC FORMATION', 'Brouillon', 'Détails']);
    expect(row!.querySelector('button')!.getAttribute('aria-label')).to.equal('Détails du brouillon du 24/06/2022, Formation sécurité incendie');
    // Three drafts of 24/06/2022 in the guide: each « Détails » has its own name.
    const all = await mount(html`<akto-dossier-list api-base="/api" state="brouillon"></akto-dossier-list>`);
    const names = rows(all).map((r) => r.querySelector('button')!.getAttribute('aria-label'));
    expect(names.filter((n) => n!.startsWith('Détails du brouillon du 24/06/2022'))).to.have.length(3);
    expect(new Set(names).size).to.equal(names.length);
  });

  it('sorts by any column with aria-sort, from the keyboard too, and reflects sort and order', async () => {
    const el = await mount();
    const sorted = () => $$(el, 'th[aria-sort]');
    expect(sorted()).to.have.length(1);
    expect(text(sorted()[0])).to.equal('Début');
    expect(sorted()[0]!.getAttribute('aria-sort')).to.equal('descending');
    const title = $$(el, 'th').find((th) => text(th) === 'Intitulé')!;
    title.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(title.getAttribute('aria-sort')).to.equal('ascending');
    expect(el.getAttribute('sort')).to.equal('title');
    expect(el.getAttribute('order')).to.equal('asc');
    expect(text($(el, 'caption'))).to.contain('triés par intitulé (ordre croissant)');
    const titles = () => rows(el).map((r) => cells(r)[1]!);
    const inOrder = (list: string[], sign: number) => list.every((t, i) => i === 0 || sign * list[i - 1]!.localeCompare(t, 'fr', { numeric: true }) <= 0);
    await until(() => inOrder(titles(), 1), 2000, 'ascending titles');
    await sendKeys({ press: 'Space' });
    await settled(el);
    expect(title.getAttribute('aria-sort')).to.equal('descending');
    expect(el.getAttribute('order')).to.equal('desc');
    await until(() => inOrder(titles(), -1), 2000, 'descending titles');
    const company = $$(el, 'th').find((th) => text(th) === 'Entreprise')!;
    company.querySelector('button')!.click();
    await settled(el);
    expect(el.getAttribute('sort')).to.equal('company');
    expect(title.hasAttribute('aria-sort')).to.equal(false);
  });

  it('pages with the total, and offers 20, 50 or 100 dossiers a page', async () => {
    addDossiers(45); // 65 in all
    const el = await mount();
    expect(rows(el)).to.have.length(20);
    expect(text($(el, '.footer'))).to.contain('65 dossiers');
    expect(text($(el, '.pager'))).to.contain('Page 1 sur 4');
    const size = $(el, '#page-size') as HTMLSelectElement;
    expect([...size.options].map((o) => o.text)).to.deep.equal(['20 dossiers max.', '50 dossiers max.', '100 dossiers max.']);
    expect(button(el, '.pager button', 'Page précédente').disabled).to.equal(true);
    button(el, '.pager button', 'Page suivante').click();
    await settled(el);
    expect(el.getAttribute('page')).to.equal('2');
    expect(numbers(el)).to.deep.equal(mock.store.listDossiers({ page: 2 }).items.map((d) => d.number ?? `Brouillon du ${d.draftDate!.split('-').reverse().join('/')}`));
    size.value = '50';
    size.dispatchEvent(new Event('change'));
    await settled(el);
    expect(el.getAttribute('page-size')).to.equal('50');
    expect(el.getAttribute('page')).to.equal('1', 'a new page size starts again at page 1');
    await until(() => rows(el).length === 50, 2000, '50 rows');
    button(el, '.pager button', 'Page suivante').click();
    await settled(el);
    await until(() => rows(el).length === 15, 2000, 'the last 15');
    expect(button(el, '.pager button', 'Page suivante').disabled).to.equal(true);
    expect(text($(el, '.pager'))).to.contain('Page 2 sur 2');
  });

  it('takes every query from attributes, so a host can deep-link, and tells the host of changes', async () => {
    addDossiers(30);
    const changes: Record<string, unknown>[] = [];
    const el = await mount(html`<akto-dossier-list api-base="/api" search="AF" state="transmis,accorde" entity="527319461" sort="number" order="asc" page="2" page-size="20"></akto-dossier-list>`);
    el.addEventListener(AKTO_QUERY_CHANGE, (e) => changes.push(e.detail.query));
    const expected = mock.store.listDossiers({ q: 'AF', state: ['transmis', 'accorde'], entity: '527319461', sort: 'number', order: 'asc', page: 2, pageSize: 20 });
    expect(expected.items.length).to.be.greaterThan(0);
    expect(numbers(el)).to.deep.equal(expected.items.map((d) => d.number));
    expect(($(el, '#search') as HTMLInputElement).value).to.equal('AF');
    expect($$(el, 'th[aria-sort]').map((th) => text(th))).to.deep.equal(['N°']);
    button(el, '.pager button', 'Page précédente').click();
    expect(changes[0]).to.deep.include({ page: 1, sort: 'number', order: 'asc', q: 'AF', entity: '527319461' });
    expect(changes[0]!.state).to.deep.equal(['transmis', 'accorde']);
  });

  it('says when the account has no dossier yet', async () => {
    mock.reset({ entities: [] });
    const el = await mount();
    expect(text($(el, '.state'))).to.contain("Vous n'avez encore aucun dossier.");
    expect($(el, 'table')).to.equal(null);
    await until(() => status(el) === 'Aucun dossier trouvé', 1000, 'the announcement');
    await expect(el).to.be.accessible();
  });

  it('opens a draft in the dialog, « Brouillon du … »', async () => {
    const el = await mount(html`<akto-dossier-list api-base="/api" search="UNIVERS PROTEC"></akto-dossier-list>`);
    setTimeout(() => rows(el)[0]!.querySelector('button')!.click());
    const event = await oneEvent(el, AKTO_DOSSIER_OPEN);
    expect(event.detail.number).to.equal(null);
    expect(event.detail.dossierId).to.be.a('string').and.not.equal('');
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await until(() => dialog.open, 1000, 'the dialog');
    expect(text(dialog.querySelector('#dialog-title'))).to.equal('Brouillon du 24/06/2022');
    const detail = dialog.querySelector('akto-dossier-detail')!;
    await until(() => detail.shadowRoot?.querySelector('h3')?.textContent === 'Brouillon du 24/06/2022', 2000, 'the draft');
  });

  it('lets « Déposer une facture » in the dialog reach the host, and closes the dialog when the host takes over', async () => {
    const el = await mount(html`<akto-dossier-list api-base="/api" search="2206AF000578"></akto-dossier-list>`);
    details(el, 'Détails du dossier 2206AF000578').click();
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await until(() => dialog.open, 1000, 'the dialog');
    const detail = dialog.querySelector('akto-dossier-detail')!;
    const action = (label: string) => until(() => [...(detail.shadowRoot?.querySelectorAll<HTMLButtonElement>('.actions button') ?? [])].find((b) => text(b) === label), 2000, label);

    // Nobody handles « Déposer un document »: the dialog stays.
    const documentButton = await action('Déposer un document');
    setTimeout(() => documentButton.click());
    const document_ = await oneEvent(el, AKTO_DOCUMENT_REQUEST);
    expect(document_.detail).to.deep.equal({ dossierId: '2206AF000578', number: '2206AF000578' });
    await aTimeout(20);
    expect(dialog.open).to.equal(true);

    // The host handles « Déposer une facture » (cancels it) and shows its own view: the dialog
    // closes right after the event, and the focus goes where the host puts it.
    const outside = document.createElement('button');
    outside.textContent = 'Dépôt';
    document.body.append(outside);
    try {
      el.addEventListener(AKTO_DEPOSIT_REQUEST, (e) => {
        e.preventDefault();
        setTimeout(() => outside.focus());
      }, { once: true });
      setTimeout(async () => (await action('Déposer une facture')).click());
      const deposit = await oneEvent(el, AKTO_DEPOSIT_REQUEST);
      expect(deposit.detail).to.deep.equal({ dossier: '2206AF000578', entity: '527319461' });
      expect(deposit.cancelable && deposit.bubbles && deposit.composed).to.equal(true);
      await until(() => !dialog.open, 1000, 'closed');
      await until(() => document.activeElement === outside, 1000, 'the focus with the host');
      await aTimeout(100);
      expect(document.activeElement === outside, 'the list does not take the focus back').to.equal(true);
    } finally {
      outside.remove();
    }
  });

  it('lets a host replace the list from « Déposer une facture » and focus its own view at once', async () => {
    const el = await mount(html`<akto-dossier-list api-base="/api" search="2206AF000578"></akto-dossier-list>`);
    details(el, 'Détails du dossier 2206AF000578').click();
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await until(() => dialog.open, 1000, 'the dialog');
    const detail = dialog.querySelector('akto-dossier-detail')!;
    const deposit = await until(() => [...(detail.shadowRoot?.querySelectorAll<HTMLButtonElement>('.actions button') ?? [])].find((b) => text(b) === 'Déposer une facture'), 2000, 'the button');
    const parent = el.parentElement!;
    const view = document.createElement('button');
    view.textContent = 'Retour à mes dossiers';
    parent.addEventListener(AKTO_DEPOSIT_REQUEST, (e) => {
      e.preventDefault();
      parent.replaceChildren(view); // as the demo does
      view.focus();
    }, { once: true });
    deposit.click();
    await aTimeout(50);
    expect(el.isConnected).to.equal(false);
    expect(document.activeElement === view, 'the focus on the host view').to.equal(true);
  });

  it('switches language with the page and with its own lang attribute', async () => {
    const el = await mount(html`<akto-dossier-list api-base="/api" search="2206AF000578"></akto-dossier-list>`);
    document.documentElement.lang = 'en';
    await whenLocaleReady('en');
    await until(() => text($(el, 'h2')) === 'My dossiers', 2000, 'English');
    expect($$(el, 'thead th').map((th) => text(th))).to.deep.equal(['No.', 'Title', 'Start', 'End', 'Company', 'Status', 'Actions']);
    await until(() => cells(rows(el)[0]!)[5] === 'Submitted', 2000, 'English states');
    expect(rows(el)[0]!.querySelector('button')!.getAttribute('aria-label')).to.equal('Details of dossier 2206AF000578');
    expect(text($(el, 'caption'))).to.equal('My dossiers, sorted by start date (descending), page 1 of 1');
    expect([...($(el, '#page-size') as HTMLSelectElement).options].map((o) => o.text)).to.include('20 dossiers max.');
    el.lang = 'fr';
    await until(() => text($(el, 'h2')) === 'Mes dossiers', 2000, 'French from its own lang');
    const draft = await mount(html`<akto-dossier-list api-base="/api" lang="en" search="UNIVERS PROTEC"></akto-dossier-list>`);
    expect(cells(rows(draft)[0]!)[0]).to.equal('Draft of 24/06/2022');
    expect(rows(draft)[0]!.querySelector('button')!.getAttribute('aria-label')).to.equal('Details of the draft of 24/06/2022, Formation sécurité incendie');
  });
});
