/**
 * Runs `work` once the next frame is painted: at the page's next idle moment after it (within
 * 50 ms), or after 100 ms whatever happens (a hidden tab paints no frame). For work a change
 * starts but its first frame need not wait for (an upload's request, a draft's write, the rest of
 * a long page). Returns a cancel; `work` runs at most once.
 */
export function afterNextPaint(work: () => void): () => void {
  let done = false;
  let idle: number | undefined;
  const run = () => {
    if (done) return;
    cancel();
    work();
  };
  const timer = setTimeout(run, 100);
  // A callback posted from an animation frame runs after that frame's paint.
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 50 });
    else setTimeout(run);
  });
  function cancel() {
    done = true;
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
  }
  return cancel;
}

/**
 * Runs `work` in a task of background priority (`scheduler.postTask`, else a plain timeout): after
 * the page's other tasks, and after a frame that is due (the browser renders first). For work done
 * a slice at a time, back to back.
 */
export function inBackground(work: () => void): void {
  const { scheduler } = globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void> } };
  if (scheduler?.postTask) void scheduler.postTask(work, { priority: 'background' });
  else setTimeout(work);
}
