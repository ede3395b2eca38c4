/**
 * Runs heavy work a few at a time (reading PDFs with pdf.js on the main thread): the page stays
 * responsive however many files are on screen.
 */
export function limiter(parallel: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    while (running >= parallel) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** Two PDF readings at a time for the whole page. */
export const readingSlot = limiter(2);
