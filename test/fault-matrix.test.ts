/**
 * The fault matrix (issue 8): every endpoint of the contract × every fault the mock can inject,
 * each driven through the element that calls it. A cell passes when the user gets a clear
 * message in French, has a way to retry that works once the server is back, and keeps
 * everything entered or chosen. web-test-runner prints the grid (scripts/wtr-matrix-reporter.mjs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { ApiClient } from '../src/api/client.js';
import { ROUTE_NAMES, type RouteName } from '../src/api/contract.js';
import type { PendingInvoice } from '../src/api/schemas.js';
import { AKTO_DEPOSIT_SENT, AKTO_INVOICE_VALIDATED, AKTO_UNAUTHORIZED } from '../src/core/events.js';
import { frComplete as fr } from '../src/i18n/fr-steps.js';
import { FAULT_KINDS, type FaultKind } from '../src/mocks/index.js';
import '../src/index.js';
import { chooseFiles as choose, chooseSupporting } from './helpers/drop.js';
import { mock, sampleFile, startMock, until } from './helpers/mock.js';
import { $, $$, button, shadow, text } from './helpers/dom.js';

/** What the user reads for each fault: the server's own words for a 500, ours otherwise. */
const MESSAGE: Record<FaultKind, string> = {
  'server-error': 'Le serveur a rencontré une erreur interne.',
  timeout: fr.errors.timeout,
  network: fr.errors.network,
  unauthorized: fr.errors.unauthorized,
  malformed: fr.errors.contract,
};
/** Short enough for the tests, long enough for a loaded machine. */
const TIMEOUT_MS = 1500;

const CASINO = '527319461';
const KAVKAZ = '819109976';
const INVOICE = 'demo/samples/FACTURE KHATIB NABIL.pdf';
const CALCUL = 'demo/samples/facture-2606-calcul-mental.pdf';

const api = new ApiClient({ baseUrl: '/api' });
const click = (scope: ParentNode, label: string) => {
  const found = button(scope, label);
  if (!found) throw new Error(`No button « ${label} »`);
  found.click();
};

/** One cell's script: the element brought to just before the call, the call, and what must hold. */
interface Scenario {
  /** Mounts the element and does what the user did before the call (no fault yet). */
  arrange(): Promise<HTMLElement>;
  /** What makes the call (a click, typing, mounting); the fault is on. */
  act(el: HTMLElement): Promise<void>;
  /** Where the problem is said: resolves to the element holding the message. */
  problem(el: HTMLElement): Element | null | undefined;
  /** What the user does to try again, once the server is back. */
  retry(el: HTMLElement, problem: Element): Promise<void>;
  /** The call's success, seen by the user (with what they entered, where it applies). */
  recovered(el: HTMLElement): Promise<void>;
  /** Everything entered or chosen before the call is still there after the failure. */
  kept(el: HTMLElement): Promise<void> | void;
}

// ---- the elements' parts ---------------------------------------------------------------------

const mountIn = async (template: TemplateResult) => fixture<HTMLElement>(template);

/** Mounts an element inside a holder already on the page, the way a page load does. */
function mountInto(holder: HTMLElement, tag: string, attributes: Record<string, string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries({ 'api-base': '/api', timeout: String(TIMEOUT_MS), ...attributes })) el.setAttribute(name, value);
  holder.append(el);
  return el;
}
const inHolder = (holder: HTMLElement) => holder.firstElementChild as HTMLElement;

/** Deposits a sample for an entity through the API, as step 1 does, and returns the pending invoice. */
async function deposited(path: string, siren = CASINO): Promise<PendingInvoice> {
  const file = await sampleFile(path);
  const upload = await api.upload(file, 'invoice', file.name);
  const result = await api.call('createDeposit', { params: { siren }, body: { invoices: [{ uploadId: upload.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }] } });
  return result.pending[0]!;
}

/** Types into a field the way a user does: select all, replace. */
async function type(field: HTMLInputElement, value: string): Promise<void> {
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: value });
}

/** A call made when the element is put on the page: nothing is entered yet, the page is opened. */
function onMount(tag: string, attributes: Record<string, string>, loaded: (el: HTMLElement) => unknown, what: string): Scenario {
  return {
    arrange: async () => document.createElement('div'),
    act: async (holder) => void mountInto(holder, tag, attributes),
    problem: (holder) => $(shadow(inHolder(holder)), '[role="alert"]'),
    retry: async (_holder, problem) => click(problem, fr.common.retry),
    recovered: async (holder) => void (await until(() => loaded(inHolder(holder)), 4000, what)),
    kept: () => undefined,
  };
}

// The lists
const listRows = (el: HTMLElement) => $$(shadow(el), 'tbody tr:not(.skeleton)');
const listAlert = (el: HTMLElement) => $(shadow(el), '[role="alert"]');
const searchBox = (el: HTMLElement) => $<HTMLInputElement>(shadow(el), '#search')!;

function listScenario(tag: 'akto-invoice-list' | 'akto-dossier-list', query: string, matches: (row: HTMLElement) => boolean): Scenario {
  return {
    async arrange() {
      const el = tag === 'akto-invoice-list'
        ? await mountIn(html`<akto-invoice-list api-base="/api" timeout=${TIMEOUT_MS}></akto-invoice-list>`)
        : await mountIn(html`<akto-dossier-list api-base="/api" timeout=${TIMEOUT_MS}></akto-dossier-list>`);
      await until(() => listRows(el).length > 0, 4000, 'the first page');
      return el;
    },
    async act(el) {
      await type(searchBox(el), query);
      await sendKeys({ press: 'Enter' });
    },
    problem: listAlert,
    async retry(_el, problem) {
      click(problem, fr.common.retry);
    },
    async recovered(el) {
      await until(() => listRows(el).length > 0 && listRows(el).every(matches), 4000, 'the matching rows');
    },
    kept(el) {
      expect(searchBox(el).value).to.equal(query);
    },
  };
}

// Step 1
const uploadRows = (el: HTMLElement) => $$(shadow(el), 'li.invoice');
const uploadRow = (el: HTMLElement, name: string) => uploadRows(el).find((r) => text($(r, '.name')) === name);
const creditNoteBox = (row: Element) => $$<HTMLLabelElement>(row, 'label').find((l) => text(l) === 'Ce document est-il un avoir ?')!.querySelector('input')!;


const mountUpload = async () => {
  const el = await mountIn(html`<akto-invoice-upload api-base="/api" entity=${KAVKAZ} timeout=${TIMEOUT_MS}></akto-invoice-upload>`);
  await until(() => $(shadow(el), '.dropzone'), 3000, 'the drop area');
  return el;
};
const uploaded = (el: HTMLElement, name: string) => until(() => text($(uploadRow(el, name) ?? el, '.file .state')) === 'Chargé', 4000, `${name} uploaded`);

/** An invoice uploaded, ticked as a credit note, with a supporting document: ready to send. */
async function readyInvoice(el: HTMLElement, path: string): Promise<string> {
  const file = await sampleFile(path);
  choose(el, 'invoices', [file]);
  await until(() => uploadRow(el, file.name), 3000, 'the row');
  await uploaded(el, file.name);
  const row = uploadRow(el, file.name)!;
  creditNoteBox(row).click();
  chooseSupporting(el, row, [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'attestation.png', { type: 'image/png' })]);
  await until(() => text($(row, '.supporting li .state')) === 'Chargé', 4000, 'the supporting document');
  return file.name;
}

function keptReady(el: HTMLElement, name: string): void {
  const row = uploadRow(el, name);
  expect(row, `the row of ${name}`).to.exist;
  expect(creditNoteBox(row!).checked, 'the credit-note box').to.equal(true);
  expect($$(row!, '.supporting li').map((li) => text($(li, '.name') ?? li))).to.satisfy((names: string[]) => names.some((n) => n.includes('attestation.png')));
}

// Step 2
/** The pending invoice a cell works on, and (getPendingPdf) the one whose preview is opened. */
let pending: PendingInvoice;
let second: PendingInvoice;
const validateRows = (el: HTMLElement) => $$(shadow(el), 'tbody tr');
const validateRow = (el: HTMLElement, fileName: string) => validateRows(el).find((r) => text($(r, '.file-name')) === fileName);
const field = (row: Element, name: string) => $<HTMLInputElement>(row, `input[id^="${name}-"]`)!;
const mountValidate = (entity: string) => mountIn(html`<akto-invoice-validate api-base="/api" entity=${entity} timeout=${TIMEOUT_MS}></akto-invoice-validate>`);
const EDITED = 'FA-MATRICE-01';

/** A pending invoice of CASINO whose invoice number the user corrected: it becomes `pending`. */
async function editedPending(): Promise<HTMLElement> {
  pending = await deposited(CALCUL);
  const el = await mountValidate(CASINO);
  const row = await until(() => validateRow(el, pending.fileName), 4000, 'the pending invoice');
  await until(() => field(row, 'siret').value, 4000, 'the fields');
  await type(field(row, 'invoiceNumber'), EDITED);
  field(row, 'invoiceNumber').blur();
  return el;
}

/** « Valider » on the row, once the server is back; resolves when it is validated. */
async function validateAgain(el: HTMLElement): Promise<void> {
  setTimeout(() => click(validateRow(el, pending.fileName)!, fr.validate.validateLabel(pending.fileName)));
  await new Promise((resolve) => el.addEventListener(AKTO_INVOICE_VALIDATED, resolve, { once: true }));
}

const keptEdit = (el: HTMLElement, pending: PendingInvoice) => {
  const row = validateRow(el, pending.fileName);
  expect(row, 'the row').to.exist;
  expect(field(row!, 'invoiceNumber').value).to.equal(EDITED);
};

/** Waits until the validated invoice reached the server with the user's corrections. */
async function validatedWithEdit(el: HTMLElement, pending: PendingInvoice): Promise<void> {
  await until(() => !validateRow(el, pending.fileName), 4000, 'the row gone after « Valider »');
  expect(mock.store.invoices.some((i) => i.reference === EDITED)).to.equal(true);
}

// Details
const article = (el: HTMLElement) => $(shadow(el), 'article');

// Issue 16's screens: a transfer, a dossier's documents, the RIB deposit
const TRANSFER = mock.store.invoices.find((i) => i.transferNumber)!.transferNumber!;
/** A file chosen in a plain file input, as the picker does. */
function chooseIn(el: HTMLElement, selector: string, file: File): void {
  const input = $<HTMLInputElement>(shadow(el), selector)!;
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
function typeIn(el: HTMLElement, selector: string, value: string): void {
  const input = $<HTMLInputElement>(shadow(el), selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('blur'));
}
const formAlert = (el: HTMLElement) => $(shadow(el), 'form [role="alert"]');
const RIB = { holder: 'CASINO RESTAURATION SASU', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' };

// ---- the matrix ------------------------------------------------------------------------------

const opened: string[] = [];

const SCENARIOS: Record<RouteName, Scenario> = {
  // The deposit's first question, which entity: the choice comes after.
  listEntities: onMount('akto-invoice-upload', {}, (el) => {
    const picker = $(shadow(el), 'akto-entity-picker');
    return picker && text(shadow(picker)).includes('SNC KAVKAZ');
  }, 'the entities'),

  listInvoices: listScenario('akto-invoice-list', 'FA-2026', (row) => text(row.querySelector('td')).includes('FA-2026')),

  getInvoice: onMount('akto-invoice-detail', { 'invoice-id': 'inv-0004' }, article, 'the invoice'),

  getInvoicePdf: {
    async arrange() {
      // An invoice with its PDF: deposited, then validated.
      const p = await deposited(CALCUL);
      const { invoice } = await api.call('validatePending', { params: { pendingId: p.id }, body: { invoiceNumber: EDITED, amountHT: p.fields.amountHT!, amountTTC: p.fields.amountTTC!, dossiers: p.fields.dossiers, invoiceDate: p.fields.invoiceDate!, siret: p.fields.siret! } });
      const el = await mountIn(html`<akto-invoice-detail api-base="/api" invoice-id=${invoice.id} timeout=${TIMEOUT_MS}></akto-invoice-detail>`);
      await until(() => article(el), 4000, 'the invoice');
      return el;
    },
    act: async (el) => click(shadow(el), fr.invoiceDetail.openPdf),
    problem: (el) => $(shadow(el), '[role="alert"]'),
    retry: async (_el, problem) => click(problem, fr.common.retry),
    async recovered(el) {
      await until(() => opened.some((url) => url.startsWith('blob:')), 4000, 'the PDF opened');
      expect($(shadow(el), '[role="alert"]')).to.equal(null);
    },
    kept: (el) => void expect(article(el)).to.exist,
  },

  createUpload: {
    arrange: mountUpload,
    async act(el) {
      choose(el, 'invoices', [await sampleFile(INVOICE)]);
    },
    problem: (el) => $(uploadRow(el, 'FACTURE KHATIB NABIL.pdf') ?? el, '.state.failed'),
    retry: async (el) => click(uploadRow(el, 'FACTURE KHATIB NABIL.pdf')!, fr.upload.retry('FACTURE KHATIB NABIL.pdf')),
    recovered: async (el) => void (await uploaded(el, 'FACTURE KHATIB NABIL.pdf')),
    kept: (el) => void expect(uploadRows(el).map((r) => text($(r, '.name')))).to.deep.equal(['FACTURE KHATIB NABIL.pdf']),
  },

  // deleteUpload has its own cells below: removing a file is the user's decision and is never refused.
  deleteUpload: undefined as unknown as Scenario,

  createDeposit: {
    async arrange() {
      const el = await mountUpload();
      await readyInvoice(el, INVOICE);
      return el;
    },
    act: async (el) => $<HTMLButtonElement>(shadow(el), '[part="send"]')!.click(),
    problem: (el) => $(shadow(el), '.notice.error'),
    async retry(el, problem) {
      setTimeout(() => click(problem, fr.common.retry));
      const sent = await new Promise<CustomEvent>((resolve) => el.addEventListener(AKTO_DEPOSIT_SENT, resolve as EventListener, { once: true }));
      expect(sent.detail.pending[0].creditNote).to.equal(true);
    },
    // Once, whatever the retries: the idempotency key is kept.
    recovered: async () => void expect(mock.store.listPending(KAVKAZ)).to.have.length(1),
    kept: (el) => keptReady(el, 'FACTURE KHATIB NABIL.pdf'),
  },

  listPending: {
    async arrange() {
      // An edit made on an earlier visit, kept in this browser; the page is reloaded.
      const el = await editedPending();
      await new Promise((resolve) => setTimeout(resolve, 300)); // the edit reaches IndexedDB
      el.remove();
      return document.createElement('div');
    },
    act: async (holder) => void mountInto(holder, 'akto-invoice-validate', { entity: CASINO }),
    problem: (holder) => $(shadow(inHolder(holder)), '[role="alert"]'),
    retry: async (_holder, problem) => click(problem, fr.common.retry),
    async recovered(holder) {
      const row = await until(() => validateRow(inHolder(holder), pending.fileName), 4000, 'the pending invoice');
      await until(() => field(row, 'invoiceNumber').value === EDITED, 3000, 'the edit restored');
    },
    kept: () => undefined, // the edit is in IndexedDB; it is back on its row once the list comes

  },

  getPendingPdf: {
    async arrange() {
      second = await deposited(INVOICE);
      const el = await editedPending();
      const shown = await until(() => $(shadow(el), '.preview akto-pdf-preview'), 4000, 'the first preview');
      if (shown.getAttribute('label') === second.fileName) second = pending; // the other one is opened next
      return el;
    },
    act: async (el) => click(shadow(el), fr.validate.showPreview(second.fileName)),
    problem: (el) => $(shadow(el), '.preview [role="alert"]'),
    retry: async (_el, problem) => click(problem, fr.common.retry),
    async recovered(el) {
      await until(() => $(shadow(el), '.preview akto-pdf-preview')?.getAttribute('label') === second.fileName, 4000, 'the preview');
    },
    kept: (el) => keptEdit(el, pending),
  },

  deletePending: {
    arrange: editedPending,
    async act(el) {
      click(validateRow(el, pending.fileName)!, fr.validate.removeLabel(pending.fileName));
      await until(() => $<HTMLDialogElement>(shadow(el), 'dialog')?.open, 2000, 'the confirmation');
      click($(shadow(el), 'dialog')!, fr.validate.remove);
    },
    problem: (el) => $(validateRow(el, pending.fileName) ?? el, '.row-error'),
    async retry(el) {
      await this.act(el);
    },
    async recovered(el) {
      await until(() => !validateRow(el, pending.fileName), 4000, 'the row gone');
      expect(mock.store.listPending(CASINO).some((p) => p.id === pending.id)).to.equal(false);
    },
    kept: (el) => keptEdit(el, pending),
  },

  validatePending: {
    arrange: editedPending,
    act: async (el) => click(validateRow(el, pending.fileName)!, fr.validate.validateLabel(pending.fileName)),
    problem: (el) => $(validateRow(el, pending.fileName) ?? el, '.row-error'),
    retry: validateAgain,
    recovered: (el) => validatedWithEdit(el, pending),
    kept: (el) => keptEdit(el, pending),
  },

  listDossiers: listScenario('akto-dossier-list', '2206AF', (row) => text(row).includes('2206AF')),

  getDossier: onMount('akto-dossier-detail', { 'dossier-id': '2206AF000578' }, article, 'the dossier'),

  getTransfer: onMount('akto-transfer-detail', { 'transfer-id': TRANSFER }, article, 'the transfer'),

  listDocuments: onMount('akto-dossier-detail', { 'dossier-id': '2206AF000578', tab: 'documents' }, (el) => $(shadow(el), '[part="documents"] tbody tr'), 'the documents'),

  createDocument: {
    async arrange() {
      const el = mountInto(document.body.appendChild(document.createElement('div')), 'akto-dossier-detail', { 'dossier-id': '2206AF000578', tab: 'documents' });
      await until(() => $(shadow(el), '#document-file'), 4000, 'the form');
      chooseIn(el, '#document-file', await sampleFile(CALCUL, 'programme.pdf'));
      const kind = $<HTMLSelectElement>(shadow(el), '#document-kind')!;
      kind.value = 'programme';
      kind.dispatchEvent(new Event('change'));
      return el.parentElement!;
    },
    act: async (holder) => $<HTMLButtonElement>(shadow(inHolder(holder)), 'form > button[type="submit"]')!.click(),
    problem: (holder) => formAlert(inHolder(holder)),
    retry: async (_holder, problem) => click(problem, fr.common.retry),
    async recovered(holder) {
      await until(() => text($(shadow(inHolder(holder)), '.sent')).includes('programme.pdf'), 4000, 'the confirmation');
      expect(mock.store.documents.filter((d) => d.name === 'programme.pdf')).to.have.length(1);
    },
    kept: (holder) => {
      expect(text($(shadow(inHolder(holder)), '#document-file-hint'))).to.equal('programme.pdf');
      expect($<HTMLSelectElement>(shadow(inHolder(holder)), '#document-kind')!.value).to.equal('programme');
    },
  },

  listRibs: onMount('akto-rib-deposit', { entity: CASINO }, (el) => $(shadow(el), '[part="list"] tbody tr'), 'the RIBs'),

  createRib: {
    async arrange() {
      const el = mountInto(document.body.appendChild(document.createElement('div')), 'akto-rib-deposit', { entity: CASINO });
      await until(() => $(shadow(el), '#rib-file') && $(shadow(el), '[part="list"] tbody tr'), 4000, 'the form');
      chooseIn(el, '#rib-file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'rib.png', { type: 'image/png' }));
      for (const [field, value] of Object.entries(RIB)) typeIn(el, `#rib-${field}`, value);
      return el.parentElement!;
    },
    act: async (holder) => $<HTMLButtonElement>(shadow(inHolder(holder)), '.actions button[type="submit"]')!.click(),
    problem: (holder) => formAlert(inHolder(holder)),
    retry: async (_holder, problem) => click(problem, fr.common.retry),
    async recovered(holder) {
      await until(() => $(shadow(inHolder(holder)), '[part="confirmation"]'), 4000, 'the confirmation');
      expect(mock.store.ribs.filter((r) => r.fileName === 'rib.png')).to.have.length(1);
    },
    kept: (holder) => {
      for (const [field, value] of Object.entries(RIB)) expect($<HTMLInputElement>(shadow(inHolder(holder)), `#rib-${field}`)!.value).to.equal(value);
      expect(text($(shadow(inHolder(holder)), '#rib-file-hint'))).to.equal('rib.png');
    },
  },

  lookupSiret: {
    // INSEE's answer is advice before « Valider »: without it the field says it is not checked
    // yet, and « Valider » (where the server checks it) is the way on.
    arrange: editedPending,
    async act(el) {
      const row = validateRow(el, pending.fileName)!;
      await type(field(row, 'siret'), '82409268800236');
      field(row, 'siret').blur();
    },
    problem: (el) => {
      const siret = field(validateRow(el, pending.fileName)!, 'siret');
      const note = shadow(el).getElementById(siret.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-note')) ?? '');
      return note && siret.getAttribute('aria-invalid') === 'false' ? note : null;
    },
    retry: validateAgain,
    async recovered(el) {
      await validatedWithEdit(el, pending);
      expect(mock.store.invoices.find((i) => i.reference === EDITED)!.siret).to.equal('82409268800236');
    },
    kept: (el) => {
      keptEdit(el, pending);
      expect(field(validateRow(el, pending.fileName)!, 'siret').value).to.equal('82409268800236');
    },
  },
};

/** In a live region, or announced by one, or tied to its field by aria-describedby. */
function announced(problem: Element, message: string): boolean {
  const root = problem.getRootNode() as ShadowRoot;
  if (problem.closest('[role="alert"], [role="status"]')) return true;
  if ($$(root, '[role="alert"], [role="status"]').some((region) => text(region).includes(message))) return true;
  return Boolean(problem.id && root.querySelector(`[aria-describedby~="${problem.id}"]`));
}

/** What lookupSiret's note says instead of the fault's own message: the check waits for « Valider ». */
const expectedMessage = (route: RouteName, kind: FaultKind) => (route === 'lookupSiret' ? fr.validate.siretUnchecked : route === 'getPendingPdf' ? `${fr.validate.previewUnavailable} ${MESSAGE[kind]}` : MESSAGE[kind]);

describe('fault matrix', () => {
  const originalOpen = window.open;
  let told: number;
  const tell = () => told++;

  before(() => {
    // The PDF opens in a new tab: record the address instead.
    window.open = () => ({ location: { set href(url: string) { opened.push(url); } }, close() {} }) as unknown as Window;
    document.addEventListener(AKTO_UNAUTHORIZED, tell);
  });
  after(() => {
    window.open = originalOpen;
    document.removeEventListener(AKTO_UNAUTHORIZED, tell);
  });
  beforeEach(async () => {
    await startMock();
    document.documentElement.lang = 'fr';
    told = 0;
    opened.length = 0;
  });

  it('covers every endpoint of the contract', () => {
    expect(Object.keys(SCENARIOS).sort()).to.deep.equal([...ROUTE_NAMES].sort());
  });

  for (const route of ROUTE_NAMES.filter((r) => r !== 'deleteUpload')) {
    describe(route, () => {
      for (const kind of FAULT_KINDS) {
        it(kind, async function () {
          this.timeout(20_000);
          const scenario = SCENARIOS[route];
          const el = await scenario.arrange();
          if (!el.isConnected) document.body.append(el);
          try {
            mock.faults.fail(route, kind);
            await scenario.act(el);
            const problem = await until(() => scenario.problem(el), TIMEOUT_MS + 4000, `the ${kind} message`);
            expect(text(problem)).to.contain(expectedMessage(route, kind));
            expect(announced(problem, expectedMessage(route, kind)), 'said to assistive technologies').to.equal(true);
            if (kind === 'unauthorized') expect(told, 'akto-unauthorized fired').to.be.greaterThan(0);
            await scenario.kept(el);

            mock.faults.heal();
            await scenario.retry(el, problem);
            await scenario.recovered(el);
          } finally {
            mock.faults.heal();
            el.remove();
          }
        });
      }
    });
  }

  describe('deleteUpload', () => {
    // Removing a file is the user's decision: it is done on screen whatever the server says, the
    // upload no deposit names is never sent to AKTO, and nothing else on the step changes.
    for (const kind of FAULT_KINDS) {
      it(kind, async function () {
        this.timeout(20_000);
        const el = await mountUpload();
        try {
          const kept = await readyInvoice(el, INVOICE);
          const other = await sampleFile(CALCUL);
          choose(el, 'invoices', [other]);
          await until(() => uploadRow(el, other.name), 3000, 'the second row');
          await uploaded(el, other.name);
          mock.faults.fail('deleteUpload', kind);
          click(uploadRow(el, other.name)!, fr.upload.remove(other.name));
          await until(() => !uploadRow(el, other.name), 2000, 'the row removed');
          expect($$(shadow(el), '[role="status"]').map(text).join(' ')).to.contain(fr.upload.removed(other.name));
          await new Promise((resolve) => setTimeout(resolve, kind === 'timeout' ? TIMEOUT_MS + 300 : 300)); // the call's answer
          expect($(shadow(el), '.notice.error'), 'no error for a removal').to.equal(null);
          if (kind === 'unauthorized') expect(told, 'akto-unauthorized fired').to.be.greaterThan(0);
          keptReady(el, kept);
          // The deposit carries the remaining invoice only.
          setTimeout(() => $<HTMLButtonElement>(shadow(el), '[part="send"]')!.click());
          const sent = await new Promise<CustomEvent>((resolve) => el.addEventListener(AKTO_DEPOSIT_SENT, resolve as EventListener, { once: true }));
          expect(sent.detail.pending.map((p: PendingInvoice) => p.fileName)).to.deep.equal([kept]);
        } finally {
          mock.faults.heal();
          el.remove();
        }
      });
    }
  });
});
