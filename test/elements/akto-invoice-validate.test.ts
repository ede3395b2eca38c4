import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ApiClient } from '../../src/api/client.js';
import type { PendingInvoice } from '../../src/api/schemas.js';
import '../../src/elements/akto-invoice-validate/define.js';
import type { AktoInvoiceValidate } from '../../src/elements/akto-invoice-validate/akto-invoice-validate.js';
import { AKTO_INVOICE_VALIDATED, AKTO_PENDING_DELETED, AKTO_UNAUTHORIZED, AKTO_VALIDATION_COMPLETE } from '../../src/core/events.js';
import { mock, sampleFile, samples, startMock, until } from '../helpers/mock.js';
import { whenLocaleReady } from '../../src/i18n/index.js';
import { ROW_CELLS } from '../../src/elements/akto-invoice-validate/row-template.js';
import { FIELDS } from '../../src/rules/fields.js';

const AFPA = '824092688';
const CASINO = '527319461';
const api = new ApiClient({ baseUrl: '/api' });
const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(scope: ParentNode, selector: string) => scope.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(scope: ParentNode, selector: string) => [...scope.querySelectorAll<E>(selector)];
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: AktoInvoiceValidate) => $$(root(el), 'tbody tr');
const row = (el: AktoInvoiceValidate, fileName: string) => rows(el).find((r) => text($(r, '.file-name')) === fileName)!;
const input = (r: Element, field: string) => $<HTMLInputElement>(r, `input[id^="${field}-"]`)!;
const errorOf = (r: Element, field: string) => {
  const el = input(r, field);
  const id = el.getAttribute('aria-describedby')?.split(' ').find((i) => i.endsWith('-error'));
  return id ? text((el.getRootNode() as ShadowRoot).getElementById(id)) : '';
};
const button = (scope: ParentNode, label: string) => $$<HTMLButtonElement>(scope, 'button').find((b) => text(b) === label || b.getAttribute('aria-label') === label)!;
/** An input's name as aria-labelledby makes it: the referenced elements' text, in order. */
const computedName = (el: Element) =>
  (el.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => {
      const copy = (el.getRootNode() as ShadowRoot).getElementById(id)!.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return text(copy);
    })
    .join(' ');
/** A listed dossier's own error: beside its number, and the description of its « − » button. */
const dossierError = (r: Element, number: string) => {
  const item = $$(r, '.dossiers li').find((li) => text($(li, '.number')) === number);
  const remove = item && $(item, 'button');
  const id = remove?.getAttribute('aria-describedby');
  return id ? text((remove!.getRootNode() as ShadowRoot).getElementById(id)) : '';
};
/** The element focused in the step (null when the focus is elsewhere, <body> included). */
const focused = (el: AktoInvoiceValidate) => (document.activeElement === el ? (root(el).activeElement as HTMLElement | null) : null);

/** Deposits a sample for an entity, as step 1 would, and returns the pending invoice. */
async function deposit(path: string, siren = CASINO, creditNote = false): Promise<PendingInvoice> {
  const file = await sampleFile(path);
  const upload = await api.upload(file, 'invoice', file.name);
  const result = await api.call('createDeposit', { params: { siren }, body: { invoices: [{ uploadId: upload.id, creditNote, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }] } });
  return result.pending[0]!;
}

async function mount(entity: string, pending: PendingInvoice[] = []): Promise<AktoInvoiceValidate> {
  const el = await fixture<AktoInvoiceValidate>(html`<akto-invoice-validate api-base="/api" entity=${entity} .pending=${pending}></akto-invoice-validate>`);
  await until(() => rows(el).length || $(root(el), '.empty'), 4000, 'the invoices');
  return el;
}

async function type(field: HTMLInputElement, value: string): Promise<void> {
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  field.blur();
}

describe('<akto-invoice-validate>', () => {
  beforeEach(async () => {
    await startMock();
    document.documentElement.lang = 'fr';
    await setViewport({ width: 1280, height: 900 });
  });

  it('writes a row\'s cells in the catalogue\'s order, the header\'s (its template spells them out)', () => {
    expect([...ROW_CELLS]).to.deep.equal(FIELDS.map((field) => field.key));
  });

  it('writes its caption « N factures à vérifier et valider » on one line, as cards and as a table', async () => {
    for (const width of [800, 1800]) {
      await setViewport({ width, height: 900 });
      const el = await mount(AFPA);
      const caption = $(root(el), 'caption')!;
      const lineHeight = parseFloat(getComputedStyle(caption).lineHeight) || 20;
      expect(caption.getBoundingClientRect().height, `at ${width}px: one line, not a word a line`).to.be.below(lineHeight * 1.5 + 16);
    }
  });

  it('is accessible (axe), with errors shown and the preview open', async () => {
    const el = await mount(AFPA);
    await expect(el).to.be.accessible();
    button(row(el, 'facture-zseflezzezf3z2123.pdf'), 'Valider la facture facture-zseflezzezf3z2123.pdf').click();
    await until(() => dossierError(row(el, 'facture-zseflezzezf3z2123.pdf'), '1451450'), 2000, 'the errors');
    await expect(el).to.be.accessible();
  });

  it('shows the banner, and the fields A–F read from the PDF, editable, with « Envoyé le »', async () => {
    const sample = (await samples()).find((s) => s.file.endsWith('facture-2606-calcul-mental.pdf'))!;
    const pending = await deposit(sample.file);
    const el = await mount(CASINO, [pending]);
    expect(text($(root(el), '.banner'))).to.equal('VÉRIFIEZ les informations ci-dessous, puis VALIDEZ les factures. Sans cette validation, aucune facture ne sera transmise à AKTO.');
    expect($$(root(el), 'thead th').map((th) => text(th))).to.deep.equal(['Facture', 'A Numéro de facture', 'B Montant HT', 'C Montant TTC', 'D Dossier(s)', 'E Date facture', 'F SIRET', 'Envoyé le', 'Actions']);
    const r = row(el, 'facture-2606-calcul-mental.pdf');
    expect(input(r, 'invoiceNumber').value).to.equal('FA-2026-0612');
    expect(input(r, 'amountHT').value.replace(/\s/g, ' ')).to.equal('1 260,00');
    expect(input(r, 'amountTTC').value.replace(/\s/g, ' ')).to.equal('1 512,00');
    expect(input(r, 'invoiceDate').value).to.equal('26/06/2026');
    expect(input(r, 'siret').value).to.equal('82409268800236');
    expect(text($(r, '.found'))).to.equal('1 dossier trouvé automatiquement :');
    expect($$(r, '.dossiers li span').map((s) => text(s))).to.deep.equal(['2206AF000578']);
    expect(text($(r, '.sent'))).to.match(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    // Accessible names join the column and the invoice's name (not the row header's selection box).
    expect(input(r, 'siret').getAttribute('aria-labelledby')).to.equal(`col-siret name-${pending.id}`);
    expect(computedName(input(r, 'siret'))).to.equal('SIRET facture-2606-calcul-mental.pdf');
  });

  it('loads what the server still holds when opened on its own (after a reload)', async () => {
    const el = await mount(AFPA);
    expect(rows(el).map((r) => text($(r, '.file-name')))).to.deep.equal(['facture-202101085.pdf', 'facture-zseflezzezf3z2123.pdf']);
    expect(text($(rows(el)[0]!, '.found'))).to.equal('6 dossiers trouvés automatiquement :');
  });

  it('checks every rule as the user types, once the field was touched, tied by aria-describedby', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    const cases: [string, string, string][] = [
      ['invoiceNumber', '', 'Indiquez le numéro de facture.'],
      ['invoiceNumber', 'X'.repeat(36), 'Le numéro de facture ne peut pas dépasser 35 caractères.'],
      ['amountHT', 'douze', "Ce montant n'est pas valide : saisissez un nombre, par exemple 1 234,56."],
      ['amountHT', '12,345', 'Le montant ne peut pas avoir plus de 2 décimales.'],
      ['amountHT', '100', ''],
      ['amountTTC', '10', 'Le montant TTC doit être supérieur ou égal au montant HT.'],
      ['invoiceDate', '31/02/2021', "Cette date n'existe pas : saisissez-la au format JJ/MM/AAAA."],
      ['invoiceDate', '01/01/2099', 'La date de la facture ne peut pas être postérieure à la date de dépôt.'],
      ['siret', '123', 'Le SIRET doit comporter 14 chiffres.'],
      ['siret', '88488405700017', "Ce SIRET n'existe pas : vérifiez les 14 chiffres (clé de contrôle invalide)."],
    ];
    expect(input(r, 'invoiceNumber').getAttribute('aria-invalid')).to.equal('false');
    for (const [field, value, message] of cases) {
      await type(input(r, field), value);
      await el.updateComplete;
      expect(input(r, field).getAttribute('aria-invalid'), `${field} = ${value}`).to.equal(message ? 'true' : 'false');
      expect(errorOf(r, field), `${field} = ${value}`).to.equal(message);
    }
  });

  it('tells the three SIRET cases apart: bad format, unknown to INSEE, closed', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    await type(input(r, 'siret'), '43819562000036');
    await until(() => errorOf(r, 'siret') === "Ce SIRET n'est pas référencé dans la base INSEE.", 3000, 'unknown');
    await type(input(r, 'siret'), '44556677100017');
    await until(() => errorOf(r, 'siret').startsWith('Cet établissement est fermé'), 3000, 'closed');
    await type(input(r, 'siret'), '82409268800236');
    await until(() => !errorOf(r, 'siret'), 3000, 'active');
  });

  it('asks INSEE about a SIRET that arrived pre-filled, at once, as about a typed one', async () => {
    const [unknown, closed] = (await api.call('listPending', { params: { siren: AFPA } })).items;
    mock.store.pending.get(unknown!.id)!.fields.siret = '43819562000036'; // well-formed, unknown to INSEE
    mock.store.pending.get(closed!.id)!.fields.siret = '44556677100017'; // closed
    const el = await mount(AFPA);
    // Nothing typed, nothing touched, no « Valider »: INSEE's word shows.
    await until(() => errorOf(row(el, unknown!.fileName), 'siret'), 3000, 'INSEE on the unknown SIRET');
    expect(errorOf(row(el, unknown!.fileName), 'siret')).to.equal("Ce SIRET n'est pas référencé dans la base INSEE.");
    expect(input(row(el, unknown!.fileName), 'siret').getAttribute('aria-invalid')).to.equal('true');
    await until(() => errorOf(row(el, closed!.fileName), 'siret'), 3000, 'INSEE on the closed SIRET');
    expect(errorOf(row(el, closed!.fileName), 'siret')).to.match(/^Cet établissement est fermé selon la base INSEE/);
    // The other fields keep quiet until touched.
    expect(errorOf(row(el, closed!.fileName), 'dossiers')).to.equal('');
  });

  it('says an empty SIRET is the SIRET, and offers to start it from the SIREN the PDF carries', async () => {
    const pending = await deposit('test/fixtures/corpus/plain_fr_free_fiber.pdf');
    const el = await mount(CASINO, [pending]);
    const r = row(el, pending.fileName);
    expect(input(r, 'siret').value).to.equal('');
    const offer = await until(() => $$<HTMLButtonElement>(r, 'button.offer').find((b) => text(b).includes('421 938 861')), 8000, 'the SIREN read in the PDF');
    expect(text(offer)).to.equal('Partir du SIREN 421 938 861 lu dans la facture');
    button(r, `Valider la facture ${pending.fileName}`).click();
    await until(() => errorOf(r, 'siret'), 2000, 'the SIRET’s error');
    expect(errorOf(r, 'siret')).to.equal('Indiquez le SIRET de l’émetteur de la facture (14 chiffres).');
    offer.click();
    await el.updateComplete;
    const siret = input(r, 'siret');
    expect(siret.value).to.equal('421938861');
    expect(focused(el)).to.equal(siret);
    expect([siret.selectionStart, siret.selectionEnd], 'the caret after the SIREN').to.deep.equal([9, 9]);
    expect($(r, 'button.offer')).to.equal(null);
  });

  it('offers the entity’s SIREN when the PDF carries none', async () => {
    const [first] = (await api.call('listPending', { params: { siren: AFPA } })).items;
    mock.store.pending.get(first!.id)!.fields.siret = null;
    const el = await mount(AFPA);
    const r = row(el, first!.fileName);
    expect(text($(r, 'button.offer'))).to.equal('Partir du SIREN de l’entité, 824 092 688');
    $<HTMLButtonElement>(r, 'button.offer')!.click();
    await el.updateComplete;
    await sendKeys({ type: '00236' });
    await until(() => input(r, 'siret').value === '82409268800236', 1000, 'the SIRET completed');
    expect(errorOf(r, 'siret')).to.equal('');
  });

  it('says a scanned PDF could not be read, so the fields are typed from the preview', async () => {
    const pending = await deposit('test/fixtures/scan.pdf');
    const el = await mount(CASINO, [pending]);
    const r = row(el, pending.fileName);
    await until(() => $(r, '.row-note'), 8000, 'the note');
    expect(text($(r, '.row-note'))).to.equal('Rien n’a pu être lu dans ce PDF (un scan ?) : saisissez les champs d’après l’aperçu.');
    await expect(el).to.be.accessible();
  });

  it('removes (−) and adds (+) dossiers, with suggestions from the entity dossiers as the user types', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-zseflezzezf3z2123.pdf');
    button(r, 'Retirer le dossier 1451450').click();
    await el.updateComplete;
    expect($$(r, '.dossiers li')).to.have.length(0);
    expect(errorOf(r, 'dossiers')).to.equal('Indiquez au moins un numéro de dossier AKTO.');
    const add = input(r, 'dossiers');
    add.focus();
    await sendKeys({ type: '2103' });
    const list = root(el).getElementById(add.getAttribute('list')!)!;
    await until(() => $$(list, 'option').length > 0, 3000, 'the suggestions');
    expect($$<HTMLOptionElement>(list, 'option').map((o) => o.value)).to.include('2103DCA22581');
    await sendKeys({ type: 'DCA22581' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(r, '.dossiers li span').map((s) => text(s))).to.deep.equal(['2103DCA22581']);
    expect(errorOf(r, 'dossiers')).to.equal('');
    await type(input(r, 'dossiers'), '365146');
    button(r, 'Ajouter un dossier à la facture facture-zseflezzezf3z2123.pdf').click();
    await el.updateComplete;
    expect(errorOf(r, 'dossiers')).to.contain('ne correspond pas à un dossier AKTO');
  });

  it('validates a row: the success message, the row leaves, the invoice is « En cours d’analyse »', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    setTimeout(() => button(r, 'Valider la facture facture-202101085.pdf').click());
    const event = await oneEvent(el, AKTO_INVOICE_VALIDATED);
    expect(event.detail.invoice).to.include({ reference: '202101085', status: 'en-cours-analyse' });
    await until(() => rows(el).length === 1, 2000, 'the row gone');
    await until(() => text($(root(el), '.notice.success')) === 'La validation de la facture a bien été effectuée.', 2000, 'the message');
    expect(mock.store.listInvoices({ q: '202101085' }).items[0]!.status).to.equal('en-cours-analyse');
  });

  it('maps the server 422 back onto the fields, an unknown dossier beside the number that is wrong, and keeps every edit', async () => {
    // Read from the PDF (not typed, so not looked up): the server is the first to say it is not AFPA's.
    const [, second] = (await api.call('listPending', { params: { siren: AFPA } })).items;
    mock.store.pending.get(second!.id)!.fields.dossiers = ['2206AF000578', '2509CA000412'];
    const el = await mount(AFPA);
    const r = row(el, 'facture-zseflezzezf3z2123.pdf');
    await type(input(r, 'invoiceNumber'), 'zseflezzezf3z2124');
    button(r, 'Valider la facture facture-zseflezzezf3z2123.pdf').click();
    await until(() => dossierError(r, '2509CA000412'), 3000, 'the server error');
    // On the number that is wrong, not under the empty add field, nor on the right one.
    expect(dossierError(r, '2509CA000412')).to.equal("Ce dossier n'existe pas pour cette entité.");
    expect(dossierError(r, '2206AF000578')).to.equal('');
    expect(errorOf(r, 'dossiers')).to.equal('');
    expect(input(r, 'dossiers').getAttribute('aria-invalid')).to.equal('false');
    expect(input(r, 'invoiceNumber').value).to.equal('zseflezzezf3z2124');
    await until(() => focused(el) === button(r, 'Retirer le dossier 2509CA000412'), 3000, 'the focus on the wrong number');
    // Removed, the error goes with it, and « Valider » goes through.
    button(r, 'Retirer le dossier 2509CA000412').click();
    await el.updateComplete;
    expect($$(r, '.error').map((e) => text(e))).to.deep.equal([]);
    setTimeout(() => button(r, 'Valider la facture facture-zseflezzezf3z2123.pdf').click());
    const { detail } = await oneEvent(el, AKTO_INVOICE_VALIDATED);
    expect(detail.invoice.dossiers).to.deep.equal(['2206AF000578']);
  });

  it('says an unknown dossier beside its number as soon as it is added, and « Valider » stops on that one among several', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    await type(input(r, 'dossiers'), '2509CA000412'); // SNC KAVKAZ's, not AFPA's
    button(r, 'Ajouter un dossier à la facture facture-202101085.pdf').click();
    await until(() => dossierError(r, '2509CA000412'), 3000, 'the look-up');
    expect(dossierError(r, '2509CA000412')).to.equal("Ce dossier n'existe pas pour cette entité.");
    expect(dossierError(r, '2103DCA22581'), 'the entity’s own').to.equal('');
    expect(errorOf(r, 'dossiers')).to.equal('');
    // « Valider » stops on it, the focus on that number's « − ».
    button(r, 'Valider la facture facture-202101085.pdf').click();
    await until(() => focused(el)?.getAttribute('aria-label') === 'Retirer le dossier 2509CA000412', 3000, 'the focus on the wrong number');
    expect(rows(el)).to.have.length(2);
    button(r, 'Retirer le dossier 2509CA000412').click();
    await el.updateComplete;
    expect($$(r, '.dossiers .error')).to.have.length(0);
    expect(errorOf(r, 'dossiers')).to.equal('');
  });

  it('counts « N dossiers trouvés automatiquement » among the numbers still listed, and drops it when none is', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    const found = () => text($(r, '.found'));
    expect(found()).to.equal('6 dossiers trouvés automatiquement :');
    button(r, 'Retirer le dossier 2106DCA56306').click();
    await el.updateComplete;
    expect(found()).to.equal('5 dossiers trouvés automatiquement :');
    // Replaced by the user's own: those found are all gone, the sentence too.
    for (const number of ['2103DCA22581', '2105DCA45238', '2105DCA45217', '2103DCA25376', '2103DCA22645']) {
      button(r, `Retirer le dossier ${number}`).click();
      await el.updateComplete;
    }
    expect(found()).to.equal('');
    expect($(r, '.found')).to.equal(null);
    await type(input(r, 'dossiers'), '2206AF000578');
    button(r, 'Ajouter un dossier à la facture facture-202101085.pdf').click();
    await el.updateComplete;
    expect($$(r, '.dossiers .number').map((s) => text(s))).to.deep.equal(['2206AF000578']);
    expect($(r, '.found'), 'a number the user added is not one found automatically').to.equal(null);
    // Put back, one found automatically counts again.
    await type(input(r, 'dossiers'), '2105DCA45238');
    button(r, 'Ajouter un dossier à la facture facture-202101085.pdf').click();
    await el.updateComplete;
    expect(found()).to.equal('1 dossier trouvé automatiquement :');
  });

  it('flags a duplicate invoice with the earlier deposit date', async () => {
    const el = await mount(AFPA);
    const first = row(el, 'facture-202101085.pdf');
    button(first, 'Valider la facture facture-202101085.pdf').click();
    await until(() => rows(el).length === 1, 3000, 'validated');
    const second = await deposit('demo/samples/facture-2507-diagnostiqueur-immobilier-3-dossiers.pdf', AFPA);
    el.pending = [second];
    await until(() => rows(el).length === 2, 3000, 'the new row');
    const r = row(el, second.fileName);
    await type(input(r, 'invoiceNumber'), '202101085');
    button(r, `Valider la facture ${second.fileName}`).click();
    await until(() => errorOf(r, 'invoiceNumber'), 3000, 'the duplicate');
    expect(errorOf(r, 'invoiceNumber')).to.match(/^Une facture portant ce numéro et ce SIRET a déjà été déposée le \d{2}\/\d{2}\/\d{4}\.$/);
  });

  it('keeps every edit after a failed validation (500, network) and validates once on a double click', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    await type(input(r, 'amountHT'), '28 000,00');
    await type(input(r, 'amountTTC'), '28 000,00');
    for (const kind of ['server-error', 'network'] as const) {
      mock.faults.fail('validatePending', kind, { times: 1 });
      button(r, 'Valider la facture facture-202101085.pdf').click();
      await el.updateComplete;
      await until(() => $(r, '.row-error') && text(button(r, 'Valider la facture facture-202101085.pdf')) === 'Valider', 3000, kind);
      expect(input(r, 'amountHT').value).to.equal('28 000,00');
    }
    mock.faults.latencyMs = 200;
    const validate = button(r, 'Valider la facture facture-202101085.pdf');
    validate.click();
    validate.click();
    await oneEvent(el, AKTO_INVOICE_VALIDATED);
    expect(mock.store.invoices.filter((i) => i.reference === '202101085')).to.have.length(1);
    expect(mock.store.invoices.find((i) => i.reference === '202101085')!.amountHT).to.equal(28000);
  });

  it('validates several rows at once', async () => {
    const a = await deposit('demo/samples/facture-2606-calcul-mental.pdf');
    const b = await deposit('demo/samples/avoir-2607-calcul-mental.pdf', CASINO, true);
    const el = await mount(CASINO, [a, b]);
    const all = $<HTMLInputElement>(root(el), '.bulk input[type=checkbox]')!;
    all.click();
    await el.updateComplete;
    let complete = false;
    el.addEventListener(AKTO_VALIDATION_COMPLETE, () => (complete = true));
    button(root(el), 'Valider les 2 factures sélectionnées').click();
    await until(() => rows(el).length === 0, 4000, 'both validated');
    expect(text($(root(el), '.notice.success'))).to.equal('La validation des 2 factures a bien été effectuée.');
    expect(complete).to.equal(true);
  });

  /** Twenty invoices deposited for CASINO (the same sample PDF), pending validation. */
  const twentyPending = async () => {
    const file = await sampleFile('demo/samples/facture-2606-calcul-mental.pdf');
    const uploads = await Promise.all(Array.from({ length: 20 }, (_, i) => api.upload(file, 'invoice', `facture-${i + 1}.pdf`)));
    return api.call('createDeposit', {
      params: { siren: CASINO },
      body: { invoices: uploads.map((u) => ({ uploadId: u.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' as const })) },
    });
  };

  it('draws a long table’s first screen first, the rest in a later task, losing nothing: « Valider » on all reaches every row', async () => {
    const created = await twentyPending();
    // Each its own number (one PDF, one number: the others would be duplicates), and the last one
    // handed over with TTC below HT: « Valider » must stop on it, not drawn yet.
    const pending = created.pending.map((p, i) => ({ ...p, fields: { ...p.fields, invoiceNumber: `FA-2026-${i + 1}`, ...(i === 19 ? { amountTTC: 1 } : {}) } }));
    const last = pending[19]!;
    const el = await fixture<AktoInvoiceValidate>(html`<akto-invoice-validate api-base="/api" entity=${CASINO} .pending=${pending}></akto-invoice-validate>`);
    // The first frame: about a window of rows (900 px here), the table saying it has 20.
    const first = rows(el).length;
    expect(first).to.be.within(4, 12);
    expect($(root(el), 'table')!.getAttribute('aria-rowcount')).to.equal('21');
    expect(text($(root(el), 'caption'))).to.equal('20 factures à vérifier et valider');
    // Selected before the rest is drawn: the selection is the rows' data, not their checkboxes.
    let validated = 0;
    el.addEventListener(AKTO_INVOICE_VALIDATED, () => validated++);
    $<HTMLInputElement>(root(el), '.bulk input[type=checkbox]')!.click();
    await el.updateComplete;
    expect(rows(el).length).to.equal(first);
    button(root(el), 'Valider les 20 factures sélectionnées').click();
    // The focus lands on the last one's C, drawn for it; the 19 valid ones go.
    await until(() => focused(el)?.id === `amountTTC-${last.id}`, 4000, 'the focus on the last row’s TTC');
    expect(errorOf(row(el, 'facture-20.pdf'), 'amountTTC')).to.not.equal('');
    await until(() => rows(el).length === 1, 6000, 'the 19 valid ones validated');
    expect(validated).to.equal(19);
  });

  it('draws first the rows that reach the bottom of the window, and no more', async () => {
    const created = await twentyPending();
    const el = await fixture<AktoInvoiceValidate>(html`<akto-invoice-validate api-base="/api" entity=${CASINO} .pending=${created.pending}></akto-invoice-validate>`);
    await el.updateComplete; // the rows added to fill the window, still before the first frame
    const drawn = rows(el);
    expect(drawn.length).to.be.below(20);
    expect(drawn.at(-1)!.getBoundingClientRect().bottom).to.be.at.least(innerHeight);
    expect(drawn.at(-2)!.getBoundingClientRect().bottom, 'a row drawn wholly below the window').to.be.below(innerHeight);
  });

  it('draws a long table’s rest in a later task, in order', async () => {
    const created = await twentyPending();
    const el = await fixture<AktoInvoiceValidate>(html`<akto-invoice-validate api-base="/api" entity=${CASINO} .pending=${created.pending}></akto-invoice-validate>`);
    expect(rows(el).length).to.be.below(20);
    await until(() => rows(el).length === 20, 4000, 'the 20 rows');
    expect(rows(el).map((r) => text($(r, '.file-name')))).to.deep.equal(created.pending.map((p) => p.fileName));
  });

  it('draws again only the row edited: a keystroke in row 3 of 40 leaves row 40 as it was', async () => {
    const file = await sampleFile('demo/samples/facture-2606-calcul-mental.pdf');
    const uploads = await Promise.all(Array.from({ length: 40 }, (_, i) => api.upload(file, 'invoice', `facture-${i + 1}.pdf`)));
    const created = await api.call('createDeposit', {
      params: { siren: CASINO },
      body: { invoices: uploads.map((u) => ({ uploadId: u.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' as const })) },
    });
    const el = await mount(CASINO, created.pending);
    await until(() => rows(el).length === 40, 4000, 'the 40 invoices');
    // Each row drawn goes through the element's renderRow: which ones, in the update the keystroke causes.
    const drawn: string[] = [];
    const host = el as unknown as { renderRow: (r: { pending: PendingInvoice }, ...rest: unknown[]) => unknown };
    const renderRow = host.renderRow.bind(el);
    host.renderRow = (r, ...rest) => (drawn.push(r.pending.fileName), renderRow(r, ...rest));
    // And nothing of the 39 other rows changes in the DOM.
    const edited = row(el, 'facture-3.pdf');
    const changed = new Set<Element>();
    const observer = new MutationObserver((records) => records.forEach((r) => changed.add((r.target instanceof Element ? r.target : r.target.parentElement!).closest('tr')!)));
    observer.observe($(root(el), 'tbody')!, { subtree: true, childList: true, attributes: true, characterData: true });
    const number = input(edited, 'invoiceNumber');
    number.value = 'FA-2026-0003';
    number.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    observer.disconnect();
    expect([...changed].filter((tr) => tr !== edited).map((tr) => text($(tr, '.file-name')))).to.deep.equal([]);
    expect(drawn).to.include('facture-3.pdf');
    expect(drawn).to.not.include('facture-40.pdf');
    expect(drawn.length, drawn.join(', ')).to.be.below(3);
    expect(input(row(el, 'facture-3.pdf'), 'invoiceNumber').value).to.equal('FA-2026-0003');
    expect(input(row(el, 'facture-40.pdf'), 'invoiceNumber').value).to.equal('FA-2026-0612');
  });

  it('deletes a pending invoice after a confirmation', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-zseflezzezf3z2123.pdf');
    button(r, 'Supprimer la facture facture-zseflezzezf3z2123.pdf').click();
    const dialog = $<HTMLDialogElement>(root(el), 'dialog')!;
    await until(() => dialog.open, 1000, 'the confirmation');
    expect(text($(dialog, 'h3'))).to.equal('Supprimer la facture facture-zseflezzezf3z2123.pdf ?');
    button(dialog, 'Annuler').click();
    await until(() => !dialog.open, 1000, 'cancelled');
    expect(rows(el)).to.have.length(2);
    button(r, 'Supprimer la facture facture-zseflezzezf3z2123.pdf').click();
    await until(() => dialog.open, 1000, 'the confirmation again');
    setTimeout(() => button(dialog, 'Supprimer').click());
    await oneEvent(el, AKTO_PENDING_DELETED);
    await until(() => rows(el).length === 1, 2000, 'deleted');
    expect(mock.store.listPending(AFPA)).to.have.length(1);
  });

  it('puts the focus where the work goes on after a deletion: the next invoice, then the heading, never <body>', async () => {
    const el = await mount(AFPA);
    const dialog = $<HTMLDialogElement>(root(el), 'dialog')!;
    const remove = async (fileName: string) => {
      button(row(el, fileName), `Supprimer la facture ${fileName}`).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => dialog.open, 1000, 'the confirmation');
      button(dialog, 'Supprimer').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !row(el, fileName), 2000, `${fileName} deleted`);
      await el.updateComplete;
    };
    await remove('facture-202101085.pdf');
    // The next invoice: its first field.
    await until(() => focused(el) === input(row(el, 'facture-zseflezzezf3z2123.pdf'), 'invoiceNumber'), 2000, 'the next invoice focused');
    await remove('facture-zseflezzezf3z2123.pdf');
    await until(() => focused(el)?.id === 'heading', 2000, 'the heading focused');
    expect(text(focused(el))).to.equal('2. Validation');
  });

  it('fires akto-unauthorized on a 401 and keeps the edits', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    await type(input(r, 'invoiceNumber'), '202101085-B');
    mock.store.requiredToken = 'fresh';
    setTimeout(() => button(r, 'Valider la facture facture-202101085.pdf').click());
    await oneEvent(el, AKTO_UNAUTHORIZED);
    await until(() => $(r, '.row-error'), 2000, 'the message');
    expect(input(r, 'invoiceNumber').value).to.equal('202101085-B');
    el.token = 'fresh';
    button(r, 'Valider la facture facture-202101085.pdf').click();
    await oneEvent(el, AKTO_INVOICE_VALIDATED);
  });

  it('previews the selected invoice PDF with pages and zoom (pdf.js loaded on demand)', async () => {
    const pending = await deposit('test/fixtures/two-pages.pdf');
    const el = await mount(CASINO, [pending]);
    const preview = (await until(() => $(root(el), 'akto-pdf-preview'), 3000, 'the preview')) as HTMLElement;
    const canvas = (await until(() => $<HTMLCanvasElement>(root(preview as HTMLElement), 'canvas:not([hidden])'), 5000, 'the page'))!;
    await until(() => canvas.width > 0, 3000, 'drawn');
    expect(canvas.getAttribute('aria-label')).to.equal('Aperçu de two-pages.pdf, Page 1 sur 2');
    button(root(preview), 'Page suivante').click();
    await until(() => canvas.getAttribute('aria-label')!.endsWith('Page 2 sur 2'), 2000, 'page 2');
    const width = canvas.width;
    button(root(preview), 'Agrandir').click();
    await until(() => canvas.width > width, 2000, 'zoomed');
    await expect(preview).to.be.accessible();
  });

  it('fills in what the server could not read from the PDF, marked, and says where the e-invoice differs', async () => {
    const pending = await deposit('demo/samples/facture-2606-calcul-mental-facturx.pdf');
    // As if the server had read less, and one amount wrongly.
    const stored = mock.store.pending.get(pending.id)!;
    stored.fields = { ...stored.fields, invoiceNumber: null, amountTTC: 999 };
    const el = await mount(CASINO);
    const r = rows(el)[0]!;
    await until(() => input(r, 'invoiceNumber').value === 'FA-2026-0612', 5000, 'the number filled in');
    const cell = (field: string) => input(r, field).closest('td')!;
    expect(text(cell('invoiceNumber').querySelector('.info'))).to.equal('Pré-rempli depuis la facture : vérifiez-le.');
    expect(text(cell('amountTTC').querySelector('.info')).replace(/\s/g, ' ')).to.equal('Le montant TTC de la facture électronique est 1 512,00 €');
    expect(input(r, 'amountTTC').value).to.equal('999,00');
  });

  it('keeps the edits through a reload until the invoice is validated', async () => {
    const first = await mount(AFPA);
    await type(input(row(first, 'facture-202101085.pdf'), 'invoiceNumber'), '202101085-BIS');
    button(row(first, 'facture-202101085.pdf'), 'Retirer le dossier 2106DCA56306').click();
    await first.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 400)); // kept a moment after the change
    first.remove(); // the page is reloaded
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    await until(() => input(r, 'invoiceNumber').value === '202101085-BIS', 3000, 'the edit back');
    expect($$(r, '.dossiers li span').map((s) => text(s))).not.to.include('2106DCA56306');
    button(r, 'Valider la facture facture-202101085.pdf').click();
    await until(() => rows(el).length === 1, 3000, 'validated');
    expect(mock.store.invoices.some((i) => i.reference === '202101085-BIS')).to.equal(true);
  });

  it('works with the keyboard alone: tab through the fields, correct one, « Valider »', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-zseflezzezf3z2123.pdf');
    input(r, 'invoiceNumber').focus();
    const focused = () => root(el).activeElement as HTMLElement;
    for (let i = 0; i < 6 && !focused().id.startsWith('dossiers-'); i++) await sendKeys({ press: 'Tab' });
    // − on 1451450 comes before the add field
    expect(focused().id).to.match(/^dossiers-/);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' }); // removes 1451450
    await el.updateComplete;
    await sendKeys({ type: '2103DCA22581' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    for (let i = 0; i < 8 && !focused().getAttribute('aria-label')?.startsWith('Valider'); i++) await sendKeys({ press: 'Tab' });
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, AKTO_INVOICE_VALIDATED);
    expect(event.detail.invoice.dossiers).to.deep.equal(['2103DCA22581']);
  });

  it('becomes one card per invoice on a narrow screen', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await mount(AFPA);
    expect(getComputedStyle(rows(el)[0]!).display).to.equal('block');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    // Each field under its letter, as in the guide.
    const labels = $$(rows(el)[0]!, 'td[data-letter]').map((td) => getComputedStyle(td, '::before').content);
    expect(labels).to.deep.equal(['"A · Numéro de facture"', '"B · Montant HT"', '"C · Montant TTC"', '"D · Dossier(s)"', '"E · Date facture"', '"F · SIRET"']);
    // The selection box beside the file name, on its first line, not on a line of its own above it.
    const box = $(rows(el)[0]!, 'th input[type=checkbox]')!.getBoundingClientRect();
    const name = $(rows(el)[0]!, '.file-name')!.getBoundingClientRect();
    expect(box.right, 'the box left of the name').to.be.at.most(name.left);
    expect(box.top, 'on its first line').to.be.within(name.top - 4, name.top + 8);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    document.documentElement.lang = 'en';
    await whenLocaleReady('en');
    const el = await mount(AFPA);
    expect(text($(root(el), '.banner'))).to.contain('CHECK the information below');
    expect(text($(rows(el)[0]!, '.found'))).to.equal('6 dossiers found automatically:');
  });

  it('in English, whole sentences: the preview button reads « Preview », not the first word of a sentence', async () => {
    document.documentElement.lang = 'en';
    await whenLocaleReady('en');
    const pending = await deposit('demo/samples/facture-2606-calcul-mental.pdf');
    const el = await mount(CASINO, [pending]);
    const r = row(el, pending.fileName);
    const preview = button(r, `Show the preview of ${pending.fileName}`);
    expect(text(preview)).to.equal('Preview');
    expect(text(button(r, `Validate invoice ${pending.fileName}`))).to.equal('Validate');
    expect(text(button(r, `Delete invoice ${pending.fileName}`))).to.equal('Delete');
    expect($$(root(el), 'thead th').map((th) => text(th))).to.deep.equal(['Invoice', 'A Invoice number', 'B Amount excl. VAT', 'C Amount incl. VAT', 'D Dossier(s)', 'E Invoice date', 'F SIRET', 'Sent on', 'Actions']);
  });

  it('pre-fills and reads the amounts in each language’s own form: 1,260.00 in English, 1 260,00 in French', async () => {
    const pending = await deposit('demo/samples/facture-2606-calcul-mental.pdf');
    document.documentElement.lang = 'en';
    await whenLocaleReady('en');
    const el = await mount(CASINO, [pending]);
    const r = row(el, pending.fileName);
    expect([input(r, 'amountHT').value, input(r, 'amountTTC').value]).to.deep.equal(['1,260.00', '1,512.00']);
    // « 1,234 » is one thousand two hundred and thirty-four to an English reader.
    await type(input(r, 'amountHT'), '1,234');
    expect(errorOf(r, 'amountHT')).to.equal('');
    await type(input(r, 'amountTTC'), '1 480,80'); // the French form is read too
    expect(errorOf(r, 'amountTTC')).to.equal('');
    // The page switches to French: the amounts are written again as a French reader writes them.
    document.documentElement.lang = 'fr';
    await until(() => text($(root(el), 'h2')) === '2. Validation' && input(r, 'amountHT').value.replace(/\s/g, ' ') === '1 234,00', 2000, 'French amounts');
    expect(input(r, 'amountTTC').value.replace(/\s/g, ' ')).to.equal('1 480,80');
    setTimeout(() => button(r, `Valider la facture ${pending.fileName}`).click());
    const { detail } = await oneEvent(el, AKTO_INVOICE_VALIDATED);
    expect([detail.invoice.amountHT, detail.invoice.amountTTC]).to.deep.equal([1234, 1480.8]);
  });

  it('in French, « 1,234 » is still refused for its third decimal, never read as 1234', async () => {
    const el = await mount(AFPA);
    const r = row(el, 'facture-202101085.pdf');
    await type(input(r, 'amountHT'), '1,234');
    expect(errorOf(r, 'amountHT')).to.equal('Le montant ne peut pas avoir plus de 2 décimales.');
  });
});
