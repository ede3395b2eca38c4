/**
 * What the user is in the middle of, kept in this browser's IndexedDB so a reload, a crash or a
 * closed tab loses nothing: the files chosen in step 1 (File objects are stored as they are), the
 * edits made in step 2. Nothing leaves the browser. A draft is kept per user (the key says whose),
 * deleted once sent, validated or abandoned, and dropped when older than its maximum age. Where
 * IndexedDB is unavailable (some private modes), drafts are simply not kept.
 */
const DB = 'akto-invoice-widget';
const STORE = 'drafts';

let opening: Promise<IDBDatabase | null> | undefined;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await open();
  if (!db) return undefined;
  return new Promise((resolve) => {
    try {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

/** A draft is kept a day unless the host says otherwise (`drafts-max-age`, in seconds). */
export const DEFAULT_DRAFTS_MAX_AGE_S = 86_400;

/** What is stored under a key: the value and when it was saved, so an old draft can be dropped. */
interface Stored<T> {
  savedAt: number;
  value: T;
}

/** The draft under `key`, unless it is older than `maxAgeMs`: then it is deleted and never offered. */
export async function loadDraft<T>(key: string, maxAgeMs = DEFAULT_DRAFTS_MAX_AGE_S * 1000): Promise<T | undefined> {
  const stored = await run<Stored<T>>('readonly', (store) => store.get(key) as IDBRequest<Stored<T>>);
  if (!stored || typeof stored.savedAt !== 'number') return undefined;
  if (Date.now() - stored.savedAt > maxAgeMs) {
    await deleteDraft(key);
    return undefined;
  }
  return stored.value;
}

/**
 * The key of the newest draft whose key starts with `prefix` and is younger than `maxAgeMs`
 * (undefined: none). Step 1 asks it before the entity is chosen: a draft knows its entity, so
 * after a reload the deposit is offered back without choosing the entity again.
 */
export async function newestDraftKey(prefix: string, maxAgeMs = DEFAULT_DRAFTS_MAX_AGE_S * 1000): Promise<string | undefined> {
  const db = await open();
  if (!db) return undefined;
  return new Promise((resolve) => {
    let newest: { key: string; savedAt: number } | undefined;
    try {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).openCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(newest?.key);
        const { savedAt } = cursor.value as Stored<unknown>;
        if (typeof savedAt === 'number' && Date.now() - savedAt <= maxAgeMs && savedAt > (newest?.savedAt ?? -1)) newest = { key: String(cursor.key), savedAt };
        cursor.continue();
      };
      request.onerror = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

export const saveDraft = (key: string, value: unknown): Promise<unknown> =>
  run('readwrite', (store) => store.put({ savedAt: Date.now(), value } satisfies Stored<unknown>, key));

export const deleteDraft = (key: string): Promise<unknown> => run('readwrite', (store) => store.delete(key));

/**
 * Forgets every draft this browser keeps, whoever's: call it when the user signs out. Exported by
 * the package and the single script.
 */
export const clearDrafts = (): Promise<unknown> => run('readwrite', (store) => store.clear());
