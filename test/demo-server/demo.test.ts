/**
 * `npm start`'s pieces, end to end: the reference server (demo mode, PGlite in a temporary
 * folder) and the dev server started in this process as `npm start` starts them, the demo page
 * in headless Chromium (playwright-core), on another origin than the API. What the page, its
 * session and its panel (demo/server-backend.ts) do against the server, and what is kept.
 *
 * `npm run test:demo-server`. Builds the single script first when dist/ has none.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningServer } from '../../server/index.js';
import type { DemoSnapshot } from '../../demo/backend.js';

interface Demo {
  url: string;
  origin: string;
  api: RunningServer;
  close(): Promise<void>;
}
interface DevServer {
  root: string;
  buildScript(): Promise<void>;
  startDemo(options: { mode?: 'server' | 'mock'; port?: number; apiPort?: number; dataDir?: string; reset?: boolean; log?: (line: string) => void }): Promise<Demo>;
}

// A plain JavaScript module (scripts/ runs on Node without a build): typed here by hand.
const devServerPath = '../../scripts/lib/dev-server.mjs';
const { root, buildScript, startDemo } = (await import(devServerPath)) as DevServer;

const SAMPLE = join(root, 'demo/samples/FACTURE KHATIB NABIL.pdf');
const NUMBER = 'FA-2025-0387';
const chromePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

const dataDir = mkdtempSync(join(tmpdir(), 'akto-demo-'));
const quiet = () => {};
const T = { timeout: 60_000 };
let demo: Demo;
let browser: Browser;
let page: Page;

/** Opens the page fresh (a new context: no draft, no session storage from before), the server without faults. */
async function open(hash = ''): Promise<Page> {
  await setFaults({ latencyMs: 0, uploadLatencyMs: 0, failures: [] });
  await page?.context().close();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page]', error.message));
  await page.goto(`${demo.url}${hash}`);
  return page;
}

const widget = () => page.locator('#akto');
const panel = () => page.locator('demo-fault-panel');

async function faults(): Promise<DemoSnapshot> {
  return (await fetch(`${demo.api.apiUrl}/dev/faults`)).json() as Promise<DemoSnapshot>;
}

async function setFaults(settings: object): Promise<void> {
  await fetch(`${demo.api.apiUrl}/dev/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings) });
}

/** The panel expanded or collapsed (expanded, it covers the bottom right of the page). */
async function showPanel(open: boolean): Promise<void> {
  const toggle = panel().locator('.fault-panel__toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== String(open)) await toggle.click();
}

/** « Liste de mes factures », searched for one reference: its first row's text. */
async function findInvoice(reference: string): Promise<string> {
  const list = widget().locator('akto-invoice-list');
  await list.getByLabel('Rechercher', { exact: true }).fill(reference);
  await list.getByLabel('Rechercher', { exact: true }).press('Enter');
  const row = list.locator('tbody tr:not(.skeleton)').filter({ hasText: reference }).first();
  await row.waitFor({ timeout: 10_000 });
  return (await row.textContent()) ?? '';
}

/** Applies a fault to one route from the panel, then collapses it. */
async function applyFault(route: string, fault: string, once = false): Promise<void> {
  await showPanel(true);
  await panel().getByLabel("Point d'accès").selectOption(route);
  await panel().getByLabel('Panne à simuler').selectOption(fault);
  await panel().getByLabel('Une seule fois (la prochaine requête)').setChecked(once);
  await panel().getByRole('button', { name: 'Appliquer' }).click();
  await panel().getByRole('status').filter({ hasText: 'Panne appliquée' }).waitFor();
  await showPanel(false);
}

before(async () => {
  if (!existsSync(join(root, 'dist/akto-invoice-widget.js'))) await buildScript();
  demo = await startDemo({ port: 0, apiPort: 0, dataDir, log: quiet });
  browser = await chromium.launch({
    executablePath: chromePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo on the reference server', () => {
  test('the page tells which back end, signs in and lists the server’s invoices from another origin', T, async () => {
    const config = await (await fetch(`${demo.origin}/demo/backend.json`)).json();
    assert.deepEqual(config, { mode: 'server', apiUrl: demo.api.apiUrl });
    assert.notEqual(new URL(demo.api.apiUrl).origin, demo.origin, 'the API is on another origin');

    const calls: string[] = [];
    const p = await open();
    p.on('request', (request) => calls.push(request.url()));
    await widget().locator('akto-invoice-list tbody tr:not(.skeleton)').first().waitFor();
    assert.ok(calls.some((url) => url.startsWith(`${demo.api.apiUrl}/invoices`)), 'the list comes from the server');
    assert.equal(await p.evaluate(() => navigator.serviceWorker.controller), null, 'no mock service worker in between');
    assert.match(await widget().evaluate((w) => String((w as HTMLElement & { token: unknown }).token)), /^[\w-]{20,}$/, 'a token from the dev sign-in');
  });

  test('a deposit, validated, is still listed after a reload', T, async () => {
    await open('#akto=deposit');
    const picker = widget().locator('akto-entity-picker');
    await picker.getByLabel(/SNC KAVKAZ/).check();
    await picker.getByRole('button', { name: 'Déposer', exact: true }).click();

    const upload = widget().locator('akto-invoice-upload');
    await upload.locator('input[type=file]#invoices').setInputFiles(SAMPLE);
    await upload.getByText('Chargé', { exact: true }).waitFor();
    await upload.getByLabel("Pas de pièce justificative nécessaire en tant qu'adhérent").check();
    await upload.getByRole('button', { name: 'Envoyer les documents' }).click();

    // Step 2: the number read from the PDF on the server, corrected, then « Valider ».
    const validate = widget().locator('akto-invoice-validate');
    const number = validate.locator('input[id^="invoiceNumber-"]').first();
    await number.waitFor();
    assert.equal(await number.inputValue(), '2025-0387', 'the server read the invoice');
    await number.fill(NUMBER);
    await validate.getByRole('button', { name: 'Valider la facture FACTURE KHATIB NABIL.pdf' }).click();
    await widget().getByRole('button', { name: 'Voir mes factures' }).click();
    assert.match(await findInvoice(NUMBER), /En cours d'analyse/);

    await page.reload();
    assert.match(await findInvoice(NUMBER), /En cours d'analyse/, 'still there after a reload');
  });

  test('a fault applied from the panel is the server’s, shows in the widget, and « Retirer » heals it', T, async () => {
    await open();
    await widget().locator('akto-invoice-list tbody tr:not(.skeleton)').first().waitFor();
    await applyFault('listInvoices', 'server-error');
    assert.deepEqual((await faults()).failures, [['listInvoices', 'server-error']]);
    assert.match((await panel().locator('.fault-panel__active').textContent()) ?? '', /listInvoices : Erreur 500/);

    await page.reload();
    await widget().getByText(/Le serveur a rencontré une erreur/).first().waitFor();
    await widget().getByRole('button', { name: /Réessayer/ }).first().waitFor();

    await showPanel(true);
    await panel().getByRole('button', { name: 'Retirer la panne listInvoices' }).click();
    await panel().getByRole('status').filter({ hasText: 'Panne retirée : listInvoices.' }).waitFor();
    assert.deepEqual((await faults()).failures, []);
  });

  test('latency and slow upload go to the server; « une seule fois » is used up there and leaves the panel', T, async () => {
    await open();
    await showPanel(true);
    await panel().getByLabel('Latence').selectOption('300');
    await panel().getByRole('status').filter({ hasText: 'Latence : 300 ms.' }).waitFor();
    await panel().getByLabel('Téléversement lent').selectOption('2000');
    await panel().getByRole('status').filter({ hasText: 'Téléversement lent : + 2 s.' }).waitFor();
    assert.deepEqual(await faults(), { latencyMs: 300, uploadLatencyMs: 2000, failures: [] });

    await applyFault('listEntities', 'network', true);
    assert.match((await panel().locator('.fault-panel__active').textContent()) ?? '', /listEntities : Réseau coupé \(une seule fois\)/);
    assert.deepEqual((await faults()).failures, [['listEntities', 'network']]);
    // Reloading asks for the entities at once: the server uses the fault up; the panel sees it.
    await page.reload();
    await showPanel(true);
    await panel().locator('.fault-panel__active').filter({ hasText: 'Latence : 300 ms' }).filter({ hasNotText: 'listEntities' }).waitFor({ timeout: 5000 });
    assert.deepEqual((await faults()).failures, []);
  });

  test('« Session expirée » after a 401: « Se reconnecter » signs in again and the list comes back', T, async () => {
    await open();
    await applyFault('listInvoices', 'unauthorized', true);
    await page.reload();
    await page.locator('#session-banner').waitFor();
    const before = await widget().evaluate((w) => (w as HTMLElement & { token: string }).token);
    await page.getByRole('button', { name: 'Se reconnecter' }).click();
    await page.locator('#session-banner').waitFor({ state: 'hidden' });
    const after = await widget().evaluate((w) => (w as HTMLElement & { token: string }).token);
    assert.notEqual(after, before, 'a new session');
    const entities = await (await fetch(`${demo.api.apiUrl}/entities`, { headers: { Authorization: `Bearer ${after}` } })).json();
    assert.ok(entities.items.length > 1, 'the new token is a valid one, on the « demo » account');
    await widget().getByRole('button', { name: /Réessayer/ }).first().click();
    await widget().locator('akto-invoice-list tbody tr:not(.skeleton)').first().waitFor();
  });

  test('« Compte avec une seule entité » signs in as kavkaz, and back; faults are removed, delays kept', T, async () => {
    await open();
    await setFaults({ latencyMs: 300 });
    await applyFault('getDossier', 'timeout');
    await showPanel(true);
    await panel().getByLabel('Compte avec une seule entité').check();
    await panel().getByRole('status').filter({ hasText: 'Compte avec une seule entité (SIREN 819109976).' }).waitFor();
    const token = await widget().evaluate((w) => (w as HTMLElement & { token: string }).token);
    const entities = await (await fetch(`${demo.api.apiUrl}/entities`, { headers: { Authorization: `Bearer ${token}` } })).json();
    assert.deepEqual(entities.items.map((e: { siren: string }) => e.siren), ['819109976']);
    const snapshot = await faults();
    assert.deepEqual(snapshot.failures, []);
    assert.equal(snapshot.latencyMs, 300, 'the latency is kept');

    // The account survives a reload, as the server's data does.
    await page.reload();
    await panel().locator('.fault-panel__active').filter({ hasText: 'Une seule entité' }).waitFor();
    await showPanel(true);
    await panel().getByLabel('Compte avec une seule entité').uncheck();
    await panel().getByRole('status').filter({ hasText: 'Compte avec toutes les entités fictives.' }).waitFor();
  });

  test('says clearly when the server cannot be reached', T, async () => {
    await open();
    await page.locator('#akto akto-invoice-list tbody tr:not(.skeleton)').first().waitFor();
    await demo.api.close();
    await showPanel(true);
    await panel().getByRole('button', { name: 'Appliquer' }).click();
    await panel().getByRole('status').filter({ hasText: /ne répond pas : vérifiez que « npm start » tourne toujours/ }).waitFor();
    assert.equal(await panel().getAttribute('unreachable'), '');
  });

  test('after a restart on the same data folder, the deposit is still there; « --reset » empties it', T, async () => {
    await demo.close();
    demo = await startDemo({ port: 0, apiPort: 0, dataDir, log: quiet });
    await open();
    assert.match(await findInvoice(NUMBER), /En cours d'analyse/, 'kept across restarts');
    assert.deepEqual(await faults(), { latencyMs: 0, uploadLatencyMs: 0, failures: [] }, 'faults are not kept');

    await demo.close();
    demo = await startDemo({ port: 0, apiPort: 0, dataDir, reset: true, log: quiet });
    await open();
    const list = widget().locator('akto-invoice-list');
    await list.getByLabel('Rechercher', { exact: true }).fill(NUMBER);
    await list.getByLabel('Rechercher', { exact: true }).press('Enter');
    await list.getByText('Aucune facture ne correspond à votre recherche.').waitFor();
  });

  test('« Tout réinitialiser » puts the seed back on the server and the page signs in again', T, async () => {
    await open();
    await applyFault('*', 'malformed');
    await showPanel(true);
    await panel().getByRole('button', { name: 'Tout réinitialiser' }).click();
    await panel().getByRole('status').filter({ hasText: 'Tout est réinitialisé' }).waitFor();
    assert.deepEqual(await faults(), { latencyMs: 0, uploadLatencyMs: 0, failures: [] });
    await widget().locator('akto-invoice-list tbody tr:not(.skeleton)').first().waitFor();
  });
});
