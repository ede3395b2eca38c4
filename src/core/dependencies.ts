/**
 * The akto elements an element renders, declared on it (`static dependencies`): a class is
 * registered with it (defineElement), a lazy one is a loader run the first time it is needed, so
 * its code comes in its own chunk.
 */
export interface LazyElement {
  load: () => Promise<unknown>;
}

export type Dependency = CustomElementConstructor | LazyElement;

/** A dependency loaded on first use: `lazyElement(() => import('../akto-invoice-deposit/define.js'))`. */
export const lazyElement = (load: () => Promise<unknown>): LazyElement => ({ load });

export const isLazy = (dependency: Dependency): dependency is LazyElement => typeof dependency === 'object' && 'load' in dependency;

const loading = new Map<string, Promise<void>>();

/** Registers one of `owner`'s dependencies if it is not yet; resolves once `tag` is defined. */
export function loadDependency(owner: { dependencies?: Record<string, Dependency> }, tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  const dependency = owner.dependencies?.[tag];
  if (!dependency) return Promise.reject(new Error(`<${tag}> is not a declared dependency`));
  if (!isLazy(dependency)) return customElements.whenDefined(tag).then(() => undefined);
  let pending = loading.get(tag);
  if (!pending) {
    pending = dependency.load().then(() => customElements.whenDefined(tag)).then(() => undefined);
    pending.catch(() => loading.delete(tag)); // a chunk that failed (network) is asked for again next time
    loading.set(tag, pending);
  }
  return pending;
}
