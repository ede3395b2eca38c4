#!/usr/bin/env node
/**
 * `npm run bench:server`: bounded load on 127.0.0.1 against the reference server (a child process,
 * so the load generator does not share its event loop), on PGlite and, when DATABASE_URL is set,
 * on PostgreSQL. Four figures: the invoice list (a page of 20), one invoice, an upload (a 16 kB
 * PDF, multipart) and a deposit (one invoice, its PDF read by the server). Beside each, the floor:
 * a bare node:http server in its own process that reads the same request and answers the same
 * bytes, the least HTTP costs on this machine.
 *
 * BENCH_SECONDS (8) sets each GET and upload run's length; BENCH_CONNECTIONS (10) the concurrent
 * connections; BENCH_DEPOSITS (150) how many deposits are made. Prints a Markdown table; the same
 * goes to bench-results/server.md. Never fails on a figure; fails only when a run cannot be made.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const root = join(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DEPOSITS = Number(process.env.BENCH_DEPOSITS ?? 150);
const ENTITY = '527319461';
const PDF = readFileSync(join(root, 'demo/samples/facture-2606-calcul-mental.pdf'));

/** Starts a child process and resolves once it printed a line matching `ready`. */
function child(command, args, env, ready) {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk) => {
      if (output === null) return; // ready: the request log is drained, not kept
      output += chunk;
      const match = output.match(ready);
      if (match) {
        output = null;
        resolve({ proc, match });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (chunk) => output !== null && (output += chunk));
    proc.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}):\n${output}`)));
  });
}

async function stop(proc) {
  proc.removeAllListeners('exit');
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
}

/** A multipart body as the widget sends it, with its content type. */
async function multipart() {
  const form = new FormData();
  form.set('kind', 'invoice');
  form.set('file', new Blob([PDF], { type: 'application/pdf' }), 'facture-bench.pdf');
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('Content-Type') };
}

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const figures = (result) => ({
  // Requests answered over the run's length (a run bounded by a count, like the deposits', too).
  rps: result.requests.total / result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  bad: result.non2xx + result.errors + result.timeouts,
  count: result.requests.total,
});

async function measureServer(label, env) {
  const dataDir = mkdtempSync(join(tmpdir(), 'akto-bench-'));
  const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
  // A kept PostgreSQL database goes back to the seed first, so both runs see the same data.
  if (env.DATABASE_URL) await child(process.execPath, [tsx, 'server/main.ts', 'reset'], env, /Emptied/).then(({ proc }) => new Promise((resolve) => proc.on('exit', resolve)));
  const { proc, match } = await child(process.execPath, [tsx, 'server/main.ts'], { PORT: '0', DATA_DIR: dataDir, DEV_SIGN_IN: '1', RATE_LIMITS: 'off', ...env }, /(http:\/\/127\.0\.0\.1:\d+)\/api on (PGlite|PostgreSQL)/);
  if (match[2] !== label) throw new Error(`bench:server: the ${label} run started on ${match[2]}`);
  const api = `${match[1]}/api`;
  try {
    const signIn = await fetch(`${api}/dev/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ account: 'demo' }) });
    const { token } = await signIn.json();
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    const upload = await multipart();
    const results = {};
    results.list = figures(await load({ url: `${api}/invoices?pageSize=20`, headers, duration: SECONDS }));
    results.invoice = figures(await load({ url: `${api}/invoices/inv-0005`, headers, duration: SECONDS }));
    results.upload = figures(await load({ url: `${api}/uploads`, method: 'POST', headers: { ...headers, 'Content-Type': upload.type }, body: upload.body, duration: SECONDS }));
    // Each deposit takes uploads of its own, made beforehand (an upload is deposited once).
    const ids = [];
    for (let i = 0; i < DEPOSITS; i++) {
      const response = await fetch(`${api}/uploads`, { method: 'POST', headers: { ...headers, 'Content-Type': upload.type }, body: upload.body });
      ids.push((await response.json()).id);
    }
    let next = 0;
    results.deposit = figures(
      await load({
        url: `${api}/entities/${ENTITY}/deposits`,
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        amount: DEPOSITS,
        requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ invoices: [{ uploadId: ids[next++ % ids.length], creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }] }) }) }],
      }),
    );
    results.listBytes = Buffer.from(await (await fetch(`${api}/invoices?pageSize=20`, { headers })).arrayBuffer());
    results.invoiceBytes = Buffer.from(await (await fetch(`${api}/invoices/inv-0005`, { headers })).arrayBuffer());
    console.log(`  ${label}: list ${results.list.rps} req/s, invoice ${results.invoice.rps}, upload ${results.upload.rps}, deposit ${results.deposit.rps}`);
    return results;
  } finally {
    await stop(proc);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The floor: a bare node:http server that reads each request whole and answers fixed bytes. */
async function measureFloor(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'akto-floor-'));
  writeFileSync(join(dir, 'list.json'), bytes.listBytes);
  writeFileSync(join(dir, 'invoice.json'), bytes.invoiceBytes);
  const source = `
    const http = require('node:http'); const fs = require('node:fs');
    const list = fs.readFileSync(${JSON.stringify(join(dir, 'list.json'))}); const invoice = fs.readFileSync(${JSON.stringify(join(dir, 'invoice.json'))});
    const created = Buffer.from(JSON.stringify({ id: 'upload-00001', name: 'facture-bench.pdf', size: ${PDF.length}, type: 'application/pdf', kind: 'invoice', createdAt: new Date().toISOString() }));
    http.createServer((req, res) => { const chunks = []; req.on('data', (c) => chunks.push(c)); req.on('end', () => {
      const body = req.url.startsWith('/api/invoices?') ? list : req.url.startsWith('/api/invoices/') ? invoice : created;
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json', 'Content-Length': body.length }); res.end(body); }); })
      .listen(0, '127.0.0.1', function () { console.log('floor http://127.0.0.1:' + this.address().port); });`;
  const { proc, match } = await child(process.execPath, ['-e', source], {}, /(http:\/\/127\.0\.0\.1:\d+)/);
  const base = `${match[1]}/api`;
  try {
    const upload = await multipart();
    const deposit = JSON.stringify({ invoices: [{ uploadId: 'upload-00001', creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }] });
    return {
      list: figures(await load({ url: `${base}/invoices?pageSize=20`, duration: SECONDS })),
      invoice: figures(await load({ url: `${base}/invoices/inv-0005`, duration: SECONDS })),
      upload: figures(await load({ url: `${base}/uploads`, method: 'POST', headers: { 'Content-Type': upload.type }, body: upload.body, duration: SECONDS })),
      deposit: figures(await load({ url: `${base}/entities/${ENTITY}/deposits`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: deposit, amount: DEPOSITS })),
    };
  } finally {
    await stop(proc);
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`bench:server — ${CONNECTIONS} connections, ${SECONDS} s a run, ${DEPOSITS} deposits, 127.0.0.1 only`);
// DATABASE_URL emptied for the PGlite run: the child would otherwise take the caller's.
const runs = [['PGlite', await measureServer('PGlite', { DATABASE_URL: '' })]];
if (process.env.DATABASE_URL) runs.push(['PostgreSQL', await measureServer('PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL })]);
else console.log('  (DATABASE_URL is not set: no PostgreSQL run)');
const floor = await measureFloor(runs[0][1]);

const NAMES = { list: 'GET /invoices (a page of 20)', invoice: 'GET /invoices/{id}', upload: 'POST /uploads (16 kB PDF)', deposit: 'POST /entities/{siren}/deposits (1 invoice, PDF read)' };
const cell = (f) => `${Math.round(f.rps).toLocaleString('en')} req/s · p50 ${f.p50} ms · p99 ${f.p99} ms${f.bad ? ` · ${f.bad} failed` : ''}`;
const lines = [
  `| request | ${runs.map(([label]) => label).join(' | ')} | floor (bare node:http, same bytes) |`,
  `| --- | ${runs.map(() => '---').join(' | ')} | --- |`,
  ...Object.entries(NAMES).map(([key, name]) => `| ${name} | ${runs.map(([, r]) => cell(r[key])).join(' | ')} | ${cell(floor[key])} |`),
];
const table = lines.join('\n');
console.log(`\n${table}\n`);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/server.md'), `${table}\n`);
