/**
 * The whole deposit with the keyboard alone, in the one-tag widget: from « Mes factures » to the
 * confirmation, with Tab, Enter, Space (and Escape) only. The file chooser is the one thing a key
 * cannot fill: once « Sélectionner des factures » is focused and activated (Enter), the test hands
 * the input its files, as the browser's dialog would. After every key, the focus is watched frame
 * by frame until the screen settles: it must never fall to <body>.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AktoInvoiceWidget } from '../../src/elements/akto-invoice-widget/akto-invoice-widget.js';
import type { AktoInvoiceDeposit } from '../../src/elements/akto-invoice-deposit/akto-invoice-deposit.js';
import { sampleFile, startMock, until } from '../helpers/mock.js';
import { text } from '../helpers/dom.js';

type Key = 'Tab' | 'Enter' | 'Space' | 'Escape';

/** The element that has the focus, inside shadow roots. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** What the focused element reads as, for the messages: its name, else its tag. */
function nameOf(element: Element | null): string {
  if (!element) return '(nothing)';
  const label = element.getAttribute('aria-label') || text(element.closest('label') ?? element).slice(0, 60);
  return `<${element.localName}>${label ? ` « ${label} »` : ''}`;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Every key pressed, and where the focus went: printed when the test fails. */
const journey: string[] = [];

/**
 * Presses one key, then watches the focus on every frame until `settled` holds (and at least a few
 * frames): the test fails as soon as the focus is seen on <body>.
 */
async function press(key: Key, settled: () => unknown = () => true, what = 'the screen to settle'): Promise<void> {
  await sendKeys({ press: key });
  const end = performance.now() + 8000;
  for (let frames = 0; ; frames++) {
    const element = focused();
    if (!element || element === document.body) throw new Error(`The focus fell to <body> after ${key}. So far: ${journey.join(' → ')}`);
    if (frames >= 3 && settled()) break;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what} after ${key}`);
    await frame();
  }
  journey.push(`${key}: ${nameOf(focused())}`);
}

/** Tabs until the focused element is the one wanted (the page's own order, as a keyboard user meets it). */
async function tabTo(wanted: (element: Element) => boolean, what: string, max = 60): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const element = focused();
    if (element && wanted(element)) return element;
    await press('Tab');
  }
  throw new Error(`${what} was not reached in ${max} Tabs. So far: ${journey.join(' → ')}`);
}

const named = (label: string) => (element: Element) => element.getAttribute('aria-label') === label || (element.localName === 'button' && text(element) === label);
const labelled = (label: string) => (element: Element) => element.localName === 'input' && text(element.closest('label')).includes(label);

describe('the whole deposit with the keyboard alone', () => {
  before(startMock);

  it('goes from « Mes factures » to the confirmation with Tab, Enter and Space, the focus never on <body>', async function () {
    this.timeout(90_000); // a real deposit: reading the PDF, uploads, step 2's checks and preview
    document.documentElement.lang = 'fr';
    journey.length = 0;
    const page = await fixture<HTMLElement>(html`<div><button id="start">Avant le widget</button><akto-invoice-widget api-base="/api"></akto-invoice-widget></div>`);
    const widget = page.querySelector<AktoInvoiceWidget>('akto-invoice-widget')!;
    const view = () => widget.shadowRoot!.querySelector('.view')!;
    const list = await until(() => view().querySelector('akto-invoice-list'), 4000, '« Mes factures »');
    await until(() => list.shadowRoot?.querySelector('tbody tr:not(.skeleton)'), 5000, 'the invoices');
    page.querySelector<HTMLButtonElement>('#start')!.focus();

    // « Mes factures » → « Mes actions » → « Déposer une facture ».
    await tabTo((e) => named('Déposer une facture')(e) && e.closest('.my-actions') !== null, '« Déposer une facture » in « Mes actions »');
    const deposit = () => view().querySelector<AktoInvoiceDeposit>('akto-invoice-deposit');
    const upload = () => deposit()?.shadowRoot?.querySelector('akto-invoice-upload');
    const picker = () => upload()?.shadowRoot?.querySelector('akto-entity-picker');
    await press('Enter', () => picker()?.shadowRoot?.querySelector('input[type=radio]'), 'the entity choice');

    // « Veuillez sélectionner une entité… »: the first one (SNC KAVKAZ) with Space, then « Déposer ».
    const kavkaz = await tabTo((e) => e.localName === 'input' && (e as HTMLInputElement).type === 'radio', 'the entities');
    expect(text(kavkaz.closest('label'))).to.equal('SNC KAVKAZ 819 109 976');
    await press('Space', () => (kavkaz as HTMLInputElement).checked);
    await tabTo(named('Déposer'), '« Déposer »');
    await press('Enter', () => named('Sélectionner des factures')(focused()!), 'the focus on « Sélectionner des factures »');

    // « Sélectionner des factures »: Enter opens the browser's chooser, which hands the input the file.
    const input = upload()!.shadowRoot!.getElementById('invoices') as HTMLInputElement;
    let chooserOpened = false;
    input.addEventListener('click', () => (chooserOpened = true), { once: true });
    await press('Enter', () => chooserOpened, 'the file chooser');
    const transfer = new DataTransfer();
    transfer.items.add(await sampleFile('demo/samples/FACTURE KHATIB NABIL.pdf'));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const row = await until(() => upload()!.shadowRoot!.querySelector('li.invoice'), 4000, 'the invoice row');
    await until(() => text(row.querySelector('.file .state')) === 'Chargé', 8000, 'uploaded');

    // No supporting document needed as an adherent: Space on the derogation box, then « Envoyer les documents ».
    const derogation = await tabTo(labelled("Pas de pièce justificative nécessaire en tant qu'adhérent"), 'the derogation box');
    await press('Space', () => (derogation as HTMLInputElement).checked);
    await tabTo(named('Envoyer les documents'), '« Envoyer les documents »');
    const validate = () => deposit()?.shadowRoot?.querySelector('akto-invoice-validate');
    await press('Enter', () => validate()?.shadowRoot?.querySelector('tbody tr, .card'), 'step 2');

    // Step 2: the fields read from the PDF are right; Tab to « Valider la facture … », Enter.
    expect(deposit()!.step).to.equal('validate');
    await tabTo(named('Valider la facture FACTURE KHATIB NABIL.pdf'), '« Valider »', 80);
    await press('Enter', () => deposit()!.step === 'done' && focused() !== document.body, 'the confirmation');

    // The confirmation: the guide's sentence, then what comes next.
    const finished = deposit()!.shadowRoot!.querySelector('.finished')!;
    expect([...finished.querySelectorAll('p')].map((p) => text(p))).to.deep.equal(['La validation de la facture a bien été effectuée.', 'Votre facture a été transmise à AKTO.']);
    await tabTo(named('Voir mes factures'), '« Voir mes factures »');
    await press('Enter', () => widget.view === 'invoices' && view().querySelector('akto-invoice-list'), '« Mes factures »');
    // Escape on the list closes nothing and loses nothing.
    await press('Escape');
    expect(focused()).to.not.equal(document.body);
  });
});
