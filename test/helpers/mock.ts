/**
 * The mock backend for browser tests: started once per test file (each file has its own page),
 * reset to the seeded state before each test.
 */
import type { ApiError } from '../../src/api/errors.js';
import { clearDrafts } from '../../src/core/drafts.js';
import { createMockBackend, type MockBackend } from '../../src/mocks/index.js';

export const mock: MockBackend = createMockBackend({ baseUrl: '/api' });
let started: Promise<void> | undefined;

export async function startMock(): Promise<MockBackend> {
  started ??= mock.start();
  await started;
  mock.reset();
  await clearDrafts(); // drafts live in this origin's IndexedDB, shared by every test file
  return mock;
}

/** Loads one of the project's sample files (demo/samples, test/fixtures) as a File. */
export async function sampleFile(path: string, name = path.split('/').pop()!): Promise<File> {
  const response = await fetch(`/${path}`);
  if (!response.ok) throw new Error(`No sample at ${path}`);
  return new File([await response.blob()], name, { type: 'application/pdf' });
}

export interface SampleEntry {
  file: string;
  kind: 'invoice' | 'credit-note' | 'fixture';
  invoiceNumber?: string;
  issueDate?: string;
  amountHT?: number;
  amountTVA?: number;
  amountTTC?: number;
  siret?: string;
  siren?: string;
  sellerName?: string;
  buyerSiren?: string;
  dossiers?: string[];
  facturX?: boolean;
  pages?: number;
  problem?: string;
}

export async function samples(): Promise<SampleEntry[]> {
  return (await fetch('/demo/samples/samples.json')).json();
}

/** Waits until `check` returns a truthy value (polling animation frames), or fails after `timeout` ms. */
export async function until<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeout = 4000, what = 'condition'): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = await check(); // an async check (IndexedDB) is waited for: its promise is no answer
    if (value) return value;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/** The ApiError a call fails with; fails the test when the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('Expected the call to fail');
}
