/**
 * Every string the API returns set to markup and script payloads: every element renders them as
 * text. Nothing runs, nothing becomes an element.
 */
import { expect, fixture, html } from '@open-wc/testing';
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
