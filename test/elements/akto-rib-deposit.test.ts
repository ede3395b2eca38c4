import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { PDFDocument, StandardFonts } from 'pdf-lib/dist/pdf-lib.esm.js';
import '../../src/elements/akto-rib-deposit/define.js';
import type { AktoRibDeposit } from '../../src/elements/akto-rib-deposit/akto-rib-deposit.js';
import { AKTO_RIB_SENT } from '../../src/core/events.js';
import { whenLocaleReady } from '../../src/i18n/index.js';
import { loadScreens } from '../../src/i18n/screens/index.js';
import { mock, startMock, until } from '../helpers/mock.js';
import { $, $$, shadow, text } from '../helpers/dom.js';

const CASINO = '527319461';
const KAVKAZ = '819109976';
const PNG = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'rib.png', { type: 'image/png' });

/** A one-page RIB in PDF, its text as a bank prints it. */
async function ribPdf(lines: string[], name = 'rib.pdf'): Promise<File> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 22, size: 12, font }));
  return new File([(await pdf.save()).slice().buffer as ArrayBuffer], name, { type: 'application/pdf' });
}

async function mount(template = html`<akto-rib-deposit api-base="/api" entity=${CASINO}></akto-rib-deposit>`): Promise<AktoRibDeposit> {
  const el = await fixture<AktoRibDeposit>(template);
  await until(() => $(shadow(el), 'form') && $(shadow(el), '[part="list"] table, [part="list"] .none'), 4000, 'the form and the list');
  return el;
}
const input = (el: AktoRibDeposit, id: string) => $<HTMLInputElement>(shadow(el), `#rib-${id}`)!;
const error = (el: AktoRibDeposit, id: string) => text($(shadow(el), `#rib-${id}-error`));
const focused = (el: AktoRibDeposit) => shadow(el).activeElement as HTMLElement | null;
function choose(el: AktoRibDeposit, file: File): void {
  const data = new DataTransfer();
  data.items.add(file);
  input(el, 'file').files = data.files;
  input(el, 'file').dispatchEvent(new Event('change', { bubbles: true }));
}
async function type(el: AktoRibDeposit, id: string, value: string): Promise<void> {
  const field = input(el, id);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.blur();
  await el.updateComplete;
}
const submit = (el: AktoRibDeposit) => $<HTMLButtonElement>(shadow(el), '.actions button[type="submit"]')!.click();

describe('<akto-rib-deposit>', () => {
  beforeEach(async () => {
    await startMock();
    await setViewport({ width: 1280, height: 900 });
    document.documentElement.lang = 'fr';
  });

  it('is accessible (axe): the form, its errors, the confirmation', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    submit(el);
    await until(() => error(el, 'iban'), 2000, 'the errors');
    await expect(el).to.be.accessible();
    choose(el, PNG());
    await type(el, 'holder', 'CASINO RESTAURATION SASU');
    await type(el, 'iban', 'FR76 3000 6000 0112 3456 7890 189');
    await type(el, 'bic', 'AGRIFRPP');
    submit(el);
    await until(() => $(shadow(el), '[part="confirmation"]'), 4000, 'the confirmation');
    await expect(el).to.be.accessible();
  });

  it('lists the entity\'s RIBs, the last first, with where each stands', async () => {
    const el = await mount();
    expect(text($(shadow(el), 'h2'))).to.equal('Déposer un RIB');
    expect(($<HTMLSelectElement>(shadow(el), '#rib-entity'))!.value).to.equal(CASINO);
    const rows = $$(shadow(el), '[part="list"] tbody tr').map((r) => $$(r, 'td').map((td) => text(td)));
    expect(rows[0]![3]).to.equal('En cours de vérification');
    expect(rows.map((r) => r[3])).to.include('Validé');
    expect(rows[0]![1]).to.match(/^FR76 •••• \d{4}$/, 'the IBAN masked');
    expect(text($(shadow(el), '[part="list"] caption'))).to.equal('RIB déposés pour CASINO RESTAURATION SASU');
  });

  it('checks the IBAN (mod 97), the BIC and the holder as the user leaves each field, with clear words', async () => {
    const el = await mount();
    await type(el, 'iban', 'FR76 3000 6000 0112 3456 7890 188');
    expect(error(el, 'iban')).to.equal('Cet IBAN est erroné : sa clé de contrôle (modulo 97) ne correspond pas. Vérifiez chaque caractère.');
    expect(input(el, 'iban').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'iban').getAttribute('aria-describedby')).to.equal('rib-iban-hint rib-iban-error');
    await type(el, 'iban', 'FR76 3000 6000 0112');
    expect(error(el, 'iban')).to.equal("Un IBAN FR compte 27 caractères : vérifiez qu'il n'en manque pas.");
    await type(el, 'iban', 'fr76 3000 6000 0112 3456 7890 189');
    expect(error(el, 'iban')).to.equal('');
    await type(el, 'bic', 'AGRI');
    expect(error(el, 'bic')).to.equal('Un BIC compte 8 ou 11 lettres et chiffres (ex. : BNPAFRPP).');
    await type(el, 'holder', '   ');
    expect(error(el, 'holder')).to.equal('Saisissez le nom du titulaire du compte.');
  });

  it('« Envoyer le RIB » with fields missing names each and focuses the first', async () => {
    const el = await mount();
    submit(el);
    await until(() => error(el, 'holder'), 2000, 'the errors');
    expect(text($(shadow(el), '#rib-file-error'))).to.equal('Choisissez le fichier du RIB.');
    expect(focused(el)?.id).to.equal('rib-file');
    expect(mock.store.ribs.filter((r) => r.entitySiren === CASINO).length).to.equal(2, 'nothing sent: the two seeded');
  });

  it('reads the IBAN, BIC and holder from a PDF RIB, and never replaces what the user typed', async () => {
    const el = await mount();
    await type(el, 'holder', 'CASINO RESTAURATION');
    choose(el, await ribPdf(['RELEVE D\'IDENTITE BANCAIRE', 'Titulaire du compte : SNC AUTRE NOM', 'IBAN FR76 3000 6000 0112 3456 7890 189', 'BIC : AGRIFRPPXXX']));
    await until(() => input(el, 'iban').value, 8000, 'the IBAN read');
    expect(input(el, 'iban').value).to.equal('FR76 3000 6000 0112 3456 7890 189');
    expect(input(el, 'bic').value).to.equal('AGRI FRPP XXX');
    expect(input(el, 'holder').value).to.equal('CASINO RESTAURATION', 'typed, kept');
    expect(text($(shadow(el), '[role="status"].hint'))).to.equal("L'IBAN et le BIC ont été lus dans le RIB : vérifiez-les avant l'envoi.");
  });

  it('says so when a PDF carries no readable IBAN', async () => {
    const el = await mount();
    choose(el, await ribPdf(['Un document sans IBAN', 'IBAN FR76 3000 6000 0112 3456 7890 188']));
    await until(() => text($(shadow(el), '[role="status"].hint')).startsWith("L'IBAN et le BIC n'ont pas"), 8000, 'not read');
    expect(input(el, 'iban').value).to.equal('', 'a wrong IBAN is not taken');
  });

  it('sends the RIB once, confirms « En cours de vérification », fires akto-rib-sent and lists it first', async () => {
    const el = await mount();
    choose(el, PNG());
    await type(el, 'holder', 'CASINO RESTAURATION SASU');
    await type(el, 'iban', 'FR76 3000 6000 0112 3456 7890 189');
    await type(el, 'bic', 'AGRIFRPP');
    setTimeout(() => submit(el));
    const event = await oneEvent(el, AKTO_RIB_SENT);
    expect(event.detail.rib).to.include({ entitySiren: CASINO, iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', status: 'en-cours-verification' });
    await until(() => focused(el)?.getAttribute('part') === 'confirmation', 3000, 'focus on the confirmation');
    expect(text($(shadow(el), '[part="confirmation"]'))).to.contain('Votre RIB a bien été déposé. Il est en cours de vérification par AKTO.');
    expect(text($(shadow(el), '[part="confirmation"] [part="badge"]'))).to.equal('En cours de vérification');
    await until(() => $$(shadow(el), '[part="list"] tbody tr').length === 3, 3000, 'listed');
    expect(text($(shadow(el), '[part="list"] tbody tr td'))).to.equal('CASINO RESTAURATION SASU');
    expect(text($$(shadow(el), '[part="list"] tbody tr td')[2])).to.match(/^\d{2}\/\d{2}\/\d{4}/);
    $<HTMLButtonElement>(shadow(el), '[part="confirmation"] button')!.click();
    await until(() => focused(el)?.id === 'rib-file', 3000, 'a new form, focus on the file');
    expect(input(el, 'iban').value).to.equal('');
  });

  it('keeps everything through a server failure; « Réessayer » uploads and creates once', async () => {
    const el = await mount(html`<akto-rib-deposit api-base="/api" entity=${CASINO} timeout="1500"></akto-rib-deposit>`);
    choose(el, PNG());
    await type(el, 'holder', 'CASINO RESTAURATION SASU');
    await type(el, 'iban', 'FR7630006000011234567890189');
    await type(el, 'bic', 'AGRIFRPP');
    mock.faults.fail('createRib', 'timeout', { times: 1 });
    submit(el);
    const alert = await until(() => (text($(shadow(el), 'form [role="alert"]')) ? $(shadow(el), 'form [role="alert"]') : null), 6000, 'the error');
    expect(text(alert)).to.contain('Réessayer');
    expect([input(el, 'holder').value, input(el, 'iban').value, input(el, 'bic').value]).to.deep.equal(['CASINO RESTAURATION SASU', 'FR7630006000011234567890189', 'AGRIFRPP']);
    expect(text($(shadow(el), '#rib-file-hint'))).to.equal('rib.png');
    const uploads = mock.store.uploads.size;
    $<HTMLButtonElement>(alert!, 'button')!.click();
    await until(() => $(shadow(el), '[part="confirmation"]'), 4000, 'sent');
    expect(mock.store.uploads.size).to.equal(uploads, 'not uploaded again');
    expect(mock.store.ribs.filter((r) => r.fileName === 'rib.png')).to.have.length(1);
  });

  it('offers the account\'s entities when none is given, and refuses a file that is neither a PDF nor an image', async () => {
    const el = await fixture<AktoRibDeposit>(html`<akto-rib-deposit api-base="/api"></akto-rib-deposit>`);
    await until(() => $(shadow(el), '#rib-entity'), 3000, 'the entities');
    const select = $<HTMLSelectElement>(shadow(el), '#rib-entity')!;
    expect(select.value).to.equal('');
    expect($$(select, 'option').length).to.equal(mock.store.entities.length + 1);
    select.value = KAVKAZ;
    select.dispatchEvent(new Event('change'));
    await until(() => text($(shadow(el), '[part="list"] caption')) === 'RIB déposés pour SNC KAVKAZ', 3000, 'its RIBs');
    choose(el, new File(['hello'], 'rib.pdf'));
    await until(() => text($(shadow(el), 'form [role="alert"]')), 2000, 'refused');
    expect(text($(shadow(el), 'form [role="alert"] p'))).to.equal("Ce fichier n'est ni un PDF, ni une image PNG ou JPEG.");
  });

  it('words its file button in the page\'s language, not the browser\'s « Choose File »; the input keeps its label and focus', async () => {
    const el = await mount();
    const button = $<HTMLLabelElement>(shadow(el), 'label.file-button')!;
    expect(text(button)).to.equal('Choisir un fichier');
    expect(button.control, 'a click on it opens the file chooser').to.equal(input(el, 'file'));
    expect(input(el, 'file').getBoundingClientRect().width, 'the native button is hidden').to.be.at.most(1);
    expect(button.getBoundingClientRect().width).to.be.greaterThan(50);
    input(el, 'file').focus();
    expect(focused(el)?.id, 'still focusable').to.equal('rib-file');
  });

  it('speaks English', async () => {
    await Promise.all([whenLocaleReady('en'), loadScreens('en')]);
    const el = await mount(html`<akto-rib-deposit api-base="/api" entity=${CASINO} lang="en"></akto-rib-deposit>`);
    expect(text($(shadow(el), 'h2'))).to.equal('Upload bank details (RIB)');
    expect(text($(shadow(el), 'label.file-button'))).to.equal('Choose a file');
    await type(el, 'iban', 'FR7630006000011234567890188');
    expect(error(el, 'iban')).to.equal('This IBAN is wrong: its check digits (modulo 97) do not match. Check each character.');
  });
});
