/**
 * `akto-invoice-widget/mocks`: AKTO's invoice API in the page, for tests, stories, the demo and
 * partners' own tests. It is the back end of the reference server (src/backend/) on in-memory
 * storage, reached through MSW: it answers as the real server does, errors included.
 *
 * ```js
 * import { createMockBackend } from 'akto-invoice-widget/mocks';
 * const mock = createMockBackend({ baseUrl: '/api' });
 * await mock.start(); // registers MSW's service worker (serve msw/mockServiceWorker.js at /)
 * mock.faults.fail('listInvoices', 'server-error', { times: 1 });
 * ```
 */
import type { HttpHandler } from 'msw';
import { createApp } from '../backend/app.js';
import { Faults } from '../backend/faults.js';
import { MemoryStorage, type MemoryStorageOptions } from '../backend/memory-storage.js';
import { readFieldsFromPdf } from '../backend/read-fields.js';
import { InvoiceService, type ServiceOptions } from '../backend/service.js';
import { createHandlers } from './handlers.js';

export { Faults, FAULT_KINDS, type FaultKind } from '../backend/faults.js';
export { MemoryStorage, type MemoryStorageOptions } from '../backend/memory-storage.js';
export { MAX_UPLOAD_BYTES, InvoiceService, type FieldReader } from '../backend/service.js';
export { ApiProblem, ApiProblem as MockProblem, type ProblemCode } from '../backend/problems.js';
export { ENTITIES, SIRET_REGISTER, DOSSIERS, SEED_DATE, ACCOUNTS } from '../backend/seed.js';
export { createApp } from '../backend/app.js';
export { createHandlers } from './handlers.js';
export { readFieldsFromPdf } from '../backend/read-fields.js';

export type StoreOptions = MemoryStorageOptions & ServiceOptions;

export interface MockBackendOptions extends StoreOptions {
  /** The `api-base` the elements are given; `/api` by default. */
  baseUrl?: string;
}

export interface MockBackend {
  readonly baseUrl: string;
  /** What the mock holds: seeded entities, invoices, dossiers, uploads, pending invoices. */
  readonly store: MemoryStorage;
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
  const { baseUrl = '/api', entities, invoiceCount, ...serviceOptions } = options;
  const store = new MemoryStorage({ entities, invoiceCount });
  const faults = new Faults();
  // The service's options are read at each call, so reset() can change the clock or the reader.
  let current: ServiceOptions = { readFields: readFieldsFromPdf, ...serviceOptions };
  const service = new InvoiceService(store, { readFields: async (pdf) => (current.readFields ? current.readFields(pdf) : {}), now: () => current.now?.() ?? new Date() });
  const app = createApp({ service, faults, basePath: new URL(baseUrl, 'http://localhost').pathname, devSignIn: true, idempotencyWaitMs: 60_000 });
  const handlers = createHandlers(app, baseUrl);
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
    reset(next = {}) {
      const { entities: nextEntities = entities, invoiceCount: nextCount = invoiceCount, ...nextService } = next;
      store.reset({ entities: nextEntities, invoiceCount: nextCount });
      current = { readFields: readFieldsFromPdf, ...serviceOptions, ...nextService };
      faults.reset();
    },
  };
}
