/**
 * The README's strict-page advice, proven: a partner page served with exactly the
 * Content-Security-Policy the README gives (read from the README), loading the built single
 * script, completes a deposit against the real server — steps 1 and 2, the PDF preview drawn —
 * with not one CSP or Trusted Types violation and not one page error.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { readmeStrictCsp } from '../../scripts/lib/strict-csp.mjs';
import { KAVKAZ, ROOT, chooseFiles, ensureBuilt, invoiceRow, launch, mount, openPage, preload, rows, signIn, startApi, startPages, tickDerogation } from './helpers.js';
import { join } from 'node:path';

const NAME = 'FACTURE KHATIB NABIL.pdf';
let browser: Browser;

before(async () => {
  await ensureBuilt();
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the README’s Content-Security-Policy, word for word: the single script deposits and validates an invoice with no violation', { timeout: 180_000 }, async (t) => {
  const csp = readmeStrictCsp();
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.match(csp, /trusted-types [^;]+/, 'the policy restricts Trusted Types policy names');
  const api = await startApi();
  // One origin for the page and the API (connect-src 'self'), as the README's policy assumes.
  const pages = await startPages({ proxyTo: api.url, csp });
  t.after(() => Promise.all([pages.close(), api.close()]));
  pages.serve(NAME, join(ROOT, 'demo/samples', NAME));
  const token = await signIn(api.apiUrl);
  // Violations recorded from the first script on: a policy refused while the script loads counts too.
  const { page, context, errors } = await openPage(browser, pages.origin, {
    initScript: `globalThis.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => globalThis.violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));`,
  });
  try {
    const served = await page.evaluate(() => fetch('/', { cache: 'no-store' }).then((r) => r.headers.get('Content-Security-Policy')));
    assert.equal(served, csp);
    await preload(page, [NAME]);
    await mount(page, 'akto-invoice-deposit', { 'api-base': `${pages.origin}/api`, entity: KAVKAZ }, { token });
    await chooseFiles(page, [NAME]);
    await invoiceRow(page, NAME).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    await tickDerogation(page, NAME);
    await page.locator('akto-invoice-upload [part="send"]').click({ timeout: 30_000 });
    await page.locator('akto-invoice-validate tbody tr').first().waitFor({ timeout: 60_000 });
    await page.locator('akto-pdf-preview canvas:not([hidden])').waitFor({ timeout: 60_000 });
    await page.locator('akto-invoice-validate tbody').getByRole('button', { name: /^Valider/ }).first().click({ timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('akto-invoice-deposit') as HTMLElement & { step: string }).step === 'done', null, { timeout: 60_000 });
    const violations = await page.evaluate(() => (globalThis as unknown as { violations?: string[] }).violations ?? []);
    assert.deepEqual(violations, [], 'CSP and Trusted Types violations');
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
  const api = await startApi();
  const pages = await startPages({ proxyTo: api.url, csp });
  t.after(() => Promise.all([pages.close(), api.close()]));
  pages.serve(NAME, join(ROOT, 'demo/samples', NAME));
  const token = await signIn(api.apiUrl);
  const { page, context, errors } = await openPage(browser, pages.origin, {
    initScript: `globalThis.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => globalThis.violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));`,
  });
  try {
    await preload(page, [NAME]);
    await mount(page, 'akto-invoice-upload', { 'api-base': `${pages.origin}/api`, entity: KAVKAZ }, { token });
    await chooseFiles(page, [NAME]);
    await invoiceRow(page, NAME).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    await tickDerogation(page, NAME); // more renders: a refused policy must not be asked for again at each
    await page.locator('akto-invoice-upload [part="send"]').click({ timeout: 30_000 });
    await page.locator('akto-invoice-upload .notice.success').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('akto-invoice-upload .filepond--root').count(), 0, 'no FilePond: drag and drop is off');
    const violations = await page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations);
    t.diagnostic(`violations: ${JSON.stringify(violations)}`);
    assert.ok(violations.length <= 1, `the refused policy is asked for once at most, not at each render: ${violations.join(' · ')}`);
    assert.ok(violations.every((v) => v.startsWith('trusted-types')), 'only the refused policy name');
    assert.deepEqual(errors, [], 'no page error, no unhandled rejection');
  } finally {
    await context.close();
  }
});
