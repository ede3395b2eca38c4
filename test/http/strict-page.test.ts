/**
 * The README's strict-page advice, proven: a partner page served with exactly the
 * Content-Security-Policy the README gives (read from the README), loading the built single
 * script, completes a deposit against the real server — steps 1 and 2, the PDF preview drawn —
 * with not one CSP or Trusted Types violation and not one page error. And a page that refuses
 * the widget's own policy still deposits, with drag and drop off.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { readmeStrictCsp } from '../../scripts/lib/strict-csp.mjs';
import { KAVKAZ, ROOT, browserPerFile, chooseFiles, invoiceRow, mount, openPage, preload, rows, signIn, startApi, startPages, tickDerogation } from './helpers.js';

const NAME = 'FACTURE KHATIB NABIL.pdf';
const browser = browserPerFile();

/**
 * A partner page under `csp`, the API behind the same origin (connect-src 'self', as the README's
 * policy assumes), violations recorded from the first script on (a policy refused while the
 * script loads counts too), signed in, the sample ready to choose.
 */
async function strictPage(t: TestContext, csp: string) {
  const api = await startApi();
  const pages = await startPages({ proxyTo: api.url, csp });
  t.after(() => Promise.all([pages.close(), api.close()]));
  pages.serve(NAME, join(ROOT, 'demo/samples', NAME));
  const token = await signIn(api.apiUrl);
  const tab = await openPage(browser(), pages.origin, {
    initScript: `globalThis.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => globalThis.violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));`,
  });
  await preload(tab.page, [NAME]);
  const violations = () => tab.page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations);
  return { ...tab, api, apiBase: `${pages.origin}/api`, token, violations };
}

/** Chooses the sample in step 1, waits for its upload and ticks its derogation. */
async function chooseSample(page: Awaited<ReturnType<typeof strictPage>>['page']): Promise<void> {
  await chooseFiles(page, [NAME]);
  await invoiceRow(page, NAME).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
  await tickDerogation(page, NAME);
  await page.locator('akto-invoice-upload [part="send"]').click({ timeout: 30_000 });
}

test('the README’s Content-Security-Policy, word for word: the single script deposits and validates an invoice with no violation', { timeout: 180_000 }, async (t) => {
  const csp = readmeStrictCsp();
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.match(csp, /trusted-types [^;]+/, 'the policy restricts Trusted Types policy names');
  const { page, context, errors, api, apiBase, token, violations } = await strictPage(t, csp);
  try {
    const served = await page.evaluate(() => fetch('/', { cache: 'no-store' }).then((r) => r.headers.get('Content-Security-Policy')));
    assert.equal(served, csp);
    await mount(page, 'akto-invoice-deposit', { 'api-base': apiBase, entity: KAVKAZ }, { token });
    await chooseSample(page);
    await page.locator('akto-invoice-validate tbody tr').first().waitFor({ timeout: 60_000 });
    await page.locator('akto-pdf-preview canvas:not([hidden])').waitFor({ timeout: 60_000 });
    await page.locator('akto-invoice-validate tbody').getByRole('button', { name: /^Valider/ }).first().click({ timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('akto-invoice-deposit') as HTMLElement & { step: string }).step === 'done', null, { timeout: 60_000 });
    assert.deepEqual(await violations(), [], 'CSP and Trusted Types violations');
    assert.deepEqual(errors, [], 'page errors');
  } finally {
    await context.close();
  }
  const validated = await rows<{ reference: string }>(api.storage, "SELECT summary->>'reference' AS reference FROM invoice_rows WHERE summary->>'reference' = $1", ['2025-0387']);
  assert.equal(validated.length, 1, 'the invoice is on the server, validated');
});

test('a page that refuses the widget’s own policy: drag and drop is off, the button still uploads, one violation and no error', { timeout: 180_000 }, async (t) => {
  // The README's policy without `akto-invoice-widget` in trusted-types: Lit's policy only.
  const csp = readmeStrictCsp().replace(/trusted-types [^;]+/, 'trusted-types lit-html');
  const { page, context, errors, apiBase, token, violations } = await strictPage(t, csp);
  try {
    await mount(page, 'akto-invoice-upload', { 'api-base': apiBase, entity: KAVKAZ }, { token });
    await chooseFiles(page, [NAME]);
    await invoiceRow(page, NAME).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    assert.equal((await page.locator('akto-invoice-upload #drop-label').textContent())?.trim(), 'Cliquez pour sélectionner des fichiers', 'the zone does not offer to drop files');
    assert.ok(!(await invoiceRow(page, NAME).locator('.dropzone .hint').textContent())?.includes('glissez'), 'nor do the supporting documents’ zones');
    await tickDerogation(page, NAME);
    await page.locator('akto-invoice-upload [part="send"]').click({ timeout: 30_000 }); // several renders: a refused policy must not be asked for again at each
    await page.locator('akto-invoice-upload .notice.success').waitFor({ timeout: 60_000 });
    // Files dragged into the page would attach FilePond where drag and drop is on.
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.7'], 'dragged.pdf', { type: 'application/pdf' }));
      document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
    });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('akto-invoice-upload .filepond--root').count(), 0, 'no FilePond: drag and drop is off');
    const seen = await violations();
    t.diagnostic(`violations: ${JSON.stringify(seen)}`);
    assert.ok(seen.length <= 1, `the refused policy is asked for once at most, not at each render: ${seen.join(' · ')}`);
    assert.ok(seen.every((v) => v.startsWith('trusted-types')), 'only the refused policy name');
    assert.deepEqual(errors, [], 'no page error, no unhandled rejection');
  } finally {
    await context.close();
  }
});
