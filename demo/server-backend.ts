/**
 * The demo's back end over HTTP: the reference server in demo mode (`npm start`). The page signs
 * in with the development sign-in and hands the token to the widget; the panel reads and sets the
 * server's faults with `GET/PUT /dev/faults` and empties the database with `POST /dev/reset`.
 */
import type { FaultKind } from '../src/backend/faults.js';
import type { DemoBackend, DemoSnapshot, FaultRoute } from './backend.js';

type Account = 'demo' | 'kavkaz';
type Faults = Omit<DemoSnapshot, 'singleEntity'>;

/** The account survives a reload, as the server's faults and deposits do. */
const ACCOUNT_KEY = 'demo-server-account';
/** How often the panel looks again: a fault « une seule fois » is used up on the server. */
const POLL_MS = 1500;

export class ServerDemoBackend implements DemoBackend {
  readonly description: string;
  readonly label = 'serveur de démonstration';
  readonly singleEntityHint = 'Reconnecte la page avec le compte SNC KAVKAZ ; les pannes sont retirées, les délais et les dépôts gardés.';
  readonly unreachable: string;
  token = '';
  private account: Account = sessionStorage.getItem(ACCOUNT_KEY) === 'kavkaz' ? 'kavkaz' : 'demo';
  /** Routes set to fail once: `PUT /dev/faults` replaces the whole list, so it must say so again. */
  private once = new Set<FaultRoute>();

  constructor(readonly apiBase: string) {
    this.description = `Ne fait pas partie du site partenaire : ce panneau règle le serveur AKTO de démonstration (${apiBase}), qui garde les dépôts.`;
    this.unreachable = `Le serveur AKTO de démonstration (${apiBase}) ne répond pas : vérifiez que « npm start » tourne toujours, puis réessayez.`;
  }

  async start(): Promise<void> {
    await this.signIn();
  }

  async signIn(): Promise<string> {
    const { token } = (await this.request('POST', '/dev/sign-in', { account: this.account })) as { token: string };
    this.token = token;
    return token;
  }

  async snapshot(): Promise<DemoSnapshot> {
    return this.read((await this.request('GET', '/dev/faults')) as Faults);
  }

  async setLatency(ms: number): Promise<DemoSnapshot> {
    return this.read((await this.request('PUT', '/dev/faults', { latencyMs: ms })) as Faults);
  }

  async setUploadLatency(ms: number): Promise<DemoSnapshot> {
    return this.read((await this.request('PUT', '/dev/faults', { uploadLatencyMs: ms })) as Faults);
  }

  async fail(route: FaultRoute, kind: FaultKind, once: boolean): Promise<DemoSnapshot> {
    const current = await this.snapshot();
    if (once) this.once.add(route);
    else this.once.delete(route);
    return this.putFailures([...current.failures.filter(([r]) => r !== route), [route, kind]]);
  }

  async heal(route: FaultRoute): Promise<DemoSnapshot> {
    const current = await this.snapshot();
    this.once.delete(route);
    return this.putFailures(current.failures.filter(([r]) => r !== route));
  }

  async reset(): Promise<DemoSnapshot> {
    // The reset empties the sessions too: the page signs in again, on the account with every entity.
    await this.request('POST', '/dev/reset');
    this.once.clear();
    this.switchTo('demo');
    await this.signIn();
    return this.snapshot();
  }

  async singleEntity(on: boolean): Promise<DemoSnapshot> {
    await this.putFailures([]);
    this.switchTo(on ? 'kavkaz' : 'demo');
    await this.signIn();
    return this.snapshot();
  }

  onChange(listener: () => void): () => void {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') listener();
    }, POLL_MS);
    return () => clearInterval(timer);
  }

  private switchTo(account: Account): void {
    this.account = account;
    sessionStorage.setItem(ACCOUNT_KEY, account);
  }

  private async putFailures(failures: [FaultRoute, FaultKind][]): Promise<DemoSnapshot> {
    const body = { failures: failures.map(([route, kind]) => (this.once.has(route) ? [route, kind, 1] : [route, kind])) };
    return this.read((await this.request('PUT', '/dev/faults', body)) as Faults);
  }

  private read(faults: Faults): DemoSnapshot {
    for (const route of [...this.once]) if (!faults.failures.some(([r]) => r === route)) this.once.delete(route);
    return { latencyMs: faults.latencyMs, uploadLatencyMs: faults.uploadLatencyMs, failures: faults.failures, singleEntity: this.account === 'kavkaz' };
  }

  /** One call to the server; its failures come back as errors with a French message. */
  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}${path}`, {
        method,
        // No cookie: the token goes to the widget as a bearer token, as a partner's would.
        credentials: 'omit',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new Error(this.unreachable);
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as { title?: string } | null;
      throw new Error(`Le serveur AKTO de démonstration a refusé la demande (${response.status}${problem?.title ? ` : ${problem.title}` : ''}).`);
    }
    return response.status === 204 ? null : response.json();
  }
}
