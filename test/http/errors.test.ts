/**
 * Answers only a real HTTP stack gives: a 413 from a server whose limit is below the widget's,
 * sent before the body is read, and a reverse proxy's HTML « 502 Bad Gateway » page. Each must
 * reach the user as a clear French message, lose nothing, and let « Réessayer » work.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  KAVKAZ, SAMPLE, type Api, type Pages, chooseFiles, clean, ensureBuilt, invoiceRow, launch, makePdf, mount, network, openPage, preload, rows, signIn, startApi, startPages, stateOf, tickDerogation,
} from './helpers.js';

const BIG = 'facture-2mo.pdf';
const SMALL = 'facture-petite.pdf';
let browser: Browser;
let bigPdf: string;

before(async () => {
  await ensureBuilt();
  [browser, bigPdf] = await Promise.all([launch(), makePdf(BIG, 2_000_000)]);
});

after(async () => {
  await browser?.close();
});

test('413: a server that takes 1 MB, a widget that takes 10 MB — a clear message on the row, nothing lost', { timeout: 120_000 }, async (t) => {
  const [api, pages] = await Promise.all([startApi({ maxUploadBytes: 1_000_000 }), startPages()]);
  t.after(() => Promise.all([pages.close(), api.close()]));
  pages.serve(BIG, bigPdf);
  pages.serve(SMALL, SAMPLE);
  const token = await signIn(api.apiUrl);
  const { page, context, errors, cdp } = await openPage(browser, pages.origin);
  try {
    await preload(page, [BIG, SMALL]);
    await mount(page, 'akto-invoice-upload', { 'api-base': api.apiUrl, entity: KAVKAZ }, { token });
    await page.locator('akto-invoice-upload #invoices').waitFor({ state: 'attached', timeout: 30_000 });
    await network(cdp, { latency: 100, upload: 1_000_000 });
    await chooseFiles(page, [BIG, SMALL]);
    await tickDerogation(page, BIG);
    const retry = invoiceRow(page, BIG).getByRole('button', { name: `Réessayer le chargement de ${BIG}` });
    await retry.waitFor({ timeout: 60_000 });
    await invoiceRow(page, SMALL).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    const message = await stateOf(page, BIG);
    t.diagnostic(`server: ${api.logs.filter((l) => l.line.startsWith('POST /api/uploads')).map((l) => l.line).join(' · ')}; row: « ${message} »`);
    assert.equal(message, 'Échec du chargement : Le fichier dépasse la taille maximale de 1 Mo.');
    // Nothing lost: the row, its box, the other invoice.
    assert.equal(await invoiceRow(page, BIG).getByLabel("Pas de pièce justificative nécessaire en tant qu'adhérent").isChecked(), true);
    assert.equal(await page.locator('akto-invoice-upload li.invoice').count(), 2);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const stored = await rows<{ name: string }>(api.storage, 'SELECT name FROM uploads WHERE name = ANY($1::text[])', [[BIG, SMALL]]);
  assert.deepEqual(stored, [{ name: SMALL }]);
});

test('a proxy’s HTML « 502 Bad Gateway »: a clear message on the list and on the upload, « Réessayer » once it passes again', { timeout: 120_000 }, async (t) => {
  const api = await startApi();
  // The page and the API behind one origin, as a partner's nginx serves them.
  const pages = await startPages({ proxyTo: api.url });
  t.after(() => Promise.all([pages.close(), api.close()]));
  pages.serve(SMALL, SAMPLE);
  const token = await signIn(api.apiUrl);
  const apiBase = `${pages.origin}/api`;
  const badGateway = 'Le serveur a rencontré un problème. Réessayez dans un instant. Le serveur a répondu par une erreur 502.';
  const { page, context, errors } = await openPage(browser, pages.origin);
  try {
    await preload(page, [SMALL]);

    pages.badGateway = true;
    await mount(page, 'akto-invoice-list', { 'api-base': apiBase }, { token });
    const failed = page.locator('akto-invoice-list .state.error[role="alert"]');
    await failed.waitFor({ timeout: 30_000 });
    assert.equal(clean(await failed.locator('p').textContent()), badGateway);
    assert.ok(pages.refused.some((r) => r.startsWith('GET /api/invoices')), 'the proxy answered the list');
    pages.badGateway = false;
    await failed.getByRole('button', { name: 'Réessayer' }).click();
    await page.locator('akto-invoice-list td.reference').first().waitFor({ timeout: 30_000 });
    assert.equal(await failed.count(), 0);

    await mount(page, 'akto-invoice-upload', { 'api-base': apiBase, entity: KAVKAZ }, { token });
    await page.locator('akto-invoice-upload #invoices').waitFor({ state: 'attached', timeout: 30_000 });
    pages.badGateway = true;
    await chooseFiles(page, [SMALL]);
    const retry = invoiceRow(page, SMALL).getByRole('button', { name: `Réessayer le chargement de ${SMALL}` });
    await retry.waitFor({ timeout: 60_000 });
    assert.equal(await stateOf(page, SMALL), `Échec du chargement : ${badGateway}`);
    assert.ok(pages.refused.includes('POST /api/uploads'), 'the proxy answered the upload');
    await tickDerogation(page, SMALL);
    pages.badGateway = false;
    await retry.click();
    await invoiceRow(page, SMALL).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    await page.locator('akto-invoice-upload [part="send"]').click({ timeout: 30_000 });
    await page.locator('akto-invoice-upload .notice.success', { hasText: '1 facture envoyée : vérifiez-la et validez-la.' }).waitFor({ timeout: 60_000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const stored = await rows<{ used_by: string | null }>(api.storage, 'SELECT used_by FROM uploads WHERE name = $1', [SMALL]);
  assert.equal(stored.length, 1, 'one upload');
  assert.ok(stored[0]!.used_by, 'deposited');
});
