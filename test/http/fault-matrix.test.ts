/**
 * The fault matrix over real HTTP (issue 15, « Also over HTTP »): every endpoint of the contract
 * × 500, timeout, network loss, 401, malformed answer and a proxy's HTML 502, each driven through
 * the element that calls it, as test/fault-matrix.test.ts does against the mock. A cell passes
 * when the user gets a clear French message (said to assistive technologies), has a way to retry
 * that works once the server is back, and keeps everything entered or chosen.
 *
 * One reference server (demo mode: its Faults object), one partner page server that reverse-proxies
 * `/api` as an nginx would (same origin, like the mock's `/api`), one Chromium and one tab for the
 * whole file; before each cell the invoices left to validate are deleted, the drafts cleared and
 * the page reloaded (its element chunks loaded), and each cell corrects its own invoice number.
 * How each fault is made:
 * - 500, 401, malformed: the server's injected fault on that route (src/backend/faults.ts);
 * - timeout: the server's « never answers » fault, the element's `timeout` attribute at 1.5 s;
 * - network loss: Chromium offline (CDP `Network.emulateNetworkConditions`), back online to retry;
 * - bad-gateway: the proxy answers its own HTML « 502 Bad Gateway » page.
 * The grid is printed at the end (the last test's diagnostics).
 *
 * What only a network shows beyond this grid has its own tests, not repeated here: a 413 from a
 * server whose limit is below the widget's and the proxy's 502 on the list and the upload
 * (errors.test.ts), a connection cut during an upload's body (link-cut.test.ts), a server killed
 * and restarted during « Envoyer les documents » (restart.test.ts).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROUTE_NAMES, type RouteName } from '../../src/api/contract.js';
import type { PendingInvoice } from '../../src/api/schemas.js';
import { FAULT_KINDS, type FaultKind } from '../../src/backend/faults.js';
import { frComplete as fr } from '../../src/i18n/fr-steps.js';
import { seedInvoices } from '../../src/backend/seed.js';
import {
  KAVKAZ, ROOT, type Api, type Pages, type Tab, clean, ensureBuilt, invoiceRow, launch, mount, network, openPage, preload, signIn, startApi, startPages, until,
} from './helpers.js';
import { LAZY_ELEMENTS } from '../../src/elements/lazy.js';

/** The mock's faults, and the one only a proxy in front of the server gives. */
type Column = FaultKind | 'bad-gateway';
const COLUMNS: readonly Column[] = [...FAULT_KINDS, 'bad-gateway'];

/** What the user reads for each fault: the server's own words for a 500, ours otherwise. */
const MESSAGE: Record<Column, string> = {
  'server-error': 'Le serveur a rencontré une erreur interne.',
  timeout: fr.errors.timeout,
  network: fr.errors.network,
  unauthorized: fr.errors.unauthorized,
  malformed: fr.errors.contract,
  'bad-gateway': `${fr.errors.http} ${fr.errors.httpStatus(502)}`,
};
/** What lookupSiret's note says instead (the check waits for « Valider »), and the preview's sentence. */
const expectedMessage = (route: RouteName, column: Column) =>
  route === 'lookupSiret' ? fr.validate.siretUnchecked : route === 'getPendingPdf' ? `${fr.validate.previewUnavailable} ${MESSAGE[column]}` : MESSAGE[column];

/** The elements' `timeout`: short for the tests, long enough for a loaded machine. */
const TIMEOUT_MS = 1500;
/** How long the message may take to show: the timeout, plus a loaded machine's margin. */
const SHOWN_MS = TIMEOUT_MS + 6000;
const WAIT_MS = 15_000;

const CASINO = '527319461';
const INVOICE = 'FACTURE KHATIB NABIL.pdf';
const CALCUL = 'facture-2606-calcul-mental.pdf';
const SAMPLES = [INVOICE, CALCUL];
/** The elements the single script loads on first use (their chunks are loaded before each cell). */
/** The elements the single script loads on first use (src/elements/lazy.ts): loaded before each cell's fault. */
const LAZY_TAGS = Object.keys(LAZY_ELEMENTS);
/** The invoice number the user corrects, one per cell (an invoice number is taken once validated). */
let edited = '';
let cells = 0;
const SIRET = '82409268800236';

let api: Api;
let pages: Pages;
let browser: Browser;
let tab: Tab;
let token: string;

// ---- the page and the server ----------------------------------------------------------------------

/** Records, in the page: the PDFs opened in a new tab, the 401s told to the host, the events fired. */
const INIT = `
  window.matrix = { opened: [], told: 0, events: [] };
  window.open = () => ({ location: { set href(url) { window.matrix.opened.push(url); } }, close() {} });
  document.addEventListener('akto-unauthorized', () => window.matrix.told++);
  for (const name of ['akto-deposit-sent', 'akto-invoice-validated']) document.addEventListener(name, (e) => window.matrix.events.push({ name, detail: JSON.parse(JSON.stringify(e.detail)) }));
`;
interface Recorded {
  opened: string[];
  told: number;
  events: { name: string; detail: { pending?: PendingInvoice[] } }[];
}
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { matrix: Recorded }).matrix);

async function openTab(): Promise<void> {
  tab = await openPage(browser, pages.origin, { initScript: INIT });
}

/** The state every cell starts from: no invoice to validate, no draft, a fresh page with the samples at hand. */
async function freshCell(): Promise<void> {
  heal();
  await network(tab.cdp, { offline: false });
  await tab.page.evaluate(clearDrafts);
  // What earlier cells left that a cell counts or finds by name: the invoices still to validate.
  // (Cheaper than reseeding the database; each cell's corrected invoice number is its own.)
  for (const siren of [CASINO, KAVKAZ]) for (const p of await pendingOf(siren)) await call('DELETE', `/pending-invoices/${p.id}`);
  edited = `FA-MATRICE-${String(++cells).padStart(2, '0')}`;
  tab.errors.length = 0;
  await tab.page.reload();
  // The elements' own chunks first: a network-loss cell is about the API, not about a chunk that
  // cannot load offline (reported apart: the element then stays blank).
  await tab.page.evaluate(async (tags) => {
    const script = (await import('/dist/akto-invoice-widget.js' as string)) as { loadElement(tag: string): Promise<void> };
    await Promise.all(tags.map((tag) => script.loadElement(tag)));
  }, LAZY_TAGS);
  await preload(tab.page, SAMPLES);
  await tab.page.evaluate(() => {
    const files = (window as unknown as { testFiles: Record<string, File> }).testFiles;
    files['attestation.png'] = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'attestation.png', { type: 'image/png' });
  });
}

/** Empties the widget's drafts store (IndexedDB), creating it as the widget does if it is not there yet. */
function clearDrafts(): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.open('akto-invoice-widget', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('drafts');
    request.onerror = () => resolve();
    request.onsuccess = () => {
      const db = request.result;
      const done = () => (db.close(), resolve());
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').clear();
      tx.oncomplete = done;
      tx.onerror = done;
    };
  });
}

/** Whether a draft of the widget holds this text (a step-2 edit, say). */
function draftHolds(text: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = indexedDB.open('akto-invoice-widget', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('drafts');
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
      all.onsuccess = () => (db.close(), resolve(all.result.some((draft) => JSON.stringify(draft).includes(text))));
      all.onerror = () => (db.close(), resolve(false));
    };
  });
}

async function inject(route: RouteName, column: Column): Promise<void> {
  if (column === 'network') await network(tab.cdp, { offline: true });
  else if (column === 'bad-gateway') pages.badGateway = true;
  else api.faults!.fail(route, column);
}

function heal(): void {
  api.faults!.reset();
  pages.badGateway = false;
}

/** The server is back: faults off, Chromium online. */
async function healAll(): Promise<void> {
  heal();
  await network(tab.cdp, { offline: false });
}

// ---- the API from the test's side (straight to the server, never through the proxy) ----------------

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${api.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Idempotency-Key': randomUUID(), ...(body === undefined || body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Deposits a sample for an entity, as step 1 does, and returns the pending invoice. */
async function deposited(name: string, siren = CASINO): Promise<PendingInvoice> {
  const form = new FormData();
  form.set('kind', 'invoice');
  form.set('file', new Blob([readFileSync(join(ROOT, 'demo/samples', name))], { type: 'application/pdf' }), name);
  const upload = await call<{ id: string }>('POST', '/uploads', form);
  const deposit = await call<{ pending: PendingInvoice[] }>('POST', `/entities/${siren}/deposits`, {
    invoices: [{ uploadId: upload.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }],
  });
  return deposit.pending[0]!;
}

const pendingOf = async (siren: string) => (await call<{ items: PendingInvoice[] }>('GET', `/entities/${siren}/pending-invoices`)).items;
const invoicesWith = async (reference: string) =>
  (await api.storage.db.query<{ reference: string; siret: string | null }>('SELECT reference, siret FROM invoices WHERE reference = $1', [reference])).rows;

// ---- the elements' parts --------------------------------------------------------------------------

/** One cell's script, as in the mock's matrix; `problem` resolves once the message holder is there. */
interface Scenario {
  arrange(page: Page): Promise<void>;
  act(page: Page): Promise<void>;
  problem(page: Page): Locator;
  retry(page: Page, problem: Locator): Promise<void>;
  recovered(page: Page): Promise<void>;
  kept(page: Page): Promise<void>;
}

/** An element as a signed-in partner page mounts it: a token, and who the user is (drafts are theirs). */
const mountElement = (page: Page, tag: string, attributes: Record<string, string> = {}) =>
  mount(page, tag, { 'api-base': `${pages.origin}/api`, timeout: String(TIMEOUT_MS), user: 'matrix-user', ...attributes }, { token });

/** The element's first alert that says something (empty live regions wait for their message). */
const alertOf = (page: Page, scope: string) => page.locator(`${scope} [role="alert"]`).filter({ hasText: /\S/ }).first();
const clickRetry = (problem: Locator) => problem.getByRole('button', { name: fr.common.retry, exact: true }).click({ timeout: WAIT_MS });

/** A call made when the element is put on the page: nothing entered yet. */
function onMount(tag: string, attributes: Record<string, string>, loaded: (page: Page) => Locator): Scenario {
  return {
    arrange: async () => undefined,
    act: (page) => mountElement(page, tag, attributes),
    problem: (page) => alertOf(page, tag),
    retry: (_page, problem) => clickRetry(problem),
    recovered: (page) => loaded(page).waitFor({ timeout: WAIT_MS }),
    kept: async () => undefined,
  };
}

// The lists
const listRows = (page: Page, tag: string) => page.locator(`${tag} tbody tr:not(.skeleton)`);

function listScenario(tag: 'akto-invoice-list' | 'akto-dossier-list', query: string, cell: 'td' | 'tr'): Scenario {
  const search = (page: Page) => page.locator(`${tag} #search`);
  return {
    async arrange(page) {
      await mountElement(page, tag);
      await listRows(page, tag).first().waitFor({ timeout: WAIT_MS });
    },
    async act(page) {
      await search(page).fill(query);
      await search(page).press('Enter');
    },
    problem: (page) => alertOf(page, tag),
    retry: (_page, problem) => clickRetry(problem),
    async recovered(page) {
      await until(async () => {
        const rows = await listRows(page, tag).evaluateAll((trs, cell) => trs.map((tr) => (cell === 'td' ? tr.querySelector('td') : tr)?.textContent ?? ''), cell);
        return rows.length > 0 && rows.every((text) => text.includes(query));
      }, WAIT_MS, 'the matching rows');
    },
    async kept(page) {
      assert.equal(await search(page).inputValue(), query, 'the search kept');
    },
  };
}

// Step 1
const UPLOAD = 'akto-invoice-upload';

/** What a file input of step 1 hands over when the user picks these (preloaded) files. */
async function choose(page: Page, inputId: string, names: string[]): Promise<void> {
  await page.locator(UPLOAD).evaluate((element, { inputId, names }) => {
    const files = (window as unknown as { testFiles: Record<string, File> }).testFiles;
    const input = element.shadowRoot!.getElementById(inputId) as HTMLInputElement;
    const transfer = new DataTransfer();
    for (const name of names) transfer.items.add(files[name]!);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { inputId, names });
}

async function mountUpload(page: Page): Promise<void> {
  await mountElement(page, UPLOAD, { entity: KAVKAZ });
  await page.locator(`${UPLOAD} .dropzone`).first().waitFor({ timeout: WAIT_MS });
}

const uploaded = (page: Page, name: string) => invoiceRow(page, name).locator('.file .state', { hasText: /^Chargé$/ }).waitFor({ timeout: WAIT_MS });
const creditNoteBox = (page: Page, name: string) => invoiceRow(page, name).getByLabel(fr.upload.creditNote, { exact: true });
const rowNames = async (page: Page) => (await page.locator(`${UPLOAD} li.invoice .name`).allTextContents()).map(clean);

/** An invoice uploaded, ticked as a credit note, with a supporting document: ready to send. */
async function readyInvoice(page: Page, name: string): Promise<void> {
  await choose(page, 'invoices', [name]);
  await uploaded(page, name);
  await creditNoteBox(page, name).check({ timeout: WAIT_MS });
  // « Ajouter des pièces justificatives » on the row opens the step's one picker for it.
  await invoiceRow(page, name).locator('.dropzone.small button').evaluate((button: HTMLButtonElement) => button.click());
  await choose(page, 'supporting-input', ['attestation.png']);
  await invoiceRow(page, name).locator('.supporting li .state', { hasText: /^Chargé$/ }).waitFor({ timeout: WAIT_MS });
}

async function keptReady(page: Page, name: string): Promise<void> {
  assert.ok(await invoiceRow(page, name).count(), `the row of ${name}`);
  assert.equal(await creditNoteBox(page, name).isChecked(), true, 'the credit-note box');
  const supporting = (await invoiceRow(page, name).locator('.supporting li').allTextContents()).map(clean);
  assert.ok(supporting.some((text) => text.includes('attestation.png')), `the supporting document (${supporting.join(' | ')})`);
}

/** Resolves with the detail of the next event of that name, once `action` is done. */
async function nextEvent(page: Page, name: string, action: () => Promise<void>): Promise<Recorded['events'][number]['detail']> {
  const before = (await recorded(page)).events.length;
  await action();
  const event = await until(async () => (await recorded(page)).events.slice(before).find((e) => e.name === name), WAIT_MS, name);
  return event.detail;
}

// Step 2
const VALIDATE = 'akto-invoice-validate';
/** The pending invoice a cell works on, and (getPendingPdf) the one whose preview is opened. */
let pending: PendingInvoice;
let second: PendingInvoice;
const validateRow = (page: Page, fileName: string) => page.locator(`${VALIDATE} tbody tr`).filter({ has: page.locator('.file-name', { hasText: fileName }) });
const field = (page: Page, fileName: string, name: string) => validateRow(page, fileName).locator(`input[id^="${name}-"]`);

/** A pending invoice of CASINO whose invoice number the user corrected: it becomes `pending`. */
async function editedPending(page: Page): Promise<void> {
  pending = await deposited(CALCUL);
  await mountElement(page, VALIDATE, { entity: CASINO });
  await until(async () => (await field(page, pending.fileName, 'siret').count()) && (await field(page, pending.fileName, 'siret').inputValue()), WAIT_MS, 'the fields');
  await field(page, pending.fileName, 'invoiceNumber').fill(edited);
  await field(page, pending.fileName, 'invoiceNumber').blur();
}

const clickIn = (scope: Locator | Page, name: string) => scope.getByRole('button', { name, exact: true }).click({ timeout: WAIT_MS });

/** « Valider » on the row, once the server is back; resolves when it is validated. */
const validateAgain = async (page: Page) => void (await nextEvent(page, 'akto-invoice-validated', () => clickIn(validateRow(page, pending.fileName), fr.validate.validateLabel(pending.fileName))));

async function keptEdit(page: Page): Promise<void> {
  assert.equal(await field(page, pending.fileName, 'invoiceNumber').inputValue({ timeout: WAIT_MS }), edited, 'the edit kept');
}

/** The validated invoice reached the server with the user's corrections. */
async function validatedWithEdit(page: Page): Promise<void> {
  await validateRow(page, pending.fileName).waitFor({ state: 'detached', timeout: WAIT_MS });
  assert.equal((await invoicesWith(edited)).length, 1, 'one invoice with the edit');
}

// The details
const article = (tag: string) => (page: Page) => page.locator(`${tag} article`).first();

// Issue 16's screens: a transfer, a dossier's documents, the RIB deposit
const TRANSFER = seedInvoices().find((i) => i.transferNumber)!.transferNumber!;
const DOSSIER = 'akto-dossier-detail';
const RIB_DEPOSIT = 'akto-rib-deposit';
const RIB = { holder: 'CASINO RESTAURATION SASU', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' };
/** One of the preloaded files handed to a plain file input, as the picker does. */
async function chooseIn(page: Page, selector: string, name: string): Promise<void> {
  await page.locator(selector).evaluate((element, name) => {
    const transfer = new DataTransfer();
    transfer.items.add((window as unknown as { testFiles: Record<string, File> }).testFiles[name]!);
    (element as HTMLInputElement).files = transfer.files;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }, name);
}
const formAlert = (page: Page, tag: string) => page.locator(`${tag} form [role="alert"]`).filter({ hasText: /\S/ }).first();

// ---- the matrix -----------------------------------------------------------------------------------

const SCENARIOS: Record<Exclude<RouteName, 'deleteUpload'>, Scenario> = {
  // The deposit's first question, which entity.
  listEntities: onMount(UPLOAD, {}, (page) => page.locator(`${UPLOAD} akto-entity-picker`).getByText('SNC KAVKAZ').first()),

  listInvoices: listScenario('akto-invoice-list', 'FA-2026', 'td'),

  getInvoice: onMount('akto-invoice-detail', { 'invoice-id': 'inv-0004' }, article('akto-invoice-detail')),

  getInvoicePdf: {
    async arrange(page) {
      // An invoice with its PDF: deposited, then validated.
      const p = await deposited(CALCUL);
      const { invoice } = await call<{ invoice: { id: string } }>('POST', `/pending-invoices/${p.id}/validation`, {
        invoiceNumber: edited, amountHT: p.fields.amountHT, amountTTC: p.fields.amountTTC, dossiers: p.fields.dossiers, invoiceDate: p.fields.invoiceDate, siret: p.fields.siret,
      });
      await mountElement(page, 'akto-invoice-detail', { 'invoice-id': invoice.id });
      await article('akto-invoice-detail')(page).waitFor({ timeout: WAIT_MS });
    },
    act: (page) => clickIn(page.locator('akto-invoice-detail'), fr.invoiceDetail.openPdf),
    problem: (page) => alertOf(page, 'akto-invoice-detail'),
    retry: (_page, problem) => clickRetry(problem),
    async recovered(page) {
      await until(async () => (await recorded(page)).opened.some((url) => url.startsWith('blob:')), WAIT_MS, 'the PDF opened');
      await alertOf(page, 'akto-invoice-detail').waitFor({ state: 'detached', timeout: WAIT_MS });
    },
    kept: async (page) => assert.ok(await article('akto-invoice-detail')(page).count(), 'the invoice still shown'),
  },

  createUpload: {
    arrange: mountUpload,
    act: (page) => choose(page, 'invoices', [INVOICE]),
    problem: (page) => invoiceRow(page, INVOICE).locator('.state.failed'),
    retry: (page) => clickIn(invoiceRow(page, INVOICE), fr.upload.retry(INVOICE)),
    recovered: (page) => uploaded(page, INVOICE),
    kept: async (page) => assert.deepEqual(await rowNames(page), [INVOICE]),
  },

  createDeposit: {
    async arrange(page) {
      await mountUpload(page);
      await readyInvoice(page, INVOICE);
    },
    act: (page) => page.locator(`${UPLOAD} [part="send"]`).click({ timeout: WAIT_MS }),
    problem: (page) => page.locator(`${UPLOAD} .notice.error`),
    async retry(page, problem) {
      const sent = await nextEvent(page, 'akto-deposit-sent', () => clickRetry(problem));
      assert.equal(sent.pending?.[0]?.creditNote, true, 'sent as a credit note');
    },
    // Once, whatever the retries: the idempotency key is kept.
    recovered: async () => assert.equal((await pendingOf(KAVKAZ)).length, 1, 'one deposit'),
    kept: (page) => keptReady(page, INVOICE),
  },

  listPending: {
    async arrange(page) {
      // An edit made on an earlier visit, kept in this browser; the page is opened again.
      await editedPending(page);
      await until(() => page.evaluate(draftHolds, edited), WAIT_MS, 'the edit kept in IndexedDB');
      await page.locator(VALIDATE).evaluate((element) => element.remove());
    },
    act: (page) => mountElement(page, VALIDATE, { entity: CASINO }),
    problem: (page) => alertOf(page, VALIDATE),
    retry: (_page, problem) => clickRetry(problem),
    async recovered(page) {
      await until(async () => (await field(page, pending.fileName, 'invoiceNumber').count()) && (await field(page, pending.fileName, 'invoiceNumber').inputValue()) === edited, WAIT_MS, 'the edit restored');
    },
    kept: async () => undefined, // the edit is in IndexedDB; it is back on its row once the list comes
  },

  getPendingPdf: {
    async arrange(page) {
      second = await deposited(INVOICE);
      await editedPending(page);
      const shown = await page.locator(`${VALIDATE} .preview akto-pdf-preview`).getAttribute('label', { timeout: WAIT_MS });
      if (clean(shown) === second.fileName) second = pending; // the other one is opened next
    },
    act: (page) => clickIn(page.locator(VALIDATE), fr.validate.showPreview(second.fileName)),
    problem: (page) => alertOf(page, `${VALIDATE} .preview`),
    retry: (_page, problem) => clickRetry(problem),
    async recovered(page) {
      await until(async () => clean(await page.locator(`${VALIDATE} .preview akto-pdf-preview`).getAttribute('label')) === second.fileName, WAIT_MS, 'the preview');
    },
    kept: keptEdit,
  },

  deletePending: {
    async arrange(page) {
      await editedPending(page);
    },
    async act(page) {
      await clickIn(validateRow(page, pending.fileName), fr.validate.removeLabel(pending.fileName));
      const dialog = page.locator(`${VALIDATE} dialog[open]`);
      await clickIn(dialog, fr.validate.remove);
    },
    problem: (page) => validateRow(page, pending.fileName).locator('.row-error'),
    async retry(page) {
      await this.act(page);
    },
    async recovered(page) {
      await validateRow(page, pending.fileName).waitFor({ state: 'detached', timeout: WAIT_MS });
      assert.equal((await pendingOf(CASINO)).some((p) => p.id === pending.id), false, 'deleted on the server');
    },
    kept: keptEdit,
  },

  validatePending: {
    arrange: editedPending,
    act: (page) => clickIn(validateRow(page, pending.fileName), fr.validate.validateLabel(pending.fileName)),
    problem: (page) => validateRow(page, pending.fileName).locator('.row-error'),
    retry: validateAgain,
    recovered: validatedWithEdit,
    kept: keptEdit,
  },

  listDossiers: listScenario('akto-dossier-list', '2206AF', 'tr'),

  getDossier: onMount('akto-dossier-detail', { 'dossier-id': '2206AF000578' }, article('akto-dossier-detail')),

  getTransfer: onMount('akto-transfer-detail', { 'transfer-id': TRANSFER }, article('akto-transfer-detail')),

  listDocuments: onMount(DOSSIER, { 'dossier-id': '2206AF000578', tab: 'documents' }, (page) => page.locator(`${DOSSIER} [part="documents"] tbody tr`).first()),

  createDocument: {
    async arrange(page) {
      await mountElement(page, DOSSIER, { 'dossier-id': '2206AF000578', tab: 'documents' });
      await chooseIn(page, `${DOSSIER} #document-file`, CALCUL);
      await page.locator(`${DOSSIER} #document-kind`).selectOption('programme', { timeout: WAIT_MS });
    },
    act: (page) => page.locator(`${DOSSIER} form > button[type="submit"]`).click({ timeout: WAIT_MS }),
    problem: (page) => formAlert(page, DOSSIER),
    retry: (_page, problem) => clickRetry(problem),
    async recovered(page) {
      await page.locator(`${DOSSIER} .sent`).filter({ hasText: CALCUL }).waitFor({ timeout: WAIT_MS });
      const documents = await call<{ items: { name: string }[] }>('GET', '/dossiers/2206AF000578/documents');
      assert.ok(documents.items.filter((d) => d.name === CALCUL).length >= 1, 'the document on the server');
    },
    async kept(page) {
      assert.equal(clean(await page.locator(`${DOSSIER} #document-file-hint`).textContent()), CALCUL, 'the file kept');
      assert.equal(await page.locator(`${DOSSIER} #document-kind`).inputValue(), 'programme', 'the type kept');
    },
  },

  listRibs: onMount(RIB_DEPOSIT, { entity: CASINO }, (page) => page.locator(`${RIB_DEPOSIT} [part="list"] tbody tr`).first()),

  createRib: {
    async arrange(page) {
      await mountElement(page, RIB_DEPOSIT, { entity: CASINO });
      await page.locator(`${RIB_DEPOSIT} [part="list"] tbody tr`).first().waitFor({ timeout: WAIT_MS });
      await chooseIn(page, `${RIB_DEPOSIT} #rib-file`, 'attestation.png');
      for (const [field, value] of Object.entries(RIB)) await page.locator(`${RIB_DEPOSIT} #rib-${field}`).fill(value, { timeout: WAIT_MS });
    },
    act: (page) => page.locator(`${RIB_DEPOSIT} .actions button[type="submit"]`).click({ timeout: WAIT_MS }),
    problem: (page) => formAlert(page, RIB_DEPOSIT),
    retry: (_page, problem) => clickRetry(problem),
    async recovered(page) {
      await page.locator(`${RIB_DEPOSIT} [part="confirmation"]`).waitFor({ timeout: WAIT_MS });
    },
    async kept(page) {
      for (const [field, value] of Object.entries(RIB)) assert.equal(await page.locator(`${RIB_DEPOSIT} #rib-${field}`).inputValue(), value, `the ${field} kept`);
      assert.equal(clean(await page.locator(`${RIB_DEPOSIT} #rib-file-hint`).textContent()), 'attestation.png', 'the file kept');
    },
  },

  lookupSiret: {
    // INSEE's answer is advice before « Valider »: without it the field says it is not checked yet.
    arrange: editedPending,
    async act(page) {
      await field(page, pending.fileName, 'siret').fill(SIRET);
      await field(page, pending.fileName, 'siret').blur();
    },
    problem: (page) => page.locator(`${VALIDATE} [id$="-note"]`).filter({ hasText: fr.validate.siretUnchecked }).first(),
    retry: validateAgain,
    async recovered(page) {
      await validatedWithEdit(page);
      assert.equal((await invoicesWith(edited))[0]!.siret, SIRET, 'the SIRET entered');
    },
    async kept(page) {
      await keptEdit(page);
      assert.equal(await field(page, pending.fileName, 'siret').inputValue(), SIRET, 'the SIRET kept');
      assert.equal(await field(page, pending.fileName, 'siret').getAttribute('aria-invalid'), 'false', 'not called wrong');
    },
  },
};

/** In a live region, or announced by one, or tied to its field by aria-describedby. */
function announced(problem: Element, message: string): boolean {
  const text = (node: Node | null) => (node?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
  const root = problem.getRootNode() as ShadowRoot;
  if (problem.closest('[role="alert"], [role="status"]')) return true;
  if ([...root.querySelectorAll('[role="alert"], [role="status"]')].some((region) => text(region).includes(message))) return true;
  return Boolean(problem.id && root.querySelector(`[aria-describedby~="${problem.id}"]`));
}

/** Waits for the problem's holder to say the message; fails with what it said instead. */
async function said(problem: Locator, message: string): Promise<void> {
  const end = Date.now() + SHOWN_MS;
  let seen = '';
  for (;;) {
    seen = (await problem.count()) ? clean(await problem.textContent()) : '';
    if (seen.includes(message)) return;
    if (Date.now() > end) assert.fail(`the message « ${message} » not shown; the holder said « ${seen || '(nothing)'} »`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** endpoint → fault → result, printed at the end. */
const grid = new Map<string, Map<Column, string>>();
const record = (route: string, column: Column, result: string) => {
  if (!grid.has(route)) grid.set(route, new Map());
  grid.get(route)!.set(column, result);
};

/** Runs one cell; a failed cell gets a new tab for the next, so nothing it left behind spreads. */
async function cell(route: string, column: Column, body: (page: Page) => Promise<void>): Promise<void> {
  await freshCell();
  try {
    await body(tab.page);
    assert.deepEqual(tab.errors, [], 'no error thrown in the page');
    record(route, column, 'pass');
  } catch (error) {
    record(route, column, 'FAIL');
    await tab.context.close().catch(() => undefined);
    await openTab();
    throw error;
  } finally {
    await healAll().catch(() => undefined);
  }
}

const started = Date.now();

before(async () => {
  await ensureBuilt();
  api = await startApi({ demo: true });
  [pages, browser] = await Promise.all([startPages({ proxyTo: api.url }), launch()]);
  for (const name of SAMPLES) pages.serve(name, join(ROOT, 'demo/samples', name));
  token = await signIn(api.apiUrl);
  await openTab();
});

after(async () => {
  await browser?.close();
  await pages?.close();
  await api?.close();
});

test('the grid covers every endpoint of the contract', () => {
  assert.deepEqual([...Object.keys(SCENARIOS), 'deleteUpload'].sort(), [...ROUTE_NAMES].sort());
});

for (const route of ROUTE_NAMES.filter((r): r is Exclude<RouteName, 'deleteUpload'> => r !== 'deleteUpload')) {
  describe(route, () => {
    for (const column of COLUMNS) {
      test(column, { timeout: 60_000 }, () =>
        cell(route, column, async (page) => {
          const scenario = SCENARIOS[route];
          const message = expectedMessage(route, column);
          await scenario.arrange(page);
          await inject(route, column);
          await scenario.act(page);
          const problem = scenario.problem(page);
          await said(problem, message);
          assert.equal(await problem.evaluate(announced, message), true, 'said to assistive technologies');
          if (column === 'unauthorized') assert.ok((await recorded(page)).told > 0, 'akto-unauthorized fired');
          await scenario.kept(page);

          await healAll();
          await scenario.retry(page, problem);
          await scenario.recovered(page);
        }),
      );
    }
  });
}

describe('deleteUpload', () => {
  // Removing a file is the user's decision: it is done on screen whatever the server says, the
  // upload no deposit names is never sent to AKTO, and nothing else on the step changes.
  for (const column of COLUMNS) {
    test(column, { timeout: 60_000 }, () =>
      cell('deleteUpload', column, async (page) => {
        await mountUpload(page);
        await readyInvoice(page, INVOICE);
        await choose(page, 'invoices', [CALCUL]);
        await uploaded(page, CALCUL);
        await inject('deleteUpload', column);
        await clickIn(invoiceRow(page, CALCUL), fr.upload.remove(CALCUL));
        await invoiceRow(page, CALCUL).waitFor({ state: 'detached', timeout: WAIT_MS });
        const status = (await page.locator(`${UPLOAD} [role="status"]`).allTextContents()).map(clean).join(' ');
        assert.ok(status.includes(fr.upload.removed(CALCUL)), `the removal said (« ${status} »)`);
        await new Promise((resolve) => setTimeout(resolve, column === 'timeout' ? TIMEOUT_MS + 300 : 300)); // the call's answer
        assert.equal(await page.locator(`${UPLOAD} .notice.error`).count(), 0, 'no error for a removal');
        if (column === 'unauthorized') assert.ok((await recorded(page)).told > 0, 'akto-unauthorized fired');
        await keptReady(page, INVOICE);
        // The server back, the deposit carries the remaining invoice only.
        await healAll();
        const sent = await nextEvent(page, 'akto-deposit-sent', () => page.locator(`${UPLOAD} [part="send"]`).click({ timeout: WAIT_MS }));
        assert.deepEqual(sent.pending?.map((p) => p.fileName), [INVOICE]);
      }),
    );
  }
});

test('the grid', (t) => {
  const rows = [...grid];
  const width = Math.max(...rows.map(([route]) => route.length), 'endpoint'.length);
  const line = (first: string, rest: string[]) => `${first.padEnd(width)}  ${rest.map((cell, i) => cell.padEnd(COLUMNS[i]!.length)).join('  ')}`;
  const cells = rows.flatMap(([, row]) => [...row.values()]);
  const passed = cells.filter((c) => c === 'pass').length;
  t.diagnostic(`fault matrix over HTTP (${rows.length} endpoints × ${COLUMNS.length} faults, ${passed}/${cells.length} passing, ${Math.round((Date.now() - started) / 1000)} s):`);
  t.diagnostic(line('endpoint', [...COLUMNS]));
  for (const [route, row] of rows) t.diagnostic(line(route, COLUMNS.map((column) => row.get(column) ?? '—')));
});
