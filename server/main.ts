/**
 * `npm run server` — the reference server from the command line. Settings come from the
 * environment or from `--name=value` flags (`--port=9000`, `--demo`):
 *
 *   PORT (8787), HOST (127.0.0.1), BASE_PATH (/api), DATABASE_URL (PGlite when unset),
 *   DATA_DIR (.data/ at the repository's root: PGlite in pg/, files in files/), FILES_DIR,
 *   CORS_ORIGINS (comma list; any origin when unset), DEMO=1, DEV_SIGN_IN=1,
 *   MAX_UPLOAD_BYTES, RATE_LIMITS (`off`, or `uploads=300,deposits=60,…` per minute),
 *   COOKIE_SAME_SITE (Lax; None makes the session cookie Secure, for partner sites).
 *
 * `npm run server:reset` empties the database and the files and seeds them again;
 * `npm run server:migrate` applies the migrations and seeds an empty database, then exits.
 */
import { join } from 'node:path';
import { ROOT, startServer } from './index.js';
import { PgStorage } from './pg-storage.js';
import { parseLimits } from './rate-limit.js';

const [command = 'serve', ...args] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [name, value = '1'] = a.slice(2).split('=');
      return [name!.toUpperCase().replace(/-/g, '_'), value];
    }),
);
const setting = (name: string): string | undefined => flags[name] ?? process.env[name] ?? undefined;
const enabled = (name: string) => /^(1|true|yes|on)$/i.test(setting(name) ?? '');

if (args.length || !['serve', 'reset', 'migrate'].includes(command)) {
  console.error('Usage: tsx server/main.ts [serve|reset|migrate] [--port=8787] [--demo] …  (see server/main.ts)');
  process.exit(2);
}

const dataDir = setting('DATA_DIR') ?? join(ROOT, '.data');
const storageOptions = { databaseUrl: setting('DATABASE_URL') || undefined, dataDir, filesDir: setting('FILES_DIR') };
const where = storageOptions.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${join(dataDir, 'pg')}`;

if (command === 'reset' || command === 'migrate') {
  const storage = await PgStorage.open(storageOptions);
  try {
    if (command === 'reset') await storage.reset();
    console.log(`[akto server] ${command === 'reset' ? 'Emptied and seeded again' : 'Migrated'}: ${where}.`);
  } finally {
    await storage.close();
  }
} else {
  const port = Number(setting('PORT') ?? 8787);
  const maxUpload = setting('MAX_UPLOAD_BYTES');
  const sameSite = setting('COOKIE_SAME_SITE');
  const running = await startServer({
    ...storageOptions,
    port,
    host: setting('HOST') ?? '127.0.0.1',
    basePath: setting('BASE_PATH') ?? '/api',
    corsOrigins: setting('CORS_ORIGINS')
      ?.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    demo: enabled('DEMO'),
    devSignIn: enabled('DEV_SIGN_IN'),
    maxUploadBytes: maxUpload ? Number(maxUpload) : undefined,
    rateLimits: parseLimits(setting('RATE_LIMITS')),
    cookie: /^none$/i.test(sameSite ?? '') ? { sameSite: 'None', secure: true } : undefined,
  });
  console.log(`[akto server] ${running.apiUrl} on ${where}${enabled('DEMO') ? ', demo mode (faults, /dev/reset, dev sign-in)' : ''}`);
  console.log(`[akto server] API page: ${running.url}/docs · health: ${running.url}/health`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[akto server] ${signal}: closing…`);
    // A second signal while closing would be ignored: a stuck close still ends after 10 s.
    setTimeout(() => process.exit(1), 10_000).unref();
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
