/**
 * The demo's fault panel (demo/fault-panel.ts), driven as a user would, against the mock backend
 * (demo/mock-backend.ts; the server's adapter is tested in test/demo-server/):
 * what it sets is what the API then does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/elements/akto-invoice-list/define.js';
import { ApiClient } from '../src/api/client.js';
import { ApiError } from '../src/api/errors.js';
import { DEMO_BACKEND_RESET, FAULT_LABELS, SINGLE_ENTITY, type DemoFaultPanel } from '../demo/fault-panel.js';
import { MockDemoBackend } from '../demo/mock-backend.js';
import { mock, rejection, startMock, until } from './helpers/mock.js';

const api = new ApiClient({ baseUrl: '/api', language: 'fr-FR', timeoutMs: 3000 });


function control<T extends HTMLElement>(panel: HTMLElement, selector: string): T {
  const element = panel.querySelector<T>(selector);
  if (!element) throw new Error(`No ${selector} in the panel`);
  return element;
}

function choose(panel: HTMLElement, name: string, value: string): void {
  const select = control<HTMLSelectElement>(panel, `select[name="${name}"]`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function button(panel: HTMLElement, text: string): HTMLButtonElement {
  const found = [...panel.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`No button « ${text} »`);
  return found;
}

const activeText = (panel: HTMLElement) => control(panel, '.fault-panel__active').textContent ?? '';

// The page's own stylesheet, so axe checks the colours the demo really shows.
before(async () => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/demo.css' });
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
});

describe('demo fault panel', () => {
  let panel: DemoFaultPanel;

  beforeEach(async () => {
    await startMock();
    sessionStorage.removeItem('demo-fault-panel-open');
    panel = await fixture<DemoFaultPanel>(html`<demo-fault-panel .backend=${new MockDemoBackend(mock)}></demo-fault-panel>`);
    panel.open = true;
  });

  afterEach(() => mock.reset());

  it('is accessible, open and collapsed', async () => {
    await expect(panel).to.be.accessible();
    const toggle = control<HTMLButtonElement>(panel, '.fault-panel__toggle');
    expect(toggle.textContent).to.contain('Panneau de démonstration').and.contain("(simulateur d'API)");
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');

    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(control(panel, '.fault-panel__body').hidden).to.equal(true);
    await expect(panel).to.be.accessible();
  });

  it('labels every control and groups them in fieldsets', () => {
    for (const field of panel.querySelectorAll('select, input')) {
      expect(panel.querySelector(`label[for="${field.id}"]`), field.getAttribute('name') ?? '').to.exist;
    }
    const legends = [...panel.querySelectorAll('fieldset > legend')].map((l) => l.textContent);
    expect(legends).to.deep.equal(['Lenteur du serveur', 'Panne', 'Compte']);
    const faults = [...control<HTMLSelectElement>(panel, 'select[name="fault"]').options].map((o) => o.textContent);
    expect(faults).to.deep.equal(['Aucune (rétablir)', ...Object.values(FAULT_LABELS)]);
    const routes = [...control<HTMLSelectElement>(panel, 'select[name="route"]').options].map((o) => o.value);
    expect(routes).to.include.members(['*', 'listEntities', 'listInvoices', 'createUpload', 'lookupSiret']);
  });

  it('makes the chosen endpoint fail as chosen, and only that one', async () => {
    choose(panel, 'route', 'listInvoices');
    choose(panel, 'fault', 'server-error');
    button(panel, 'Appliquer').click();

    expect(mock.faults.snapshot().failures).to.deep.equal([['listInvoices', 'server-error']]);
    expect(activeText(panel)).to.contain('listInvoices : Erreur 500');
    const error = await rejection(api.call('listInvoices', {}));
    expect(error).to.be.instanceOf(ApiError);
    expect(error.status).to.equal(500);
    expect((await api.call('listEntities', {})).items).to.have.length.greaterThan(1);
    // Still failing: no « une seule fois ».
    expect((await rejection(api.call('listInvoices', {}))).status).to.equal(500);
  });

  it('fails once with « une seule fois », then the endpoint works again and the list says so', async () => {
    choose(panel, 'route', 'listEntities');
    choose(panel, 'fault', 'network');
    control<HTMLInputElement>(panel, 'input[name="once"]').click();
    button(panel, 'Appliquer').click();
    expect(activeText(panel)).to.contain('listEntities : Réseau coupé (une seule fois)');

    expect((await rejection(api.call('listEntities', {}))).kind).to.equal('network');
    expect((await api.call('listEntities', {})).items).to.have.length.greaterThan(1);
    expect(mock.faults.snapshot().failures).to.deep.equal([]);
    await until(() => activeText(panel).includes('répond normalement'), 2000, 'the used-up fault to leave the list');
  });

  it('applies every fault to every endpoint with « Toutes », and heals it with « Aucune »', async () => {
    choose(panel, 'route', '*');
    choose(panel, 'fault', 'unauthorized');
    button(panel, 'Appliquer').click();
    expect(mock.faults.snapshot().failures).to.deep.equal([['*', 'unauthorized']]);
    expect((await rejection(api.call('listEntities', {}))).kind).to.equal('unauthorized');
    expect((await rejection(api.call('listDossiers', {}))).kind).to.equal('unauthorized');

    choose(panel, 'fault', 'malformed');
    button(panel, 'Appliquer').click();
    expect((await rejection(api.call('listEntities', {}))).kind).to.equal('contract');

    choose(panel, 'fault', '');
    button(panel, 'Appliquer').click();
    expect(mock.faults.snapshot().failures).to.deep.equal([]);
    expect((await api.call('listEntities', {})).items.length).to.be.greaterThan(1);
  });

  it('removes one fault with its « Retirer » button', async () => {
    mock.faults.fail('getInvoice', 'timeout');
    mock.faults.fail('listInvoices', 'server-error');
    await until(() => panel.querySelectorAll('.fault-panel__remove').length === 2, 2000, 'both faults listed');
    control<HTMLButtonElement>(panel, '[data-route="getInvoice"] .fault-panel__remove').click();
    expect(mock.faults.snapshot().failures).to.deep.equal([['listInvoices', 'server-error']]);
  });

  it('sets the latency and the slow upload', () => {
    choose(panel, 'latency', '1000');
    choose(panel, 'upload-latency', '5000');
    expect(mock.faults.latencyMs).to.equal(1000);
    expect(mock.faults.uploadLatencyMs).to.equal(5000);
    expect(activeText(panel)).to.contain('Latence : 1 s').and.contain('Téléversement lent : + 5 s');
    expect(control(panel, '.fault-panel__summary').textContent).to.equal('lenteur');
  });

  it('switches to an account with a single entity, and back', async () => {
    choose(panel, 'latency', '300');
    control<HTMLInputElement>(panel, 'input[name="single-entity"]').click();
    expect((await api.call('listEntities', {})).items.map((e) => e.siren)).to.deep.equal([SINGLE_ENTITY]);
    expect(mock.faults.latencyMs, 'latency kept').to.equal(300);

    control<HTMLInputElement>(panel, 'input[name="single-entity"]').click();
    expect((await api.call('listEntities', {})).items.length).to.be.greaterThan(1);
  });

  it('« Tout réinitialiser » clears faults, delays and the single-entity account, and tells the page', async () => {
    choose(panel, 'latency', '3000');
    control<HTMLInputElement>(panel, 'input[name="single-entity"]').click();
    choose(panel, 'route', 'listInvoices');
    choose(panel, 'fault', 'timeout');
    button(panel, 'Appliquer').click();
    expect(mock.faults.snapshot().failures).to.have.length(1);

    let told = 0;
    document.addEventListener(DEMO_BACKEND_RESET, () => (told += 1), { once: true });
    button(panel, 'Tout réinitialiser').click();

    expect(mock.faults.snapshot()).to.deep.equal({ latencyMs: 0, uploadLatencyMs: 0, failures: [] });
    expect(told).to.equal(1);
    expect(control<HTMLSelectElement>(panel, 'select[name="latency"]').value).to.equal('0');
    expect(control<HTMLInputElement>(panel, 'input[name="single-entity"]').checked).to.equal(false);
    expect(activeText(panel)).to.contain('répond normalement');
    expect((await api.call('listInvoices', {})).items.length).to.be.greaterThan(0);
    expect((await api.call('listEntities', {})).items.length).to.be.greaterThan(1);
  });

  it('collapses with Escape and gives focus back to its toggle', () => {
    const select = control<HTMLSelectElement>(panel, 'select[name="route"]');
    select.focus();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel.open).to.equal(false);
    expect(document.activeElement).to.equal(control(panel, '.fault-panel__toggle'));
  });
});

describe('the demo panel over the page (issue 16 §5)', () => {
  afterEach(() => window.scrollTo(0, 0));

  for (const width of [1280, 390]) {
    it(`never hides the « Détails » the keyboard reaches, collapsed, at ${width} px`, async function () {
      this.timeout(20_000);
      await startMock();
      await setViewport({ width, height: 800 });
      sessionStorage.setItem('demo-fault-panel-open', 'false');
      const page = await fixture<HTMLElement>(html`<div><akto-invoice-list api-base="/api"></akto-invoice-list><p style="height: 1500px">Pied de page</p><demo-fault-panel .backend=${new MockDemoBackend(mock)}></demo-fault-panel></div>`);
      const panel = page.querySelector('demo-fault-panel')!;
      const list = page.querySelector('akto-invoice-list')!;
      const buttons = await until(() => {
        const found = [...(list.shadowRoot?.querySelectorAll<HTMLButtonElement>('td.details button') ?? [])];
        return found.length === 20 && found;
      }, 8000, 'the rows');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))); // the panel laid out, and measured
      const [previous, last] = buttons.slice(-2) as [HTMLButtonElement, HTMLButtonElement];
      // The page scrolled so that the last « Détails » is on screen, behind the bar.
      const bar = panel.getBoundingClientRect();
      window.scrollBy(0, last.getBoundingClientRect().bottom - (bar.top + bar.height / 2));
      previous.focus({ preventScroll: true });
      await sendKeys({ press: 'Tab' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(list.shadowRoot!.activeElement).to.equal(last);
      const button = last.getBoundingClientRect();
      const now = panel.getBoundingClientRect();
      const overlaps = button.bottom > now.top && button.top < now.bottom && button.right > now.left && button.left < now.right;
      expect(overlaps, `the focused « Détails » (${Math.round(button.top)}–${Math.round(button.bottom)} px) under the bar (${Math.round(now.top)}–${Math.round(now.bottom)} px)`).to.equal(false);
    });
  }
});
