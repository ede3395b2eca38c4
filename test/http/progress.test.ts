/**
 * Upload progress over a real, throttled uplink: the in-page mock (MSW's service worker) sends no
 * upload progress events at all, so only a real server shows the bar moving, and the time from
 * the server's 201 to « Chargé ».
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import {
  KAVKAZ, type Rig, chooseFiles, median, mount, network, openPage, preload, recorded, recordStates, rows, startRig,
} from './helpers.js';

const SIZE = 3_000_000;

let rig: Rig;
before(async () => {
  rig = await startRig('facture-3mo.pdf', SIZE, { demo: true });
});

after(() => rig?.close());

/**
 * Uploads one 3 MB invoice through 1 MB/s + 100 ms and returns what the row showed, with the
 * page's clock, and when the server's 201 was ready, with the server's (the same machine's clock).
 */
async function uploadThrottled(name: string) {
  const { api, pages, browser, token, file: pdf } = rig;
  pages.serve(name, pdf);
  const { page, cdp, context, errors } = await openPage(browser, pages.origin);
  try {
    await preload(page, [name]);
    await mount(page, 'akto-invoice-upload', { 'api-base': api.apiUrl, entity: KAVKAZ }, { token });
    await page.locator('akto-invoice-upload #invoices').waitFor({ state: 'attached', timeout: 30_000 });
    await network(cdp, { latency: 100, upload: 1_000_000 });
    await recordStates(page, name);
    const logsBefore = api.logs.length;
    await chooseFiles(page, [name]);
    await page.locator('akto-invoice-upload li.invoice .state', { hasText: 'Chargé' }).waitFor({ timeout: 60_000 });
    const states = await recorded(page);
    const answered = api.logs.slice(logsBefore).find((l) => /^POST \/api\/uploads 201 /.test(l.line));
    assert.ok(answered, 'the server answered 201');
    assert.deepEqual(errors, []);
    return { states, answered };
  } finally {
    await context.close();
  }
}

test('a 3 MB upload through 1 MB/s + 100 ms: the bar moves, then « Chargé » within 1 s of the 201 (5 runs)', { timeout: 300_000 }, async (t) => {
  const { api } = rig;
  const delays: number[] = [];
  for (let run = 1; run <= 5; run++) {
    const name = `facture-3mo-${run}.pdf`;
    const { states, answered } = await uploadThrottled(name);
    const percents = states.map((s) => /^Chargement… (\d+) %$/.exec(s.text)).filter((m) => m !== null).map((m) => Number(m[1]));
    const between = new Set(percents.filter((p) => p > 0 && p < 100));
    const loaded = states.find((s) => s.text === 'Chargé');
    t.diagnostic(`run ${run}: ${between.size} values between 0 and 100 % (${[...between].join(', ')}); server: ${answered.line}; 201 → « Chargé » ${loaded!.at - answered.at} ms`);

    assert.ok(between.size >= 3, `several intermediate values, got ${[...between].join(', ')}`);
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'the bar never goes back');
    assert.ok(loaded, `the row reads « Chargé » (states: ${states.map((s) => s.text).join(' | ')})`);
    // Throttling was really applied: 3 MB at 1 MB/s cannot be sent in under ~2.5 s.
    const started = states.find((s) => s.text.startsWith('Chargement'))!;
    assert.ok(loaded.at - started.at >= 2500, `the upload took ${loaded.at - started.at} ms`);
    // « Chargé » only once the server said so, and soon after.
    const delay = loaded.at - answered.at;
    assert.ok(delay >= 0, `« Chargé » shown ${-delay} ms before the server's 201`);
    assert.ok(delay <= 1000, `« Chargé » ${delay} ms after the server's 201`);
    delays.push(delay);

    const stored = await rows<{ size: number }>(api.storage, 'SELECT size FROM uploads WHERE name = $1', [name]);
    assert.deepEqual(stored, [{ size: SIZE }]);
  }
  t.diagnostic(`201 → « Chargé », median of 5: ${median(delays)} ms (${delays.join(', ')})`);
});

test('a server slow to answer: « Chargé » waits for its 201, however long after the last byte', { timeout: 120_000 }, async (t) => {
  const { api, browser, file: pdf } = rig;
  // The demo's « slow upload » fault holds the answer 5 s (the body waits in the sockets'
  // buffers meanwhile): the last byte leaves the browser seconds before the 201.
  const put = await fetch(`${api.apiUrl}/dev/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ uploadLatencyMs: 5000 }) });
  assert.equal(put.status, 200);
  try {
    const { states, answered } = await uploadThrottled('facture-3mo-lente.pdf');
    const loaded = states.find((s) => s.text === 'Chargé')!;
    const last = states.at(-2)!;
    t.diagnostic(`server: ${answered.line}; « ${last.text} » → « Chargé » ${loaded.at - last.at} ms; 201 → « Chargé » ${loaded.at - answered.at} ms`);
    assert.match(last.text, /^Chargement… \d+ %$/, 'the row said it was still loading until the answer');
    assert.ok(loaded.at - last.at >= 1500, `the answer came ${loaded.at - last.at} ms after the last progress: not delayed enough to tell`);
    assert.ok(loaded.at >= answered.at, `« Chargé » shown ${answered.at - loaded.at} ms before the server's 201`);
    assert.ok(loaded.at - answered.at <= 1000, `« Chargé » ${loaded.at - answered.at} ms after the server's 201`);
  } finally {
    await fetch(`${api.apiUrl}/dev/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ uploadLatencyMs: 0 }) });
  }
  // The bytes the browser sent are the file's.
  const [upload] = await rows<{ id: string }>(api.storage, 'SELECT id FROM uploads WHERE name = $1', ['facture-3mo-lente.pdf']);
  assert.deepEqual(Buffer.from((await api.storage.readFile(upload!.id))!), readFileSync(pdf));
});
