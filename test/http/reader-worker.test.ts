/**
 * Where pdf.js's worker comes from, on real pages (issue 15): the widget's script on a CDN (another
 * origin than the page), where the worker must be a same-origin `blob:` module importing it; and a
 * page whose CSP refuses every worker, where the reading runs on the page's thread. Either way
 * step 1 reads the credit note before its upload and says so, with no page error.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { readmeStrictCsp } from '../../scripts/lib/strict-csp.mjs';
import { KAVKAZ, ROOT, browserPerFile, chooseFiles, clean, invoiceRow, mount, openPage, preload, signIn, startApi, startPages } from './helpers.js';

const NAME = 'avoir-2607-calcul-mental.pdf';
const READ = 'Avoir détecté dans le document';
const browser = browserPerFile();

/** The page at `origin` (its script from `pages`' own or a CDN), signed in, step 1 mounted, the credit note chosen. */
async function stepOne(t: TestContext, options: { csp?: string; cdn?: boolean }) {
  const api = await startApi();
  const cdn = options.cdn ? await startPages() : undefined;
  const pages = await startPages({ proxyTo: api.url, csp: options.csp, scriptOrigin: cdn?.origin });
  t.after(() => Promise.all([pages.close(), cdn?.close(), api.close()]));
  pages.serve(NAME, join(ROOT, 'demo/samples', NAME));
  const token = await signIn(api.apiUrl);
  const tab = await openPage(browser(), pages.origin, {
    initScript: `globalThis.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => globalThis.violations.push(e.violatedDirective));`,
  });
  t.after(() => tab.context.close());
  const workers: string[] = [];
  tab.page.on('worker', (worker) => workers.push(worker.url()));
  await preload(tab.page, [NAME]);
  await mount(tab.page, 'akto-invoice-upload', { 'api-base': `${pages.origin}/api`, entity: KAVKAZ, user: 'demo' }, { token });
  await chooseFiles(tab.page, [NAME]);
  const note = invoiceRow(tab.page, NAME).locator('.row-note', { hasText: READ });
  await note.waitFor({ timeout: 60_000 });
  await invoiceRow(tab.page, NAME).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
  const violations = await tab.page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations);
  return { ...tab, pages, cdn, workers, violations, note: clean(await note.textContent()) };
}

test('the script on a CDN: pdf.js reads in a same-origin blob: worker that imports it', { timeout: 180_000 }, async (t) => {
  const { page, pages, cdn, workers, errors, note } = await stepOne(t, { cdn: true });
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
  assert.ok(scripts.some((src) => src.startsWith(`${cdn!.origin}/dist/`)), `the script comes from the CDN: ${scripts.join(', ')}`);
  assert.notEqual(cdn!.origin, pages.origin);
  assert.ok(workers.some((url) => url.startsWith(`blob:${pages.origin}/`)), `a blob: worker of the page's origin: ${workers.join(', ') || 'none'}`);
  assert.match(note, new RegExp(READ));
  assert.deepEqual(errors, []);
});

test('a page whose CSP refuses workers: the reading runs on the page’s thread, and still reads', { timeout: 180_000 }, async (t) => {
  const csp = readmeStrictCsp().replace(/worker-src [^;]+/, "worker-src 'none'");
  assert.match(csp, /worker-src 'none'/);
  const { workers, errors, violations, note } = await stepOne(t, { csp });
  assert.deepEqual(workers, [], 'no worker started');
  assert.ok(violations.includes('worker-src'), `the page refused the worker: ${violations.join(', ')}`);
  assert.deepEqual(violations.filter((v) => v !== 'worker-src'), [], 'no other violation');
  assert.match(note, new RegExp(READ));
  assert.deepEqual(errors, []);
});
