/**
 * « Envoyer les documents » reaches the server, which makes the deposit, but its answer never
 * reaches the page; the user reloads, takes the draft back (« Reprendre le dépôt ») and sends
 * again. Over a real server and database: the files upload again under the keys the draft kept,
 * the server gives back the same uploads and replays the deposit it made, so there is one
 * deposit and each file is stored once.
 *
 * The answer is lost with Playwright's routing: the request goes on to the server as it was sent
 * (`route.fetch`), then the browser's own request is reset.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KAVKAZ, type Rig, chooseFiles, invoiceRow, mount, network, openPage, preload, rows, startRig, until } from './helpers.js';

const NAME = 'facture-reponse-perdue.pdf';
let rig: Rig;

before(async () => {
  rig = await startRig(NAME, 150_000);
});

after(async () => {
  await rig?.close();
});

test('a deposit whose answer was lost, sent again after a reload: one deposit, the file stored once', { timeout: 180_000 }, async (t) => {
  const { api, pages, browser, token } = rig;
  const { page, cdp, context, errors } = await openPage(browser, pages.origin);
  // `user`: with a token, a draft is kept only for a named user.
  const attributes = { 'api-base': api.apiUrl, entity: KAVKAZ, user: 'demo' };
  const send = page.locator('akto-invoice-upload [part="send"]');
  /** Uploaded, read and justified: « Envoyer les documents » takes a click (not held while a reading runs). */
  const readyToSend = () => until(async () => (await send.isEnabled()) && (await send.getAttribute('aria-disabled')) === null, 60_000, 'ready to send');
  try {
    await network(cdp, { latency: 100, upload: 512 * 1024 });
    await preload(page, [NAME]);
    await mount(page, 'akto-invoice-upload', attributes, { token });
    await chooseFiles(page, [NAME]);
    await invoiceRow(page, NAME).getByLabel("Pas de pièce justificative nécessaire en tant qu'adhérent").check({ timeout: 30_000 });
    await readyToSend();

    const keys: (string | undefined)[] = [];
    await page.route('**/deposits', async (route) => {
      const first = keys.push(route.request().headers()['idempotency-key']) === 1;
      const answer = await route.fetch(); // the server makes the deposit…
      if (first) {
        t.diagnostic(`first answer, lost: ${answer.status()}`);
        await route.abort('connectionreset'); // …and its answer never comes
      } else await route.fulfill({ response: answer });
    });
    await send.click();
    await page.locator('akto-invoice-upload .notice.error').waitFor({ timeout: 60_000 });
    assert.equal((await rows(api.storage, 'SELECT id FROM deposits')).length, 1, 'the first send made the deposit');
    await page.waitForTimeout(500); // the draft is written once the change's frame is painted

    await page.reload();
    await page.waitForFunction(() => customElements.get('akto-invoice-list') !== undefined); // the script is loaded again
    await mount(page, 'akto-invoice-upload', attributes, { token });
    await page.locator('akto-invoice-upload .notice.draft').getByRole('button', { name: 'Reprendre le dépôt' }).click({ timeout: 30_000 });
    await invoiceRow(page, NAME).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    await readyToSend();
    await send.click();
    await page.locator('akto-invoice-upload .notice', { hasText: '1 facture envoyée' }).waitFor({ timeout: 60_000 });

    assert.equal(keys.length, 2);
    assert.equal(keys[1], keys[0], 'the same request, under the same key');
    assert.equal((await rows(api.storage, 'SELECT id FROM deposits')).length, 1, 'one deposit');
    assert.equal((await rows(api.storage, 'SELECT id FROM uploads WHERE name = $1', [NAME])).length, 1, 'the file stored once');
    assert.equal((await rows(api.storage, 'SELECT p.id FROM pending_invoices p JOIN uploads u ON u.id = p.upload_id WHERE u.name = $1', [NAME])).length, 1, 'one pending invoice');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
