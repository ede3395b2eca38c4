/**
 * Every string the API returns set to markup and script payloads: every element renders them as
 * text. Nothing runs, nothing becomes an element.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import { mock, startMock, until } from './helpers/mock.js';

const PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=2</script>', "javascript:window.__pwned=3//", '<svg onload="window.__pwned=4">'];
const payload = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

/** The seeded store, with every human-readable string replaced by a payload. */
function poison(): void {
  const s = mock.store;
  s.entities.forEach((e, i) => (e.name = `${payload(i)} ${e.name}`));
  s.invoices.forEach((inv, i) => {
    inv.reference = `${payload(i)}${inv.reference}`;
    inv.transferNumber &&= payload(i + 1);
    inv.linkedDossiers.forEach((d) => {
      d.trainees = [payload(i + 2)];
      d.scheme = payload(i + 3);
      d.place = payload(i);
    });
  });
  s.dossiers.forEach((d, i) => {
    d.title = payload(i);
    d.company = payload(i + 1);
    d.trainingBody = payload(i + 2);
    d.trainees = [payload(i + 3)];
    d.scheme = payload(i);
  });
  for (const p of s.pending.values()) {
    p.fileName = `${payload(1)}.pdf`;
    p.fields.invoiceNumber = payload(2);
  }
}

/** All the elements' shadow roots, recursively. */
function roots(node: ParentNode, found: ShadowRoot[] = []): ShadowRoot[] {
  for (const el of node.querySelectorAll('*')) {
    if (el.shadowRoot) {
      found.push(el.shadowRoot);
      roots(el.shadowRoot, found);
    }
  }
  return found;
}

function assertInert(host: HTMLElement): void {
  const all = [host, ...roots(host)];
  for (const root of all) {
    expect(root.querySelectorAll('img[src="x"], script, svg[onload]').length, 'payload parsed as markup').to.equal(0);
    for (const a of root.querySelectorAll('a[href]')) expect(a.getAttribute('href')!.startsWith('javascript:'), 'javascript: link').to.equal(false);
  }
  expect((window as { __pwned?: number }).__pwned, 'payload executed').to.equal(undefined);
}

describe('hostile data from the API', () => {
  beforeEach(async () => {
    await startMock();
    poison();
  });

  it('the invoice list, its detail and the dossiers show it as text', async () => {
    const widget = await fixture<HTMLElement>(html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`);
    const list = await until(() => widget.shadowRoot!.querySelector('akto-invoice-list')?.shadowRoot, 4000, 'the list');
    await until(() => list.querySelector('tbody tr:not(.skeleton)'), 4000, 'the rows');
    expect(list.textContent).to.contain('<img src=x onerror=');
    (list.querySelector('[aria-controls="filters"]') as HTMLButtonElement).click(); // entity names in the filter
    list.querySelector<HTMLButtonElement>('tbody tr:not(.skeleton) .details button')!.click();
    await until(() => widget.shadowRoot!.querySelector('akto-invoice-detail')?.shadowRoot?.querySelector('article'), 4000, 'the detail');
    assertInert(widget);
    (widget as HTMLElement & { view: string }).view = 'dossiers';
    const dossiers = await until(() => widget.shadowRoot!.querySelector('akto-dossier-list')?.shadowRoot?.querySelector('tbody tr:not(.skeleton)'), 4000, 'the dossiers');
    void dossiers;
    (widget as HTMLElement & { view: string }).view = 'dossier/2206AF000578';
    await until(() => widget.shadowRoot!.querySelector('akto-dossier-detail')?.shadowRoot?.querySelector('h2, h3'), 4000, 'the dossier');
    assertInert(widget);
  });

  it('a dossier number with a lone surrogate, linked through dossier-href, still renders the invoice', async () => {
    const invoice = mock.store.invoices[0]!;
    const broken = `${invoice.dossiers[0]}\uD83D`; // half an emoji: encodeURIComponent throws on it
    invoice.dossiers = [broken];
    invoice.linkedDossiers.forEach((d) => (d.number = broken));
    const detail = await fixture<HTMLElement>(html`<akto-invoice-detail api-base="/api" invoice-id=${invoice.id} dossier-href="/dossiers/{number}"></akto-invoice-detail>`);
    const link = await until(() => detail.shadowRoot?.querySelector<HTMLAnchorElement>('article a[href^="/dossiers/"]'), 4000, 'the dossier link');
    expect(link.getAttribute('href')).to.equal(`/dossiers/${encodeURIComponent(invoice.dossiers[0]!.slice(0, -1))}%EF%BF%BD`);
  });

  it('the deposit: entity names, pending file names and fields show it as text', async () => {
    const deposit = await fixture<HTMLElement>(html`<akto-invoice-deposit api-base="/api"></akto-invoice-deposit>`);
    const upload = await until(() => deposit.shadowRoot!.querySelector('akto-invoice-upload'), 4000, 'step 1');
    await until(() => upload.shadowRoot?.querySelector('akto-entity-picker')?.shadowRoot?.querySelector('li'), 4000, 'the entities');
    assertInert(deposit);
    const validate = await fixture<HTMLElement>(html`<akto-invoice-validate api-base="/api" entity="824092688"></akto-invoice-validate>`);
    await until(() => validate.shadowRoot!.querySelectorAll('tbody tr').length === 2, 4000, 'the pending invoices');
    expect(validate.shadowRoot!.querySelector<HTMLInputElement>('input[id^="invoiceNumber-"]')!.value).to.equal(PAYLOADS[2]);
    assertInert(validate);
  });
});

describe('unbounded strings from the API', () => {
  const LONG = 'X'.repeat(10_000); // one unbroken word of 10,000 characters

  beforeEach(async () => {
    await startMock();
    await setViewport({ width: 1280, height: 900 });
    const s = mock.store;
    s.entities.forEach((e) => (e.name = `${LONG} ${e.name}`));
    s.invoices.forEach((inv) => {
      inv.reference = LONG;
      inv.transferNumber &&= LONG;
      inv.linkedDossiers.forEach((d) => {
        d.trainees = [LONG];
        d.scheme = LONG;
        d.place = LONG;
      });
    });
    s.dossiers.forEach((d) => {
      d.title = LONG;
      d.company = LONG;
      d.trainingBody = LONG;
      d.trainees = [LONG];
      d.scheme = LONG;
    });
    for (const p of s.pending.values()) p.fileName = `${LONG}.pdf`;
  });

  /** Nothing wider than the window: not the page, not an element, not a cell over its neighbours. */
  function assertContained(host: HTMLElement, where: string): void {
    // Named in the failure: every element wider than the window, or whose content overflows it.
    const wide: string[] = [];
    for (const root of [document, ...roots(document)]) {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const box = el.getBoundingClientRect();
        if (box.right > window.innerWidth + 1 || (el.scrollWidth > el.clientWidth + 1 && el.scrollWidth > 1000)) wide.push(`${el.localName}.${el.className}`);
      }
    }
    expect(document.documentElement.scrollWidth, `${where}: the page's width (${wide.slice(0, 12).join(' | ')})`).to.be.at.most(window.innerWidth);
    for (const root of [host, ...roots(host)]) {
      const scope = root instanceof ShadowRoot ? root : host;
      for (const el of scope.querySelectorAll<HTMLElement>('td, th, dd, dt, li, p, h2, h3, label, span, a')) {
        if (el.closest('.visually-hidden') || el.getClientRects().length === 0) continue;
        const box = el.getBoundingClientRect();
        expect(box.right, `${where}: <${el.localName} class="${el.className}"> ends past the window`).to.be.at.most(window.innerWidth + 1);
        if (el.localName === 'td' || el.localName === 'th') expect(el.scrollWidth, `${where}: a cell's text overflows it`).to.be.at.most(el.clientWidth + 1);
      }
    }
  }

  it('the list, an invoice, the dossiers and a dossier keep to the window, the text wrapped or cut with its whole in a title', async () => {
    const widget = await fixture<HTMLElement & { view: string }>(html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`);
    const list = await until(() => widget.shadowRoot!.querySelector('akto-invoice-list')?.shadowRoot, 4000, 'the list');
    await until(() => list.querySelector('tbody tr:not(.skeleton)'), 4000, 'the rows');
    (list.querySelector('[aria-controls="filters"]') as HTMLButtonElement).click();
    await until(() => list.querySelector('select#entity'), 2000, 'the entity filter');
    assertContained(widget, 'Mes factures');
    widget.view = `invoice/${mock.store.invoices.find((i) => i.transferNumber)!.id}`;
    await until(() => widget.shadowRoot!.querySelector('akto-invoice-detail')?.shadowRoot?.querySelector('article'), 4000, 'the detail');
    assertContained(widget, 'the invoice');
    widget.view = 'dossiers';
    await until(() => widget.shadowRoot!.querySelector('akto-dossier-list')?.shadowRoot?.querySelector('tbody tr:not(.skeleton)'), 4000, 'the dossiers');
    assertContained(widget, 'Mes dossiers');
    widget.view = 'dossier/2206AF000578';
    await until(() => widget.shadowRoot!.querySelector('akto-dossier-detail')?.shadowRoot?.querySelector('h2, h3'), 4000, 'the dossier');
    assertContained(widget, 'the dossier');
  });

  it('the deposit: the entity picker and step 2 keep to the window', async () => {
    const deposit = await fixture<HTMLElement>(html`<akto-invoice-deposit api-base="/api"></akto-invoice-deposit>`);
    const upload = await until(() => deposit.shadowRoot!.querySelector('akto-invoice-upload'), 4000, 'step 1');
    await until(() => upload.shadowRoot?.querySelector('akto-entity-picker')?.shadowRoot?.querySelector('li'), 4000, 'the entities');
    assertContained(deposit, 'step 1');
    const validate = await fixture<HTMLElement>(html`<akto-invoice-validate api-base="/api" entity="824092688"></akto-invoice-validate>`);
    await until(() => validate.shadowRoot!.querySelectorAll('tbody tr').length === 2, 4000, 'the pending invoices');
    assertContained(validate, 'step 2');
    // A 422 whose message on the SIRET is one word of 10,000 characters.
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      if (!String(input instanceof Request ? input.url : input).endsWith('/validation')) return realFetch(input, init);
      const problem = { type: 'about:blank', title: LONG, status: 422, detail: LONG, errors: [{ field: 'siret', code: 'siret-unknown', message: LONG }] };
      return new Response(JSON.stringify(problem), { status: 422, headers: { 'Content-Type': 'application/problem+json' } });
    };
    try {
      const row = validate.shadowRoot!.querySelector('tbody tr')!;
      [...row.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim().startsWith('Valider'))!.click();
      await until(() => validate.shadowRoot!.textContent!.includes(LONG), 4000, 'the message on the SIRET');
      assertContained(validate, 'step 2 after a 422');
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('right-to-left marks in names from the API', () => {
  const TRICK = 'ACME\u202Efdp.exe'; // a right-to-left override: what follows it would be shown reversed

  beforeEach(async () => {
    await startMock();
    mock.store.entities.forEach((e) => (e.name = TRICK));
  });

  it('are isolated: the SIREN beside a name is never reversed (step 1, the picker, the list filter)', async () => {
    const upload = await fixture<HTMLElement>(html`<akto-invoice-upload api-base="/api"></akto-invoice-upload>`);
    const picker = await until(() => upload.shadowRoot?.querySelector('akto-entity-picker')?.shadowRoot?.querySelector('li'), 4000, 'the entities');
    const name = picker.querySelector('.name')!;
    expect(name.localName, 'the name is its own isolated element').to.equal('bdi');
    expect(name.textContent).to.equal(TRICK);
    const list = await fixture<HTMLElement>(html`<akto-invoice-list api-base="/api"></akto-invoice-list>`);
    await until(() => list.shadowRoot!.querySelector('tbody tr:not(.skeleton)'), 4000, 'the rows');
    list.shadowRoot!.querySelector<HTMLButtonElement>('[aria-controls="filters"]')!.click();
    const option = await until(() => list.shadowRoot!.querySelector('select#entity option[value]:not([value=""])'), 2000, 'an entity in the filter');
    expect(option.textContent!.startsWith(`\u2068${TRICK}\u2069 (`), 'the name isolated before its SIREN').to.equal(true);
    const entity = mock.store.entities[0]!;
    upload.setAttribute('entity', entity.siren);
    const header = await until(() => upload.shadowRoot!.querySelector('.entity'), 4000, 'step 1 for one entity');
    expect(header.textContent).to.contain(`\u2068${TRICK}\u2069`);
  });
});
