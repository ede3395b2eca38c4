/**
 * A partner page on one origin, the API on another (two ports of 127.0.0.1): CORS, preflights,
 * a bearer token, session cookies — what the in-page mock, on the page's own origin, never meets.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  KAVKAZ, SAMPLE, type Api, type Pages, chooseFiles, clean, ensureBuilt, invoiceRow, launch, mount, openPage, preload, rows, signIn, startApi, startPages, tickDerogation,
} from './helpers.js';

const NAME = 'facture-partenaire.pdf';
let api: Api;
let partner: Pages;
let stranger: Pages;
let browser: Browser;

before(async () => {
  await ensureBuilt();
  [partner, stranger, browser] = await Promise.all([startPages(), startPages(), launch()]);
  partner.serve(NAME, SAMPLE);
  // Only the partner's origin may call; the stranger's page is on another port, so another origin.
  api = await startApi({ corsOrigins: [partner.origin] });
});

after(async () => {
  await browser?.close();
  await Promise.all([partner?.close(), stranger?.close()]);
  await api?.close();
});

/** « Liste de mes factures » as the user sees it: the references and the footer's total. */
async function loadedList(page: Page) {
  const list = page.locator('akto-invoice-list');
  await list.locator('td.reference').first().waitFor({ timeout: 30_000 });
  const references = (await list.locator('td.reference').allTextContents()).map(clean);
  const total = Number(clean(await list.locator('.footer > span').first().textContent()).replace(/\D/g, ''));
  return { references, total };
}

/** What the server holds for the demo account (every seeded entity): the list must show the same. */
async function serverInvoices() {
  const all = await rows<{ reference: string }>(api.storage, "SELECT summary->>'reference' AS reference FROM invoice_rows");
  return { references: new Set(all.map((r) => r.reference)), total: all.length };
}

test('another origin with a bearer token: the list loads and a deposit goes through', { timeout: 120_000 }, async () => {
  const token = await signIn(api.apiUrl);
  const { page, context, errors } = await openPage(browser, partner.origin);
  try {
    assert.notEqual(new URL(partner.origin).port, String(api.port));
    await mount(page, 'akto-invoice-list', { 'api-base': api.apiUrl }, { token });
    const shown = await loadedList(page);
    const held = await serverInvoices();
    assert.equal(shown.references.length, 20);
    assert.ok(shown.references.every((r) => held.references.has(r)), 'the rows are the server’s invoices');
    assert.equal(shown.total, held.total);

    await preload(page, [NAME]);
    await mount(page, 'akto-invoice-upload', { 'api-base': api.apiUrl, entity: KAVKAZ }, { token });
    await chooseFiles(page, [NAME]);
    await tickDerogation(page, NAME);
    await invoiceRow(page, NAME).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    await page.locator('akto-invoice-upload [part="send"]').click({ timeout: 30_000 });
    await page.locator('akto-invoice-upload .notice.success', { hasText: '1 facture envoyée : vérifiez-la et validez-la.' }).waitFor({ timeout: 60_000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const used = await rows<{ used_by: string | null }>(api.storage, 'SELECT used_by FROM uploads WHERE name = $1', [NAME]);
  assert.equal(used.length, 1);
  assert.ok(used[0]!.used_by, 'deposited');
});

test('another origin with cookies: signed in by the page, the list loads with credentials="include" and no token', { timeout: 120_000 }, async () => {
  const { page, context, errors } = await openPage(browser, partner.origin);
  try {
    const status = await page.evaluate(async (apiUrl) => {
      const response = await fetch(`${apiUrl}/dev/sign-in`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ account: 'demo' }) });
      return response.status;
    }, api.apiUrl);
    assert.equal(status, 200);

    const listRequest = page.waitForRequest((request) => request.method() === 'GET' && request.url().startsWith(`${api.apiUrl}/invoices`), { timeout: 30_000 });
    await mount(page, 'akto-invoice-list', { 'api-base': api.apiUrl, credentials: 'include' });
    const headers = await (await listRequest).allHeaders();
    assert.equal(headers.authorization, undefined, 'no token');
    assert.match(headers.cookie ?? '', /(^|; )akto_session=/, 'the session cookie');

    const shown = await loadedList(page);
    const held = await serverInvoices();
    assert.equal(shown.references.length, 20);
    assert.ok(shown.references.every((r) => held.references.has(r)));
    assert.equal(shown.total, held.total);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an origin not in corsOrigins is refused: the list shows its error state, in French', { timeout: 120_000 }, async () => {
  const token = await signIn(api.apiUrl);
  const { page, context } = await openPage(browser, stranger.origin);
  try {
    const served = api.logs.length;
    await mount(page, 'akto-invoice-list', { 'api-base': api.apiUrl }, { token });
    const error = page.locator('akto-invoice-list .state.error[role="alert"]');
    await error.waitFor({ timeout: 30_000 });
    // The browser hides why (CORS): to the page it is a network failure, and the list says so.
    assert.equal(clean(await error.locator('p').textContent()), 'Le serveur est injoignable. Vérifiez votre connexion internet puis réessayez.');
    assert.equal(clean(await error.getByRole('button').textContent()), 'Réessayer');
    assert.equal(await page.locator('akto-invoice-list td.reference').count(), 0);
    // Only preflights reached the server: it never answered the list itself to that page.
    const lines = api.logs.slice(served).map((l) => l.line);
    assert.ok(lines.some((line) => line.startsWith('OPTIONS /api/invoices ')), lines.join('\n'));
    assert.ok(lines.every((line) => line.startsWith('OPTIONS ')), lines.join('\n'));
  } finally {
    await context.close();
  }
});
