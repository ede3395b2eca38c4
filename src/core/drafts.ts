/**
 * What the user is in the middle of, kept in this browser's IndexedDB so a reload, a crash or a
 * closed tab loses nothing: the files chosen in step 1 (File objects are stored as they are), the
 * edits made in step 2. Nothing leaves the browser; a draft is deleted once sent, validated or
 * abandoned. Where IndexedDB is unavailable (some private modes), drafts are simply not kept.
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

export const loadDraft = <T>(key: string): Promise<T | undefined> => run<T>('readonly', (store) => store.get(key) as IDBRequest<T>);
export const saveDraft = (key: string, value: unknown): Promise<unknown> => run('readwrite', (store) => store.put(value, key));
export const deleteDraft = (key: string): Promise<unknown> => run('readwrite', (store) => store.delete(key));

/** Forgets every draft of this browser (a sign-out, a test). */
export const clearDrafts = (): Promise<unknown> => run('readwrite', (store) => store.clear());
