/**
 * The link drops in the middle of an upload: the row says so and offers « Réessayer »; back
 * online, the retry and the deposit go through, and the server ends up with the file once, in
 * one deposit — never a half file, never twice.
 *
 * The browser talks to the server through a TCP relay (startLink): the cut resets its
 * connections, then Chromium is switched offline as well. Offline emulation alone lets an upload
 * under way finish (it releases the throttled body at once), so it cannot cut one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import {
  KAVKAZ, type Link, type Rig, chooseFiles, clean, invoiceRow, mount, network, openPage, preload, rows, startLink, startRig, stateOf, tickDerogation, until,
} from './helpers.js';

const NAME = 'facture-coupure.pdf';
const SIZE = 3_000_000;
let link: Link;

let rig: Rig;
before(async () => {
  rig = await startRig(NAME, SIZE);
  link = await startLink(rig.api.url);
});

after(async () => {
  await link?.close();
  await rig?.close();
});

test('a link cut mid-upload: « Réessayer », then one upload in one deposit', { timeout: 180_000 }, async (t) => {
  const { api, pages, browser, token, file: pdf } = rig;
  const { page, cdp, context, errors } = await openPage(browser, pages.origin);
  try {
    await preload(page, [NAME]);
    await mount(page, 'akto-invoice-upload', { 'api-base': `${link.url}/api`, entity: KAVKAZ }, { token });
    await page.locator('akto-invoice-upload #invoices').waitFor({ state: 'attached', timeout: 30_000 });
    // 3 MB at 256 KB/s: about 12 s, time enough to cut it in the middle.
    await network(cdp, { latency: 100, upload: 256 * 1024 });
    await chooseFiles(page, [NAME]);
    const cutAt = await until(async () => {
      const percent = Number(/^Chargement… (\d+) %$/.exec(await stateOf(page, NAME))?.[1] ?? 0);
      return percent >= 20 && percent;
    }, 60_000, 'the upload to pass 20 %');
    link.cut();
    await network(cdp, { offline: true, latency: 100, upload: 256 * 1024 });

    const row = invoiceRow(page, NAME);
    const retry = row.getByRole('button', { name: `Réessayer le chargement de ${NAME}` });
    await retry.waitFor({ timeout: 60_000 });
    const failure = await stateOf(page, NAME);
    t.diagnostic(`cut at ${cutAt} %: « ${failure} »`);
    assert.equal(failure, 'Échec du chargement : Le serveur est injoignable. Vérifiez votre connexion internet puis réessayez.');
    assert.equal(clean(await retry.textContent()), 'Réessayer');
    assert.deepEqual(await rows(api.storage, 'SELECT id FROM uploads WHERE name = $1', [NAME]), [], 'no half file kept');

    // The user ticks the derogation meanwhile; it must survive the retry.
    await tickDerogation(page, NAME);
    link.restore();
    await network(cdp, { latency: 100, upload: 1_000_000 });
    await retry.click();
    await row.locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    const send = page.locator('akto-invoice-upload [part="send"]');
    await send.click({ timeout: 30_000 });
    await page.locator('akto-invoice-upload .notice.success', { hasText: '1 facture envoyée : vérifiez-la et validez-la.' }).waitFor({ timeout: 60_000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  // Exactly one upload of the file, whole, used by exactly one deposit that holds it once.
  const uploads = await rows<{ id: string; size: number; used_by: string | null }>(api.storage, 'SELECT id, size, used_by FROM uploads WHERE name = $1', [NAME]);
  assert.equal(uploads.length, 1, 'one upload of the file');
  const [upload] = uploads;
  assert.equal(upload!.size, SIZE);
  assert.deepEqual(Buffer.from((await api.storage.readFile(upload!.id))!), readFileSync(pdf));
  assert.ok(upload!.used_by, 'the upload is used by a deposit');
  assert.deepEqual(await rows(api.storage, 'SELECT id FROM deposits'), [{ id: upload!.used_by }], 'one deposit');
  const pending = await rows<{ deposit_id: string }>(api.storage, 'SELECT deposit_id FROM pending_invoices WHERE upload_id = $1', [upload!.id]);
  assert.deepEqual(pending, [{ deposit_id: upload!.used_by }], 'one pending invoice for it');
});
