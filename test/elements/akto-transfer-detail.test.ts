import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/akto-transfer-detail/define.js';
import type { AktoTransferDetail } from '../../src/elements/akto-transfer-detail/akto-transfer-detail.js';
import { AKTO_INVOICE_OPEN } from '../../src/core/events.js';
import { whenLocaleReady } from '../../src/i18n/index.js';
import { loadScreens } from '../../src/i18n/screens/index.js';
import { mock, startMock, until } from '../helpers/mock.js';
import { $, $$, shadow, text } from '../helpers/dom.js';

const plain = (value: string) => value.replace(/\u202f|\u00a0/g, ' ');
/** A transfer of the seed that paid several invoices, and those invoices. */
function sharedTransfer() {
  const number = mock.store.invoices.map((i) => i.transferNumber).find((n) => n && mock.store.invoices.filter((i) => i.transferNumber === n).length > 1)!;
  return { number, invoices: mock.store.invoices.filter((i) => i.transferNumber === number) };
}

async function mount(number: string, attrs = html``): Promise<AktoTransferDetail> {
  const el = await fixture<AktoTransferDetail>(html`<akto-transfer-detail api-base="/api" transfer-id=${number}>${attrs}</akto-transfer-detail>`);
  await until(() => $(shadow(el), 'article') || $(shadow(el), '[role="alert"]'), 3000, 'the transfer');
  return el;
}

describe('<akto-transfer-detail>', () => {
  beforeEach(async () => {
    await startMock();
    await setViewport({ width: 1280, height: 900 });
    document.documentElement.lang = 'fr';
  });

  it('is accessible (axe), wide and narrow', async () => {
    const el = await mount(sharedTransfer().number);
    await expect(el).to.be.accessible();
    await setViewport({ width: 390, height: 800 });
    await expect(el).to.be.accessible();
  });

  it('shows the number, date, amount, beneficiary and the invoices it paid', async () => {
    const { number, invoices } = sharedTransfer();
    const el = await mount(number);
    expect(plain(text($(shadow(el), 'h2')))).to.equal(`Virement N° ${number}`);
    const summary = Object.fromEntries($$(shadow(el), '[part="summary"] > div').map((d) => [text(d.querySelector('dt')), plain(text(d.querySelector('dd')))]));
    expect(summary['Date du virement']).to.equal(invoices[0]!.transferDate!.split('-').reverse().join('/'));
    const paid = invoices.reduce((sum, i) => sum + (i.status === 'partiellement-payee' ? Math.round((i.amountTTC! / 2) * 100) / 100 : i.amountTTC!), 0);
    expect(summary['Montant versé']).to.equal(plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(paid)));
    expect(summary['Bénéficiaire']).to.equal(mock.store.entities.find((e) => e.siren === invoices[0]!.entitySiren)!.name);
    expect(summary['Compte crédité']).to.match(/^FR76 •••• \d{4}$/);
    const rows = $$(shadow(el), 'tbody tr');
    expect(rows.map((r) => text(r.querySelector('td')))).to.have.members(invoices.map((i) => i.reference));
    expect(text($(shadow(el), 'caption'))).to.equal(`${invoices.length} factures payées par ce virement`);
    expect($$(shadow(el), 'thead th').map((th) => text(th))).to.deep.equal(['Référence', "Date d'émission", 'Montant TTC', 'Payé par ce virement', 'État']);
  });

  it('opens an invoice with a cancelable akto-invoice-open when no invoice-href is set', async () => {
    const { number, invoices } = sharedTransfer();
    const el = await mount(number);
    const first = $$<HTMLButtonElement>(shadow(el), 'tbody button')[0]!;
    expect(first.getAttribute('aria-label')).to.equal(`Voir la facture ${text(first)}`);
    setTimeout(() => first.click());
    const event = await oneEvent(el, AKTO_INVOICE_OPEN);
    expect(event.cancelable).to.equal(true);
    const invoice = invoices.find((i) => i.reference === text(first))!;
    expect(event.detail).to.deep.equal({ invoiceId: invoice.id, reference: invoice.reference });
  });

  it('links each invoice through the invoice-href template', async () => {
    const { number, invoices } = sharedTransfer();
    const el = await fixture<AktoTransferDetail>(html`<akto-transfer-detail api-base="/api" transfer-id=${number} invoice-href="/factures/{id}?ref={reference}"></akto-transfer-detail>`);
    await until(() => $$(shadow(el), 'tbody a').length, 3000, 'the links');
    const hrefs = $$<HTMLAnchorElement>(shadow(el), 'tbody a').map((a) => a.getAttribute('href'));
    expect(hrefs).to.have.members(invoices.map((i) => `/factures/${i.id}?ref=${encodeURIComponent(i.reference)}`));
  });

  it('says a transfer is unknown without offering a retry that cannot help, and retries a server error', async () => {
    const el = await mount('VIR-INCONNU');
    expect(text($(shadow(el), '[role="alert"]'))).to.equal("Ce virement n'existe pas ou ne concerne aucune de vos entités.");
    expect($(shadow(el), '[role="alert"] button')).to.equal(null);
    mock.faults.fail('getTransfer', 'server-error', { times: 1 });
    el.transferId = sharedTransfer().number;
    const retry = await until(() => $<HTMLButtonElement>(shadow(el), '[role="alert"] button'), 3000, 'Réessayer');
    expect(text(retry)).to.equal('Réessayer');
    retry.click();
    await until(() => $(shadow(el), 'article'), 3000, 'the transfer after the retry');
  });

  it('speaks English', async () => {
    await Promise.all([whenLocaleReady('en'), loadScreens('en')]);
    const { number } = sharedTransfer();
    const el = await fixture<AktoTransferDetail>(html`<akto-transfer-detail api-base="/api" lang="en" transfer-id=${number}></akto-transfer-detail>`);
    await until(() => $(shadow(el), 'article'), 3000, 'the transfer');
    expect(text($(shadow(el), 'h2'))).to.equal(`Transfer No. ${number}`);
    expect(text($(shadow(el), 'h3'))).to.equal('Invoices paid by this transfer');
  });
});
