/**
 * Runs in scripts/bench/upload.html, driven by scripts/bench.mjs, on the production script.
 * - rows: 20 PDF invoices handed to step 1's file input, until all 20 rows are painted;
 * - cycles: add 20 invoices and remove them all, N times (the driver reads the heap between).
 */
import { createMockBackend } from '../../src/mocks/index.js';
import { handToInput, nextPaint, startMock, twentyInvoices, when } from './page-tools.js';

declare global {
  interface Window {
    benchUploadRows: (runs: number) => Promise<number[]>;
    benchUploadCycle: () => Promise<void>;
  }
}

const mock = createMockBackend({ baseUrl: '/api', entities: ['819109976'] });
const ready = startMock(mock);

async function mountStep(timeout?: number): Promise<HTMLElement> {
  await ready;
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  const step = document.createElement('akto-invoice-upload');
  step.setAttribute('api-base', '/api');
  if (timeout) step.setAttribute('timeout', String(timeout));
  stage.append(step);
  await customElements.whenDefined('akto-invoice-upload');
  await when(step.shadowRoot ?? step, () => Boolean(step.shadowRoot?.getElementById('invoices')));
  return step;
}

const hand = (step: HTMLElement, chosen: File[]) => handToInput(step.shadowRoot!.getElementById('invoices') as HTMLInputElement, chosen);

window.benchUploadRows = async (runs) => {
  const chosen = await twentyInvoices();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    mock.faults.uploadLatencyMs = 60_000; // the uploads stay under way: only the rows are timed
    const step = await mountStep();
    const root = step.shadowRoot!;
    await nextPaint(); // from a painted, idle step, as the peer's Dashboard (uppy-peer.ts)
    const started = performance.now();
    hand(step, chosen);
    await when(root, () => root.querySelectorAll('li.invoice').length === 20);
    times.push((await nextPaint()) - started);
  }
  document.getElementById('stage')!.replaceChildren();
  mock.reset({ entities: ['819109976'] });
  return times;
};

let cycleStep: HTMLElement | undefined;
window.benchUploadCycle = async () => {
  const chosen = await twentyInvoices();
  mock.faults.uploadLatencyMs = 0;
  // Its requests time out after 5 s (not 30): what a request holds until then is not a leak, and
  // scripts/bench.mjs waits that long before reading the heap (see memory-bench.ts).
  cycleStep ??= await mountStep(5000);
  const root = cycleStep.shadowRoot!;
  hand(cycleStep, chosen);
  await when(root, () => root.querySelectorAll('li.invoice').length === 20);
  for (const remove of [...root.querySelectorAll<HTMLButtonElement>('li.invoice .file .icon-button')]) remove.click();
  await when(root, () => root.querySelectorAll('li.invoice').length === 0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  mock.reset({ entities: ['819109976'] }); // the mock's own store must not count as a leak of ours
};
