/**
 * The demo's back end in the page: the mock (src/mocks, MSW). Every change is made at once, so
 * each method answers with a value, not a promise.
 */
import type { FaultKind, MockBackend } from '../src/mocks/index.js';
import { SINGLE_ENTITY, type DemoBackend, type DemoSnapshot, type FaultRoute } from './backend.js';

export class MockDemoBackend implements DemoBackend {
  readonly label = "simulateur d'API";
  readonly description = 'Ne fait pas partie du site partenaire : ce panneau règle le faux serveur AKTO (MSW) de cette page.';
  readonly singleEntityHint = 'Recharge les données fictives ; les pannes sont retirées, les délais gardés.';
  readonly unreachable = "Le serveur simulé n'a pas pu démarrer (service worker refusé ?) : rechargez la page. Les modules AKTO restent sans données.";
  private session = 0;
  token = '';

  constructor(readonly mock: MockBackend) {}

  get apiBase(): string {
    return this.mock.baseUrl;
  }

  async start(): Promise<void> {
    await this.mock.start();
    this.signIn();
  }

  /** The partner's sign-in would give a fresh token; the mock then accepts only that one. */
  signIn(): string {
    this.session += 1;
    this.token = `jeton-formaction-${this.session}`;
    this.mock.store.requiredToken = this.token;
    return this.token;
  }

  snapshot(): DemoSnapshot {
    const entities = this.mock.store.entities;
    const { latencyMs, uploadLatencyMs, failures } = this.mock.faults.snapshot();
    return {
      latencyMs,
      uploadLatencyMs,
      failures: failures as [FaultRoute, FaultKind][],
      singleEntity: entities.length === 1 && entities[0]?.siren === SINGLE_ENTITY,
    };
  }

  setLatency(ms: number): DemoSnapshot {
    this.mock.faults.latencyMs = ms;
    return this.snapshot();
  }

  setUploadLatency(ms: number): DemoSnapshot {
    this.mock.faults.uploadLatencyMs = ms;
    return this.snapshot();
  }

  fail(route: FaultRoute, kind: FaultKind, once: boolean): DemoSnapshot {
    this.mock.faults.fail(route, kind, once ? { times: 1 } : {});
    return this.snapshot();
  }

  heal(route: FaultRoute): DemoSnapshot {
    this.mock.faults.heal(route);
    return this.snapshot();
  }

  reset(): DemoSnapshot {
    this.mock.reset();
    this.keepSession();
    return this.snapshot();
  }

  singleEntity(on: boolean): DemoSnapshot {
    const { latencyMs, uploadLatencyMs } = this.mock.faults;
    // The mock has no accounts to switch between: its data is seeded again with one entity.
    this.mock.reset(on ? { entities: [SINGLE_ENTITY] } : {});
    this.mock.faults.latencyMs = latencyMs;
    this.mock.faults.uploadLatencyMs = uploadLatencyMs;
    this.keepSession();
    return this.snapshot();
  }

  /** mock.reset() forgets the required token: the page's session, if any, stays the only valid one. */
  private keepSession(): void {
    if (this.token) this.mock.store.requiredToken = this.token;
  }

  onChange(listener: () => void): () => void {
    return this.mock.faults.onChange(listener);
  }
}
