/**
 * Registers elements when the page first uses them. The single script defines the elements a
 * page shows first (the lists, the details) at once; the others (the deposit steps…) come in
 * their own chunk the first time their tag appears in the document, so a partner page downloads
 * them only when a user gets there.
 */
type Loader = () => Promise<unknown>;

const loaders = new Map<string, Loader>();
const loading = new Map<string, Promise<void>>();
let observer: MutationObserver | undefined;

/** Loads and registers one element (and the elements it renders); resolves once it is defined. */
export function loadElement(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    const loader = loaders.get(tag);
    if (!loader) return Promise.reject(new Error(`No element <${tag}> in akto-invoice-widget`));
    pending = loader().then(() => customElements.whenDefined(tag)).then(() => undefined);
    pending.catch(() => loading.delete(tag)); // a failed chunk (network) is asked for again next time
    loading.set(tag, pending);
  }
  return pending;
}

function scan(root: ParentNode): void {
  for (const tag of loaders.keys()) {
    if (!customElements.get(tag) && !loading.has(tag) && root.querySelector(tag)) void loadElement(tag).catch(retryWhenOnline);
  }
}

/**
 * A chunk that failed to load (the page went offline) is asked for again when the browser is back
 * online: the element on the page then appears, instead of staying blank until a reload.
 */
function retryWhenOnline(error: unknown): void {
  console.error(error);
  window.addEventListener('online', () => scan(document), { once: true });
}

/**
 * Watches the document for the given lazily-loaded tags. A host that puts them inside its own
 * shadow roots calls `loadElement(tag)` itself.
 */
export function autoload(entries: Record<string, Loader>): void {
  for (const [tag, loader] of Object.entries(entries)) if (!loaders.has(tag)) loaders.set(tag, loader);
  scan(document);
  if (observer) return;
  observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) (loaders.has(node.localName) ? loadElement(node.localName).catch(retryWhenOnline) : scan(node));
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
