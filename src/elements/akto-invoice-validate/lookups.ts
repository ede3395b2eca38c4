/** What step 2 asks the API besides its rows: the PDFs, INSEE on a SIRET, the entity's dossiers for D's suggestions. */
import type { ApiClient } from '../../api/client.js';
import { ApiError, isAbort } from '../../api/errors.js';
import type { SiretStatus } from './rows.js';

/**
 * INSEE's word on a well-formed SIRET: active, closed, unknown (404), or 'unchecked' when it could
 * not be asked (network, 500, 401…: reported, and the server checks it at « Valider »). Null when
 * aborted: a newer SIRET was typed, or the element left.
 */
export async function askInsee(client: ApiClient, siret: string, signal: AbortSignal, report: (error: unknown) => void): Promise<SiretStatus['status'] | null> {
  try {
    return (await client.call('lookupSiret', { params: { siret }, signal })).active ? 'active' : 'closed';
  } catch (error) {
    if (isAbort(error)) return null;
    if (error instanceof ApiError && error.status === 404) return 'unknown';
    report(error);
    return 'unchecked';
  }
}

/** Up to 8 of the entity's numbered dossiers matching what is typed; none on a failure, null when aborted. */
export async function dossierSuggestions(client: ApiClient, entity: string, q: string, signal: AbortSignal): Promise<{ number: string; title: string }[] | null> {
  try {
    const page = await client.call('listDossiers', { query: { entity, q, pageSize: 8 }, signal });
    return page.items.filter((d) => d.number).map((d) => ({ number: d.number!, title: d.title }));
  } catch (error) {
    return isAbort(error) ? null : [];
  }
}

/**
 * One download per key, shared by whoever asks (the reading of a pending invoice's PDF and its
 * preview): asked again only after it failed, or once forgotten.
 */
export class SharedDownloads<T> {
  private downloads = new Map<string, Promise<T>>();

  constructor(private download: (key: string) => Promise<T>) {}

  get(key: string): Promise<T> {
    let pending = this.downloads.get(key);
    if (!pending) {
      pending = this.download(key);
      this.downloads.set(key, pending);
      pending.catch(() => this.downloads.get(key) === pending && this.downloads.delete(key));
    }
    return pending;
  }

  forget(key: string): void {
    this.downloads.delete(key);
  }

  clear(): void {
    this.downloads.clear();
  }
}
