/**
 * Words in every language we ship: French at once (it is in the module that asks), each other
 * language fetched the first time it is asked for, once, however many ask. The main translation
 * (src/i18n/index.ts) and the screens' words (src/i18n/screens/) are each one catalog.
 */
export interface Catalog<L extends string, T> {
  /** The words of `locale` if they are in, else French while they load (the load starts here): synchronous, so an element draws at once. */
  get(locale: L): T;
  /** Fetches a language once (later calls share the first); a language that fails to load stays French and is tried again next time. */
  load(locale: L): Promise<T>;
  /** Calls `listener` each time a language arrives (what was drawn in French is drawn again); returns the function that stops it. */
  onLoaded(listener: (locale: L) => void): () => void;
}

export function catalog<L extends string, T>(loaders: Record<L, () => Promise<T>>, french: T): Catalog<L, T> {
  const loaded = new Map<L, T>([['fr' as L, french]]);
  const loading = new Map<L, Promise<T>>();
  const listeners = new Set<(locale: L) => void>();
  const load = (locale: L): Promise<T> => {
    const ready = loaded.get(locale);
    if (ready) return Promise.resolve(ready);
    let pending = loading.get(locale);
    if (!pending) {
      pending = loaders[locale]().then(
        (words) => {
          loaded.set(locale, words);
          loading.delete(locale);
          listeners.forEach((listener) => listener(locale));
          return words;
        },
        (error: unknown) => {
          loading.delete(locale);
          throw error;
        },
      );
      loading.set(locale, pending);
    }
    return pending;
  };
  return {
    load,
    get(locale) {
      const words = loaded.get(locale);
      if (words) return words;
      load(locale).catch(() => undefined);
      return french;
    },
    onLoaded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
