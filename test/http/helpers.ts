/**
 * What the HTTP tests share: the built script, reference servers on fresh PGlite folders, a
 * partner page server (optionally a reverse proxy in front of the API), Chromium with CDP
 * throttling, test PDFs made at run time, and small waits on what the user sees.
 *
 * The pages load the built single script (dist/akto-invoice-widget.js), as a partner page does:
 * what ships is what is tested, and a built page starts at once on a loaded machine, where a
 * dev server would compile and pre-bundle on first request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { ROOT, startServer, type RunningServer, type ServerOptions } from '../../server/index.js';
import { PgStorage } from '../../server/pg-storage.js';
import type { SqlValue } from '../../server/sql.js';

export { ROOT };
export const KAVKAZ = '819109976';
export const SAMPLE = join(ROOT, 'demo/samples/facture-2601-diagnostiqueur-immobilier.pdf');

// ---- the built script ----------------------------------------------------------------------------

const SCRIPT = join(ROOT, 'dist/akto-invoice-widget.js');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Builds dist/akto-invoice-widget.js when it is missing or older than a source it is made of.
 * Test files run in parallel: one builds (holding a lock folder), the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  const fresh = () => {
    const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'vite.config.ts')), newestMtime(join(ROOT, 'package.json')));
    return existsSync(SCRIPT) && statSync(SCRIPT).mtimeMs >= sources;
  };
  if (fresh()) return;
  mkdirSync(CACHE, { recursive: true });
  const lock = join(CACHE, `build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}.lock`);
  await until(() => {
    try {
      mkdirSync(lock);
      return true;
    } catch {
      // A lock left by a killed run: a build never takes two minutes.
      const made = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (made && Date.now() - made > 120_000) rmSync(lock, { recursive: true, force: true });
      return false;
    }
  }, 180_000, 'another test file to finish building the script');
  try {
    if (fresh()) return;
    // @ts-expect-error: a plain .mjs module without declarations
    const { buildScript } = (await import('../../scripts/lib/dev-server.mjs')) as { buildScript: () => Promise<void> };
    await buildScript();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---- reference servers ---------------------------------------------------------------------------

/** Shared by every file of a run (and the next runs): keyed by what decides the database's content. */
const CACHE = join(tmpdir(), 'akto-http-tests');

function contentKey(paths: string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(readFileSync(path));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A fresh data folder, seeded: a copy of a template made once. PGlite's first open (initdb,
 * migrations, seed) takes ~10 s on a loaded machine, a copy well under one.
 */
export async function freshDataDir(): Promise<string> {
  const migrations = readdirSync(join(ROOT, 'server/migrations')).map((name) => join(ROOT, 'server/migrations', name));
  const key = contentKey([...migrations.sort(), join(ROOT, 'server/pg-storage.ts'), join(ROOT, 'src/backend/seed.ts')]);
  const template = join(CACHE, `data-${key}`);
  if (!existsSync(template)) {
    mkdirSync(CACHE, { recursive: true });
    const building = mkdtempSync(join(CACHE, 'building-'));
    const storage = await PgStorage.open({ dataDir: building });
    await storage.close();
    // Another test file may have made it meanwhile: the first rename wins, ours goes.
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'akto-http-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

export interface Api extends RunningServer {
  dataDir: string;
  /** The request log, each line with the wall-clock time it was written (the answer was ready). */
  logs: { at: number; line: string }[];
  /** Resolves with the first log line matching, once it is written. */
  logged(pattern: RegExp, timeoutMs?: number): Promise<{ at: number; line: string }>;
}

/** A reference server on port 0, on a fresh PGlite folder, dev sign-in on, no rate limits. */
export async function startApi(options: ServerOptions = {}): Promise<Api> {
  const dataDir = options.dataDir ?? (await freshDataDir());
  const logs: Api['logs'] = [];
  const server = await startServer({ port: 0, devSignIn: true, rateLimits: false, ...options, dataDir, log: (line) => logs.push({ at: Date.now(), line }) });
  return {
    ...server,
    dataDir,
    logs,
    logged: (pattern, timeoutMs = 30_000) => until(() => logs.find((l) => pattern.test(l.line)), timeoutMs, `a server log line ${pattern}`),
  };
}

/** A session for a seeded account (the development sign-in): its bearer token. */
export async function signIn(apiUrl: string, account = 'demo'): Promise<string> {
  const response = await fetch(`${apiUrl}/dev/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ account }) });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Rows of the database, straight from the server's storage. */
export async function rows<Row = Record<string, unknown>>(storage: PgStorage, sql: string, params: SqlValue[] = []): Promise<Row[]> {
  return (await storage.db.query<Row>(sql, params)).rows;
}

// ---- test PDFs -------------------------------------------------------------------------------------

/**
 * A valid PDF of exactly `size` bytes: the sample invoice with an attachment of random bytes (they
 * do not compress, so the file keeps its size). Made once and kept in the cache folder.
 */
export async function makePdf(name: string, size: number): Promise<string> {
  const dir = join(CACHE, 'pdfs');
  const path = join(dir, `${size}-${name}`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const sample = readFileSync(SAMPLE);
  const random = randomBytes(size);
  const build = async (padding: number) => {
    const pdf = await PDFDocument.load(sample);
    await pdf.attach(random.subarray(0, Math.max(0, padding)), 'padding.bin', { mimeType: 'application/octet-stream', description: 'padding for a size test' });
    return pdf.save();
  };
  // The attachment's framing adds bytes and its compressed length does not follow the padding
  // byte for byte (one more byte of padding can add two, so some sizes cannot be hit exactly): the
  // padding is corrected until the file is a few bytes short, and line ends after %%EOF, which
  // readers allow, make up the rest.
  const SLACK = 32;
  let padding = size - sample.length - SLACK / 2;
  let bytes = await build(padding);
  for (let tries = 0; bytes.length > size || bytes.length < size - SLACK; tries++) {
    if (tries === 10) throw new Error(`makePdf: ${bytes.length} bytes, not between ${size - SLACK} and ${size}`);
    padding += size - SLACK / 2 - bytes.length;
    bytes = await build(padding);
  }
  bytes = Buffer.concat([bytes, Buffer.alloc(size - bytes.length, '\n')]);
  const partial = `${path}.${process.pid}.part`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
  return path;
}

// ---- the partner page (and a reverse proxy in front of the API) ------------------------------------

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.pdf': 'application/pdf', '.html': 'text/html; charset=utf-8' };

/** What an nginx in front of a stopped upstream answers. */
export const NGINX_502 = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n`;

export interface Pages {
  origin: string;
  /** Files handed to the page by name (served under /files/). */
  serve(name: string, path: string): void;
  /** With `proxyTo`: `/api/…` goes to the API, unless the proxy answers 502 (`true`). */
  badGateway: boolean;
  /** Requests the proxy answered 502 itself. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A partner's web server: `/` is an empty page that loads the script, `/dist/…` the build,
 * `/files/<name>` test files. With `proxyTo`, `/api/…` is reverse-proxied there (same origin);
 * with `csp`, the page is served under that Content-Security-Policy; with `scriptOrigin`, the page
 * loads the script from that origin's `/dist/` (a CDN: every `/dist/` file is served with CORS).
 */
export async function startPages(options: { proxyTo?: string; csp?: string; scriptOrigin?: string } = {}): Promise<Pages> {
  const files = new Map<string, string>();
  const pages: Pages = {
    origin: '',
    serve: (name, path) => void files.set(name, path),
    badGateway: false,
    refused: [],
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (options.proxyTo && path.startsWith('/api/')) return proxy(req, res, options.proxyTo, pages);
    let file: string | undefined;
    if (path === '/') {
      const csp = options.csp ? { 'Content-Security-Policy': options.csp } : {};
      res.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store', ...csp });
      return res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title>
<script type="module" src="${options.scriptOrigin ?? ''}/dist/akto-invoice-widget.js"></script></head><body></body></html>`);
    }
    if (path.startsWith('/dist/') && !path.includes('..')) file = join(ROOT, path);
    if (path.startsWith('/files/')) file = files.get(path.slice('/files/'.length));
    if (!file || !existsSync(file)) return res.writeHead(404).end();
    const cors = path.startsWith('/dist/') ? { 'Access-Control-Allow-Origin': '*' } : {};
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...cors });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pages.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return pages;
}

/** A reverse proxy as nginx is: the request body read first, then upstream, or its own 502 page. */
function proxy(req: IncomingMessage, res: ServerResponse, target: string, pages: Pages): void {
  if (pages.badGateway) {
    req.resume();
    req.on('end', () => {
      pages.refused.push(`${req.method} ${req.url}`);
      res.writeHead(502, { 'Content-Type': 'text/html', Server: 'nginx/1.24.0' }).end(NGINX_502);
    });
    return;
  }
  const upstream = httpRequest(new URL(req.url!, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502, { 'Content-Type': 'text/html' }).end(NGINX_502));
  req.pipe(upstream);
}

// ---- a link that can be cut ----------------------------------------------------------------------

export interface Link {
  /** `http://127.0.0.1:<port>`: the API seen through the link. */
  url: string;
  /** Unplugged: every connection through it is reset, new ones are refused the same way. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay between the browser and a server. Chromium's offline emulation alone does not cut
 * an upload under way: switching it on releases the throttled body at once and the upload
 * completes. Cutting here breaks the connection as a dropped link does.
 */
export async function startLink(target: string): Promise<Link> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let cut = false;
  const server = createTcpServer((client) => {
    if (cut) return void client.resetAndDestroy();
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const resetAll = () => sockets.forEach((socket) => socket.resetAndDestroy());
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => ((cut = true), resetAll()),
    restore: () => void (cut = false),
    close: () => new Promise((resolve) => (resetAll(), server.close(() => resolve()))),
  };
}

// ---- Chromium ----------------------------------------------------------------------------------------

/**
 * One Chromium for a test file's tests, on the built script: launched before the first, closed
 * after the last. Returns the way to reach it from a test.
 */
export function browserPerFile(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    await ensureBuilt();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Errors thrown in the page (a test fails on them). */
  errors: string[];
}

/** A new context (its own cookies) with the partner page open and the script loaded; `initScript` runs before the page's own. */
export async function openPage(browser: Browser, url: string, options: { initScript?: string } = {}): Promise<Tab> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  // tsx (esbuild, keepNames) wraps the named functions inside page.evaluate() callbacks in
  // __name(), which exists only in Node: the page gets a no-op one.
  await context.addInitScript('globalThis.__name = (fn) => fn');
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('akto-invoice-list') !== undefined);
  return { context, page, cdp, errors };
}

/** Chromium's network emulation; throughputs in bytes per second, -1 for no limit. */
export async function network(cdp: CDPSession, conditions: { offline?: boolean; latency?: number; download?: number; upload?: number }): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: conditions.offline ?? false,
    latency: conditions.latency ?? 0,
    downloadThroughput: conditions.download ?? -1,
    uploadThroughput: conditions.upload ?? -1,
  });
}

/** Adds an element to the page's body with attributes and properties (a token, say). */
export async function mount(page: Page, tag: string, attributes: Record<string, string>, properties: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(
    ({ tag, attributes, properties }) => {
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      Object.assign(element, properties);
      document.body.append(element);
    },
    { tag, attributes, properties },
  );
}

/**
 * Fetches test files into the page (before any throttling), kept as File objects by name.
 * `lastModified` is fixed so the same file handed twice is the same file to the element.
 */
export async function preload(page: Page, names: string[]): Promise<void> {
  await page.evaluate(async (names) => {
    const w = window as unknown as { testFiles?: Record<string, File> };
    w.testFiles ??= {};
    for (const name of names) {
      const blob = await (await fetch(`/files/${encodeURIComponent(name)}`)).blob();
      w.testFiles[name] = new File([blob], name, { type: 'application/pdf', lastModified: 1_700_000_000_000 });
    }
  }, names);
}

/** What a file input inside step 1 hands over when the user picks these (preloaded) files. */
export async function chooseFiles(page: Page, names: string[]): Promise<void> {
  const input = page.locator('akto-invoice-upload #invoices');
  await input.waitFor({ state: 'attached', timeout: 30_000 });
  await input.evaluate((element, names) => {
    const files = (window as unknown as { testFiles: Record<string, File> }).testFiles;
    const transfer = new DataTransfer();
    for (const name of names) transfer.items.add(files[name]!);
    (element as HTMLInputElement).files = transfer.files;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }, names);
}

/** The row of one invoice in step 1 (Playwright's CSS pierces the shadow roots). */
export const invoiceRow = (page: Page, name: string) => page.locator('akto-invoice-upload li.invoice').filter({ has: page.locator('.name', { hasText: name }) });

/** Its state as the user reads it (« Chargement… 42 % », « Chargé », « Échec du chargement : … »). */
export const stateOf = async (page: Page, name: string) => clean(await invoiceRow(page, name).locator('.file .state').first().textContent({ timeout: 30_000 }));

/** Text as read, without the isolation marks around file names and with spaces collapsed. */
export const clean = (text: string | null | undefined) => (text ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Records every state a row's text goes through, with the page's wall-clock time, from a
 * MutationObserver in the page: no step is missed between two polls from the test.
 */
export async function recordStates(page: Page, name: string): Promise<void> {
  await page.locator('akto-invoice-upload').evaluate((element, name) => {
    const record: { at: number; text: string }[] = [];
    (window as unknown as { stateRecord: typeof record }).stateRecord = record;
    const read = () => {
      const row = [...element.shadowRoot!.querySelectorAll('li.invoice')].find((r) => r.querySelector('.name')?.textContent === name);
      const text = (row?.querySelector('.file .state')?.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text && text !== record.at(-1)?.text) record.push({ at: Date.now(), text });
    };
    new MutationObserver(read).observe(element.shadowRoot!, { subtree: true, childList: true, characterData: true });
    read();
  }, name);
}

export const recorded = (page: Page) => page.evaluate(() => (window as unknown as { stateRecord: { at: number; text: string }[] }).stateRecord);

/** Ticks the derogation box of an invoice's row, so it needs no supporting document. */
export async function tickDerogation(page: Page, name: string): Promise<void> {
  await invoiceRow(page, name).getByLabel("Pas de pièce justificative nécessaire en tant qu'adhérent").check({ timeout: 30_000 });
}

// ---- waiting -----------------------------------------------------------------------------------------

/** Polls until `check` gives a truthy value; fails naming what was awaited. */
export async function until<T>(check: () => T | Promise<T>, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** What most files start with: one server, one partner page server, one Chromium, one token. */
export interface Rig {
  api: Api;
  pages: Pages;
  browser: Browser;
  token: string;
  /** The test's PDF, made at run time and served beside the page. */
  file: string;
  close(): Promise<void>;
}

/** The built script, a server on a fresh database, the page server with a PDF of `size` bytes named `name`, Chromium, a signed-in token. */
export async function startRig(name: string, size: number, apiOptions: ServerOptions = {}): Promise<Rig> {
  await ensureBuilt();
  const [api, pages, browser, file] = await Promise.all([startApi(apiOptions), startPages(), launch(), makePdf(name, size)]);
  pages.serve(name, file);
  const token = await signIn(api.apiUrl);
  return {
    api,
    pages,
    browser,
    token,
    file,
    async close() {
      await browser.close();
      await pages.close();
      await api.close();
    },
  };
}
