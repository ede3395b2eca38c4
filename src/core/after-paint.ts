/**
 * Runs `work` once the next frame is painted, behind whatever else the page has queued: an
 * animation frame comes just before the frame's style, layout and paint; from it, a task of
 * background priority (`scheduler.postTask`, else a plain timeout). What is drawn after the first
 * screen (the rest of a long page) is background work: a partner's own tasks, a click's handler,
 * go first.
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => inBackground(work));
}

/**
 * Runs `work` in a task of background priority (`scheduler.postTask`, else a plain timeout): after
 * the page's other tasks, and after a frame that is due (the browser renders first).
 */
export function inBackground(work: () => void): void {
  const { scheduler } = globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void> } };
  if (scheduler?.postTask) void scheduler.postTask(work, { priority: 'background' });
  else setTimeout(work);
}
