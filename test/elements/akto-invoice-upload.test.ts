import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/akto-invoice-upload/define.js';
import '../../src/elements/akto-provider/define.js';
import type { AktoInvoiceUpload } from '../../src/elements/akto-invoice-upload/akto-invoice-upload.js';
import { AKTO_DEPOSIT_SENT, AKTO_ENTITY_SELECT, AKTO_UNAUTHORIZED, AKTO_UPLOAD_REQUEST } from '../../src/core/events.js';
import { clearDrafts } from '../../src/core/drafts.js';
import { chooseFiles as choose, chooseSupporting, dragIntoPage } from '../helpers/drop.js';
import { mock, sampleFile, startMock, until } from '../helpers/mock.js';
import { whenLocaleReady } from '../../src/i18n/index.js';
import { readingSlot } from '../../src/core/limit.js';

type Root = ShadowRoot;
const root = (el: HTMLElement): Root => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(scope: ParentNode, selector: string) => scope.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(scope: ParentNode, selector: string) => [...scope.querySelectorAll<E>(selector)];
// Names are shown isolated (U+2068…U+2069) so right-to-left marks cannot reorder the sentence.
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const picker = (el: AktoInvoiceUpload) => root(el).querySelector('akto-entity-picker');
const rows = (el: AktoInvoiceUpload) => $$(root(el), 'li.invoice');
const row = (el: AktoInvoiceUpload, name: string) => rows(el).find((r) => text($(r, '.name')) === name)!;
const button = (scope: ParentNode, label: string) => $$<HTMLButtonElement>(scope, 'button').find((b) => text(b) === label || b.getAttribute('aria-label') === label)!;
const checkbox = (scope: ParentNode, label: string) => $$<HTMLLabelElement>(scope, 'label').find((l) => text(l) === label)!.querySelector('input')!;
/** What has the focus, by its text (<body> when it fell out of the step): comparing elements would print the whole page on a failure. */
const focusedLabel = (el: AktoInvoiceUpload) => (document.activeElement === el ? text(root(el).activeElement) : `<${document.activeElement?.localName}>`);
const sendButton = (el: AktoInvoiceUpload) => $<HTMLButtonElement>(root(el), '[part="send"]')!;

const KAVKAZ = '819109976';
const INVOICE = 'demo/samples/FACTURE KHATIB NABIL.pdf';
const OTHER = 'demo/samples/facture-2606-calcul-mental.pdf';

/** Mounts the step for one entity (no picker) and waits for its drop area. */
async function mount(attributes: { entity?: string; dossier?: string; maxSize?: number; lang?: string } = {}): Promise<AktoInvoiceUpload> {
  const el = await fixture<AktoInvoiceUpload>(
    html`<akto-invoice-upload api-base="/api" entity=${attributes.entity ?? KAVKAZ} dossier=${attributes.dossier ?? ''} max-size=${attributes.maxSize ?? 10_000_000} lang=${attributes.lang ?? 'fr'}></akto-invoice-upload>`,
  );
  await until(() => $(root(el), '.dropzone'), 3000, 'the drop area');
  return el;
}


async function addInvoices(el: AktoInvoiceUpload, files: File[]): Promise<void> {
  const before = rows(el).length;
  choose(el, 'invoices', files);
  await until(() => rows(el).length >= before + 1 || $(root(el), '.refusals'), 3000, 'the rows');
}

const uploaded = (el: AktoInvoiceUpload, name: string) => until(() => text($(row(el, name), '.file .state')) === 'Chargé', 4000, `${name} uploaded`);
/**
 * Holds the page's two reading slots (pdf.js readings wait for one): readings started meanwhile
 * stop after the first bytes' check, as behind a slow first load of pdf.js. Release lets them go.
 */
function holdReadings(): { release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  void readingSlot(() => gate);
  void readingSlot(() => gate);
  return { release };
}

const png = (name = 'attestation.png') => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], name, { type: 'image/png' });

/** A ready invoice: uploaded, with a supporting document. */
async function readyInvoice(el: AktoInvoiceUpload, path = INVOICE): Promise<HTMLElement> {
  const file = await sampleFile(path);
  await addInvoices(el, [file]);
  await uploaded(el, file.name);
  const r = row(el, file.name);
  chooseSupporting(el, r, [png()]);
  await until(() => text($(r, '.supporting li .state')) === 'Chargé', 4000, 'the supporting document');
  return r;
}

describe('<akto-invoice-upload>', () => {
  beforeEach(async () => {
    await startMock();
    await clearDrafts();
    document.documentElement.lang = 'fr';
  });

  describe('entity', () => {
    it('asks which entity when the account manages several (axe), with their SIREN, then « Déposer »', async () => {
      const el = await fixture<AktoInvoiceUpload>(html`<akto-invoice-upload api-base="/api"></akto-invoice-upload>`);
      const chooser = await until(() => picker(el), 3000, 'the picker');
      await until(() => $(root(chooser as HTMLElement), 'li'), 2000, 'the entities');
      await expect(el).to.be.accessible();
      const pickerRoot = root(chooser as HTMLElement);
      expect(text($(pickerRoot, 'legend'))).to.equal('Veuillez sélectionner une entité pour le dépôt de factures :');
      expect(text(pickerRoot)).to.contain('SNC KAVKAZ 819 109 976');
      // With many entities the list can be searched.
      const search = $<HTMLInputElement>(pickerRoot, 'input[type=search]')!;
      search.value = 'kavk';
      search.dispatchEvent(new Event('input'));
      await (chooser as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect($$(pickerRoot, 'li')).to.have.length(1);
      button(pickerRoot, 'Déposer').click();
      await (chooser as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(text($(pickerRoot, '[role="alert"]'))).to.equal('Sélectionnez une entité.');
      $<HTMLInputElement>(pickerRoot, 'input[type=radio]')!.click();
      setTimeout(() => button(pickerRoot, 'Déposer').click());
      const event = await oneEvent(el, AKTO_ENTITY_SELECT);
      expect(event.detail.entity.siren).to.equal(KAVKAZ);
      await until(() => $(root(el), '.dropzone'), 2000, 'the drop area');
      expect(el.getAttribute('entity')).to.equal(KAVKAZ);
      expect(text($(root(el), '.entity'))).to.equal('SNC KAVKAZ (819 109 976)');
    });

    it('sends the focus to « Sélectionner des factures » once the entity is chosen, not to the page', async () => {
      const el = await fixture<AktoInvoiceUpload>(html`<akto-invoice-upload api-base="/api"></akto-invoice-upload>`);
      const chooser = await until(() => picker(el), 3000, 'the picker');
      const radio = await until(() => $<HTMLInputElement>(root(chooser as HTMLElement), 'input[type=radio]'), 2000, 'the entities');
      radio.focus();
      await sendKeys({ press: 'Space' });
      button(root(chooser as HTMLElement), 'Déposer').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(root(el), '.dropzone'), 2000, 'the drop area');
      await until(() => focusedLabel(el) === 'Sélectionner des factures', 1000, `the focus on the drop area's button (it is on ${focusedLabel(el)})`);
    });

    it("pre-selects the dossier's entity for a deposit started from a dossier (a partner's link), without asking", async () => {
      const el = await fixture<AktoInvoiceUpload>(html`<akto-invoice-upload api-base="/api" dossier="2206AF000578"></akto-invoice-upload>`);
      const selected = oneEvent(el, AKTO_ENTITY_SELECT);
      let asked = false;
      const watch = setInterval(() => (asked ||= Boolean(picker(el))), 5);
      await until(() => $(root(el), '.dropzone'), 3000, 'the drop area');
      clearInterval(watch);
      expect(asked, 'the choice never shown').to.equal(false);
      expect(text($(root(el), '.entity'))).to.equal('CASINO RESTAURATION SASU (527 319 461)');
      expect((await selected).detail.entity.siren).to.equal('527319461');
      expect(text($(root(el), '.context'))).to.contain("Changer d'entité");
    });

    it("says that « Changer d'entité » is the way out of « Ce dossier n'existe pas pour cette entité. », and offers no « Réessayer »", async () => {
      const el = await mount({ dossier: '2206AF000578' }); // CASINO RESTAURATION SASU's dossier, deposited as SNC KAVKAZ
      await readyInvoice(el);
      sendButton(el).click();
      const error = await until(() => $(root(el), '.notice.error'), 3000, 'the refusal');
      expect(text(error)).to.equal(
        "Ce dossier n'existe pas pour cette entité. Ce dossier appartient peut-être à une autre de vos entités : choisissez-la avec « Changer d'entité », puis envoyez de nouveau les documents. Changer d'entité",
      );
      expect(button(error, 'Réessayer'), 'a retry would be refused the same').to.equal(undefined);
      await expect(el).to.be.accessible();
      button(error, "Changer d'entité").focus();
      await sendKeys({ press: 'Enter' });
      const chooser = await until(() => picker(el), 2000, 'the choice');
      await until(() => root(chooser as HTMLElement).activeElement, 1000, 'the focus on the choice');
      const casino = $$<HTMLLabelElement>(root(chooser as HTMLElement), 'label').find((l) => text(l).startsWith('CASINO RESTAURATION SASU '))!;
      casino.querySelector('input')!.click();
      button(root(chooser as HTMLElement), 'Déposer').click();
      await until(() => focusedLabel(el) === 'Envoyer les documents', 2000, 'the focus on « Envoyer les documents », the files still there');
      expect(rows(el)).to.have.length(1);
      expect($(root(el), '.notice.error')).to.equal(null);
      setTimeout(() => sendButton(el).click());
      const event = await oneEvent(el, AKTO_DEPOSIT_SENT);
      expect(event.detail.pending[0]).to.include({ entitySiren: '527319461', fromDossier: '2206AF000578' });
    });

    it('offers « Réessayer » only where trying again can help: after a 500, not after a 422', async () => {
      const el = await mount();
      await readyInvoice(el);
      mock.faults.fail('createDeposit', 'server-error', { times: 1 });
      sendButton(el).click();
      await until(() => $(root(el), '.notice.error') && !$(root(el), '.notice.info'), 3000, 'the 500');
      expect(button($(root(el), '.notice.error')!, 'Réessayer'), 'after a 500').to.exist;
      mock.store.uploads.clear(); // the files are gone from the server: the deposit is refused (422), whatever the retries
      button($(root(el), '.notice.error')!, 'Réessayer').click();
      await until(() => !$(root(el), '.notice.info') && $(root(el), '.notice.error') && !button($(root(el), '.notice.error')!, 'Réessayer'), 3000, 'the 422, without « Réessayer »');
      expect(text($(root(el), '.notice.error'))).to.contain('Le dépôt est incomplet');
    });

    it('skips the choice when the account manages one entity', async () => {
      mock.reset({ entities: [KAVKAZ] });
      const el = await fixture<AktoInvoiceUpload>(html`<akto-invoice-upload api-base="/api"></akto-invoice-upload>`);
      await until(() => $(root(el), '.dropzone'), 3000, 'the drop area');
      expect(picker(el)).to.equal(null);
      expect(text($(root(el), '.context'))).not.to.contain("Changer d'entité");
    });

    it('explains that a company must first be attached, with the host link, when there is none', async () => {
      mock.reset({ entities: [] });
      const el = await fixture<AktoInvoiceUpload>(html`<akto-invoice-upload api-base="/api" attach-href="/compte/rattachement"></akto-invoice-upload>`);
      await until(() => $(root(el), '.message'), 3000, 'the message');
      await expect(el).to.be.accessible();
      expect(text($(root(el), '.message'))).to.contain("Aucune entreprise n'est rattachée à votre compte.");
      expect($<HTMLAnchorElement>(root(el), '.message a')!.getAttribute('href')).to.equal('/compte/rattachement');
    });

    it('says, under the choice, what to do when the company is not in the list, with the link its provider gives (attach-href)', async () => {
      const provider = await fixture(html`<akto-provider api-base="/api" attach-href="/compte/rattachement"><akto-invoice-upload></akto-invoice-upload></akto-provider>`);
      const el = provider.querySelector<AktoInvoiceUpload>('akto-invoice-upload')!;
      const chooser = await until(() => picker(el), 3000, 'the picker');
      const hint = await until(() => $(root(chooser as HTMLElement), '.not-listed'), 2000, 'the hint');
      expect(text(hint)).to.equal("Votre entreprise n'est pas dans la liste ? Rattachez-la d'abord au compte utilisé, puis revenez déposer la facture. Rattacher une entreprise");
      expect($<HTMLAnchorElement>(hint, 'a')!.getAttribute('href')).to.equal('/compte/rattachement');
      await expect(el).to.be.accessible();
    });
  });

  describe('invoices', () => {
    it('is accessible with invoices, supporting documents and refusals', async () => {
      const el = await mount();
      await readyInvoice(el);
      await addInvoices(el, [await sampleFile(OTHER), new File(['hello'], 'faux.pdf', { type: 'application/pdf' })]);
      await expect(el).to.be.accessible();
    });

    it('shows the drop area with the guide wording and a real button that opens the file picker', async () => {
      const el = await mount();
      expect(text($(root(el), '.dropzone .lead'))).to.equal('Déposez vos fichiers ici ou cliquez pour sélectionner des fichiers');
      const input = root(el).getElementById('invoices') as HTMLInputElement;
      expect(input.multiple).to.equal(true);
      setTimeout(() => button(root(el), 'Sélectionner des factures').click());
      await oneEvent(input, 'click');
    });

    it('lists each invoice with its name, size, upload state, remove button and the two boxes', async () => {
      const el = await mount();
      const file = await sampleFile(INVOICE);
      await addInvoices(el, [file]);
      await uploaded(el, file.name);
      const r = row(el, file.name);
      expect(text($(r, '.size'))).to.equal(`Taille ${(file.size / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ko`);
      expect(button(r, 'Supprimer FACTURE KHATIB NABIL.pdf')).to.exist;
      expect(checkbox(r, 'Ce document est-il un avoir ?').checked).to.equal(false);
      expect(checkbox(r, 'Ce document correspond aux frais de salaire ou annexes').checked).to.equal(false);
      expect(text($(r, '.missing'))).to.equal('Vous devez ajouter la pièce justificative pour ce document');
      expect(text($(root(el), '.count'))).to.equal('1 fichier chargé');
      expect(text($(root(el), '.note'))).to.contain('Vous devrez ensuite vérifier et valider les factures');
      expect(mock.store.uploads.size).to.equal(1);
    });

    it('takes several invoices at once, one upload request each', async () => {
      const el = await mount();
      await addInvoices(el, [await sampleFile(INVOICE), await sampleFile(OTHER), await sampleFile('test/fixtures/two-pages.pdf')]);
      await until(() => rows(el).length === 3 && rows(el).every((r) => text($(r, '.file .state')) === 'Chargé'), 5000, 'three uploads');
      expect(text($(root(el), '.count'))).to.equal('3 fichiers chargés');
      expect([...mock.store.uploads.values()].map((u) => u.name).sort()).to.deep.equal(['FACTURE KHATIB NABIL.pdf', 'facture-2606-calcul-mental.pdf', 'two-pages.pdf']);
    });

    it('refuses, by name and reason, a fake PDF, an empty file, one over the limit and the same file twice; the others are kept', async () => {
      const el = await mount({ maxSize: 7000 });
      const good = await sampleFile(OTHER);
      const big = await sampleFile('test/fixtures/scan.pdf', 'gros.pdf');
      await addInvoices(el, [good, new File(['not a pdf'], 'faux.pdf', { type: 'application/pdf' }), new File([], 'vide.pdf'), big, good]);
      // Size, emptiness and duplicates are known at once; what a file really is, from its first
      // bytes, when its row is checked (the rows show first).
      const refusals = () => $$(root(el), '.refusals li').map((li) => text(li));
      await until(() => refusals().length === 4, 4000, 'the fake PDF refused');
      expect(refusals()).to.deep.equal([
        "« vide.pdf » n'a pas été ajouté : le fichier est vide.",
        "« gros.pdf » n'a pas été ajouté : il dépasse la taille maximale de 7 ko.",
        "« facture-2606-calcul-mental.pdf » n'a pas été ajouté : ce fichier est déjà dans la liste.",
        "« faux.pdf » n'a pas été ajouté : ce fichier n'est pas un PDF.",
      ]);
      expect(rows(el).map((r) => text($(r, '.name')))).to.deep.equal(['facture-2606-calcul-mental.pdf']);
      expect(text($(root(el), '.visually-hidden[role="status"]'))).to.contain("« faux.pdf » n'a pas été ajouté : ce fichier n'est pas un PDF.");
      expect([...mock.store.uploads.values()].some((u) => u.name === 'faux.pdf'), 'never uploaded').to.equal(false);
    });

    it('shows a file name with markup as text', async () => {
      const el = await mount();
      const hostile = new File([await (await sampleFile(OTHER)).arrayBuffer()], '<img src=x onerror="window.hacked=1">.pdf', { type: 'application/pdf' });
      await addInvoices(el, [hostile]);
      expect($(root(el), 'li.invoice img')).to.equal(null);
      expect(text($(rows(el)[0]!, '.name'))).to.equal('<img src=x onerror="window.hacked=1">.pdf');
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });

    it('accepts files dropped on the area (FilePond handles the drag and drop), and supporting documents dropped on a row', async () => {
      const el = await mount();
      dragIntoPage();
      await until(() => $(root(el), '.filepond--hopper'), 3000, 'FilePond listening');
      /** A drag and drop as the browser delivers it: to whatever is under the pointer. */
      const drop = async (zone: HTMLElement, files: File[]) => {
        const transfer = new DataTransfer();
        files.forEach((f) => transfer.items.add(f));
        zone.scrollIntoView({ block: 'center' });
        const box = zone.getBoundingClientRect();
        const at = { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer, clientX: box.left + 10, clientY: box.top + 10 };
        zone.dispatchEvent(new DragEvent('dragenter', at));
        const target = root(el).elementFromPoint(at.clientX, at.clientY)!;
        expect(target.closest('.filepond--root'), 'FilePond covers the step while dragging').to.exist;
        target.dispatchEvent(new DragEvent('dragenter', at));
        target.dispatchEvent(new DragEvent('dragover', at));
        target.dispatchEvent(new DragEvent('drop', at));
      };
      await drop($(root(el), '.dropzone[data-kind="invoice"]')!, [await sampleFile(INVOICE), await sampleFile(OTHER)]);
      await until(() => rows(el).length === 2, 8000, 'the dropped rows'); // FilePond's own pipeline, slow on a busy machine
      await until(() => $(root(el), '.filepond--root')!.style.pointerEvents === 'none', 1000, 'the button clickable again');
      const second = rows(el)[1]!;
      await drop($(second, '.dropzone.small')!, [png()]);
      await until(() => $$(second, '.supporting li').length === 1, 3000, 'the dropped supporting document');
      expect($$(rows(el)[0]!, '.supporting li')).to.have.length(0);
      // Let the uploads end here, not in the next test's fresh backend.
      await until(() => $$(root(el), '.state').every((s) => text(s) === 'Chargé'), 4000, 'the uploads');
    });

    it("opens the step's supporting documents picker for the row whose zone or button was used, from the keyboard too", async () => {
      const el = await mount();
      const [first, second] = [await sampleFile(INVOICE), await sampleFile(OTHER)];
      await addInvoices(el, [first, second]);
      await uploaded(el, first.name);
      await uploaded(el, second.name);
      const picker = root(el).getElementById('supporting-input') as HTMLInputElement;
      let opened = 0;
      picker.addEventListener('click', () => navigator.userActivation.isActive && opened++);
      // Enter on the second row's button: the browser's chooser, for that row.
      $(row(el, second.name), '.dropzone.small button')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(opened, 'the chooser opened by the key').to.equal(1);
      choose(el, 'supporting-input', [png('pour-la-seconde.png')]);
      await until(() => $$(row(el, second.name), '.supporting li').length === 1, 3000, "the second row's document");
      expect($$(row(el, first.name), '.supporting li')).to.have.length(0);
      // A click on the first row's zone, beside its button.
      ($(row(el, first.name), '.dropzone.small .hint') as HTMLElement).click();
      choose(el, 'supporting-input', [png('pour-la-premiere.png')]);
      await until(() => $$(row(el, first.name), '.supporting li').length === 1, 3000, "the first row's document");
      expect(text($(row(el, first.name), '.supporting li .name'))).to.equal('pour-la-premiere.png');
      expect($$(row(el, second.name), '.supporting li .name').map(text)).to.deep.equal(['pour-la-seconde.png']);
      await until(() => $$(root(el), '.state').every((s) => text(s) === 'Chargé'), 4000, 'the uploads');
    });

    it('removing an invoice cancels its upload, or deletes it once stored', async () => {
      const el = await mount();
      const file = await sampleFile(INVOICE);
      await addInvoices(el, [file]);
      await uploaded(el, file.name);
      expect(mock.store.uploads.size).to.equal(1);
      button(row(el, file.name), 'Supprimer FACTURE KHATIB NABIL.pdf').click();
      await until(() => rows(el).length === 0 && mock.store.uploads.size === 0, 3000, 'the deletion');
      mock.faults.uploadLatencyMs = 3000;
      await addInvoices(el, [file]);
      await until(() => text($(row(el, file.name), '.file .state')).startsWith('Chargement'), 2000, 'uploading');
      button(row(el, file.name), 'Supprimer FACTURE KHATIB NABIL.pdf').click();
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
      expect(root(el).activeElement?.textContent?.trim()).to.equal('Sélectionner des factures');
    });

    it('sends the focus to « Sélectionner des factures » after « Masquer » on the refused files, not to the page', async () => {
      const el = await mount();
      await addInvoices(el, [new File([], 'vide.pdf')]);
      const dismiss = button($(root(el), '.refusals')!, 'Masquer');
      dismiss.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(root(el), '.refusals')).to.equal(null);
      expect(focusedLabel(el)).to.equal('Sélectionner des factures');
    });

    it('marks a failed upload with its reason and « Réessayer », which uploads it again', async () => {
      const el = await mount();
      mock.faults.fail('createUpload', 'server-error', { times: 1 });
      const file = await sampleFile(INVOICE);
      await addInvoices(el, [file]);
      await until(() => text($(row(el, file.name), '.file .state')).startsWith('Échec'), 3000, 'the failure');
      expect(text($(row(el, file.name), '.file .state'))).to.contain('erreur interne');
      button(row(el, file.name), `Réessayer le chargement de ${file.name}`).click();
      await uploaded(el, file.name);
    });

    it('replaces « Échec du chargement » in the status region once « Réessayer » has uploaded the file', async () => {
      const el = await mount();
      const status = () => text($(root(el), '.visually-hidden[role="status"]'));
      mock.faults.fail('createUpload', 'server-error', { times: 1 });
      const file = await sampleFile(INVOICE);
      await addInvoices(el, [file]);
      await until(() => status().includes('Échec du chargement'), 3000, 'the failure said');
      button(row(el, file.name), `Réessayer le chargement de ${file.name}`).click();
      await uploaded(el, file.name);
      await el.updateComplete;
      expect(status()).to.equal('FACTURE KHATIB NABIL.pdf : chargé.');
    });
  });

  describe('hostile files', () => {
    it('takes 200 files at once and names with quotes, right-to-left marks or 300 characters, the page staying responsive', async function () {
      this.timeout(30_000);
      const el = await mount();
      const pdf = await (await sampleFile(OTHER)).arrayBuffer();
      const odd = ['facture "spéciale" l’été.pdf', 'facture\u202Efdp.exe.pdf', `${'F'.repeat(296)}.pdf`];
      const files = [...odd, ...Array.from({ length: 197 }, (_, i) => `lot-${i + 1}.pdf`)].map((name, i) => new File([pdf], name, { type: 'application/pdf', lastModified: i }));
      mock.faults.uploadLatencyMs = 60_000; // the uploads stay under way: only the page is watched
      // The page answers while the 200 rows come in: no task blocks it for long.
      let longest = 0;
      let last = performance.now();
      const beat = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 10);
      choose(el, 'invoices', files);
      await until(() => rows(el).length === 200, 8000, '200 rows');
      await new Promise((resolve) => setTimeout(resolve, 200));
      clearInterval(beat);
      // A freeze (the reader on the main thread took seconds) fails this; the 50 ms long-task
      // target is the benchmark's (npm run bench), where a loaded machine does not fail a test.
      expect(longest, 'longest pause of the page (ms)').to.be.below(2000);
      expect(text($(row(el, odd[0]!), '.name'))).to.equal(odd[0]);
      const rtl = rows(el).find((r) => text($(r, '.name')) === odd[1])!;
      expect(rtl.querySelector('.name')!.localName).to.equal('bdi');
      const long = row(el, odd[2]!);
      expect(long.getBoundingClientRect().width).to.be.at.most(el.getBoundingClientRect().width);
      expect($$(root(el), '.state').filter((s) => text(s) === 'En attente' || text(s).startsWith('Chargement') || text(s) === 'Vérification…').length).to.equal(200);
      expect($$(root(el), 'li.invoice .file .state').filter((s) => text(s).startsWith('Chargement')).length, 'three uploads at a time').to.be.at.most(3);
      el.remove(); // its readings and uploads stop with it
    });
  });

  describe('reading each invoice beside its upload', () => {
    it('starts the upload at once, before the reading ends; « Chargé » once read', async () => {
      const el = await mount();
      const held = holdReadings();
      try {
        const file = await sampleFile(INVOICE);
        await addInvoices(el, [file]);
        await until(() => [...mock.store.uploads.values()].some((u) => u.name === file.name), 3000, 'stored while its reading waits');
        // Stored, but not « Chargé » before its reading.
        await until(() => text($(row(el, file.name), '.file .state')) === 'Vérification…', 3000, 'the answer, the reading still held');
        expect(text($(root(el), '.count'))).to.equal('0 fichier chargé');
      } finally {
        held.release();
      }
      await uploaded(el, 'FACTURE KHATIB NABIL.pdf');
    });

    it('refuses at once a file whose upload is under way, lets the upload end, then deletes it on the server', async function () {
      this.timeout(20_000); // the first reading loads pdf.js
      const el = await mount();
      const held = holdReadings();
      const { uploads } = mock.store;
      const set = uploads.set;
      const stored: string[] = [];
      uploads.set = function (key, value) {
        stored.push(value.name);
        return set.call(this, key, value);
      };
      try {
        mock.faults.uploadLatencyMs = 2000; // the upload stays under way while the reading refuses it
        await addInvoices(el, [await sampleFile('test/fixtures/encrypted.pdf')]);
        await until(() => text($(rows(el)[0]!, '.file .state')).startsWith('Chargement'), 3000, 'uploading while read');
        held.release();
        await until(() => text($(rows(el)[0]!, '.file .state')) === 'Refusé', 12_000, 'the refusal');
        // Aborted, a request whose body the server has whole could still be stored, under an id never learnt.
        await until(() => stored.includes('encrypted.pdf'), 4000, 'the upload ended and stored');
        await until(() => uploads.size === 0, 3000, 'then deleted');
        expect(text($(rows(el)[0]!, '.file .state'))).to.equal('Refusé');
      } finally {
        held.release();
        uploads.set = set;
      }
    });

    it('deletes on the server a file its reading refuses after it was stored, and never deposits it, even when « Envoyer » is clicked while it is read', async function () {
      this.timeout(20_000); // the first reading loads pdf.js
      const el = await mount();
      await readyInvoice(el);
      const locked = () => rows(el).find((r) => button(r, 'Supprimer encrypted.pdf'))!;
      const held = holdReadings();
      try {
        await addInvoices(el, [await sampleFile('test/fixtures/encrypted.pdf')]);
        // It needs no supporting document: everything is there but its reading's verdict.
        checkbox(locked(), "Pas de pièce justificative nécessaire en tant qu'adhérent").click();
        await until(() => [...mock.store.uploads.values()].some((u) => u.name === 'encrypted.pdf'), 3000, 'stored while its reading waits');
        await until(() => text($(locked(), '.file .state')) === 'Vérification…', 3000, 'the answer, the reading still held');
        const send = sendButton(el);
        expect(send.disabled, 'focusable while held').to.equal(false);
        expect(send.getAttribute('aria-disabled')).to.equal('true');
        expect(text($(root(el), '#send-note'))).to.contain("Vérification des factures en cours : l'envoi sera possible dès qu'elle sera terminée.");
        send.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(text($(root(el), '.visually-hidden[role="status"]'))).to.equal("Vérification des factures en cours : l'envoi sera possible dès qu'elle sera terminée.");
        expect($(root(el), '.notice.info'), 'not sending').to.equal(null);
        expect(mock.store.listPending(KAVKAZ), 'nothing deposited').to.have.length(0);
        expect(focusedLabel(el)).to.equal('Envoyer les documents');
      } finally {
        held.release();
      }
      await until(() => text($(locked(), '.file .state')) === 'Refusé', 12_000, 'the refusal');
      await until(() => ![...mock.store.uploads.values()].some((u) => u.name === 'encrypted.pdf'), 3000, 'its upload deleted');
      await el.updateComplete;
      expect(sendButton(el).hasAttribute('aria-disabled')).to.equal(false);
      expect(focusedLabel(el), 'the focus never fell to the page').to.equal('Envoyer les documents');
      setTimeout(() => sendButton(el).click());
      const event = await oneEvent(el, AKTO_DEPOSIT_SENT);
      expect(event.detail.pending.map((p: { fileName: string }) => p.fileName)).to.deep.equal(['FACTURE KHATIB NABIL.pdf']);
      expect(mock.store.listPending(KAVKAZ).map((p) => p.fileName)).to.deep.equal(['FACTURE KHATIB NABIL.pdf']);
    });

    it('refuses a password-protected or damaged PDF on its row, naming it, its upload cancelled or deleted', async function () {
      this.timeout(20_000); // the file's first reading also loads pdf.js, slow on a busy machine
      const el = await mount();
      await addInvoices(el, [await sampleFile('test/fixtures/encrypted.pdf'), await sampleFile('test/fixtures/damaged.pdf')]);
      const refused = (name: string) => rows(el).find((r) => button(r, `Supprimer ${name}`) && text($(r, '.file .state')) === 'Refusé');
      const encrypted = await until(() => refused('encrypted.pdf'), 12_000, 'the encrypted refusal');
      expect(text($(encrypted, '.row-refusal'))).to.equal("« encrypted.pdf » est protégé par un mot de passe : AKTO ne pourra pas le lire. Enregistrez-le sans mot de passe, puis déposez-le de nouveau.");
      const damaged = await until(() => refused('damaged.pdf'), 4000, 'the damaged refusal');
      expect(text($(damaged, '.row-refusal'))).to.contain('est endommagé');
      await until(() => ![...mock.store.uploads.values()].some((u) => u.name === 'encrypted.pdf' || u.name === 'damaged.pdf'), 3000, 'nothing refused kept on the server');
      expect(sendButton(el).disabled, 'nothing else to send').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a refused invoice as one line (why, and the trash) that does not hold back sending the others', async function () {
      this.timeout(20_000); // the first reading loads pdf.js
      const el = await mount();
      await addInvoices(el, [await sampleFile('test/fixtures/encrypted.pdf')]);
      const refused = await until(() => rows(el).find((r) => text($(r, '.file .state')) === 'Refusé'), 12_000, 'the refusal');
      // One line: the reason, which names the file, and the trash; no boxes, supporting documents or derogations.
      expect($$(refused, '.file')).to.have.length(1);
      expect($$(refused, 'input, .supporting, .derogations, .checks, .missing')).to.have.length(0);
      expect(text(refused)).to.equal("Refusé « encrypted.pdf » est protégé par un mot de passe : AKTO ne pourra pas le lire. Enregistrez-le sans mot de passe, puis déposez-le de nouveau.");
      expect(button(refused, 'Supprimer encrypted.pdf')).to.exist;
      await readyInvoice(el);
      await until(() => !sendButton(el).disabled, 2000, 'the other invoice ready to send');
      expect(text($(root(el), '.note'))).to.contain('Les fichiers refusés ne seront pas envoyés : les autres factures partiront sans eux.');
      expect(text($(root(el), '.note'))).not.to.contain('Pour envoyer');
      setTimeout(() => sendButton(el).click());
      const event = await oneEvent(el, AKTO_DEPOSIT_SENT);
      expect(event.detail.pending.map((p: { fileName: string }) => p.fileName)).to.deep.equal(['FACTURE KHATIB NABIL.pdf']);
    });

    it('warns that nothing could be read from a scan, and still uploads it', async () => {
      const el = await mount();
      await addInvoices(el, [await sampleFile('test/fixtures/scan.pdf')]);
      const r = row(el, 'scan.pdf');
      await uploaded(el, 'scan.pdf');
      expect(text($(r, '.row-note'))).to.contain("Aucun texte n'a pu être lu dans ce document");
    });

    it('ticks « Ce document est-il un avoir ? » for a credit note, which the user can untick', async () => {
      const el = await mount();
      for (const file of ['avoir-2607-calcul-mental.pdf', 'avoir-2607-calcul-mental-facturx.pdf']) {
        await addInvoices(el, [await sampleFile(`demo/samples/${file}`)]);
        await until(() => checkbox(row(el, file), 'Ce document est-il un avoir ?').checked, 4000, `${file} ticked`);
      }
      const box = checkbox(row(el, 'avoir-2607-calcul-mental.pdf'), 'Ce document est-il un avoir ?');
      box.click();
      await el.updateComplete;
      expect(box.checked).to.equal(false);
    });
  });

  describe('nothing lost on a reload', () => {
    it('keeps the files, boxes and supporting documents in this browser, and offers them back: « Reprendre le dépôt »', async () => {
      const first = await mount();
      const r = await readyInvoice(first);
      checkbox(r, 'Ce document correspond aux frais de salaire ou annexes').click();
      await first.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 400)); // kept a moment after the change
      first.remove(); // the page is reloaded

      const el = await mount();
      await until(() => $(root(el), '.notice.draft'), 3000, 'the offer');
      expect(text($(root(el), '.notice.draft p'))).to.match(/^Un dépôt non envoyé a été retrouvé dans ce navigateur : 1 facture, préparé le \d{2}\/\d{2}\/\d{4}/);
      await expect(el).to.be.accessible();
      button($(root(el), '.notice.draft')!, 'Reprendre le dépôt').click();
      await until(() => rows(el).length === 1, 3000, 'the invoice back');
      const back = rows(el)[0]!;
      await uploaded(el, 'FACTURE KHATIB NABIL.pdf');
      expect(checkbox(back, 'Ce document correspond aux frais de salaire ou annexes').checked).to.equal(true);
      await until(() => $$(back, '.supporting li').length === 1, 3000, 'the supporting document back');
      // Sent: the draft is gone.
      await until(() => !sendButton(el).disabled, 4000, 'ready to send');
      sendButton(el).click();
      await oneEvent(el, AKTO_DEPOSIT_SENT);
      el.remove();
      const after = await mount();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Boolean($(root(after), '.notice.draft'))).to.equal(false);
    });

    it('offers the deposit back after a reload without asking for the entity again: the draft knows it', async () => {
      const first = await mount(); // as SNC KAVKAZ
      await addInvoices(first, [await sampleFile(OTHER)]);
      await new Promise((resolve) => setTimeout(resolve, 400)); // kept a moment after the change
      first.remove(); // the page is reloaded, the entity not given

      const el = await fixture<AktoInvoiceUpload>(html`<akto-invoice-upload api-base="/api"></akto-invoice-upload>`);
      const selected = oneEvent(el, AKTO_ENTITY_SELECT);
      await until(() => $(root(el), '.notice.draft'), 3000, 'the offer');
      expect(picker(el)).to.equal(null);
      expect(text($(root(el), '.entity'))).to.equal('SNC KAVKAZ (819 109 976)');
      expect((await selected).detail.entity.siren, 'the deposit around it is told').to.equal(KAVKAZ);
      button($(root(el), '.notice.draft')!, 'Reprendre le dépôt').click();
      await until(() => rows(el).length === 1, 3000, 'the invoice back');
      await uploaded(el, OTHER.split('/').pop()!);
    });

    it('sends the focus to « Sélectionner des factures » after « Reprendre le dépôt » and « Abandonner », not to the page', async () => {
      for (const choice of ['Reprendre le dépôt', 'Abandonner']) {
        const first = await mount();
        await addInvoices(first, [await sampleFile(OTHER)]);
        await new Promise((resolve) => setTimeout(resolve, 400)); // kept a moment after the change
        first.remove();
        const el = await mount();
        await until(() => $(root(el), '.notice.draft'), 3000, 'the offer');
        button($(root(el), '.notice.draft')!, choice).focus();
        await sendKeys({ press: 'Enter' });
        await until(() => !$(root(el), '.notice.draft'), 2000, 'the offer gone');
        await el.updateComplete;
        expect(focusedLabel(el), `after « ${choice} »`).to.equal('Sélectionner des factures');
        if (choice === 'Reprendre le dépôt') await uploaded(el, OTHER.split('/').pop()!); // the upload ends here, not in the next backend
        el.remove();
      }
    });

    it('forgets the draft on « Abandonner »', async () => {
      const first = await mount();
      await addInvoices(first, [await sampleFile(OTHER)]);
      await new Promise((resolve) => setTimeout(resolve, 400));
      first.remove();
      const el = await mount();
      await until(() => $(root(el), '.notice.draft'), 3000, 'the offer');
      button($(root(el), '.notice.draft')!, 'Abandonner').click();
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
      el.remove();
      const again = await mount();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Boolean($(root(again), '.notice.draft'))).to.equal(false);
    });
  });

  describe('drafts belong to one user (two people on one browser)', () => {
    const mountAs = async (attributes: string) => {
      const el = await fixture<AktoInvoiceUpload>(`<akto-invoice-upload api-base="/api" entity="${KAVKAZ}" ${attributes}></akto-invoice-upload>`);
      await until(() => $(root(el), '.dropzone'), 3000, 'the drop area');
      return el;
    };
    /** Chooses a file as one user, then leaves (a reload, or another person at the same browser). */
    const leaveADraft = async (attributes: string) => {
      const el = await mountAs(attributes);
      if (attributes.includes('token')) (el as AktoInvoiceUpload & { token: string }).token = 'the-token';
      await addInvoices(el, [await sampleFile(OTHER)]);
      await new Promise((resolve) => setTimeout(resolve, 400));
      el.remove();
    };
    const offered = async (el: AktoInvoiceUpload) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return Boolean($(root(el), '.notice.draft'));
    };

    it("offers a user's draft to that user only, never to the next one signed in on the same browser", async () => {
      await leaveADraft('user="alice"');
      expect(await offered(await mountAs('user="bob"')), "Bob is not offered Alice's files").to.equal(false);
      expect(await offered(await mountAs('user="alice"')), 'Alice gets hers back').to.equal(true);
    });

    it('keeps no draft with a token and no user (the host has not said who is signed in)', async () => {
      await leaveADraft('token');
      const el = await mountAs('');
      (el as AktoInvoiceUpload & { token: string }).token = 'the-token';
      expect(await offered(el)).to.equal(false);
      expect(await offered(await mountAs('')), 'nothing was stored under any key').to.equal(false);
    });

    it('drops a draft older than drafts-max-age instead of offering it', async () => {
      await leaveADraft('user="alice"');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await offered(await mountAs('user="alice" drafts-max-age="1"'))).to.equal(false);
      expect(await offered(await mountAs('user="alice"')), 'deleted, not only hidden').to.equal(false);
    });

    it('forgets every draft on a 401 when the host asks (clear-drafts-on-unauthorized), and on clearDrafts() at sign-out', async () => {
      await leaveADraft('user="alice"');
      mock.store.requiredToken = 'valid'; // the session has ended: every request answers 401
      const el = document.createElement('akto-invoice-upload');
      for (const [name, value] of Object.entries({ 'api-base': '/api', entity: KAVKAZ, user: 'alice', 'clear-drafts-on-unauthorized': '' })) el.setAttribute(name, value);
      const unauthorized = oneEvent(el, AKTO_UNAUTHORIZED);
      document.body.append(el);
      await unauthorized;
      el.remove();
      mock.store.requiredToken = null;
      expect(await offered(await mountAs('user="alice"'))).to.equal(false);
      await leaveADraft('user="alice"');
      const { clearDrafts: exported } = await import('../../src/index.js');
      await exported();
      expect(await offered(await mountAs('user="alice"'))).to.equal(false);
    });
  });

  describe('supporting documents and derogations', () => {
    it('sends the focus to the invoice\'s « Ajouter des pièces justificatives » after removing a supporting document, not to the page', async () => {
      const el = await mount();
      const r = await readyInvoice(el);
      button(r, 'Supprimer attestation.png').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $$(r, '.supporting li').length === 0, 2000, 'removed');
      await until(() => focusedLabel(el) === 'Ajouter des pièces justificatives', 1000, `the focus on the row's button (it is on ${focusedLabel(el)})`);
      expect(root(el).activeElement!.closest('li.invoice')).to.equal(r);
    });

    it('adds supporting documents (PDF or image) each with its own remove button', async () => {
      const el = await mount();
      const r = await readyInvoice(el);
      expect($(r, '.missing')).to.equal(null);
      expect(text($(r, '.supporting li .name'))).to.equal('attestation.png');
      chooseSupporting(el, r, [new File(['GIF89a'], 'photo.gif')]);
      await until(() => $(root(el), '.refusals'), 2000, 'the refusal');
      expect(text($(root(el), '.refusals li'))).to.equal("« photo.gif » n'a pas été ajouté : seuls les fichiers PDF, PNG et JPEG sont acceptés.");
      button(r, 'Supprimer attestation.png').click();
      await el.updateComplete;
      expect(text($(r, '.missing'))).to.equal('Vous devez ajouter la pièce justificative pour ce document');
    });

    it('takes one of the derogation boxes instead, ticking one unticks the other', async () => {
      const el = await mount();
      const file = await sampleFile(INVOICE);
      await addInvoices(el, [file]);
      const r = row(el, file.name);
      const adherent = checkbox(r, "Pas de pièce justificative nécessaire en tant qu'adhérent");
      const cfa = checkbox(r, 'Pas de pièce justificative nécessaire en tant que CFA/OF');
      adherent.click();
      await el.updateComplete;
      expect($(r, '.missing')).to.equal(null);
      cfa.click();
      await el.updateComplete;
      expect(adherent.checked).to.equal(false);
      expect(cfa.checked).to.equal(true);
    });
  });

  describe('sending', () => {
    it('enables « Envoyer les documents » only when every invoice is uploaded and complete', async () => {
      const el = await mount();
      expect(sendButton(el).disabled).to.equal(true);
      const file = await sampleFile(INVOICE);
      await addInvoices(el, [file]);
      await uploaded(el, file.name);
      expect(sendButton(el).disabled).to.equal(true);
      checkbox(row(el, file.name), "Pas de pièce justificative nécessaire en tant qu'adhérent").click();
      await el.updateComplete;
      expect(sendButton(el).disabled).to.equal(false);
    });

    it('sends the deposit with its boxes and documents, says « Envoi en cours… », then hands over the pending invoices', async () => {
      const el = await mount({ dossier: '2206AF000358' });
      expect(text($(root(el), '.dossier'))).to.equal('Dépôt pour le dossier 2206AF000358');
      const r = await readyInvoice(el);
      checkbox(r, 'Ce document correspond aux frais de salaire ou annexes').click();
      await el.updateComplete;
      mock.faults.latencyMs = 300;
      sendButton(el).click();
      await el.updateComplete;
      expect(text($(root(el), '.notice.info[role="status"]'))).to.equal('Envoi en cours…');
      const event = await oneEvent(el, AKTO_DEPOSIT_SENT);
      const [pending] = event.detail.pending;
      expect(pending).to.include({ fileName: 'FACTURE KHATIB NABIL.pdf', salaryCosts: true, creditNote: false, fromDossier: '2206AF000358' });
      expect(pending!.fields.invoiceNumber).to.equal('2025-0387');
      await el.updateComplete;
      expect($(root(el), '.notice.info')).to.equal(null);
      expect(rows(el)).to.have.length(0);
      expect(text($(root(el), '.notice.success'))).to.contain('1 facture envoyée');
    });

    it('sends one deposit for a double click', async () => {
      const el = await mount();
      await readyInvoice(el);
      mock.faults.latencyMs = 200;
      sendButton(el).click();
      sendButton(el).click();
      await oneEvent(el, AKTO_DEPOSIT_SENT);
      expect(mock.store.listPending(KAVKAZ)).to.have.length(1);
    });

    it('keeps everything after a failed send (500, network, timeout) and sends again, once', async () => {
      const el = await mount();
      const r = await readyInvoice(el);
      checkbox(r, 'Ce document est-il un avoir ?').click();
      for (const kind of ['server-error', 'network'] as const) {
        mock.faults.fail('createDeposit', kind, { times: 1 });
        sendButton(el).click();
        await el.updateComplete;
        await until(() => $(root(el), '.notice.error') && !$(root(el), '.notice.info'), 3000, `the ${kind} message`);
        expect(rows(el)).to.have.length(1);
        expect(checkbox(rows(el)[0]!, 'Ce document est-il un avoir ?').checked).to.equal(true);
        expect($$(rows(el)[0]!, '.supporting li')).to.have.length(1);
      }
      button($(root(el), '.notice.error')!, 'Réessayer').click();
      const event = await oneEvent(el, AKTO_DEPOSIT_SENT);
      expect(event.detail.pending[0]!.creditNote).to.equal(true);
      expect(mock.store.listPending(KAVKAZ)).to.have.length(1);
    });

    /** Every deposit request as it leaves (its key and how many invoices it names); `lose` loses the answers of the first N, after the server got them. */
    const watchDeposits = (lose = 0) => {
      const sent: { key: string | null; invoices: number }[] = [];
      const original = window.fetch;
      window.fetch = async (input, init) => {
        if (!String(input instanceof Request ? input.url : input).endsWith('/deposits')) return original(input, init);
        sent.push({ key: new Headers(init?.headers).get('Idempotency-Key'), invoices: JSON.parse(String(init?.body)).invoices.length });
        const answer = await original(input, init);
        if (sent.length <= lose) throw new TypeError('Failed to fetch'); // the deposit was made; its answer never came
        return answer;
      };
      return { sent, restore: () => (window.fetch = original) };
    };

    /** Two invoices ready and sent, the answer lost once the server made the deposit; the requests watched from then on. */
    const sendLosingTheAnswer = async (el: AktoInvoiceUpload) => {
      await readyInvoice(el);
      await readyInvoice(el, OTHER);
      const watch = watchDeposits(1);
      try {
        sendButton(el).click();
        await until(() => $(root(el), '.notice.error'), 3000, 'the failed send');
        expect(mock.store.listPending(KAVKAZ), 'the deposit reached the server').to.have.length(2);
      } catch (error) {
        watch.restore();
        throw error;
      }
      return watch;
    };

    /** A click on `button` sends the two invoices again: the same request under the same key, deposited once in all. */
    const sendsAgainOnce = async (el: AktoInvoiceUpload, button: HTMLButtonElement, sent: { key: string | null }[]) => {
      setTimeout(() => button.click());
      const event = await oneEvent(el, AKTO_DEPOSIT_SENT);
      expect(event.detail.pending).to.have.length(2);
      expect(sent.map((s) => s.key), 'the same request, the same key').to.deep.equal([sent[0]!.key, sent[0]!.key]);
      expect(mock.store.listPending(KAVKAZ), 'deposited once').to.have.length(2);
    };

    it('holds the request after a send whose answer was lost: a removal is refused with why, « Réessayer » sends it again under its key, one deposit in all', async () => {
      const el = await mount();
      const { sent, restore } = await sendLosingTheAnswer(el);
      try {
        const remove = button(row(el, 'facture-2606-calcul-mental.pdf'), 'Supprimer facture-2606-calcul-mental.pdf');
        remove.focus();
        remove.click();
        await el.updateComplete;
        expect(rows(el), 'the file is kept').to.have.length(2);
        expect(text($(root(el), '.notice.error'))).to.contain("Renvoyez d'abord les mêmes documents avec « Réessayer »");
        const retry = button($(root(el), '.notice.error')!, 'Réessayer');
        await until(() => root(el).activeElement === retry, 2000, 'the focus on « Réessayer »');
        const box = row(el, 'facture-2606-calcul-mental.pdf').querySelector<HTMLInputElement>('.checks input')!;
        box.click();
        expect(box.checked, 'a box ticked meanwhile is unticked').to.equal(false);
        await sendsAgainOnce(el, retry, sent);
      } finally {
        restore();
      }
    });

    it('sends again, after a reload, a deposit whose answer was lost as the same request under its key: one deposit, the uploads not stored twice', async function () {
      this.timeout(15_000); // four files uploaded and two read, twice (before and after the reload)
      const first = await mount();
      const { sent, restore } = await sendLosingTheAnswer(first);
      try {
        const uploads = mock.store.uploads.size;
        await new Promise((resolve) => setTimeout(resolve, 400)); // kept a moment after the change
        first.remove(); // the page is reloaded

        const el = await mount();
        await until(() => $(root(el), '.notice.draft'), 3000, 'the offer');
        button($(root(el), '.notice.draft')!, 'Reprendre le dépôt').click();
        await until(() => rows(el).length === 2, 3000, 'the invoices back');
        // Uploaded and read (a click while a reading runs is held: aria-disabled).
        await until(() => !sendButton(el).disabled && !sendButton(el).hasAttribute('aria-disabled'), 6000, 'ready to send');
        expect(mock.store.uploads.size, 'the files uploaded again under their keys: the same uploads').to.equal(uploads);
        await sendsAgainOnce(el, sendButton(el), sent);
      } finally {
        restore();
      }
    });

    it('sends a request changed after a refused send (401: nothing was made) under a new idempotency key', async () => {
      const el = await mount();
      await readyInvoice(el);
      await readyInvoice(el, OTHER);
      const { sent, restore } = watchDeposits();
      try {
        mock.store.requiredToken = 'fresh';
        sendButton(el).click();
        await until(() => $(root(el), '.notice.error'), 3000, 'the refused send');
        button(row(el, 'facture-2606-calcul-mental.pdf'), 'Supprimer facture-2606-calcul-mental.pdf').click();
        await until(() => rows(el).length === 1, 2000, 'the file removed');
        el.token = 'fresh';
        await el.updateComplete;
        setTimeout(() => sendButton(el).click());
        const event = await oneEvent(el, AKTO_DEPOSIT_SENT);
        expect(event.detail.pending.map((p: { fileName: string }) => p.fileName), 'the removed file is not deposited').to.deep.equal(['FACTURE KHATIB NABIL.pdf']);
        expect(sent.map((s) => s.invoices)).to.deep.equal([2, 1]);
        expect(sent[1]!.key, 'a changed request: a new key').to.be.a('string').and.not.equal(sent[0]!.key);
      } finally {
        restore();
      }
    });

    it('fires akto-unauthorized on a 401 and keeps the deposit to send after signing in again', async () => {
      const el = await mount();
      await readyInvoice(el);
      mock.store.requiredToken = 'fresh';
      setTimeout(() => sendButton(el).click());
      await oneEvent(el, AKTO_UNAUTHORIZED);
      await until(() => $(root(el), '.notice.error'), 2000, 'the message');
      expect(text($(root(el), '.notice.error'))).to.contain('session a expiré');
      el.token = 'fresh';
      await el.updateComplete;
      button($(root(el), '.notice.error')!, 'Réessayer').click();
      await oneEvent(el, AKTO_DEPOSIT_SENT);
    });
  });

  describe('host control', () => {
    it('lets the host add headers to each upload', async () => {
      const el = await mount();
      const sent: string[][] = [];
      const original = XMLHttpRequest.prototype.setRequestHeader;
      XMLHttpRequest.prototype.setRequestHeader = function (name: string, value: string) {
        sent.push([name, value]);
        original.call(this, name, value);
      };
      try {
        el.addEventListener(AKTO_UPLOAD_REQUEST, (e) => (e.detail.headers['X-Partner'] = 'formaction'));
        const file = await sampleFile(INVOICE);
        await addInvoices(el, [file]);
        await uploaded(el, file.name);
        expect(sent).to.deep.include(['X-Partner', 'formaction']);
      } finally {
        XMLHttpRequest.prototype.setRequestHeader = original;
      }
    });

    it('lets the host take an upload over', async () => {
      const el = await mount();
      el.addEventListener(AKTO_UPLOAD_REQUEST, (e) => {
        e.preventDefault();
        e.detail.respondWith(Promise.resolve({ id: 'host-upload-1', name: e.detail.file.name, size: e.detail.file.size, type: 'application/pdf', kind: e.detail.kind, createdAt: '2026-11-27T10:00:00Z' }));
      });
      const file = await sampleFile(INVOICE);
      await addInvoices(el, [file]);
      await uploaded(el, file.name);
      expect(mock.store.uploads.size).to.equal(0);
    });
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await mount();
    const file = await sampleFile(INVOICE);
    const choose = root(el).querySelector<HTMLButtonElement>('.dropzone button')!;
    choose.focus();
    const input = root(el).getElementById('invoices') as HTMLInputElement;
    setTimeout(() => sendKeys({ press: 'Enter' }));
    await oneEvent(input, 'click'); // the native file picker opens; it hands back the chosen files:
    await addInvoices(el, [file]);
    await uploaded(el, file.name);
    // Tab from the drop area's button into the row: remove, avoir, frais, add supporting, adherent…
    const focused = () => root(el).activeElement as HTMLElement | null;
    for (let i = 0; i < 10 && !focused()?.closest('.derogations'); i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.closest('label')?.textContent).to.contain("en tant qu'adhérent");
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    for (let i = 0; i < 5 && focused() !== sendButton(el); i++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(sendButton(el));
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, AKTO_DEPOSIT_SENT);
    expect(event.detail.pending[0]!.fileName).to.equal(file.name);
  });

  it('opens the file chooser on every Enter on « Sélectionner des factures »: while FilePond attaches, and while rows upload', async () => {
    const el = await fixture<AktoInvoiceUpload>(html`<akto-invoice-upload api-base="/api" entity=${KAVKAZ} lang="fr"></akto-invoice-upload>`);
    const chooser = await until(() => button(root(el), 'Sélectionner des factures'), 3000, 'the button'); // FilePond not attached yet
    const input = root(el).getElementById('invoices') as HTMLInputElement;
    // The browser opens the chooser for a click on the input made with the user's activation.
    let opened = 0;
    input.addEventListener('click', () => navigator.userActivation.isActive && opened++);
    chooser.focus();
    for (let i = 1; i <= 6; i++) {
      await sendKeys({ press: 'Enter' });
      expect(opened, `Enter n° ${i}`).to.equal(i);
    }
    // Rows uploading, held by the host (its own upload never ends): nothing reaches the shared mock,
    // so no upload of this test can land in the next test's store.
    el.addEventListener(AKTO_UPLOAD_REQUEST, (e) => {
      e.preventDefault();
      e.detail.respondWith(new Promise(() => undefined));
    });
    const pdf = await sampleFile(INVOICE);
    choose(el, 'invoices', Array.from({ length: 12 }, (_, i) => new File([pdf], `lot-${i}.pdf`, { type: 'application/pdf' })));
    for (let i = 7; i <= 12; i++) {
      await sendKeys({ press: 'Enter' });
      expect(opened, `Enter n° ${i}, rows uploading`).to.equal(i);
      expect(focusedLabel(el)).to.equal('Sélectionner des factures');
    }
    el.remove();
  });

  it('speaks English', async () => {
    await whenLocaleReady('en');
    const el = await mount({ lang: 'en' });
    expect(text($(root(el), '.dropzone .lead'))).to.equal('Drop your files here or click to select files');
    const file = await sampleFile(INVOICE);
    await addInvoices(el, [file]);
    expect(text(rows(el)[0])).to.contain('Is this document a credit note?');
    expect(text(rows(el)[0])).to.contain('You must add the supporting document for this invoice');
  });
});
