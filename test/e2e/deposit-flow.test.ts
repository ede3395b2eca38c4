/**
 * The whole flow as a user does it, from « Liste de mes factures » to the invoice listed
 * « En cours d'analyse », in Chromium against the mock backend.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AktoInvoiceList } from '../../src/elements/akto-invoice-list/akto-invoice-list.js';
import { chooseSupporting, dragIntoPage, dropFiles } from '../helpers/drop.js';
import { sampleFile, startMock, until } from '../helpers/mock.js';
import { button as byText, shadow, text } from '../helpers/dom.js';


describe('deposit flow, end to end', () => {
  before(startMock);

  it('SNC KAVKAZ deposits an invoice, corrects a field, validates it and finds it « En cours d’analyse »', async () => {
    document.documentElement.lang = 'fr';
    const list = await fixture<AktoInvoiceList>(html`<akto-provider api-base="/api"><akto-invoice-list></akto-invoice-list></akto-provider>`).then((p) => p.querySelector('akto-invoice-list')!);
    await until(() => shadow(list).querySelector('tbody tr:not(.skeleton)'), 4000, 'the list');

    // « Déposer une facture » opens the deposit.
    byText(shadow(list).querySelector('.my-actions')!, 'Déposer une facture')!.click();
    const deposit = await until(() => shadow(list).querySelector('dialog.deposit[open] akto-invoice-deposit'), 4000, 'the deposit');
    const upload = await until(() => shadow(deposit).querySelector('akto-invoice-upload'), 3000, 'step 1');

    // Choose « SNC KAVKAZ », « Déposer ».
    const picker = await until(() => shadow(upload).querySelector('akto-entity-picker'), 3000, 'the entity choice');
    const kavkaz = await until(() => [...shadow(picker).querySelectorAll('label')].find((l) => text(l).startsWith('SNC KAVKAZ')), 3000, 'SNC KAVKAZ');
    kavkaz.querySelector('input')!.click();
    byText(shadow(picker), 'Déposer')!.click();

    // Drop one of the project's sample invoices.
    const zone = await until(() => shadow(upload).querySelector<HTMLElement>('.dropzone[data-kind="invoice"]'), 3000, 'the drop area');
    dragIntoPage();
    await until(() => shadow(upload).querySelector('.filepond--hopper'), 3000, 'drag and drop ready');
    const invoice = await sampleFile('demo/samples/FACTURE KHATIB NABIL.pdf');
    await dropFiles(zone, [invoice]);
    const row = await until(() => shadow(upload).querySelector('li.invoice'), 5000, 'the invoice row');
    await until(() => text(row.querySelector('.file .state')) === 'Chargé', 4000, 'uploaded');

    // Tick « frais de salaire ou annexes », add a supporting document.
    [...row.querySelectorAll('label')].find((l) => text(l) === 'Ce document correspond aux frais de salaire ou annexes')!.querySelector('input')!.click();
    chooseSupporting(upload as HTMLElement, row as HTMLElement, [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'bulletin-de-salaire.png', { type: 'image/png' })]);
    await until(() => text(row.querySelector('.supporting li .state')) === 'Chargé', 4000, 'the supporting document');

    // « Envoyer les documents ».
    const send = shadow(upload).querySelector<HTMLButtonElement>('[part="send"]')!;
    await until(() => !send.disabled, 2000, 'ready to send');
    send.click();

    // Step 2: the fields read from the PDF; correct one.
    const validate = await until(() => shadow(deposit).querySelector('akto-invoice-validate'), 4000, 'step 2');
    const line = await until(() => shadow(validate).querySelector('tbody tr'), 4000, 'the pending invoice');
    const number = line.querySelector<HTMLInputElement>('input[id^="invoiceNumber-"]')!;
    expect(number.value).to.equal('2025-0387');
    expect([...line.querySelectorAll('.dossiers li span')].map((s) => text(s))).to.deep.equal(['2509CA000412']);
    number.focus();
    number.select();
    await sendKeys({ type: 'FA-2025-0387' });
    byText(line, 'Valider la facture FACTURE KHATIB NABIL.pdf')!.click();

    // The guide's success message, then the end of the deposit.
    await until(() => text(shadow(validate).querySelector('.notice.success')) === 'La validation de la facture a bien été effectuée.' || (deposit as HTMLElement & { step: string }).step === 'done', 4000, 'the success');
    await until(() => (deposit as HTMLElement & { step: string }).step === 'done', 3000, 'the last step');
    byText(shadow(deposit), 'Voir mes factures')!.click();

    // « Liste de mes factures »: the invoice, « En cours d'analyse ».
    await until(() => !shadow(list).querySelector('dialog.deposit[open]'), 2000, 'back to the list');
    list.search = 'FA-2025-0387';
    await until(() => text(shadow(list).querySelector('tbody tr:not(.skeleton) td')) === 'FA-2025-0387', 4000, 'the invoice in the list');
    const cells = [...shadow(list).querySelectorAll('tbody tr:not(.skeleton) td')].map((td) => text(td));
    expect(cells[5]).to.equal("En cours d'analyse");
    expect(cells[3]!.replace(/\s/g, ' ')).to.equal('3 750,00 €');
  });
});
