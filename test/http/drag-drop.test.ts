/**
 * Files dragged from the desktop onto step 1, as Chromium itself delivers them (its own drag
 * events, from CDP's `Input.dispatchDragEvent` with real file paths: the files are only readable
 * on the drop, as in a real drag), on the built single script against the reference server.
 * FilePond's module is imported on the first drag into the page; it is held back here until the
 * first drop is over, as on a slow link, and that drop is a folder.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import type { CDPSession } from 'playwright-core';
import { KAVKAZ, ROOT, SAMPLE, browserPerFile, invoiceRow, mount, openPage, signIn, startApi, startPages } from './helpers.js';

const SUPPORTING = join(ROOT, 'demo/samples/facture-2606-calcul-mental.pdf');
const browser = browserPerFile();

/** A drag from outside the window straight onto a point, then the drop there. */
async function dragFrom(cdp: CDPSession, files: string[], at: { x: number; y: number }): Promise<void> {
  const data = { items: [], files, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
}

const centre = (box: { x: number; y: number; width: number; height: number } | null) => ({ x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });

test('a folder dropped straight onto step 1 before FilePond is there is read through and its invoice uploaded, and the page stays; FilePond takes the next drops', { timeout: 120_000 }, async (t) => {
  const api = await startApi();
  const pages = await startPages({ proxyTo: api.url });
  t.after(() => Promise.all([pages.close(), api.close()]));
  const token = await signIn(api.apiUrl);
  const { context, page, cdp, errors } = await openPage(browser(), pages.origin);
  try {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    await page.route(/\/dist\/chunks\/filepond-drop[^/]*\.js$/, async (route) => {
      asked.push(route.request().url());
      await held;
      await route.continue();
    });
    await mount(page, 'akto-invoice-upload', { 'api-base': `${pages.origin}/api`, entity: KAVKAZ }, { token });
    const zone = page.locator('akto-invoice-upload .dropzone[data-kind="invoice"]');
    await zone.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    assert.equal(asked.length, 0, 'FilePond is not imported before files are dragged into the page');
    const url = page.url();

    // A folder, the invoice in a folder inside it: read through, as FilePond would.
    const folder = mkdtempSync(join(tmpdir(), 'akto-drop-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    mkdirSync(join(folder, 'janvier'));
    copyFileSync(SAMPLE, join(folder, 'janvier', basename(SAMPLE)));
    await dragFrom(cdp, [folder], centre(await zone.boundingBox()));
    const name = basename(SAMPLE);
    await invoiceRow(page, name).locator('.file .state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('akto-invoice-upload .refusals').count(), 0, 'nothing refused (the folder itself is not a file)');
    assert.equal(page.url(), url, 'the browser did not open the file in place of the page');
    assert.equal(asked.length, 1, 'the drag asked for FilePond');
    assert.equal(await page.locator('akto-invoice-upload .filepond--root').count(), 0, 'FilePond still held back: the drop was taken without it');

    release();
    await page.locator('akto-invoice-upload .filepond--root').waitFor({ state: 'attached', timeout: 30_000 });
    await dragFrom(cdp, [SUPPORTING], centre(await invoiceRow(page, name).locator('.dropzone.small .hint').boundingBox()));
    await invoiceRow(page, name).locator('.supporting li .state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    assert.equal(await invoiceRow(page, name).locator('.supporting li .name').textContent(), 'facture-2606-calcul-mental.pdf');
    assert.equal(await page.locator('akto-invoice-upload li.invoice').count(), 1, 'the supporting document went to the row, not to the invoices');
    assert.equal(page.url(), url);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
