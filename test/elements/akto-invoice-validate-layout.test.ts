/**
 * Step 2's layout in the demo's real page, at the window widths people use: the demo's own markup
 * (demo/index.html) and stylesheet (demo/demo.css) around the real <akto-invoice-widget>, so the
 * element gets the width a partner page gives it (911 px at 1024, 1,054 px from 1280 on), not a
 * full-width story's. The guide's layout is the table, its columns lettered A–F plus « Envoyé le »,
 * and the invoice's preview beside it, sticky while the rows scroll; cards only where the table
 * cannot fit, with the letters too.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ApiClient } from '../../src/api/client.js';
import '../../src/elements/akto-invoice-widget/define.js';
import type { AktoInvoiceDeposit } from '../../src/elements/akto-invoice-deposit/akto-invoice-deposit.js';
import type { AktoInvoiceValidate } from '../../src/elements/akto-invoice-validate/akto-invoice-validate.js';
import { $, $$, shadow, text } from '../helpers/dom.js';
import { sampleFile, startMock, until } from '../helpers/mock.js';

const AFPA = '824092688';
const api = new ApiClient({ baseUrl: '/api' });
const SAMPLES = ['facture-2507-diagnostiqueur-immobilier-3-dossiers.pdf', 'facture-2606-calcul-mental.pdf', 'avoir-2607-calcul-mental.pdf'];

/** Deposits the samples for AFPA, as step 1 would: with the two seeded ones, five invoices, three with a PDF. */
async function depositSamples(): Promise<void> {
  const uploads = await Promise.all(SAMPLES.map(async (name) => api.upload(await sampleFile(`demo/samples/${name}`), 'invoice', name)));
  await api.call('createDeposit', {
    params: { siren: AFPA },
    body: { invoices: uploads.map((u) => ({ uploadId: u.id, creditNote: u.name.startsWith('avoir'), salaryCosts: false, supportingUploadIds: [], derogation: 'cfa-of' as const })) },
  });
}

/** The demo page's body (its header, breadcrumbs, the block around the widget, footer), its scripts left out, the widget on the mock. */
async function demoPage(): Promise<{ page: HTMLElement; widget: HTMLElement }> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/demo.css' });
  const loaded = new Promise((resolve, reject) => Object.assign(link, { onload: resolve, onerror: reject }));
  document.head.append(link);
  await loaded;
  const source = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
  source.querySelectorAll('script').forEach((s) => s.remove());
  const widget = source.querySelector('akto-invoice-widget')!;
  widget.removeAttribute('use-hash');
  widget.setAttribute('api-base', '/api');
  widget.setAttribute('view', 'deposit');
  const page = document.createElement('div');
  page.append(...[...source.body.childNodes].map((n) => document.importNode(n, true)));
  document.body.append(page);
  return { page, widget: page.querySelector<HTMLElement>('akto-invoice-widget')! };
}

const box = (el: Element) => el.getBoundingClientRect();

describe('step 2 in the demo page', function () {
  this.timeout(30_000);
  let page: HTMLElement;
  let validate: AktoInvoiceValidate;
  const part = <E extends Element = HTMLElement>(selector: string) => $<E>(shadow(validate), selector)!;
  const rows = () => $$(shadow(validate), 'tbody tr');

  before(async () => {
    await startMock();
    document.documentElement.lang = 'fr';
    await depositSamples();
    await setViewport({ width: 1280, height: 900 });
    const demo = await demoPage();
    page = demo.page;
    // The deposit, for AFPA, at « 2. Validation » (as « Les valider maintenant » leads there).
    const deposit = await until(() => shadow(demo.widget).querySelector<AktoInvoiceDeposit>('akto-invoice-deposit'), 8000, 'the deposit');
    deposit.entity = AFPA;
    deposit.step = 'validate';
    validate = await until(() => shadow(deposit).querySelector<AktoInvoiceValidate>('akto-invoice-validate'), 8000, 'step 2');
    await until(() => rows().length === 5 && $(shadow(validate), '.preview'), 8000, 'the five invoices and the preview');
  });

  after(() => page.remove());

  it('is accessible as a table beside its preview', async () => {
    await setViewport({ width: 1280, height: 900 });
    await until(() => getComputedStyle(rows()[0]!).display !== 'block', 2000, 'the table');
    await expect(validate).to.be.accessible();
  });

  // 1009: a 1024 px screen whose browser draws a 15 px scrollbar (the widget then gets 911 px).
  for (const width of [1009, 1024, 1280, 1440, 1920]) {
    it(`at ${width} px: the table lettered A–F with « Envoyé le », the preview beside it, sticky`, async () => {
      await setViewport({ width, height: 900 });
      window.scrollTo(0, 0);
      await until(() => getComputedStyle(rows()[0]!).display !== 'block', 2000, 'the table');
      const host = box(validate);
      expect(host.width, 'the width the demo gives the widget').to.be.within(880, 1060);

      // The table: one row an invoice, the header's letters and « Envoyé le » on screen.
      const headers = $$(part('thead'), 'th').filter((th) => box(th).width > 1);
      expect(headers.map((th) => text(th))).to.deep.equal(['A Numéro de facture', 'B Montant HT', 'C Montant TTC', 'D Dossier(s)', 'E Date facture', 'F SIRET', 'Envoyé le']);
      const table = part('table');
      expect(getComputedStyle(part('thead')).position, 'the header is shown').to.not.equal('absolute');

      // Every value whole: no input scrolls its SIRET, amount or date out of sight, nothing overflows.
      for (const input of $$<HTMLInputElement>(table, 'input[id^="siret-"], input[id^="amountHT-"], input[id^="amountTTC-"], input[id^="invoiceDate-"]')) {
        expect(input.scrollWidth, `${input.id} (${input.value}) fits`).to.be.at.most(input.clientWidth);
      }
      expect(table.scrollWidth, 'the table fits its column').to.be.at.most(table.clientWidth + 1);
      expect(validate.scrollWidth, 'the step fits the page').to.be.at.most(validate.clientWidth + 1);
      expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(width);

      // The preview beside the table, inside the step.
      const preview = part('.preview');
      const [t, p] = [box(table), box(preview)];
      expect(p.left, 'beside the table').to.be.at.least(t.right);
      expect(p.top, 'at the table’s height').to.be.below(t.top + 100);
      expect(p.right, 'inside the step').to.be.at.most(host.right + 1);
      expect(p.width, 'wide enough to show a page').to.be.at.least(220);

      // The caption on one line.
      const caption = part('caption');
      expect(box(caption).height).to.be.below(parseFloat(getComputedStyle(caption).lineHeight) * 1.5);

      // The rows scroll, the preview stays in sight beside them.
      window.scrollTo(0, window.scrollY + box(table).top + 300);
      await until(() => Math.abs(box(preview).top - 8) <= 2, 2000, 'the preview stuck at the top');
      expect(box(table).top, 'the rows went up').to.be.below(-250);
      expect(box(preview).left).to.equal(p.left);
      window.scrollTo(0, 0);
    });
  }

  it('on a phone (390 px): a card an invoice, each field under its letter', async () => {
    await setViewport({ width: 390, height: 800 });
    await until(() => getComputedStyle(rows()[0]!).display === 'block', 2000, 'the cards');
    const labels = $$(rows()[0]!, 'td[data-letter]').map((td) => getComputedStyle(td, '::before').content.replace(/"/g, ''));
    expect(labels).to.deep.equal(['A · Numéro de facture', 'B · Montant HT', 'C · Montant TTC', 'D · Dossier(s)', 'E · Date facture', 'F · SIRET']);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    await expect(validate).to.be.accessible();
  });

});
