/** Shared by the benchmark pages: waiting for the DOM and for the next painted frame. */

/** Resolves after the frame following the current one is painted (two animation frames). */
export const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));

/** Resolves when `check` holds, re-checking on every change under `root`. */
export function when(root: Node, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}
