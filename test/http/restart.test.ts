/**
 * The server goes down while « Envoyer les documents » is under way and comes back on the same
 * data folder and port: the user's « Réessayer » makes the deposit once, and nothing the server
 * had acknowledged (the uploads) is lost.
 *
 * The server runs as its CLI does (server/main.ts) in a child process, killed with SIGKILL: a
 * crash, with no chance to close PGlite cleanly, is the honest case.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { PgStorage } from '../../server/pg-storage.js';
import {
  KAVKAZ, ROOT, type Pages, chooseFiles, clean, ensureBuilt, freshDataDir, invoiceRow, launch, makePdf, mount, openPage, preload, rows, signIn, startPages, tickDerogation, until,
} from './helpers.js';

const FILES = ['facture-avant-panne-1.pdf', 'facture-avant-panne-2.pdf'];

interface Child {
  process: ChildProcess;
  apiUrl: string;
  port: number;
  output: string[];
}

/** `tsx server/main.ts` in demo mode on a data folder; resolves once it listens. */
async function spawnServer(dataDir: string, port: number): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    // DATABASE_URL emptied: CI sets one for the PostgreSQL suites, and this server must be on its PGlite folder.
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), DATA_DIR: dataDir, DEMO: '1', RATE_LIMITS: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const apiUrl = await until(() => {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output.join('\n')}`);
    return output.map((line) => /^\[akto server\] (http:\/\/\S+\/api) on /.exec(line)?.[1]).find(Boolean);
  }, 60_000, 'the server to listen');
  return { process: child, apiUrl, port: Number(new URL(apiUrl).port), output };
}

/** Stops the server and says how it ended (`0`: closed cleanly, `1`: forced out after 10 s). */
function stop(child: Child, signal: NodeJS.Signals): Promise<string> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return Promise.resolve(`already ended (${child.process.exitCode ?? child.process.signalCode})`);
  return new Promise((resolve) => {
    child.process.once('exit', (code, by) => resolve(`exit ${code ?? by}`));
    child.process.kill(signal);
  });
}

let dataDir: string;
let server: Child | undefined;
let pages: Pages;
let browser: Browser;

before(async () => {
  await ensureBuilt();
  let pdfs: string[];
  [dataDir, pages, browser, pdfs] = await Promise.all([freshDataDir(), startPages(), launch(), Promise.all(FILES.map((name, i) => makePdf(name, 200_000 + i)))]);
  FILES.forEach((name, i) => pages.serve(name, pdfs[i]!));
});

after(async () => {
  if (server) await stop(server, 'SIGKILL');
  await browser?.close();
  await pages?.close();
});

test('the server killed during « Envoyer les documents », restarted on the same data: « Réessayer » deposits once, nothing lost', { timeout: 240_000 }, async (t) => {
  server = await spawnServer(dataDir, 0);
  const { port, apiUrl } = server;
  const token = await signIn(apiUrl);
  const { page, context, errors } = await openPage(browser, pages.origin);
  try {
    await preload(page, FILES);
    await mount(page, 'akto-invoice-deposit', { 'api-base': apiUrl, entity: KAVKAZ }, { token });
    await chooseFiles(page, FILES);
    for (const name of FILES) {
      await tickDerogation(page, name);
      await invoiceRow(page, name).locator('.state', { hasText: /^Chargé$/ }).waitFor({ timeout: 60_000 });
    }
    // Both acknowledged (201), before anything goes wrong.
    await until(() => server!.output.filter((line) => /^POST \/api\/uploads 201 /.test(line)).length === 2, 10_000, 'two 201s in the log');

    // The deposit will hang in the server (the demo's « timeout » fault) until the server dies.
    const put = await fetch(`${apiUrl}/dev/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ failures: [['createDeposit', 'timeout', 1]] }) });
    assert.equal(put.status, 200);
    const depositSent = page.waitForRequest((request) => request.method() === 'POST' && /\/deposits$/.test(request.url()), { timeout: 30_000 });
    await page.locator('akto-invoice-upload [part="send"]').click({ timeout: 30_000 });
    await depositSent;
    await page.locator('akto-invoice-upload .notice.info', { hasText: 'Envoi en cours…' }).waitFor({ timeout: 30_000 });
    await stop(server, 'SIGKILL');

    const failure = page.locator('akto-invoice-upload .notice.error');
    await failure.waitFor({ timeout: 60_000 });
    t.diagnostic(`while the server is down: « ${clean(await failure.locator('p').textContent())} »`);
    assert.equal(clean(await failure.locator('p').textContent()), 'Le serveur est injoignable. Vérifiez votre connexion internet puis réessayez.');
    // Everything the user chose is still on screen.
    for (const name of FILES) assert.equal(clean(await invoiceRow(page, name).locator('.file .state').textContent()), 'Chargé');

    const restartedAt = Date.now();
    server = await spawnServer(dataDir, port);
    t.diagnostic(`restarted on port ${port} in ${Date.now() - restartedAt} ms`);
    await failure.getByRole('button', { name: 'Réessayer' }).click();

    // Step 2 shows both invoices, handed over by the restarted server.
    const validate = page.locator('akto-invoice-deposit akto-invoice-validate');
    for (const name of FILES) await validate.locator('.file-name', { hasText: name }).waitFor({ timeout: 60_000 });

    // A reload asks the server again: the pending invoices are still there.
    await page.reload();
    await page.waitForFunction(() => customElements.get('akto-invoice-list') !== undefined);
    await mount(page, 'akto-invoice-deposit', { 'api-base': apiUrl, entity: KAVKAZ }, { token });
    await page.locator('akto-invoice-deposit').getByRole('button', { name: 'Les valider maintenant' }).click({ timeout: 30_000 });
    for (const name of FILES) await validate.locator('.file-name', { hasText: name }).waitFor({ timeout: 60_000 });
    assert.deepEqual(errors, []);
  } catch (error) {
    // What the server said is the first thing to read when this fails on a busy machine.
    t.diagnostic(`server output:\n${server.output.slice(-40).join('\n')}`);
    throw error;
  } finally {
    await context.close();
  }

  // The database, read once the server is stopped (PGlite has one process at a time).
  const ended = await stop(server, 'SIGTERM');
  const storage = await PgStorage.open({ dataDir });
  try {
    t.diagnostic(`the restarted server: ${ended}`);
    const uploads = await rows<{ id: string; name: string; used_by: string | null }>(storage, 'SELECT id, name, used_by FROM uploads WHERE name = ANY($1::text[]) ORDER BY name', [FILES]);
    assert.deepEqual(uploads.map((u) => u.name), FILES, 'each upload kept, once');
    const deposits = await rows<{ id: string }>(storage, 'SELECT id FROM deposits');
    assert.equal(deposits.length, 1, 'one deposit');
    assert.ok(uploads.every((u) => u.used_by === deposits[0]!.id), 'both uploads used by that deposit');
    for (const upload of uploads) assert.ok(await storage.readFile(upload.id), `the bytes of ${upload.name} on disk`);
    const pending = await rows(storage, 'SELECT upload_id FROM pending_invoices WHERE deposit_id = $1 ORDER BY upload_id', [deposits[0]!.id]);
    assert.deepEqual(pending, uploads.map((u) => ({ upload_id: u.id })).sort((a, b) => a.upload_id.localeCompare(b.upload_id)));
  } catch (error) {
    t.diagnostic(`the restarted server's last lines:\n${server.output.slice(-40).join('\n')}`);
    throw error;
  } finally {
    await storage.close();
  }
});
