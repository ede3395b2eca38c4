import { VERSION } from '../version.js';
import { isLazy, type Dependency } from './dependencies.js';

type VersionedElement = CustomElementConstructor & { version?: string; dependencies?: Record<string, Dependency> };

/**
 * Registers a tag once. A partner page that loads the script twice gets no error: the same
 * version is already there, so nothing happens; another version gets a console warning and
 * the first registration stays.
 */
export function defineElement(tag: string, constructor: VersionedElement): void {
  // Children first: an element registers the elements it renders (its static `dependencies`); lazy ones load on first use.
  for (const [childTag, child] of Object.entries(constructor.dependencies ?? {})) if (!isLazy(child)) defineElement(childTag, child);
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    customElements.define(tag, constructor);
    return;
  }
  if (existing === constructor || existing.version === (constructor.version ?? VERSION)) return;
  console.warn(
    `[akto-invoice-widget] <${tag}> is already registered by version ${existing.version ?? 'unknown'}; version ${constructor.version ?? VERSION} was not registered. Load one copy of the script.`,
  );
}
