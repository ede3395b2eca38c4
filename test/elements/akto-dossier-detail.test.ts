import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/akto-dossier-detail/define.js';
import type { AktoDossierDetail } from '../../src/elements/akto-dossier-detail/akto-dossier-detail.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_DOCUMENT_REQUEST, AKTO_TRANSFER_OPEN, AKTO_UNAUTHORIZED } from '../../src/core/events.js';
import { mock, sampleFile, startMock, until } from '../helpers/mock.js';
import { loadScreens } from '../../src/i18n/screens/index.js';
import { $, $$, shadow, text } from '../helpers/dom.js';
import { whenLocaleReady } from '../../src/i18n/index.js';

const plain = (value: string) => value.replace(/\u202f|\u00a0/g, ' ');
/** A definition list as label → value. */
const fields = (el: AktoDossierDetail, dl: string) =>
  Object.fromEntries($$(shadow(el), `${dl} > div`).map((d) => [text(d.querySelector('dt')), plain(text(d.querySelector('dd')))]));
const actions = (el: AktoDossierDetail) => $$(shadow(el), '[part="actions"] button') as HTMLButtonElement[];
const action = (el: AktoDossierDetail, label: string) => actions(el).find((b) => text(b) === label);

/** The id of the guide's first draft (UNIVERS PROTEC FORMATION, « Brouillon du 24/06/2022 »). */
const draftId = () => mock.store.dossiers.find((d) => d.number === null && d.company === 'UNIVERS PROTEC FORMATION')!.id;

async function mount(id: string, template = html`<akto-dossier-detail api-base="/api" dossier-id=${id}></akto-dossier-detail>`): Promise<AktoDossierDetail> {
  const el = await fixture<AktoDossierDetail>(template);
  await until(() => $(shadow(el), 'article') || $(shadow(el), '[role="alert"]'), 3000, 'the dossier');
  return el;
}

describe('<akto-dossier-detail>', () => {
  beforeEach(async () => {
    await startMock();
    await setViewport({ width: 1280, height: 900 });
    document.documentElement.lang = 'fr';
  });

  it('is accessible (axe), a dossier and a draft', async () => {
    const el = await mount('2206AF000578');
    await expect(el).to.be.accessible();
    const draft = await mount(draftId());
    await expect(draft).to.be.accessible();
  });

  it('shows the guide header: « Action de formation n° 2206AF000578 », the title, the scheme, the issue date and the state', async () => {
    const el = await mount('2206AF000578');
    expect(plain(text($(shadow(el), 'h2')))).to.equal('Action de formation n° 2206AF000578');
    expect($(shadow(el), 'h2')!.textContent).to.contain('n°\u00a02206AF000578', 'the number never wraps away from « n° »');
    expect(text($(shadow(el), '.subtitle'))).to.equal('Calcul mental');
    expect(text($(shadow(el), '.scheme'))).to.equal('Plan de développement des compétences');
    expect(fields(el, 'dl.facts')).to.deep.equal({ 'Envoyé le': '20/06/2022', 'Émis le': '23/06/2022', État: 'Transmis' });
    expect($(shadow(el), '.facts [part="badge"]')).not.to.equal(null);
    expect($(shadow(el), 'article')!.getAttribute('aria-labelledby')).to.equal('title');
  });

  it('shows the training, the trainees and the funding, amounts the French way', async () => {
    const el = await mount('2206AF000578');
    expect($$(shadow(el), '.panel h3').map((h) => text(h))).to.deep.equal(['Formation', 'Stagiaire(s)', 'Financements']);
    expect(fields(el, '[part="training"] dl')).to.deep.equal({
      Intitulé: 'Calcul mental',
      'Organisme de formation': 'AFPA ENTREPRISES NOUVELLE AQUITAINE',
      Type: 'Action de formation',
      Dispositif: 'Plan de développement des compétences',
      Dates: 'du 19/06/2022 au 20/06/2022',
    });
    expect($$(shadow(el), '[part="trainees"] li').map((li) => text(li))).to.deep.equal(['Lucie Martin', 'Natabah Behrane']);
    expect(fields(el, '[part="funding"] dl')).to.deep.equal({ 'Demande (HT)': '0,00 €', 'Accordé (HT)': '0,00 €', 'Réglé (HT)': '0,00 €', 'Solde (HT)': '0,00 €' });
  });

  it('shows a contract with its own type and real amounts', async () => {
    const el = await mount('2206CA000564');
    expect(plain(text($(shadow(el), 'h2')))).to.equal("Contrat d'apprentissage n° 2206CA000564");
    expect(fields(el, '[part="funding"] dl')).to.deep.equal({ 'Demande (HT)': '8 500,00 €', 'Accordé (HT)': '8 500,00 €', 'Réglé (HT)': '4 250,00 €', 'Solde (HT)': '4 250,00 €' });
    expect($$(shadow(el), '[part="trainees"] li').map((li) => text(li))).to.deep.equal(['Sarah Benali']);
  });

  it('says when there is no trainee (a draft: a dossier an invoice names always has its trainees)', async () => {
    const el = await mount(draftId());
    expect($(shadow(el), '[part="trainees"] ul')).to.equal(null);
    expect(text($(shadow(el), '[part="trainees"] .none'))).to.equal('Aucun stagiaire inscrit pour le moment.');
  });

  it('fits the host page outline with heading-level', async () => {
    const el = await mount('2206AF000578', html`<akto-dossier-detail api-base="/api" dossier-id="2206AF000578" heading-level="4"></akto-dossier-detail>`);
    expect(plain(text($(shadow(el), 'h4')))).to.equal('Action de formation n° 2206AF000578');
    expect($$(shadow(el), 'h5').map((h) => text(h))).to.deep.equal(['Formation', 'Stagiaire(s)', 'Financements']);
    expect($(shadow(el), 'h2')).to.equal(null);
  });

  it('fires a cancelable akto-deposit-request with the dossier and its company, from the keyboard', async () => {
    const el = await mount('2206AF000578');
    expect(actions(el).map((b) => text(b))).to.deep.equal(['Déposer un document', 'Déposer une facture']);
    expect($(shadow(el), '[part="actions"]')!.getAttribute('aria-label')).to.equal('Actions sur le dossier');
    action(el, 'Déposer une facture')!.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, AKTO_DEPOSIT_REQUEST);
    expect(event.detail).to.deep.equal({ dossier: '2206AF000578', entity: '527319461' });
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
  });

  it('fires akto-document-request for « Déposer un document »', async () => {
    const el = await mount('2206AF000578');
    let cancelled = false;
    document.addEventListener(AKTO_DOCUMENT_REQUEST, (e) => {
      e.preventDefault();
      cancelled = e.defaultPrevented;
    }, { once: true });
    setTimeout(() => action(el, 'Déposer un document')!.click());
    const event = await oneEvent(el, AKTO_DOCUMENT_REQUEST);
    expect(event.detail).to.deep.equal({ dossierId: '2206AF000578', number: '2206AF000578' });
    await aTimeout(0);
    expect(cancelled, 'the host can cancel it').to.equal(true);
  });

  it('shows a draft as « Brouillon du … », without « Déposer une facture », and says why', async () => {
    const el = await mount(draftId());
    expect(text($(shadow(el), 'h2'))).to.equal('Brouillon du 24/06/2022');
    expect(text($(shadow(el), '.subtitle'))).to.equal('Formation sécurité incendie');
    expect(fields(el, 'dl.facts')).to.deep.equal({ État: 'Brouillon' }, 'no issue date yet');
    expect(actions(el).map((b) => text(b))).to.deep.equal(['Déposer un document']);
    expect(text($(shadow(el), '.note'))).to.equal("Ce dossier est encore un brouillon : vous pourrez y déposer une facture une fois qu'il aura été transmis à AKTO.");
    expect(fields(el, '[part="training"] dl').Dates).to.equal('Non renseigné');
    setTimeout(() => action(el, 'Déposer un document')!.click());
    const event = await oneEvent(el, AKTO_DOCUMENT_REQUEST);
    expect(event.detail).to.deep.equal({ dossierId: draftId(), number: null });
  });

  it('words a period known at one end', async () => {
    const dossier = mock.store.dossiers.find((d) => d.number === '2206AF000575')!;
    dossier.end = null;
    const el = await mount('2206AF000575');
    expect(fields(el, '[part="training"] dl').Dates).to.equal('à partir du 04/07/2022');
  });

  it('says it is loading', async () => {
    mock.faults.latencyMs = 600;
    const el = await fixture<AktoDossierDetail>(html`<akto-dossier-detail api-base="/api" dossier-id="2206AF000578"></akto-dossier-detail>`);
    await until(() => $(shadow(el), '[role="status"]'), 1000, 'the loading message');
    expect(text($(shadow(el), '[role="status"]'))).to.equal('Chargement du dossier…');
    await until(() => $(shadow(el), 'article'), 3000, 'the dossier');
  });

  it('says when the dossier does not exist, with « Réessayer »', async () => {
    const el = await mount('2299AF999999');
    expect(text($(shadow(el), '[role="alert"]'))).to.contain("Ce dossier n'existe pas pour cette entité.");
    expect(text($(shadow(el), '[role="alert"] button'))).to.equal('Réessayer');
    await expect(el).to.be.accessible();
  });

  it('shows the problem with « Réessayer », then recovers', async () => {
    mock.faults.fail('getDossier', 'network', { times: 1 });
    const el = await mount('2206AF000578');
    expect(text($(shadow(el), '[role="alert"]'))).to.contain('injoignable');
    ($(shadow(el), '[role="alert"] button') as HTMLButtonElement).click();
    await until(() => $(shadow(el), 'article'), 3000, 'the dossier after retry');
  });

  it('fires akto-unauthorized once on a 401', async () => {
    mock.faults.fail('getDossier', 'unauthorized');
    let count = 0;
    const counter = () => count++;
    document.addEventListener(AKTO_UNAUTHORIZED, counter);
    try {
      const el = await mount('2206AF000578');
      expect(text($(shadow(el), '[role="alert"]'))).to.contain('session a expiré');
      el.requestUpdate();
      await el.updateComplete;
      await aTimeout(50);
      expect(count).to.equal(1);
    } finally {
      document.removeEventListener(AKTO_UNAUTHORIZED, counter);
    }
  });

  it('loads another dossier when dossier-id changes, the newest answer winning', async () => {
    const el = await mount('2206AF000578');
    mock.faults.latencyMs = 700;
    el.dossierId = '2206AF000575'; // slow answer
    await aTimeout(50);
    mock.faults.latencyMs = 0;
    el.dossierId = '2206CA000564'; // fast answer
    await aTimeout(1200);
    expect(plain(text($(shadow(el), 'h2')))).to.equal("Contrat d'apprentissage n° 2206CA000564");
    expect(el.getAttribute('dossier-id')).to.equal('2206CA000564');
  });

  it('speaks English, from its lang attribute and from the page', async () => {
    await whenLocaleReady('en');
    const el = await mount('2206CA000564', html`<akto-dossier-detail api-base="/api" dossier-id="2206CA000564" lang="en"></akto-dossier-detail>`);
    expect($(shadow(el), 'h2')!.textContent!.trim()).to.equal("Contrat d'apprentissage No.\u00a02206CA000564");
    expect(fields(el, '[part="funding"] dl')).to.deep.equal({
      'Requested (excl. VAT)': '€8,500.00',
      'Granted (excl. VAT)': '€8,500.00',
      'Paid (excl. VAT)': '€4,250.00',
      'Balance (excl. VAT)': '€4,250.00',
    });
    expect(fields(el, '[part="training"] dl').Dates).to.equal('from 08/06/2022 to 07/12/2022');
    expect(actions(el).map((b) => text(b))).to.deep.equal(['Deposit a document', 'Deposit an invoice']);
    const page = await mount(draftId());
    document.documentElement.lang = 'en';
    await until(() => text($(shadow(page), 'h2')) === 'Draft of 24/06/2022', 2000, 'English');
    expect(text($(shadow(page), '.note'))).to.contain('still a draft');
    expect(text($(shadow(page), '[part="trainees"] .none'))).to.equal('No trainee registered yet.');
  });

  // ---- issue 16: the guide's « Détails / Documents » tabs, the documents, « Consulter le détail » ----

  const tabs = (el: AktoDossierDetail) => $$<HTMLButtonElement>(shadow(el), '[role="tab"]');
  const selected = (el: AktoDossierDetail) => text(tabs(el).find((t) => t.getAttribute('aria-selected') === 'true'));
  const focused = (el: AktoDossierDetail) => shadow(el).activeElement as HTMLElement | null;
  /** Chooses a file in the document form, as the picker does. */
  function choose(el: AktoDossierDetail, file: File): void {
    const input = $<HTMLInputElement>(shadow(el), '#document-file')!;
    const data = new DataTransfer();
    data.items.add(file);
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const documentRows = (el: AktoDossierDetail) => $$(shadow(el), '[part="documents"] tbody tr').map((r) => $$(r, 'td').map((td) => text(td)));

  it('has the guide\'s « Détails / Documents » tabs, with arrows, Home and End (axe on both)', async () => {
    const el = await mount('2206AF000578');
    expect(tabs(el).map((t) => text(t))).to.deep.equal(['Détails', 'Documents']);
    expect($(shadow(el), '[role="tablist"]')!.getAttribute('aria-label')).to.equal('Dossier');
    expect(selected(el)).to.equal('Détails');
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1], 'one tab stop');
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => selected(el) === 'Documents', 2000, 'Documents selected');
    expect(focused(el)?.id).to.equal('tab-documents');
    expect(el.getAttribute('tab')).to.equal('documents');
    expect($(shadow(el), '#panel-details')!.hidden).to.equal(true);
    await until(() => documentRows(el).length, 3000, 'the documents');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Home' });
    await until(() => selected(el) === 'Détails', 2000, 'Détails with Home');
    await sendKeys({ press: 'End' });
    await until(() => selected(el) === 'Documents', 2000, 'Documents with End');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => selected(el) === 'Détails', 2000, 'wraps around');
    expect(focused(el)?.id).to.equal('tab-details');
  });

  it('lists the dossier\'s documents, the last sent first: name, type, « Envoyé le »', async () => {
    const el = await mount('2206AF000578', html`<akto-dossier-detail api-base="/api" dossier-id="2206AF000578" tab="documents"></akto-dossier-detail>`);
    await until(() => documentRows(el).length, 3000, 'the documents');
    expect($$(shadow(el), '[part="documents"] th').map((th) => text(th))).to.deep.equal(['Nom', 'Type', 'Envoyé le']);
    expect(documentRows(el).map((r) => r.slice(0, 2))).to.deep.equal([
      ['Emargement 19-20 juin 2022.pdf', "Feuille d'émargement"],
      ['Programme Calcul mental.pdf', 'Programme de formation'],
      ['Convention AFPA - Calcul mental.pdf', 'Convention de formation'],
    ]);
    expect(documentRows(el)[0]![2]).to.match(/^21\/06\/2022 \d{2}:\d{2}:\d{2}$/);
    const button = $<HTMLLabelElement>(shadow(el), 'label.file-button')!;
    expect(text(button), 'the file field in the page\'s words').to.equal('Choisir un fichier');
    expect(button.control).to.equal($(shadow(el), '#document-file'));
    const empty = await mount('2206AF000575', html`<akto-dossier-detail api-base="/api" dossier-id="2206AF000575" tab="documents"></akto-dossier-detail>`);
    await until(() => $(shadow(empty), '[part="documents"] .none'), 3000, 'no document');
    expect(text($(shadow(empty), '[part="documents"] .none'))).to.equal("Aucun document n'a encore été envoyé sur ce dossier.");
  });

  it('« Déposer un document » opens the Documents tab on its form; the PDF sent once, confirmed, focus on the confirmation', async () => {
    const el = await mount('2206AF000578');
    action(el, 'Déposer un document')!.click();
    await until(() => focused(el)?.id === 'document-file', 3000, 'the file input focused');
    expect(selected(el)).to.equal('Documents');
    choose(el, await sampleFile('demo/samples/facture-2606-calcul-mental.pdf', 'programme-v2.pdf'));
    const kind = $<HTMLSelectElement>(shadow(el), '#document-kind')!;
    kind.value = 'programme';
    kind.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const before = mock.store.documents.length;
    $<HTMLButtonElement>(shadow(el), 'form button[type="submit"].button:not(.secondary)')!.click();
    await until(() => text($(shadow(el), '.sent')), 4000, 'the confirmation');
    expect(text($(shadow(el), '.sent'))).to.equal('Le document programme-v2.pdf a bien été envoyé à AKTO.');
    expect(focused(el)?.className).to.equal('sent', 'focus on the confirmation, not on <body>');
    expect(mock.store.documents.length).to.equal(before + 1);
    expect(mock.store.documents.at(-1)).to.include({ dossierId: '2206AF000578', kind: 'programme', name: 'programme-v2.pdf' });
    await until(() => documentRows(el)[0]?.[0] === 'programme-v2.pdf', 3000, 'listed first');
    expect($<HTMLInputElement>(shadow(el), '#document-file')!.value).to.equal('', 'the form is ready for another');
  });

  it('keeps the chosen file and type through a network error, and « Réessayer » sends it once', async () => {
    const el = await mount('2206AF000578', html`<akto-dossier-detail api-base="/api" dossier-id="2206AF000578" tab="documents" timeout="1500"></akto-dossier-detail>`);
    await until(() => $(shadow(el), '#document-file'), 3000, 'the form');
    choose(el, await sampleFile('demo/samples/facture-2606-calcul-mental.pdf', 'emargement.pdf'));
    const kind = $<HTMLSelectElement>(shadow(el), '#document-kind')!;
    kind.value = 'emargement';
    kind.dispatchEvent(new Event('change'));
    mock.faults.fail('createDocument', 'network', { times: 1 });
    $<HTMLButtonElement>(shadow(el), 'form > button[type="submit"]')!.click();
    const alert = await until(() => (text($(shadow(el), 'form [role="alert"]')) ? $(shadow(el), 'form [role="alert"]') : null), 4000, 'the error');
    expect(text(alert)).to.contain('Le serveur est injoignable');
    expect(text($(shadow(el), '#document-file-hint'))).to.equal('emargement.pdf', 'the file kept');
    expect($<HTMLSelectElement>(shadow(el), '#document-kind')!.value).to.equal('emargement', 'the type kept');
    const uploads = mock.store.uploads.size;
    $<HTMLButtonElement>(alert, 'button')!.click();
    await until(() => text($(shadow(el), '.sent')), 4000, 'sent after the retry');
    expect(mock.store.uploads.size).to.equal(uploads, 'the file was not uploaded again');
    expect(mock.store.documents.filter((d) => d.name === 'emargement.pdf')).to.have.length(1);
  });

  it('asks for the documents once the dossier is there: the network back, one « Réessayer » brings both', async () => {
    mock.faults.fail('getDossier', 'network');
    mock.faults.fail('listDocuments', 'network');
    const el = await mount('2206AF000578', html`<akto-dossier-detail api-base="/api" dossier-id="2206AF000578" tab="documents"></akto-dossier-detail>`);
    mock.faults.heal(); // the network is back
    $<HTMLButtonElement>(shadow(el), '[role="alert"] button')!.click();
    await until(() => documentRows(el).length, 3000, 'the documents, without a second « Réessayer »');
    expect($(shadow(el), '[role="alert"]')).to.equal(null);
  });

  it('refuses a file that is not a PDF, and no file, on the form itself', async () => {
    const el = await mount('2206AF000578', html`<akto-dossier-detail api-base="/api" dossier-id="2206AF000578" tab="documents"></akto-dossier-detail>`);
    await until(() => $(shadow(el), '#document-file'), 3000, 'the form');
    $<HTMLButtonElement>(shadow(el), 'form > button[type="submit"]')!.click();
    await until(() => text($(shadow(el), 'form [role="alert"]')), 2000, 'no file');
    expect(text($(shadow(el), 'form [role="alert"]'))).to.equal('Choisissez le fichier PDF du document.');
    expect(focused(el)?.id).to.equal('document-file');
    choose(el, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'photo.pdf'));
    $<HTMLButtonElement>(shadow(el), 'form > button[type="submit"]')!.click();
    await until(() => text($(shadow(el), 'form [role="alert"]')).includes('PDF :'), 2000, 'not a PDF');
    expect(text($(shadow(el), 'form [role="alert"]'))).to.equal("Ce fichier n'est pas un PDF : choisissez un fichier PDF.");
  });

  it('« Consulter le détail » lists the dossier\'s invoices with their transfers', async () => {
    const number = mock.store.invoices.find((i) => i.transferNumber && i.dossiers.length === 1)!.dossiers[0]!;
    const el = await mount(number);
    const toggle = $$<HTMLButtonElement>(shadow(el), '[part="funding"] button').find((b) => text(b) === 'Consulter le détail')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await until(() => $$(shadow(el), '.invoices li').length, 3000, 'the invoices');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Masquer le détail');
    const expected = mock.store.invoices.filter((i) => i.dossiers.includes(number));
    expect($$(shadow(el), '.invoices li').length).to.equal(Math.min(expected.length, 100));
    const transfer = $$<HTMLButtonElement>(shadow(el), '.invoices .link-button')[0]!;
    setTimeout(() => transfer.click());
    const event = await oneEvent(el, AKTO_TRANSFER_OPEN);
    expect(expected.some((i) => i.transferNumber === event.detail.transferNumber)).to.equal(true);
  });

  it('documents and tabs in English', async () => {
    await Promise.all([whenLocaleReady('en'), loadScreens('en')]);
    const el = await mount('2206AF000578', html`<akto-dossier-detail api-base="/api" dossier-id="2206AF000578" lang="en" tab="documents"></akto-dossier-detail>`);
    await until(() => documentRows(el).length, 3000, 'the documents');
    expect(tabs(el).map((t) => text(t))).to.deep.equal(['Details', 'Documents']);
    expect(documentRows(el)[0]![1]).to.equal('Attendance sheet');
    expect(fields(el, 'dl.facts')['Sent on']).to.equal('20/06/2022');
    expect(text($(shadow(el), 'label.file-button')), 'not the browser\'s « Choose File »').to.equal('Choose a file');
  });

  it('fits a phone: panels stacked, nothing wider than the screen', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await mount('2206CA000564');
    const panels = $$(shadow(el), '.panel').map((p) => p.getBoundingClientRect());
    expect(panels[1]!.top).to.be.greaterThan(panels[0]!.bottom - 1, 'one panel under the other');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    for (const node of $$(shadow(el), 'h2, .panel, .actions button')) expect(node.getBoundingClientRect().right, node.className || node.localName).to.be.at.most(360);
    await expect(el).to.be.accessible();
  });
});
