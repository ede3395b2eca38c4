/**
 * What the demo's page and its panel need from « the back end », whichever it is: the mock in the
 * page (MSW, `npm run start:mock`) or the reference server over HTTP (`npm start`). The panel
 * (fault-panel.ts) and the page (partner.ts) talk to this interface only, so their logic is
 * written once; demo/mock-backend.ts and demo/server-backend.ts are the two implementations.
 */
import type { RouteName } from '../src/api/contract.js';
import type { FaultKind } from '../src/backend/faults.js';

/** An endpoint, or every one. */
export type FaultRoute = RouteName | '*';

/** The back end's settings as the panel shows them. */
export interface DemoSnapshot {
  latencyMs: number;
  uploadLatencyMs: number;
  failures: [FaultRoute, FaultKind][];
  /** The page's session is on the account that manages one entity (SIREN 819109976). */
  singleEntity: boolean;
}

/**
 * The mock answers at once (a value), the server later (a promise). The panel shows a value in
 * the same task, so what a click changed is on screen as soon as the click is handled.
 */
export type Answer<T> = T | Promise<T>;

export interface DemoBackend {
  /** The `api-base` the widget gets. */
  readonly apiBase: string;
  /** The page's session token; `signIn()` changes it, and so may `reset()` and `singleEntity()`. */
  readonly token: string;
  /** What the panel drives, in a few words under its title. */
  readonly label: string;
  /** What the panel drives, said in its introduction. */
  readonly description: string;
  /** What « Compte avec une seule entité » does here. */
  readonly singleEntityHint: string;
  /** The wording of « cannot be reached », for the page and the panel. */
  readonly unreachable: string;

  /** Makes the back end ready and opens the page's first session. */
  start(): Promise<void>;
  /** A fresh session for the current account (« Se reconnecter »). */
  signIn(): Answer<string>;

  snapshot(): Answer<DemoSnapshot>;
  setLatency(ms: number): Answer<DemoSnapshot>;
  setUploadLatency(ms: number): Answer<DemoSnapshot>;
  /** The route (or every one) fails with `kind`; only for the next request with `once`. */
  fail(route: FaultRoute, kind: FaultKind, once: boolean): Answer<DemoSnapshot>;
  heal(route: FaultRoute): Answer<DemoSnapshot>;
  /** Seeded data, every entity, no fault, no delay. */
  reset(): Answer<DemoSnapshot>;
  /** The account with one entity, or back to all; faults are removed, delays kept. */
  singleEntity(on: boolean): Answer<DemoSnapshot>;
  /** Calls `listener` when the settings may have changed elsewhere (a fault used up). */
  onChange(listener: () => void): () => void;
}

/** The SIREN of the single entity of « Compte avec une seule entité ». */
export const SINGLE_ENTITY = '819109976';

/** True when an answer still has to come. */
export function isPending<T>(answer: Answer<T>): answer is Promise<T> {
  return answer instanceof Promise;
}
