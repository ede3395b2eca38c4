/**
 * `akto-invoice-widget/mocks`: a stateful mock of AKTO's invoice API for tests, stories, the
 * demo and partners' own tests. It answers as the real server would, errors included.
 *
 * ```js
 * import { createMockBackend } from 'akto-invoice-widget/mocks';
 * const mock = createMockBackend({ baseUrl: '/api' });
 * await mock.start(); // registers MSW's service worker (serve msw/mockServiceWorker.js at /)
 * mock.faults.fail('listInvoices', 'server-error', { times: 1 });
 * ```
 */
import type { HttpHandler } from 'msw';
import { Faults } from './faults.js';
import { createHandlers } from './handlers.js';
import { readFieldsFromPdf } from './read-fields.js';
import { MockStore, type StoreOptions } from './store.js';

export { Faults, FAULT_KINDS, type FaultKind } from './faults.js';
export { MockStore, MAX_UPLOAD_BYTES, sniff, type StoreOptions, type FieldReader } from './store.js';
export { MockProblem, type ProblemCode } from './problems.js';
export { ENTITIES, SIRET_REGISTER, DOSSIERS, SEED_DATE } from './seed.js';
export { createHandlers } from './handlers.js';
export { readFieldsFromPdf } from './read-fields.js';

export interface MockBackendOptions extends StoreOptions {
  /** The `api-base` the elements are given; `/api` by default. */
  baseUrl?: string;
}

export interface MockBackend {
  readonly baseUrl: string;
  readonly store: MockStore;
  readonly faults: Faults;
  /** The MSW handlers, for a partner's own `setupWorker`/`setupServer` or Storybook's addon. */
  readonly handlers: HttpHandler[];
  /** Starts MSW's service worker in this page. */
  start(options?: { workerUrl?: string; quiet?: boolean }): Promise<void>;
  stop(): void;
  /** Seeded data again, no faults, no required token. */
  reset(options?: StoreOptions): void;
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const { baseUrl = '/api', ...storeOptions } = options;
  const store = new MockStore({ readFields: readFieldsFromPdf, ...storeOptions });
  const faults = new Faults();
  const handlers = createHandlers(store, faults, baseUrl);
  let worker: { stop(): void } | undefined;
  return {
    baseUrl,
    store,
    faults,
    handlers,
    async start({ workerUrl = '/mockServiceWorker.js', quiet = true } = {}) {
      const { setupWorker } = await import('msw/browser');
      const started = setupWorker(...handlers);
      await started.start({ quiet, onUnhandledFrame: 'bypass', serviceWorker: { url: workerUrl } });
      worker = started;
    },
    stop() {
      worker?.stop();
      worker = undefined;
    },
    reset(next) {
      store.reset({ readFields: readFieldsFromPdf, ...storeOptions, ...next });
      faults.reset();
    },
  };
}
