import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/akto-invoice-detail/define.js';
import type { AktoInvoiceDetail } from '../../src/elements/akto-invoice-detail/akto-invoice-detail.js';
import { AKTO_DOSSIER_OPEN, AKTO_TRANSFER_OPEN, AKTO_UNAUTHORIZED } from '../../src/core/events.js';
import { ApiClient } from '../../src/api/client.js';
import { mock, sampleFile, startMock, until } from '../helpers/mock.js';
import { $, $$, shadow, text } from '../helpers/dom.js';
import { whenLocaleReady } from '../../src/i18n/index.js';

/** The definition list as label → value. */
const fields = (el: AktoInvoiceDetail, dl = 'dl') =>
  Object.fromEntries($$(shadow(el), `${dl} > div`).map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd')).replace(/\u202f|\u00a0/g, ' ')]));

async function mount(id: string): Promise<AktoInvoiceDetail> {
  const el = await fixture<AktoInvoiceDetail>(html`<akto-invoice-detail api-base="/api" invoice-id=${id}></akto-invoice-detail>`);
  await until(() => $(shadow(el), 'article') || $(shadow(el), '[role="alert"]'), 3000, 'the invoice');
  return el;
}

/** A paid invoice of the seeded history, with its transfer. */
function paidInvoice() {
  return mock.store.invoices.find((i) => i.status === 'payee' && i.transferNumber && i.iban)!;
}

describe('<akto-invoice-detail>', () => {
  beforeEach(async () => {
    await startMock();
    document.documentElement.lang = 'fr';
  });

  it('is accessible (axe)', async () => {
    const el = await mount(paidInvoice().id);
    await expect(el).to.be.accessible();
  });

  it('shows the guide fields: amounts, dates, status', async () => {
    const el = await mount('inv-0004');
    expect(text($(shadow(el), 'h2'))).to.equal('Facture N° TESFCTFB');
    expect(fields(el, 'dl.summary')).to.deep.equal({
      'Montant TTC': '500,00 €',
      'Montant HT': '500,00 €',
      TVA: '0,00 €',
      'Émise le': '16/06/2022',
      'Reçue le': '16/06/2022',
      Statut: "En cours d'analyse",
    });
    expect(text($(shadow(el), 'article'))).not.to.contain('Virement N°');
  });

  it('lists the linked dossiers with trainees, hours, scheme, dates and place', async () => {
    const el = await mount('inv-0004');
    expect(text($(shadow(el), '.dossier h4'))).to.equal('Dossier N° 2205CA000799');
    expect(fields(el, '.dossier dl')).to.deep.equal({
      'Stagiaire(s)': 'Natabah Behrane, Lucie Casino',
      "Nombre d'heures": '500',
      Dispositif: "CONTRAT D'APPRENTISSAGE GENERATION 2",
      Début: '02/10/2022',
      Fin: '31/12/2023',
      Lieu: '.',
    });
  });

  it('shows a paid invoice transfer and masks the IBAN, which the user can copy whole', async () => {
    const invoice = paidInvoice();
    const el = await mount(invoice.id);
    const transfer = fields(el, 'section:last-of-type dl');
    expect(transfer).to.deep.equal({ 'Virement N°': invoice.transferNumber, 'Traité le': invoice.transferDate!.split('-').reverse().join('/') });
    const code = $(shadow(el), '.iban code')!;
    expect(text(code)).to.equal(`${invoice.iban!.slice(0, 4)} •••• •••• •••• ${invoice.iban!.slice(-4)}`);
    expect(text(code)).not.to.contain(invoice.iban!.slice(4, 12));
    const copied: string[] = [];
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (value: string) => void copied.push(value);
    try {
      ($$(shadow(el), '.iban button').find((b) => text(b) === "Copier l'IBAN") as HTMLButtonElement).click();
      await until(() => copied.length, 1000, 'the copy');
      expect(copied).to.deep.equal([invoice.iban]);
      await until(() => text($(shadow(el), '.iban [role="status"]')) === 'IBAN copié dans le presse-papiers', 1000, 'the confirmation');
    } finally {
      navigator.clipboard.writeText = original;
    }
  });

  it('shows the whole IBAN when the clipboard is refused', async () => {
    const invoice = paidInvoice();
    const el = await mount(invoice.id);
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    try {
      ($$(shadow(el), '.iban button').find((b) => text(b) === "Copier l'IBAN") as HTMLButtonElement).click();
      await until(() => text($(shadow(el), '.iban code')).replace(/ /g, '') === invoice.iban, 1000, 'the full IBAN');
    } finally {
      navigator.clipboard.writeText = original;
    }
  });

  it('masks the IBAN again when it shows another invoice', async () => {
    const [first, other] = mock.store.invoices.filter((i) => i.status === 'payee' && i.transferNumber && i.iban);
    const el = await mount(first!.id);
    ($$(shadow(el), '.iban button').find((b) => text(b) === "Afficher l'IBAN complet") as HTMLButtonElement).click();
    await until(() => text($(shadow(el), '.iban code')).replace(/ /g, '') === first!.iban, 1000, 'the full IBAN');
    el.invoiceId = other!.id;
    await until(() => text($(shadow(el), '.iban code')).endsWith(other!.iban!.slice(-4)), 3000, 'the other invoice');
    expect(text($(shadow(el), '.iban code'))).to.contain('••••');
  });

  it('links dossier and transfer through the host URL templates', async () => {
    const invoice = paidInvoice();
    const el = await fixture<AktoInvoiceDetail>(
      html`<akto-invoice-detail api-base="/api" invoice-id=${invoice.id} dossier-href="/mes-dossiers/{number}" transfer-href="/virements/{number}?from=facture"></akto-invoice-detail>`,
    );
    await until(() => $(shadow(el), 'article'), 3000, 'the invoice');
    const dossier = $(shadow(el), '.dossier a') as HTMLAnchorElement;
    expect(dossier.getAttribute('href')).to.equal(`/mes-dossiers/${invoice.dossiers[0]}`);
    expect(dossier.getAttribute('aria-label')).to.equal(`Voir le dossier ${invoice.dossiers[0]}`);
    const transfer = $$(shadow(el), 'a').find((a) => text(a) === invoice.transferNumber) as HTMLAnchorElement;
    expect(transfer.getAttribute('href')).to.equal(`/virements/${invoice.transferNumber}?from=facture`);
  });

  it('fires events for the links when no template is set', async () => {
    const invoice = paidInvoice();
    const el = await mount(invoice.id);
    setTimeout(() => ($(shadow(el), '.dossier button') as HTMLButtonElement).click());
    const dossier = await oneEvent(el, AKTO_DOSSIER_OPEN);
    expect(dossier.detail.number).to.equal(invoice.dossiers[0]);
    const transferButton = $$(shadow(el), 'button').find((b) => text(b) === invoice.transferNumber)!;
    setTimeout(() => transferButton.click());
    const transfer = await oneEvent(el, AKTO_TRANSFER_OPEN);
    expect(transfer.detail.transferNumber).to.equal(invoice.transferNumber);
  });

  it('offers the PDF when the API provides it', async () => {
    const api = new ApiClient({ baseUrl: '/api' });
    const upload = await api.upload(await sampleFile('demo/samples/facture-2606-calcul-mental.pdf'), 'invoice', 'f.pdf');
    const deposit = await api.call('createDeposit', { params: { siren: '527319461' }, body: { invoices: [{ uploadId: upload.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }] } });
    const withPdf = await mount(deposit.pending[0]!.id);
    expect($$(shadow(withPdf), 'button').some((b) => text(b) === 'Voir la facture (PDF)')).to.equal(true);
    const withoutPdf = await mount('inv-0004');
    expect($$(shadow(withoutPdf), 'button').some((b) => text(b) === 'Voir la facture (PDF)')).to.equal(false);
  });

  it('shows the problem with « Réessayer », then recovers', async () => {
    mock.faults.fail('getInvoice', 'network', { times: 1 });
    const el = await mount('inv-0004');
    expect(text($(shadow(el), '[role="alert"]'))).to.contain('injoignable');
    ($(shadow(el), '[role="alert"] button') as HTMLButtonElement).click();
    await until(() => $(shadow(el), 'article'), 3000, 'the invoice after retry');
  });

  it('fires akto-unauthorized on a 401', async () => {
    mock.faults.fail('getInvoice', 'unauthorized');
    const mounted = mount('inv-0004');
    const event = await oneEvent(document, AKTO_UNAUTHORIZED);
    expect(event.detail.error.status).to.equal(401);
    await mounted;
  });

  it('speaks English', async () => {
    await whenLocaleReady('en');
    const el = await fixture<AktoInvoiceDetail>(html`<akto-invoice-detail api-base="/api" invoice-id="inv-0004" lang="en"></akto-invoice-detail>`);
    await until(() => $(shadow(el), 'article'), 3000, 'the invoice');
    expect(text($(shadow(el), 'h2'))).to.equal('Invoice No. TESFCTFB');
    expect(fields(el, 'dl.summary')['Amount incl. VAT']).to.equal('€500.00');
    expect(text($(shadow(el), 'article'))).to.contain('Linked dossiers');
  });
});
