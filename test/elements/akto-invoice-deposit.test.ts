import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/akto-invoice-deposit/define.js';
import type { AktoInvoiceDeposit } from '../../src/elements/akto-invoice-deposit/akto-invoice-deposit.js';
import { AKTO_INVOICES_REQUEST } from '../../src/core/events.js';
import { mock, startMock, until } from '../helpers/mock.js';
import { button, shadow, text } from '../helpers/dom.js';
import { whenLocaleReady } from '../../src/i18n/index.js';

const steps = (el: AktoInvoiceDeposit) => [...shadow(el).querySelectorAll('.steps li')].map((li) => [text(li), li.getAttribute('aria-current')]);

describe('<akto-invoice-deposit>', () => {
  beforeEach(async () => {
    await startMock();
    document.documentElement.lang = 'fr';
  });

  it('is accessible (axe) and marks the current step for assistive technology', async () => {
    const el = await fixture<AktoInvoiceDeposit>(html`<akto-invoice-deposit api-base="/api" entity="819109976"></akto-invoice-deposit>`);
    await until(() => shadow(el).querySelector('akto-invoice-upload')?.shadowRoot?.querySelector('.dropzone'), 3000, 'step 1');
    await expect(el).to.be.accessible();
    expect(steps(el)).to.deep.equal([
      ['1. Dépôt', 'step'],
      ['2. Validation', null],
    ]);
    expect(shadow(el).querySelector('.steps')!.getAttribute('aria-label')).to.equal('Étapes du dépôt');
  });

  it('passes the dossier through to step 1', async () => {
    const el = await fixture<AktoInvoiceDeposit>(html`<akto-invoice-deposit api-base="/api" entity="819109976" dossier="2206AF000358"></akto-invoice-deposit>`);
    const upload = await until(() => shadow(el).querySelector('akto-invoice-upload'), 3000, 'step 1');
    expect(upload.getAttribute('dossier')).to.equal('2206AF000358');
    await until(() => text(upload.shadowRoot?.querySelector('.dossier')) === 'Dépôt pour le dossier 2206AF000358', 3000, 'the dossier shown');
  });

  it('says « La valider maintenant » when one invoice is pending, in the singular as its sentence', async () => {
    mock.store.pending.delete('pending-seed-2');
    const el = await fixture<AktoInvoiceDeposit>(html`<akto-invoice-deposit api-base="/api" entity="824092688"></akto-invoice-deposit>`);
    await until(() => shadow(el).querySelector('.notice'), 3000, 'the offer');
    expect(text(shadow(el).querySelector('.notice p'))).to.equal('Une facture déposée attend encore votre validation.');
    expect(button(shadow(el), 'La valider maintenant'), 'the button in the singular').to.exist;
  });

  it('offers to validate first what the entity still has pending, then ends with « Voir mes factures » and « Déposer d’autres factures »', async () => {
    const el = await fixture<AktoInvoiceDeposit>(html`<akto-invoice-deposit api-base="/api" entity="824092688"></akto-invoice-deposit>`);
    await until(() => shadow(el).querySelector('.notice'), 3000, 'the offer');
    expect(text(shadow(el).querySelector('.notice p'))).to.equal('2 factures déposées attendent encore votre validation.');
    button(shadow(el), 'Les valider maintenant')!.click();
    await until(() => el.step === 'validate', 2000, 'step 2');
    expect(steps(el)[1]).to.deep.equal(['2. Validation', 'step']);
    await until(() => shadow(el).activeElement?.classList.contains('content'), 1000, 'the focus at the start of step 2');
    const validate = shadow(el).querySelector('akto-invoice-validate')!;
    await until(() => validate.shadowRoot!.querySelectorAll('tbody tr').length === 2, 3000, 'the pending invoices');
    // Delete the broken one, validate the other.
    const rows = () => [...validate.shadowRoot!.querySelectorAll('tbody tr')];
    button(rows()[1]!, 'Supprimer')!.click();
    const dialog = await until(() => validate.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 2000, 'the confirmation');
    button(dialog, 'Supprimer')!.click();
    await until(() => rows().length === 1, 3000, 'deleted');
    button(rows()[0]!, 'Valider')!.click();
    await until(() => el.step === 'done', 3000, 'done');
    // The guide's confirmation after the last invoice too, then what it means.
    expect([...shadow(el).querySelectorAll('.finished p')].map((p) => text(p))).to.deep.equal(['La validation de la facture a bien été effectuée.', 'Votre facture a été transmise à AKTO.']);
    await expect(el).to.be.accessible();
    setTimeout(() => button(shadow(el), 'Voir mes factures')!.click());
    const request = await oneEvent(el, AKTO_INVOICES_REQUEST);
    expect(request.cancelable).to.equal(true);
    button(shadow(el), "Déposer d'autres factures")!.click();
    await until(() => el.step === 'upload', 2000, 'back to step 1');
    // Nothing is pending any more: no offer to validate first (once the count is asked again).
    await until(() => shadow(el).querySelector('akto-invoice-upload') && !shadow(el).querySelector('.notice'), 3000, 'no offer');
  });

  it('says that nothing was sent, and offers to deposit again, when the only pending invoice is deleted in step 2', async () => {
    mock.store.pending.delete('pending-seed-2');
    const el = await fixture<AktoInvoiceDeposit>(html`<akto-invoice-deposit api-base="/api" entity="824092688"></akto-invoice-deposit>`);
    await until(() => shadow(el).querySelector('.notice'), 3000, 'the offer');
    button(shadow(el), 'La valider maintenant')!.click();
    const validate = await until(() => shadow(el).querySelector('akto-invoice-validate'), 2000, 'step 2');
    const rows = () => [...validate.shadowRoot!.querySelectorAll('tbody tr')];
    await until(() => rows().length === 1, 3000, 'the pending invoice');
    button(rows()[0]!, 'Supprimer')!.click();
    const dialog = await until(() => validate.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 2000, 'the confirmation');
    button(dialog, 'Supprimer')!.click();
    await until(() => el.step === 'done', 3000, 'done');
    expect(text(shadow(el).querySelector('.finished p'))).to.equal("Aucune facture n'a été transmise à AKTO.");
    expect([...shadow(el).querySelectorAll('.finished button')].map((b) => text(b)), 'depositing again first').to.deep.equal(["Déposer d'autres factures", 'Voir mes factures']);
    await expect(el).to.be.accessible();
    button(shadow(el), "Déposer d'autres factures")!.click();
    await until(() => el.step === 'upload', 2000, 'back to step 1');
  });

  it('reads the guide\'s « La validation de la facture a bien été effectuée. » after the last invoice, then what comes next', async () => {
    const el = await fixture<AktoInvoiceDeposit>(html`<akto-invoice-deposit api-base="/api" entity="824092688" step="validate"></akto-invoice-deposit>`);
    const validate = await until(() => shadow(el).querySelector('akto-invoice-validate'), 3000, 'step 2, asked for by the host');
    const rows = () => [...validate.shadowRoot!.querySelectorAll('tbody tr')];
    await until(() => rows().length === 2, 3000, 'the pending invoices');
    // The first validated: the guide's sentence in step 2, one invoice still to go; the other (broken in the seed) deleted.
    button(rows()[0]!, 'Valider')!.click();
    await until(() => rows().length === 1, 3000, 'the first validated');
    expect(el.step, 'one is left').to.equal('validate');
    await until(() => text(validate.shadowRoot!.querySelector('.notice.success')) === 'La validation de la facture a bien été effectuée.', 2000, 'the guide’s sentence while others remain');
    button(rows()[0]!, 'Supprimer')!.click();
    const dialog = await until(() => validate.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 2000, 'the confirmation');
    button(dialog, 'Supprimer')!.click();
    await until(() => el.step === 'done', 3000, 'done');
    const finished = shadow(el).querySelector('.finished')!;
    expect(finished.getAttribute('role')).to.equal('status');
    expect([...finished.querySelectorAll('p')].map((p) => text(p))).to.deep.equal(['La validation de la facture a bien été effectuée.', 'Votre facture a été transmise à AKTO.']);
    expect([...finished.querySelectorAll('button')].map((b) => text(b)), 'what comes next').to.deep.equal(['Voir mes factures', "Déposer d'autres factures"]);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    document.documentElement.lang = 'en';
    await whenLocaleReady('en');
    const el = await fixture<AktoInvoiceDeposit>(html`<akto-invoice-deposit api-base="/api" entity="819109976"></akto-invoice-deposit>`);
    expect(steps(el).map(([label]) => label)).to.deep.equal(['1. Deposit', '2. Validation']);
  });
});
