/**
 * The largest invoice the widget accepts through a slow uplink: it takes minutes, far beyond the
 * 30 s timeout, and must still arrive, because that timeout is about inactivity (a window with
 * no byte moved), not the whole upload.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  KAVKAZ, type Rig, chooseFiles, invoiceRow, mount, network, openPage, preload, recorded, recordStates, rows, startRig,
} from './helpers.js';

const SIZE = 10_000_000; // the element's default max-size, 10 MB
const NAME = 'facture-10mo.pdf';

let rig: Rig;
before(async () => {
  rig = await startRig(NAME, SIZE);
});

after(() => rig?.close());

test('10 MB through a 64 KB/s uplink reaches « Chargé », and the server holds the whole file', { timeout: 400_000 }, async (t) => {
  const { api, pages, browser, token, file: pdf } = rig;
  assert.equal(statSync(pdf).size, SIZE);
  const { page, cdp, context, errors } = await openPage(browser, pages.origin);
  try {
    await preload(page, [NAME]);
    await mount(page, 'akto-invoice-upload', { 'api-base': api.apiUrl, entity: KAVKAZ }, { token });
    await page.locator('akto-invoice-upload #invoices').waitFor({ state: 'attached', timeout: 30_000 });
    await network(cdp, { latency: 100, upload: 64 * 1024 });
    await recordStates(page, NAME);
    await chooseFiles(page, [NAME]);
    // ~153 s at 64 KiB/s, more on a loaded machine.
    await invoiceRow(page, NAME).locator('.state', { hasText: /^Chargé$|Échec/ }).waitFor({ timeout: 360_000 });
    const states = await recorded(page);
    const started = states.find((s) => s.text.startsWith('Chargement'))!;
    const last = states.at(-1)!;
    t.diagnostic(`10 MB at 64 KB/s: « Chargement… » → « ${last.text} » in ${((last.at - started.at) / 1000).toFixed(1)} s; ${states.length} states`);
    assert.equal(last.text, 'Chargé');
    assert.ok(last.at - started.at > 120_000, 'the throttling was applied (10 MB cannot pass 64 KB/s in under 2 minutes)');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  // Exactly the file's bytes, on disk.
  const stored = await rows<{ id: string; size: number }>(api.storage, 'SELECT id, size FROM uploads WHERE name = $1', [NAME]);
  assert.equal(stored.length, 1);
  assert.equal(stored[0]!.size, SIZE);
  const onDisk = readFileSync(join(api.dataDir, 'files', stored[0]!.id));
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  assert.equal(onDisk.length, SIZE);
  assert.equal(sha(onDisk), sha(readFileSync(pdf)));
});
