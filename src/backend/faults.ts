import type { RouteName } from '../api/contract.js';

/** What can go wrong on the way: switchable from a test, a story or the demo's panel. */
export type FaultKind = 'server-error' | 'timeout' | 'network' | 'unauthorized' | 'malformed';
export const FAULT_KINDS: readonly FaultKind[] = ['server-error', 'timeout', 'network', 'unauthorized', 'malformed'];

interface Failure {
  kind: FaultKind;
  /** How many requests fail before the endpoint works again; unlimited when absent. */
  remaining?: number;
}

export class Faults {
  /** Added before every answer, in milliseconds. */
  latencyMs = 0;
  /** Added before an upload's answer, for « slow upload ». */
  uploadLatencyMs = 0;
  /** Counts the resets: a request still waiting out its latency when one comes is dropped. */
  generation = 0;
  private failures = new Map<RouteName | '*', Failure>();
  private listeners = new Set<() => void>();

  /** Makes an endpoint (or every one, with '*') fail; `times` limits it to the next N requests. */
  fail(route: RouteName | '*', kind: FaultKind, options: { times?: number } = {}): void {
    this.failures.set(route, { kind, remaining: options.times });
    this.changed();
  }

  heal(route?: RouteName | '*'): void {
    if (route) this.failures.delete(route);
    else this.failures.clear();
    this.changed();
  }

  reset(): void {
    this.generation++;
    this.latencyMs = 0;
    this.uploadLatencyMs = 0;
    this.failures.clear();
    this.changed();
  }

  /** The fault for this request, if any; counts it down. */
  take(route: RouteName): FaultKind | null {
    const key = this.failures.has(route) ? route : this.failures.has('*') ? '*' : null;
    if (!key) return null;
    const failure = this.failures.get(key)!;
    if (failure.remaining !== undefined) {
      failure.remaining -= 1;
      if (failure.remaining <= 0) {
        this.failures.delete(key);
        this.changed();
      }
    }
    return failure.kind;
  }

  /** The current settings, for a panel to show. */
  snapshot(): { latencyMs: number; uploadLatencyMs: number; failures: [string, FaultKind][] } {
    return { latencyMs: this.latencyMs, uploadLatencyMs: this.uploadLatencyMs, failures: [...this.failures].map(([route, f]) => [route, f.kind]) };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
