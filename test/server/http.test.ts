/**
 * The reference server over real HTTP on 127.0.0.1: what only a real server does (auth without a
 * mock account, body limits, CORS, rate limits, dropped connections, logs, /health, /openapi.json,
 * /docs, demo endpoints), and a deposit whose PDF is read on Node.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../../server/index.js';
import { PgStorage } from '../../server/pg-storage.js';
import { DEFAULT_LIMITS } from '../../server/rate-limit.js';

const ROOT = new URL('../../', import.meta.url);
const PARTNER = 'https://partner.example';

describe('reference server over HTTP', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'akto-http-'));
  const logs: string[] = [];
  let storage: PgStorage;
  /** Demo mode: faults, /dev/*, dev sign-in; SIRET look-ups limited to 3 a minute for the 429 test. */
  let demo: RunningServer;
  /** Production-like: no dev routes, CORS for one origin, uploads up to 1 MB. */
  let plain: RunningServer;
  let token = '';
  let cookie = '';

  const auth = () => ({ Authorization: `Bearer ${token}` });

  before(async () => {
    storage = await PgStorage.open({ dataDir, databaseUrl: process.env.DATABASE_URL });
    await storage.reset();
    const log = (line: string) => logs.push(line);
    demo = await startServer({ storage, port: 0, demo: true, log, rateLimits: { ...DEFAULT_LIMITS, siret: { perMinute: 3, burst: 3 } } });
    plain = await startServer({ storage, port: 0, log, corsOrigins: [PARTNER], maxUploadBytes: 1024 * 1024 });
  });

  after(async () => {
    await demo?.close();
    await plain?.close();
    // The /health test closed it already.
    await storage?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('without a token or a cookie: 401 problem details', async () => {
    for (const server of [demo, plain]) {
      const response = await fetch(`${server.apiUrl}/invoices`);
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      assert.equal((await response.json()).code, 'unauthorized');
    }
    assert.equal((await fetch(`${demo.apiUrl}/invoices`, { headers: { Authorization: 'Bearer not-a-session' } })).status, 401);
  });

  test('dev sign-in: a session cookie (HttpOnly) and a token that both work', async () => {
    const response = await fetch(`${demo.apiUrl}/dev/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ account: 'demo' }) });
    assert.equal(response.status, 200);
    const body = await response.json();
    token = body.token;
    assert.equal(body.account.id, 'demo');
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('akto_session='))!;
    assert.match(setCookie, /HttpOnly/i);
    cookie = setCookie.split(';')[0]!;
    const byCookie = await fetch(`${demo.apiUrl}/entities`, { headers: { Cookie: cookie } });
    assert.equal(byCookie.status, 200);
    assert.equal((await byCookie.json()).items.length, 8);
    const byToken = await fetch(`${plain.apiUrl}/invoices?q=fa-2025&pageSize=5`, { headers: auth() });
    assert.equal(byToken.status, 200);
    assert.equal((await byToken.json()).items.length, 5);
  });

  test('outside demo mode there is no sign-in, no faults, no reset', async () => {
    assert.equal((await fetch(`${plain.apiUrl}/dev/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"account":"demo"}' })).status, 404);
    assert.equal((await fetch(`${plain.apiUrl}/dev/faults`)).status, 404);
    assert.equal((await fetch(`${plain.apiUrl}/dev/reset`, { method: 'POST' })).status, 404);
  });

  test('CORS: preflight cached, credentials allowed, headers exposed', async () => {
    const preflight = await fetch(`${demo.apiUrl}/uploads`, {
      method: 'OPTIONS',
      headers: { Origin: PARTNER, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,idempotency-key' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(preflight.headers.get('access-control-max-age'), '600');
    assert.match(preflight.headers.get('access-control-allow-methods')!, /POST/);
    for (const name of ['Authorization', 'Idempotency-Key', 'Accept-Language', 'Content-Type']) assert.ok(preflight.headers.get('access-control-allow-headers')!.split(',').includes(name), name);

    const actual = await fetch(`${demo.apiUrl}/entities`, { headers: { Origin: 'https://another.example', Cookie: cookie } });
    assert.equal(actual.status, 200);
    assert.equal(actual.headers.get('access-control-allow-origin'), 'https://another.example', 'any origin is reflected by default');
    assert.equal(actual.headers.get('access-control-allow-credentials'), 'true');
    assert.match(actual.headers.get('access-control-expose-headers')!, /Idempotent-Replayed/);

    // CORS_ORIGINS: only the listed origins.
    const listed = await fetch(`${plain.apiUrl}/entities`, { headers: { Origin: PARTNER, ...auth() } });
    assert.equal(listed.headers.get('access-control-allow-origin'), PARTNER);
    const other = await fetch(`${plain.apiUrl}/entities`, { headers: { Origin: 'https://evil.example', ...auth() } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  test('an 11 MB upload is refused with 413, with or without Content-Length', async () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const form = new FormData();
    form.set('kind', 'invoice');
    form.set('file', new File([big], 'big.pdf', { type: 'application/pdf' }));
    const response = await fetch(`${demo.apiUrl}/uploads`, { method: 'POST', headers: auth(), body: form });
    assert.equal(response.status, 413);
    assert.equal((await response.json()).code, 'upload-too-large');

    // Streamed (chunked, no length): counted while it arrives.
    const encoded = new Response(form);
    const streamed = await fetch(`${demo.apiUrl}/uploads`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': encoded.headers.get('content-type')! },
      body: encoded.body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.equal((await streamed.json()).code, 'upload-too-large');
  });

  test('MAX_UPLOAD_BYTES lowers the limit, to the byte and named in the message; oversized JSON is refused too', async () => {
    const upload = async (bytes: number) => {
      const form = new FormData();
      form.set('kind', 'invoice');
      const file = new Uint8Array(bytes);
      file.set(new TextEncoder().encode('%PDF-1.4\n'));
      form.set('file', new File([file], 'facture.pdf'));
      return fetch(`${plain.apiUrl}/uploads`, { method: 'POST', headers: { ...auth(), 'Accept-Language': 'fr' }, body: form });
    };
    assert.equal((await upload(2 * 1024 * 1024)).status, 413);
    // Just over: within the multipart allowance of the streamed count, refused on the file's own size.
    const over = await upload(1024 * 1024 + 10_000);
    assert.equal(over.status, 413);
    assert.equal((await over.json()).title, 'Le fichier dépasse la taille maximale de 1 Mo.');
    assert.equal((await upload(1024 * 1024)).status, 201);
    const json = await fetch(`${plain.apiUrl}/entities/824092688/deposits`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ invoices: [], padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(json.status, 413);
    assert.equal((await json.json()).code, 'body-too-large');
  });

  test('a deposit over HTTP: the PDF read on Node, stored by id, replayed by its idempotency key', async () => {
    const upload = async (file: string, kind: string) => {
      const form = new FormData();
      form.set('kind', kind);
      form.set('file', new File([readFileSync(new URL(file, ROOT))], file.split('/').pop()!));
      const response = await fetch(`${demo.apiUrl}/uploads`, { method: 'POST', headers: auth(), body: form });
      assert.equal(response.status, 201);
      return (await response.json()).id as string;
    };
    const invoice = await upload('demo/samples/facture-2606-calcul-mental-facturx.pdf', 'invoice');
    const supporting = await upload('demo/samples/facture-2606-calcul-mental.pdf', 'supporting');
    const request = {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json', 'Idempotency-Key': 'deposit-test-1' },
      body: JSON.stringify({ invoices: [{ uploadId: invoice, supportingUploadIds: [supporting], creditNote: false, salaryCosts: false, derogation: null }] }),
    };
    const response = await fetch(`${demo.apiUrl}/entities/527319461/deposits`, request);
    assert.equal(response.status, 201);
    const deposit = await response.json();
    assert.deepEqual(deposit.pending[0].fields, {
      invoiceNumber: 'FA-2026-0612',
      amountHT: 1260,
      amountTTC: 1512,
      dossiers: ['2206AF000578'],
      invoiceDate: '2026-06-26',
      siret: '82409268800236',
    });
    const replay = await fetch(`${demo.apiUrl}/entities/527319461/deposits`, request);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), deposit);
    const pdf = await fetch(`${demo.apiUrl}/pending-invoices/${deposit.pending[0].id}/pdf`, { headers: auth() });
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(new Uint8Array(await pdf.arrayBuffer()), new Uint8Array(readFileSync(new URL('demo/samples/facture-2606-calcul-mental-facturx.pdf', ROOT))));
  });

  test('rate limits: 429 problem details with Retry-After, counted per account', async () => {
    const lookup = (headers: Record<string, string>) => fetch(`${demo.apiUrl}/siret/82409268800236`, { headers });
    for (let i = 0; i < 3; i++) assert.equal((await lookup(auth())).status, 200);
    const limited = await lookup(auth());
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await limited.json()).code, 'rate-limited');
    // The same account through its cookie shares the bucket; another account has its own.
    assert.equal((await lookup({ Cookie: cookie })).status, 429);
    const other = await fetch(`${demo.apiUrl}/dev/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"account":"kavkaz"}' });
    assert.equal((await lookup({ Authorization: `Bearer ${(await other.json()).token}` })).status, 200);
  });

  test('the « network » fault drops the connection; GET/PUT /dev/faults mirror Faults', async () => {
    const put = await fetch(`${demo.apiUrl}/dev/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ latencyMs: 0, failures: [['listEntities', 'network', 1]] }),
    });
    assert.deepEqual(await put.json(), { latencyMs: 0, uploadLatencyMs: 0, failures: [['listEntities', 'network']] });
    await assert.rejects(fetch(`${demo.apiUrl}/entities`, { headers: auth() }), TypeError);
    assert.equal((await fetch(`${demo.apiUrl}/entities`, { headers: auth() })).status, 200, 'once only');
    assert.deepEqual(await (await fetch(`${demo.apiUrl}/dev/faults`)).json(), { latencyMs: 0, uploadLatencyMs: 0, failures: [] });
    const bad = await fetch(`${demo.apiUrl}/dev/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"failures":[["nope","network"]]}' });
    assert.equal(bad.status, 400);
  });

  test('/openapi.json names this server; /docs is readable HTML without script', async () => {
    const document = await (await fetch(`${demo.url}/openapi.json`)).json();
    const file = JSON.parse(readFileSync(new URL('openapi.json', ROOT), 'utf8'));
    assert.deepEqual(document.servers, [{ url: demo.apiUrl, description: 'This server.' }]);
    assert.deepEqual(document.paths, file.paths);

    const docs = await fetch(`${demo.url}/docs`);
    assert.equal(docs.status, 200);
    assert.match(docs.headers.get('content-type')!, /text\/html/);
    assert.match(docs.headers.get('content-security-policy')!, /default-src 'none'/);
    const html = await docs.text();
    assert.doesNotMatch(html, /<script/i);
    for (const path of Object.keys(file.paths)) assert.ok(html.includes(`<code>${path}</code>`), path);
    assert.match(html, /InvoicePage/);
    assert.match(html, /413/);
    assert.equal((await fetch(`${demo.url}/docs.css`)).status, 200);
  });

  test('/dev/reset seeds again', async () => {
    assert.equal((await fetch(`${demo.apiUrl}/dev/reset`, { method: 'POST' })).status, 204);
    assert.equal((await fetch(`${demo.apiUrl}/entities`, { headers: auth() })).status, 401, 'sessions are gone too');
    assert.equal((await storage.pendingOf('527319461')).length, 0);
  });

  test('logs: one line per request, no token, cookie, query string or body', () => {
    assert.ok(logs.length > 30);
    for (const line of logs) {
      assert.match(line, /^(GET|POST|PUT|DELETE|OPTIONS) \/[^\s?]* (\d{3}|dropped) \d+ms$/, line);
      assert.ok(!line.includes(token) && !line.includes('akto_session') && !line.includes('fa-2025'), line);
    }
    assert.ok(logs.some((l) => l.startsWith('GET /api/entities dropped')));
  });

  test('/health: 200 while the database answers, 503 once it does not', async () => {
    const ok = await fetch(`${demo.url}/health`);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { status: 'ok' });
    await storage.close();
    const down = await fetch(`${demo.url}/health`);
    assert.equal(down.status, 503);
  });
});
