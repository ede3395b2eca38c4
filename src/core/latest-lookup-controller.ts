import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Look-ups made as the user types (a SIRET to INSEE, dossier suggestions), one line each by key:
 * each waits a moment for the typing to stop, and a newer one aborts the older, so an old answer
 * never lands over a newer one. The host leaving the page cancels the waits and aborts the requests.
 */
export class LatestLookupController implements ReactiveController {
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private running = new Map<string, AbortController>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Runs `lookup` after `delay` ms unless another comes for the same key first; aborts the one
   * still running for that key. The lookup gets the signal to hand to fetch.
   */
  later(key: string, delay: number, lookup: (signal: AbortSignal) => Promise<void>): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const controller = new AbortController();
        this.running.set(key, controller);
        void lookup(controller.signal).finally(() => {
          if (this.running.get(key) === controller) this.running.delete(key);
        });
      }, delay),
    );
  }

  /** Stops the wait and aborts the request under this key. */
  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.running.get(key)?.abort();
    this.running.delete(key);
  }

  /** How many wait or run (for tests and benches). */
  get pending(): number {
    return this.timers.size + this.running.size;
  }

  hostDisconnected(): void {
    for (const key of [...this.timers.keys(), ...this.running.keys()]) this.cancel(key);
  }
}
