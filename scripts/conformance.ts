/**
 * `npm run conformance`: the contract's conformance suite (test/conformance/suite.ts) over HTTP.
 *
 *   npm run conformance                     the reference server on PGlite (a fresh temporary
 *                                           database), then on PostgreSQL when DATABASE_URL is set
 *   npm run conformance -- --base https://api.example.fr/akto --token A --other-token B
 *                                           any server: A manages every fixture entity, B only
 *                                           `sharedEntity`; `--fixtures f.json` overrides the data
 *                                           the suite relies on (see Fixtures in test/conformance/http.ts)
 *
 * Prints one line a case and `N passed, N failed`; exits 1 when a case fails.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../server/index.js';
import { devSignIn, SAMPLE_INVOICE, SEED_ACCOUNTS, SEED_FIXTURES, type Fixtures, type Target } from '../test/conformance/http.js';
import { conformanceSuite, uncoveredRoutes } from '../test/conformance/suite.js';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    token: { type: 'string' },
    'other-token': { type: 'string' },
    fixtures: { type: 'string' },
    only: { type: 'string' },
  },
});

const pdf = new Uint8Array(readFileSync(join(root, SAMPLE_INVOICE)));
const fixtures: Fixtures = { ...SEED_FIXTURES, ...(args.fixtures ? JSON.parse(readFileSync(args.fixtures, 'utf8')) : {}), invoicePdf: async () => pdf };

async function run(target: Target): Promise<{ passed: number; failed: number }> {
  console.log(`\nconformance: ${target.name} (${target.baseUrl})`);
  let passed = 0;
  let failed = 0;
  for (const testCase of conformanceSuite.filter((c) => !args.only || c.name.includes(args.only))) {
    const started = performance.now();
    try {
      await testCase.run(target);
      passed += 1;
      console.log(`  ✓ ${testCase.name} (${Math.round(performance.now() - started)} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${testCase.name}\n      ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`  ${target.name}: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

/** The reference server in this process, on its own fresh database and files. */
async function againstReferenceServer(name: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'akto-conformance-'));
  const server = await startServer({ port: 0, dataDir, databaseUrl, devSignIn: true, rateLimits: false, log: () => {} });
  if (databaseUrl) await server.storage.reset(); // a kept PostgreSQL database: back to the seed
  try {
    const baseUrl = server.apiUrl;
    return await run({ name, baseUrl, token: await devSignIn(baseUrl, SEED_ACCOUNTS.a), otherToken: await devSignIn(baseUrl, SEED_ACCOUNTS.b), fixtures });
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const missing = uncoveredRoutes();
if (missing.length) {
  console.error(`conformance: no case covers ${missing.join(', ')}`);
  process.exit(1);
}

const results: { passed: number; failed: number }[] = [];
if (args.base) {
  if (!args.token || !args['other-token']) {
    console.error('conformance: --base needs --token (an account that manages the fixture entities) and --other-token (one that manages only fixtures.sharedEntity)');
    process.exit(2);
  }
  results.push(await run({ name: 'remote', baseUrl: args.base.replace(/\/+$/, ''), token: args.token, otherToken: args['other-token'], fixtures }));
} else {
  results.push(await againstReferenceServer('reference server on PGlite'));
  if (process.env.DATABASE_URL) results.push(await againstReferenceServer('reference server on PostgreSQL', process.env.DATABASE_URL));
  else console.log('\nconformance: DATABASE_URL is not set, so the PostgreSQL server run is left to CI (.ci/run starts one).');
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\nconformance: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
