/**
 * The one mock backend every story talks to. The preview resets it before each story and applies
 * the story's `parameters.akto`; a story can also reach `mock.store` / `mock.faults` directly in
 * its own `beforeEach` or `play` (both run after the reset).
 */
import { clearDrafts } from '../../src/core/drafts.js';
import { createMockBackend, type FaultKind, type MockBackend } from '../../src/mocks/index.js';
import type { RouteName } from '../../src/api/contract.js';

/** The `api-base` every story gives its elements (or its `<akto-provider>`). */
export const API_BASE = '/api';

/** A token the mock accepts when a story sets `requiredToken: VALID_TOKEN`. */
export const VALID_TOKEN = 'jeton-de-demo';

export const mock: MockBackend = createMockBackend({ baseUrl: API_BASE });

/** One fault: `route` (an operation of the contract, or '*' for all) fails with `kind`, `times` times or always. */
export interface AktoFault {
  route: RouteName | '*';
  kind: FaultKind;
  times?: number;
}

/** `parameters.akto`: how the mock backend behaves for a story. Everything is optional. */
export interface AktoMockParameters {
  /** The SIRENs the signed-in account manages; all the guide's entities by default. */
  entities?: readonly string[];
  /** Endpoints that fail, e.g. `[{ route: 'listEntities', kind: 'server-error' }]`. */
  faults?: readonly AktoFault[];
  /** Added before every answer, in ms: shows loading states. */
  latencyMs?: number;
  /** Added before an upload's answer, in ms: shows progress. */
  uploadLatencyMs?: number;
  /** When set, every request must carry `Authorization: Bearer <requiredToken>` (else 401). */
  requiredToken?: string;
  /** How many invoices of generated history, beyond the guide's own. */
  invoiceCount?: number;
  /** A fixed clock (ISO date-time) for deposit dates, so screenshots do not change day to day. */
  now?: string;
  /** Anything else, on the fresh store and faults, before the story renders. */
  setup?: (mock: MockBackend) => void | Promise<void>;
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    /** The mock backend's configuration for this story: see stories/support/mock.ts. */
    akto?: AktoMockParameters;
  }
}

/** Back to the seeded data, then the story's settings. Called by the preview before each story. */
export async function resetMock(parameters: AktoMockParameters = {}): Promise<MockBackend> {
  const { entities, invoiceCount, now } = parameters;
  const clock = now ? new Date(now) : undefined;
  mock.reset({
    ...(entities ? { entities } : {}),
    ...(invoiceCount !== undefined ? { invoiceCount } : {}),
    ...(clock ? { now: () => new Date(clock) } : {}),
  });
  for (const { route, kind, times } of parameters.faults ?? []) mock.faults.fail(route, kind, times === undefined ? {} : { times });
  mock.faults.latencyMs = parameters.latencyMs ?? 0;
  mock.faults.uploadLatencyMs = parameters.uploadLatencyMs ?? 0;
  mock.store.requiredToken = parameters.requiredToken ?? null;
  await clearDrafts(); // each story starts without a deposit left in this browser by another one
  await parameters.setup?.(mock);
  return mock;
}
