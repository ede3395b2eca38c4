import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { AktoInvoiceWidget } from '../../src/elements/akto-invoice-widget/akto-invoice-widget.js';
import type { AktoInvoiceList } from '../../src/elements/akto-invoice-list/akto-invoice-list.js';
import type { AktoInvoiceDeposit } from '../../src/elements/akto-invoice-deposit/akto-invoice-deposit.js';
import { AKTO_VIEW_CHANGE } from '../../src/core/events.js';
import { mock, startMock, until } from '../helpers/mock.js';
import { button, shadow, text } from '../helpers/dom.js';
import { whenLocaleReady } from '../../src/i18n/index.js';

const view = (el: AktoInvoiceWidget) => shadow(el).querySelector('.view')!;
const tab = (el: AktoInvoiceWidget, label: string) => [...shadow(el).querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => text(a) === label)!;

describe('<akto-invoice-widget>', () => {
  beforeEach(async () => {
    await startMock();
    document.documentElement.lang = 'fr';
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('is accessible (axe) and opens on « Mes factures », marked as the current page', async () => {
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`);
    const list = await until(() => view(el).querySelector('akto-invoice-list'), 3000, 'the list');
    await until(() => list.shadowRoot?.querySelector('tbody tr:not(.skeleton)'), 4000, 'its rows');
    await expect(el).to.be.accessible();
    expect(tab(el, 'Mes factures').getAttribute('aria-current')).to.equal('page');
    expect(shadow(el).querySelector('nav')!.getAttribute('aria-label')).to.equal('Factures AKTO');
  });

  it('moves between « Mes factures », « Mes dossiers » and the deposit, reflecting the view', async () => {
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`);
    setTimeout(() => tab(el, 'Mes dossiers').click());
    const change = await oneEvent(el, AKTO_VIEW_CHANGE);
    expect(change.detail.view).to.equal('dossiers');
    expect(el.getAttribute('view')).to.equal('dossiers');
    await until(() => view(el).querySelector('akto-dossier-list'), 3000, 'the dossiers');
    tab(el, 'Déposer une facture').click();
    await until(() => view(el).querySelector('akto-invoice-deposit'), 3000, 'the deposit');
    expect(tab(el, 'Déposer une facture').getAttribute('aria-current')).to.equal('page');
  });

  it('shows an invoice detail in place of the list, with « Retour »', async () => {
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`);
    const list = await until(() => view(el).querySelector('akto-invoice-list'), 3000, 'the list');
    const details = await until(() => list.shadowRoot?.querySelector<HTMLButtonElement>('tbody tr:not(.skeleton) button'), 4000, 'a row');
    details.click();
    await until(() => el.view.startsWith('invoice/'), 2000, 'the detail view');
    const detail = await until(() => view(el).querySelector('akto-invoice-detail'), 3000, 'the detail');
    await until(() => detail.shadowRoot?.querySelector('article'), 3000, 'the invoice');
    expect(list.shadowRoot!.querySelector<HTMLDialogElement>('dialog.detail')?.open ?? false).to.equal(false);
    [...view(el).querySelectorAll('button')].find((b) => text(b) === 'Retour')!.click();
    await until(() => el.view === 'invoices', 2000, 'back to the list');
  });

  it('« Retour » from an invoice finds the list as it was left: search, filters, page, and the focus on its « Détails »', async () => {
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`);
    const list = await until(() => view(el).querySelector<AktoInvoiceList>('akto-invoice-list'), 3000, 'the list');
    await until(() => list.shadowRoot?.querySelector('tbody tr:not(.skeleton)'), 4000, 'its rows');
    Object.assign(list, { search: 'FA-', status: 'payee', page: 2 }); // as the user sets them (reflected)
    const firstOfPage2 = (await mock.store.listInvoices({ q: 'FA-', status: ['payee'], page: 2 })).items[0]!;
    const details = await until(() => button(list.shadowRoot!, `Détails de la facture ${firstOfPage2.reference}`), 4000, 'page 2');
    details.focus();
    details.click();
    await until(() => el.view.startsWith('invoice/'), 2000, 'the detail view');
    await until(() => view(el).querySelector('akto-invoice-detail')?.shadowRoot?.querySelector('article'), 3000, 'the invoice');
    button(view(el), 'Retour')!.click();
    await until(() => el.view === 'invoices', 2000, 'back to the list');
    const back = await until(() => view(el).querySelector<AktoInvoiceList>('akto-invoice-list'), 3000, 'the list');
    expect([back.search, back.status, back.page]).to.deep.equal(['FA-', 'payee', 2]);
    expect(text(back.shadowRoot!.querySelector('.pager'))).to.contain('Page 2');
    await until(() => back.shadowRoot!.activeElement?.getAttribute('aria-label') === `Détails de la facture ${firstOfPage2.reference}`, 2000, 'the focus on the row left');
  });

  it('opens step 2 for its entity from « Valider » on an invoice « À valider »', async () => {
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`);
    const list = await until(() => view(el).querySelector<AktoInvoiceList>('akto-invoice-list'), 3000, 'the list');
    list.status = 'a-valider';
    const validate = await until(() => list.shadowRoot?.querySelector<HTMLButtonElement>('button[aria-label="Valider la facture 202101085"]'), 4000, '« Valider »');
    validate.click();
    await until(() => el.view === 'deposit', 2000, 'the deposit');
    const deposit = await until(() => view(el).querySelector<AktoInvoiceDeposit>('akto-invoice-deposit'), 3000, 'the deposit');
    expect([deposit.entity, deposit.step]).to.deep.equal(['824092688', 'validate']);
    const step2 = await until(() => deposit.shadowRoot?.querySelector('akto-invoice-validate'), 3000, 'step 2');
    await until(() => [...step2.shadowRoot!.querySelectorAll('tbody tr')].some((r) => text(r).includes('facture-202101085.pdf')), 3000, 'the invoice to validate');
    expect(tab(el, 'Déposer une facture').getAttribute('aria-current')).to.equal('page');
  });

  it("pre-selects the dossier's entity on a partner's deep link to deposit/<dossier>", async () => {
    location.hash = 'akto=deposit/2206AF000578';
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api" use-hash></akto-invoice-widget>`);
    const deposit = await until(() => view(el).querySelector<AktoInvoiceDeposit>('akto-invoice-deposit'), 3000, 'the deposit');
    const upload = await until(() => deposit.shadowRoot?.querySelector('akto-invoice-upload'), 3000, 'step 1');
    await until(() => upload.shadowRoot?.querySelector('.dropzone'), 3000, 'the drop area, without the choice');
    expect(text(upload.shadowRoot!.querySelector('.entity'))).to.equal('CASINO RESTAURATION SASU (527 319 461)');
    expect(text(upload.shadowRoot!.querySelector('.dossier'))).to.equal('Dépôt pour le dossier 2206AF000578');
    expect(deposit.entity, 'step 2 will be for it too').to.equal('527319461');
  });

  it('passes attach-href down (its own or its provider\'s): the no-entity message offers to attach a company', async () => {
    mock.reset({ entities: [] });
    for (const template of [
      html`<akto-invoice-widget api-base="/api" view="deposit" attach-href="/compte/rattachement"></akto-invoice-widget>`,
      html`<akto-provider api-base="/api" attach-href="/compte/rattachement"><akto-invoice-widget view="deposit"></akto-invoice-widget></akto-provider>`,
    ]) {
      const host = await fixture<HTMLElement>(template);
      const el = host.localName === 'akto-invoice-widget' ? (host as AktoInvoiceWidget) : host.querySelector<AktoInvoiceWidget>('akto-invoice-widget')!;
      const deposit = await until(() => view(el).querySelector('akto-invoice-deposit'), 3000, 'the deposit');
      const upload = await until(() => deposit.shadowRoot?.querySelector('akto-invoice-upload'), 3000, 'step 1');
      const message = await until(() => upload.shadowRoot?.querySelector('.message'), 3000, 'the message');
      expect(text(message)).to.contain("Aucune entreprise n'est rattachée à votre compte.");
      expect(message.querySelector('a')?.getAttribute('href'), host.localName).to.equal('/compte/rattachement');
      host.remove();
    }
  });

  it("lets the page style nested elements' parts under the view's prefix (exportparts)", async () => {
    const style = document.createElement('style');
    style.textContent = [
      'akto-invoice-widget::part(dossiers-table) { outline: 3px solid rgb(1, 2, 3); }',
      'akto-invoice-widget::part(deposit-steps) { outline: 3px solid rgb(4, 5, 6); }',
      'akto-invoice-widget::part(deposit-upload-dropzone) { outline: 3px solid rgb(7, 8, 9); }',
      'akto-invoice-widget::part(deposit-upload-picker-base) { outline: 3px solid rgb(10, 11, 12); }',
    ].join('\n');
    document.head.append(style);
    try {
      const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api" view="dossiers"></akto-invoice-widget>`);
      const list = await until(() => view(el).querySelector('akto-dossier-list'), 3000, 'the dossiers');
      const table = await until(() => list.shadowRoot?.querySelector('[part~="table"]'), 4000, 'their table');
      expect(getComputedStyle(table).outlineColor, 'two levels: widget → list').to.equal('rgb(1, 2, 3)');
      el.view = 'deposit';
      const deposit = await until(() => view(el).querySelector('akto-invoice-deposit'), 3000, 'the deposit');
      const steps = await until(() => deposit.shadowRoot?.querySelector('[part~="steps"]'), 3000, 'its steps');
      expect(getComputedStyle(steps).outlineColor).to.equal('rgb(4, 5, 6)');
      const upload = await until(() => deposit.shadowRoot!.querySelector('akto-invoice-upload'), 3000, 'step 1');
      const picker = await until(() => upload.shadowRoot?.querySelector('akto-entity-picker')?.shadowRoot?.querySelector('[part~="base"]'), 4000, 'the entity picker');
      expect(getComputedStyle(picker).outlineColor, 'four levels: widget → deposit → step 1 → picker').to.equal('rgb(10, 11, 12)');
      deposit.setAttribute('entity', '527319461'); // the drop zone shows once an entity is chosen
      const dropzone = await until(() => upload.shadowRoot?.querySelector('[part~="dropzone"]'), 4000, 'its drop zone');
      expect(getComputedStyle(dropzone).outlineColor, 'three levels: widget → deposit → step 1').to.equal('rgb(7, 8, 9)');
    } finally {
      style.remove();
    }
  });

  it('takes a deep link from its attribute', async () => {
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api" view="dossier/2206AF000578"></akto-invoice-widget>`);
    const detail = await until(() => view(el).querySelector('akto-dossier-detail'), 3000, 'the dossier');
    await until(() => text(detail.shadowRoot).includes('2206AF000578'), 3000, 'its number');
    expect(tab(el, 'Mes dossiers').getAttribute('aria-current')).to.equal('page');
  });

  it('with use-hash, survives a hash that is not a valid encoding (#akto=invoice/%) and still follows the hash', async () => {
    location.hash = 'akto=invoice/%';
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api" use-hash></akto-invoice-widget>`);
    expect(el.view).to.equal('invoices');
    await until(() => view(el).querySelector('akto-invoice-list'), 3000, 'the list, in place of the broken link');
    location.hash = 'akto=dossiers';
    await until(() => el.view === 'dossiers', 3000, 'the hash listener was added');
  });

  it('with use-hash, follows the URL hash and the browser back button', async () => {
    location.hash = 'akto=dossiers';
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api" use-hash></akto-invoice-widget>`);
    expect(el.view).to.equal('dossiers');
    tab(el, 'Déposer une facture').click();
    await until(() => el.view === 'deposit', 2000, 'the deposit');
    expect(location.hash).to.equal('#akto=deposit');
    history.back();
    await until(() => el.view === 'dossiers', 3000, 'back to the dossiers');
    location.hash = 'akto=invoices';
    await until(() => el.view === 'invoices', 3000, 'a link to the invoices');
  });

  it('speaks English', async () => {
    await whenLocaleReady('en');
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api" lang="en"></akto-invoice-widget>`);
    expect([...shadow(el).querySelectorAll('nav a')].map((a) => text(a))).to.deep.equal(['My invoices', 'My dossiers', 'Deposit an invoice']);
  });
  it('« Voir le virement » in an invoice opens the transfer in place, and an invoice it paid opens from there; « Retour » goes back', async () => {
    const paid = (await mock.store.listInvoices({ status: ['payee'], pageSize: 100 })).items.find((i) => i.transferNumber)!;
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api" view=${`invoice/${paid.id}`}></akto-invoice-widget>`);
    const detail = await until(() => view(el).querySelector('akto-invoice-detail'), 3000, 'the detail');
    const link = await until(() => [...(detail.shadowRoot?.querySelectorAll<HTMLElement>('button, a') ?? [])].find((b) => b.getAttribute('aria-label') === `Voir le virement ${paid.transferNumber}`), 4000, 'the transfer link');
    link.click();
    await until(() => el.view === `transfer/${paid.transferNumber}`, 2000, 'the transfer view');
    const transfer = await until(() => view(el).querySelector('akto-transfer-detail'), 3000, 'the transfer');
    expect(transfer.getAttribute('transfer-id')).to.equal(paid.transferNumber);
    const invoice = await until(() => [...(transfer.shadowRoot?.querySelectorAll<HTMLButtonElement>('.link-button') ?? [])].find((b) => text(b) === paid.reference), 4000, 'the invoice it paid');
    invoice.click();
    await until(() => el.view === `invoice/${paid.id}`, 2000, 'back on the invoice');
    [...view(el).querySelectorAll('button')].find((b) => text(b) === 'Retour')!.click();
    await until(() => el.view === `transfer/${paid.transferNumber}`, 2000, '« Retour » to the transfer');
  });

  it('« Déposer un RIB » in « Mes actions » opens the RIB deposit in place, for the list’s entity', async () => {
    const el = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`);
    const list = await until(() => view(el).querySelector<AktoInvoiceList>('akto-invoice-list'), 3000, 'the list');
    await until(() => list.shadowRoot?.querySelector('tbody tr:not(.skeleton)'), 4000, 'its rows');
    list.entity = '819109976';
    await list.updateComplete;
    button(list.shadowRoot!, 'Déposer un RIB')!.click();
    await until(() => el.view === 'rib/819109976', 2000, 'the RIB view');
    const rib = await until(() => view(el).querySelector('akto-rib-deposit'), 3000, 'the RIB deposit');
    expect(rib.getAttribute('entity')).to.equal('819109976');
    await until(() => rib.shadowRoot?.querySelector('form, [part="form"]'), 4000, 'its form');
    await expect(el).to.be.accessible();
  });
});
