import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/akto-invoice-list/define.js';
import type { AktoInvoiceList } from '../../src/elements/akto-invoice-list/akto-invoice-list.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_INVOICE_OPEN, AKTO_QUERY_CHANGE, AKTO_RIB_REQUEST, AKTO_VALIDATE_REQUEST } from '../../src/core/events.js';
import { mock, startMock, until } from '../helpers/mock.js';
import { $, $$, cells, mount as mountList, rows, runPagedListTests, settled, status, text } from './paged-list-suite.js';
import { whenLocaleReady } from '../../src/i18n/index.js';
import { button } from '../helpers/dom.js';

const mount = (template = html`<akto-invoice-list api-base="/api"></akto-invoice-list>`) => mountList<AktoInvoiceList>(template);

/** The guide's columns, « Actions » last. */
const HEADERS = ['Référence', "Date d'émission", 'Date de dépôt', 'Montant HT', 'Montant TTC', 'État', 'N° de virement', 'Date de virement', 'Actions'];

runPagedListTests({
  tag: 'akto-invoice-list',
  endpoint: 'listInvoices',
  total: () => mock.store.listInvoices({}).total,
  headers: HEADERS,
  search: {
    term: '2206AF00035',
    found: async (el) => {
      expect(rows(el).length).to.be.greaterThan(0);
      const total = (await mock.store.listInvoices({ q: '2206AF00035', pageSize: 1000 })).total;
      await until(() => status(el) === `${total} factures trouvées`, 2000, 'the announcement');
    },
  },
  enter: {
    term: 'TESFCTFB',
    found: async (el) => {
      await until(() => rows(el).length === 1 && cells(rows(el)[0]!)[0] === 'TESFCTFB', 2000, 'one row');
      await until(() => status(el) === '1 facture trouvée', 2000, 'the announcement');
    },
  },
  filter: { attribute: 'status', labels: ['À valider', "En cours d'analyse", 'Payée', 'Partiellement payée', 'Rejetée'], ticked: ['Payée', 'Rejetée'], value: 'payee,rejetee', column: 5 },
  noMatch: 'Aucune facture ne correspond à votre recherche.',
  stale: {
    slow: (el) => (el.page = 2),
    fast: (el) => (el.page = 3),
    expected: () => mock.store.listInvoices({ page: 3 }).items.map((i) => i.reference),
    check: (el) => expect(text($(el, '.pager'))).to.contain('Page 3'),
  },
  open: {
    search: '5302381',
    label: 'Détails de la facture 5302381',
    event: AKTO_INVOICE_OPEN,
    detail: { invoiceId: 'inv-0005', reference: '5302381' },
    dialog: 'dialog.detail',
    title: 'Facture 5302381',
    detailTag: 'akto-invoice-detail',
    loaded: (detail) => text(detail.shadowRoot).includes('Facture N° 5302381'), // as read: the reference is isolated (U+2068…U+2069)
  },
});

describe('<akto-invoice-list>', () => {
  beforeEach(async () => {
    await startMock();
    await setViewport({ width: 1280, height: 900 });
    document.documentElement.lang = 'fr';
  });

  it('shows the guide columns in a captioned table, amounts and dates the French way', async () => {
    const el = await mount(html`<akto-invoice-list api-base="/api" search="5302381"></akto-invoice-list>`);
    expect(text($(el, 'h2'))).to.equal('Liste de mes factures');
    expect(text($(el, 'caption'))).to.contain('triées par date de dépôt');
    expect($$(el, 'thead th').map((th) => text(th))).to.deep.equal(HEADERS);
    const [row] = rows(el);
    expect(cells(row!).slice(0, 8).map((c) => c.replace(/\u202f|\u00a0/g, ' '))).to.deep.equal(['5302381', '30/05/2022', '30/05/2022', '22 625,00 €', '22 625,00 €', "En cours d'analyse", '', '']);
    const details = row!.querySelector('button')!;
    expect(details.getAttribute('aria-label')).to.equal('Détails de la facture 5302381');
    expect(text(details)).to.equal('Détails');
  });

  it('filters by date range', async () => {
    const el = await mount(html`<akto-invoice-list api-base="/api" issued-from="2022-06-16" issued-to="2022-06-16"></akto-invoice-list>`);
    expect(rows(el).map((r) => cells(r)[0])).to.deep.equal(['TESFCTFB']);
  });

  it('sorts by any column with aria-sort, and reflects sort and order', async () => {
    const el = await mount();
    expect($(el, 'th[aria-sort]')!.textContent).to.contain('Date de dépôt');
    expect($(el, 'th[aria-sort]')!.getAttribute('aria-sort')).to.equal('descending');
    const ttc = $$(el, 'th').find((th) => text(th) === 'Montant TTC')!;
    ttc.querySelector('button')!.click();
    await settled(el);
    expect(ttc.getAttribute('aria-sort')).to.equal('descending');
    expect(el.getAttribute('sort')).to.equal('amountTTC');
    const amounts = () => rows(el).map((r) => Number(cells(r)[4]!.replace(/[^\d,]/g, '').replace(',', '.')));
    await until(() => amounts()[0]! >= amounts()[1]!, 2000, 'sorted rows');
    ttc.querySelector('button')!.click();
    await settled(el);
    expect(ttc.getAttribute('aria-sort')).to.equal('ascending');
    expect(el.getAttribute('order')).to.equal('asc');
    await until(() => amounts().every((a, i, all) => i === 0 || all[i - 1]! <= a), 2000, 'ascending rows');
  });

  it('pages with the total, and offers 20, 50 or 100 invoices a page', async () => {
    const el = await mount();
    const total = mock.store.listInvoices({}).total;
    expect(rows(el)).to.have.length(20);
    expect(text($(el, '.footer'))).to.contain(`${total.toLocaleString('fr-FR')} factures`);
    const size = $(el, '#page-size') as HTMLSelectElement;
    expect([...size.options].map((o) => o.text)).to.deep.equal(['20 factures max.', '50 factures max.', '100 factures max.']);
    size.value = '50';
    size.dispatchEvent(new Event('change'));
    await settled(el);
    await until(() => rows(el).length === 50, 2000, '50 rows');
    expect(el.getAttribute('page-size')).to.equal('50');
    ($$(el, '.pager button').find((b) => text(b) === 'Page suivante') as HTMLButtonElement).click();
    await settled(el);
    expect(el.getAttribute('page')).to.equal('2');
    expect(text($(el, '.pager'))).to.contain(`Page 2 sur ${Math.ceil(total / 50)}`);
  });

  it('takes every query from attributes, so a host can deep-link', async () => {
    const query: string[] = [];
    const el = await mount(html`<akto-invoice-list api-base="/api" status="payee,rejetee" sort="amountHT" order="asc" page="2" page-size="20"></akto-invoice-list>`);
    el.addEventListener(AKTO_QUERY_CHANGE, (e) => query.push(JSON.stringify(e.detail.query)));
    const expected = mock.store.listInvoices({ status: ['payee', 'rejetee'], sort: 'amountHT', order: "asc", page: 2, pageSize: 20 });
    expect(expected.items.length).to.be.greaterThan(0);
    expect(rows(el).map((r) => cells(r)[0])).to.deep.equal(expected.items.map((i) => i.reference));
    ($$(el, '.pager button').find((b) => text(b) === 'Page précédente') as HTMLButtonElement).click();
    expect(JSON.parse(query[0]!)).to.include({ page: 1, sort: 'amountHT' });
  });

  it('says when there is no invoice yet, and offers to deposit one', async () => {
    mock.reset({ entities: ['509871232'] });
    const el = await mount();
    expect(text($(el, '.state'))).to.contain("Vous n'avez encore déposé aucune facture.");
    setTimeout(() => ($(el, '.state button') as HTMLButtonElement).click());
    const event = await oneEvent(el, AKTO_DEPOSIT_REQUEST);
    expect(event.cancelable).to.equal(true);
  });

  it('goes back to every invoice when the host removes its search and filter attributes', async () => {
    const el = await mount(html`<akto-invoice-list api-base="/api" search="FA-2026" status="payee"></akto-invoice-list>`);
    const errors: unknown[] = [];
    const record = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', record);
    try {
      el.removeAttribute('search');
      el.removeAttribute('status');
      await settled(el);
      expect(errors).to.deep.equal([]);
      expect(el.search).to.equal('');
      expect(($(el, '#search') as HTMLInputElement).value).to.equal('');
      await until(() => rows(el).length === 20, 3000, 'the first page of all invoices');
    } finally {
      window.removeEventListener('error', record);
    }
  });

  it('fires cancelable events for « Déposer une facture » and « Déposer un RIB »', async () => {
    const el = await mount(html`<akto-invoice-list api-base="/api" entity="819109976"></akto-invoice-list>`);
    const [deposit, rib] = $$(el, '.my-actions button') as HTMLButtonElement[];
    expect(text($(el, '.my-actions h3'))).to.equal('Mes actions');
    expect(text(deposit)).to.equal('Déposer une facture');
    expect(text(rib)).to.equal('Déposer un RIB');
    setTimeout(() => deposit!.click());
    const a = await oneEvent(el, AKTO_DEPOSIT_REQUEST);
    expect(a.cancelable && a.bubbles && a.composed).to.equal(true);
    expect(a.detail).to.deep.equal({ dossier: null, entity: '819109976' });
    setTimeout(() => rib!.click());
    const b = await oneEvent(el, AKTO_RIB_REQUEST);
    expect(b.cancelable).to.equal(true);
  });

  it('shows the RIB deposit in its dialog when no host takes « Déposer un RIB », and nothing when one does', async () => {
    const el = await mount(html`<akto-invoice-list api-base="/api" entity="819109976"></akto-invoice-list>`);
    const rib = () => ($$(el, '.my-actions button') as HTMLButtonElement[])[1]!;
    const dialog = $(el, 'dialog.deposit') as HTMLDialogElement;
    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener(AKTO_RIB_REQUEST, cancel, { once: true });
    rib().click();
    await el.updateComplete;
    expect(dialog.open, 'the host took it').to.equal(false);
    rib().click();
    await until(() => dialog.open, 4000, 'the dialog');
    expect(dialog.getAttribute('aria-label')).to.equal('Déposer un RIB');
    const form = await until(() => dialog.querySelector('akto-rib-deposit'), 2000, 'the RIB deposit');
    expect(form.getAttribute('entity')).to.equal('819109976');
    button(dialog, 'Fermer')!.click();
    await until(() => !dialog.open && el.shadowRoot!.activeElement === rib(), 2000, 'closed, the focus back on « Déposer un RIB »');
  });

  it('offers « Valider » on an invoice « À valider »: a cancelable akto-validate-request, else step 2 of the deposit for its entity', async () => {
    const el = await mount(html`<akto-invoice-list api-base="/api" status="a-valider"></akto-invoice-list>`);
    await until(() => rows(el).length === 2, 3000, 'the invoices to validate');
    const row = rows(el).find((r) => cells(r)[0] === '202101085')!;
    expect(cells(row)[5]).to.equal('À valider Valider');
    const validate = row.querySelector<HTMLButtonElement>('button[data-validate]')!;
    expect(validate.getAttribute('aria-label')).to.equal('Valider la facture 202101085');
    // A host that routes it.
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener(AKTO_VALIDATE_REQUEST, cancel, { once: true });
    setTimeout(() => validate.click());
    const request = await oneEvent(el, AKTO_VALIDATE_REQUEST);
    expect(request.cancelable && request.bubbles && request.composed).to.equal(true);
    expect(request.detail).to.deep.equal({ invoiceId: 'pending-seed-1', reference: '202101085', entity: '824092688' });
    await el.updateComplete;
    expect($(el, 'dialog.deposit[open]'), 'the host took it').to.equal(null);
    // Otherwise: the deposit, at step 2, for that entity; the focus comes back to the button.
    validate.focus();
    validate.click();
    const deposit = await until(() => $(el, 'dialog.deposit[open] akto-invoice-deposit'), 4000, 'the deposit');
    expect(deposit.getAttribute('entity')).to.equal('824092688');
    expect(deposit.getAttribute('step')).to.equal('validate');
    const step2 = await until(() => deposit.shadowRoot?.querySelector('akto-invoice-validate'), 3000, 'step 2');
    await until(() => step2.shadowRoot?.querySelectorAll('tbody tr').length === 2, 3000, 'the invoices to validate');
    ($(el, 'dialog.deposit') as HTMLDialogElement).close();
    await until(() => el.shadowRoot!.activeElement === validate, 2000, 'the focus back on « Valider »');
  });

  it('puts « Mes actions » where the keyboard meets it first: above the table on a laptop, beside it on a wide screen', async () => {
    for (const width of [1000, 1600]) {
      await setViewport({ width, height: 900 });
      const el = await mount(html`<akto-invoice-list api-base="/api" entity="819109976"></akto-invoice-list>`);
      const deposit = $$(el, '.my-actions button')[0]!;
      const search = $(el, '#search')!;
      const [actionsBox, searchBox] = [deposit.getBoundingClientRect(), search.getBoundingClientRect()];
      if (width === 1000) expect(actionsBox.bottom, 'above the search').to.be.at.most(searchBox.top);
      else expect(actionsBox.left, 'beside the table').to.be.greaterThan(searchBox.right);
      // Tab order follows the document: « Déposer une facture » comes before the search field.
      expect(deposit.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING, `at ${width}px`).to.not.equal(0);
      search.focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement, 'one step back from the search: « Déposer un RIB »').to.equal($$(el, '.my-actions button')[1]);
    }
  });

  it('switches language with the page, amounts and dates included', async () => {
    const el = await mount(html`<akto-invoice-list api-base="/api" search="5302381"></akto-invoice-list>`);
    document.documentElement.lang = 'en';
    await whenLocaleReady('en');
    await until(() => text($(el, 'h2')) === 'My invoices', 2000, 'English');
    await until(() => cells(rows(el)[0]!)[3] === '€22,625.00', 2000, 'English amounts');
    expect(cells(rows(el)[0]!)[1]).to.equal('30/05/2022');
    expect(rows(el)[0]!.querySelector('button')!.getAttribute('aria-label')).to.equal('Details of invoice 5302381');
  });
});

describe('<akto-invoice-list> with 1,000 invoices a page', () => {
  beforeEach(async () => {
    await startMock();
    mock.reset({ invoiceCount: 1200 });
    await setViewport({ width: 1280, height: 900 });
    document.documentElement.lang = 'fr';
  });
  afterEach(() => window.scrollTo(0, 0));

  /** Waits for two animation frames: what scrolling changed is rendered. */
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  /** Whether the browser renders this element, rather than skipping it inside a row off screen. */
  const rendered = (node: Element) => node.checkVisibility({ contentVisibilityAuto: true });
  const mountThousand = async () => {
    const el = await fixture<AktoInvoiceList>(html`<akto-invoice-list api-base="/api" page-size="1000"></akto-invoice-list>`);
    await until(() => rows(el).length === 1000, 8000, '1,000 rows');
    await frames();
    return el;
  };

  it('renders every row of the page, in order, and lays out only those near the viewport', async () => {
    const el = await mountThousand();
    const expected = mock.store.listInvoices({ pageSize: 1000 }).items.map((i) => i.reference);
    expect(expected).to.have.length(1000);
    expect(rows(el).map((r) => cells(r)[0])).to.deep.equal(expected);
    // Every row is in the table, so assistive technologies count them without aria-rowcount.
    expect($(el, 'table')!.hasAttribute('aria-rowcount')).to.equal(false);
    expect(rendered(rows(el)[0]!.querySelector('td')!)).to.equal(true);
    expect(rendered(rows(el)[999]!.querySelector('td')!)).to.equal(false, 'the last row is off screen: skipped');
    expect(text($(el, '.footer'))).to.contain('Page 1 sur 2');
  });

  it('draws the first screen first (20 rows), painted alone, then the rest 100 rows a task, in order', async () => {
    const el = await fixture<AktoInvoiceList>(html`<akto-invoice-list api-base="/api" page-size="1000"></akto-invoice-list>`);
    // The row count after every change (each task's render ends with one) and at every frame.
    const counts: number[] = [];
    const painted: number[] = [];
    const observer = new MutationObserver(() => {
      const count = rows(el).length;
      if (count && count !== counts.at(-1)) counts.push(count);
    });
    await until(() => el.shadowRoot, 2000, 'the shadow root');
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    while (painted.at(-1) !== 1000) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const count = rows(el).length;
      if (count && count !== painted.at(-1)) painted.push(count);
      if (painted.length > 200) break;
    }
    observer.disconnect();
    expect(counts[0], 'the first screen').to.equal(20);
    expect(painted[0], 'painted before the rest is drawn').to.equal(20);
    expect(counts.slice(1).every((count, i) => count - counts[i]! <= 100), `steps of at most 100 rows: ${counts.join(', ')}`).to.equal(true);
    expect(counts.length, 'over several tasks').to.be.at.least(10);
    const expected = mock.store.listInvoices({ pageSize: 1000 }).items.map((i) => i.reference);
    expect(rows(el).map((r) => cells(r)[0])).to.deep.equal(expected);
  });

  it('holds the place of the rows not drawn yet: the table has its full height from its first screen, hidden from assistive technologies', async () => {
    const el = await fixture<AktoInvoiceList>(html`<akto-invoice-list api-base="/api" page-size="1000"></akto-invoice-list>`);
    await until(() => el.shadowRoot, 2000, 'the shadow root');
    // The first frame with rows is the first screen's (see the test above).
    for (let frame = 0; rows(el).length === 0 && frame < 600; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(rows(el)).to.have.length(20);
    const places = [...el.shadowRoot!.querySelectorAll('tbody.to-come')];
    expect(places, 'the 49 groups of 20 to come').to.have.length(49);
    expect(places.every((place) => place.getAttribute('aria-hidden') === 'true' && place.childElementCount === 0)).to.equal(true);
    const first = $(el, 'table')!.getBoundingClientRect().height;
    await until(() => rows(el).length === 1000, 8000, '1,000 rows');
    await frames();
    const drawn = $(el, 'table')!.getBoundingClientRect().height;
    expect(el.shadowRoot!.querySelectorAll('tbody.to-come')).to.have.length(0);
    // The groups drawn near the viewport take their real height, the others (as the places) the
    // estimate: within 0.5 %, a quarter of one group's 2 % of the table.
    expect(Math.abs(first - drawn) / drawn, `${first} px at first, ${drawn} px drawn`).to.be.below(0.005);
  });

  it('paints a page of 100 in two parts: its first 20 rows alone, the table saying it has 100 meanwhile, then the other 80', async () => {
    const el = await fixture<AktoInvoiceList>(html`<akto-invoice-list api-base="/api" page-size="100"></akto-invoice-list>`);
    await until(() => el.shadowRoot, 2000, 'the shadow root');
    // At every frame: the rows drawn, and how many rows the table says it has (header included).
    const painted: [number, string | null][] = [];
    while (painted.at(-1)?.[0] !== 100) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const count = rows(el).length;
      if (count && count !== painted.at(-1)?.[0]) painted.push([count, $(el, 'table')!.getAttribute('aria-rowcount')]);
      if (painted.length > 50) break;
    }
    expect(painted).to.deep.equal([
      [20, '101'],
      [100, null],
    ]);
    const expected = mock.store.listInvoices({ pageSize: 100 }).items.map((i) => i.reference);
    expect(rows(el).map((r) => cells(r)[0])).to.deep.equal(expected);
    await expect(el).to.be.accessible();
  });

  it('paints the first screen before the rest of the answer is checked; an invalid item at 900 still ends as an error, never drawn', async () => {
    // The answer's item 900 breaks the contract (an amount as text): the rest must not wait for it, nor show it.
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (!String(input instanceof Request ? input.url : input).includes('pageSize=1000') || !response.ok) return response;
      const page = (await response.json()) as { items: Record<string, unknown>[] };
      page.items[900] = { ...page.items[900], amountHT: '12 000 €' };
      return new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const el = await fixture<AktoInvoiceList>(html`<akto-invoice-list api-base="/api" page-size="1000"></akto-invoice-list>`);
      const expected = mock.store.listInvoices({ pageSize: 1000 }).items.map((i) => i.reference);
      const counts: number[] = [];
      while (!$(el, '.state.error')) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const count = rows(el).length;
        if (count && count !== counts.at(-1)) {
          counts.push(count);
          // Only checked invoices, in order: never the one at 900, nor any after it.
          expect(rows(el).map((r) => cells(r)[0])).to.deep.equal(expected.slice(0, count));
        }
        if (counts.length > 100) break;
      }
      expect(counts[0], 'the first screen, painted before item 900 was checked').to.equal(20);
      expect(Math.max(...counts)).to.be.at.most(900);
      const error = $(el, '.state.error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('Réponse inattendue du serveur (champ « items.900.amountHT »).');
      expect(rows(el)).to.have.length(0);
      await expect(el).to.be.accessible();
      // « Réessayer », the server fixed: the whole page.
      window.fetch = realFetch;
      button(error, 'Réessayer')!.click();
      await until(() => rows(el).length === 1000, 8000, '1,000 rows');
      expect($(el, '.state.error')).to.equal(null);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('shows the size the host set among the page sizes', async () => {
    const el = await mountThousand();
    const size = $(el, '#page-size') as HTMLSelectElement;
    expect([...size.options].map((o) => o.text)).to.deep.equal(['20 factures max.', '50 factures max.', '100 factures max.', '1\u202f000 factures max.']);
    expect(size.selectedOptions[0]!.text).to.equal('1\u202f000 factures max.');
    size.value = '100';
    size.dispatchEvent(new Event('change'));
    await until(() => rows(el).length === 100, 4000, '100 rows');
    expect(el.getAttribute('page-size')).to.equal('100');
  });

  it('shows the last invoice when the page is scrolled to the bottom', async () => {
    const el = await mountThousand();
    const last = rows(el)[999]!;
    window.scrollTo(0, document.documentElement.scrollHeight);
    await until(() => {
      const box = last.getBoundingClientRect();
      return box.bottom <= innerHeight && box.top >= 0 && rendered(last.querySelector('td')!);
    }, 4000, 'the last row on screen');
    const expected = mock.store.listInvoices({ pageSize: 1000 }).items[999]!;
    expect(cells(last)[0]).to.equal(expected.reference);
    expect(last.querySelector('button')!.getAttribute('aria-label')).to.equal(`Détails de la facture ${expected.reference}`);
  });

  it('keeps keyboard focus on a row scrolled out of view, and Tab goes on to the next row', async () => {
    const el = await mountThousand();
    const [first, second] = rows(el).map((r) => r.querySelector('button')!);
    first!.focus();
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frames();
    await frames();
    expect(first!.getBoundingClientRect().bottom).to.be.below(0, 'scrolled out of view');
    expect(el.shadowRoot!.activeElement).to.equal(first);
    expect(rendered(first!)).to.equal(true, 'the focused row stays rendered');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(second);
    await until(() => second!.getBoundingClientRect().top >= 0 && second!.getBoundingClientRect().bottom <= innerHeight, 2000, 'the next row scrolled into view');
  });

  it('opens a row far down the page and gives focus back to it', async () => {
    const el = await mountThousand();
    const row = rows(el)[800]!;
    row.scrollIntoView();
    await frames();
    const button = row.querySelector('button')!;
    button.click();
    const dialog = $(el, 'dialog.detail') as HTMLDialogElement;
    await until(() => dialog.open, 2000, 'the dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 2000, 'closed');
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('as cards, names each cell by its column and leaves the empty ones out', async () => {
    const el = await fixture<AktoInvoiceList>(html`<akto-invoice-list api-base="/api"></akto-invoice-list>`);
    await until(() => rows(el).length === 20, 4000, '20 rows');
    await setViewport({ width: 375, height: 800 });
    await frames();
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].slice(0, -1).map((th) => text(th));
    const shown = rows(el).flatMap((row) => [...row.querySelectorAll('td:not(.details)')]);
    const empty = shown.filter((td) => text(td) === '');
    expect(empty.length, 'some invoices are not paid yet: no transfer').to.be.above(0);
    for (const td of empty) expect(getComputedStyle(td).display).to.equal('none');
    for (const row of rows(el)) {
      const full = [...row.querySelectorAll('td:not(.details)')].filter((td) => text(td) !== '');
      for (const td of full) {
        expect(getComputedStyle(td).display).to.equal('grid');
        expect(getComputedStyle(td, '::before').content).to.equal(`"${headers[[...row.children].indexOf(td)]}"`);
      }
    }
  });

  it('is accessible (axe), as a table and as cards', async function () {
    // Two axe runs over 1,000 rows: seconds on a quiet machine, over a minute on a loaded one.
    this.timeout(180_000);
    const el = await mountThousand();
    await expect(el).to.be.accessible();
    await setViewport({ width: 375, height: 800 });
    await frames();
    expect(getComputedStyle(rows(el)[0]!).display).to.equal('block');
    await expect(el).to.be.accessible();
  });
});
