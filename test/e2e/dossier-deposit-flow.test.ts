/**
 * « Accès N°2 »: from « Mes dossiers », the dossier 2206AF000578, « Déposer une facture », the
 * deposit and the validation, with the dossier number already there at validation.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AktoInvoiceWidget } from '../../src/elements/akto-invoice-widget/akto-invoice-widget.js';
import { sampleFile, startMock, until } from '../helpers/mock.js';
import { button as byText, shadow, text } from '../helpers/dom.js';


async function fill(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: value });
  input.blur();
}

describe('deposit from a dossier, end to end', () => {
  before(startMock);

  it('opens 2206AF000578 from « Mes dossiers », deposits an invoice for it and finds the dossier filled in at validation', async () => {
    document.documentElement.lang = 'fr';
    const widget = await fixture<AktoInvoiceWidget>(html`<akto-invoice-widget api-base="/api" view="dossiers"></akto-invoice-widget>`);
    const list = await until(() => shadow(widget).querySelector('akto-dossier-list'), 4000, '« Mes dossiers »');
    const details = await until(() => byText(shadow(list), 'Détails du dossier 2206AF000578'), 4000, 'the dossier row');
    details.click();

    const detail = await until(() => shadow(widget).querySelector('akto-dossier-detail'), 3000, 'the dossier');
    await until(() => text(shadow(detail)).includes('Calcul mental'), 3000, 'its details');
    byText(shadow(detail), 'Déposer une facture')!.click();

    const deposit = await until(() => shadow(widget).querySelector('akto-invoice-deposit'), 3000, 'the deposit');
    expect(deposit.getAttribute('dossier')).to.equal('2206AF000578');
    const upload = await until(() => shadow(deposit).querySelector('akto-invoice-upload'), 3000, 'step 1');
    await until(() => text(shadow(upload).querySelector('.dossier')) === 'Dépôt pour le dossier 2206AF000578', 3000, 'the dossier shown');
    expect(text(shadow(upload).querySelector('.entity'))).to.equal('CASINO RESTAURATION SASU (527 319 461)');

    // A scanned invoice: nothing can be read from it, so the dossier can only come from where the deposit started.
    await upload.addFiles([await sampleFile('test/fixtures/scan.pdf', 'facture-scannee.pdf')]);
    const row = await until(() => shadow(upload).querySelector('li.invoice'), 3000, 'the row');
    await until(() => text(row.querySelector('.file .state')) === 'Chargé', 4000, 'uploaded');
    [...row.querySelectorAll('label')].find((l) => text(l).includes("en tant qu'adhérent"))!.querySelector('input')!.click();
    const send = shadow(upload).querySelector<HTMLButtonElement>('[part="send"]')!;
    await until(() => !send.disabled, 2000, 'ready');
    send.click();

    const validate = await until(() => shadow(deposit).querySelector('akto-invoice-validate'), 4000, 'step 2');
    const line = await until(() => shadow(validate).querySelector('tbody tr'), 4000, 'the pending invoice');
    expect([...line.querySelectorAll('.dossiers li span')].map((s) => text(s))).to.deep.equal(['2206AF000578']);
    const field = (name: string) => line.querySelector<HTMLInputElement>(`input[id^="${name}-"]`)!;
    await fill(field('invoiceNumber'), 'SCAN-2026-001');
    await fill(field('amountHT'), '1 200,00');
    await fill(field('amountTTC'), '1 440,00');
    await fill(field('invoiceDate'), '15/10/2026');
    await fill(field('siret'), '82409268800236');
    byText(line, 'Valider la facture facture-scannee.pdf')!.click();
    await until(() => (deposit as HTMLElement & { step: string }).step === 'done', 4000, 'validated');
    byText(shadow(deposit), 'Voir mes factures')!.click();
    await until(() => widget.view === 'invoices', 2000, '« Mes factures »');
  });
});
