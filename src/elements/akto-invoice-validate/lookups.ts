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
 * Whether the entity has this dossier (a search of its dossiers by number): false when it has not,
 * null when it could not be told (a failure, an abort), since the server checks it at « Valider ».
 */
export async function dossierKnown(client: ApiClient, entity: string, number: string, signal?: AbortSignal): Promise<boolean | null> {
  try {
    const page = await client.call('listDossiers', { query: { entity, q: number, pageSize: 20 }, signal });
    return page.items.some((d) => d.number === number);
  } catch {
    return null;
  }
}

/**
 * The preview's download, offered to the browser's reading of the same PDF: the invoice shown is
 * downloaded once, not once for the preview and again for the reading. Only the latest preview's
 * is kept (its task holds the PDF anyway); every other reading downloads its own, and a preview
 * always asks the server (a « Réessayer », a preview opened again).
 */
export class PreviewDownload<T> {
  private current?: { key: string; download: Promise<T> };

  /** The preview's download (aborted with `signal` when the preview moves on). */
  fetch(key: string, download: () => Promise<T>): Promise<T> {
    const current = { key, download: download() };
    this.current = current;
    current.download.catch(() => this.current === current && (this.current = undefined));
    return current.download;
  }

  /** For the reading: the preview's download of this key when there is one (its own if that fails), else its own. */
  take(key: string, download: () => Promise<T>): Promise<T> {
    return this.current?.key === key ? this.current.download.catch(download) : download();
  }
}
