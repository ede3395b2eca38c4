/**
 * Runs in scripts/bench/upload.html, driven by scripts/bench.mjs, on the production script.
 * - rows: 20 PDF invoices handed to step 1's file input, until all 20 rows are painted;
 * - cycles: add 20 invoices and remove them all, N times (the driver reads the heap between).
 */
import { createMockBackend } from '../../src/mocks/index.js';
import { nextPaint, when } from './page-tools.js';

declare global {
  interface Window {
    benchUploadRows: (runs: number) => Promise<number[]>;
    benchUploadCycle: () => Promise<void>;
  }
}

const mock = createMockBackend({ baseUrl: '/api', entities: ['819109976'] });
const ready = mock.start();
const SAMPLES = ['FACTURE KHATIB NABIL.pdf', 'facture-2606-calcul-mental.pdf', 'facture-2507-diagnostiqueur-immobilier-3-dossiers.pdf', 'facture-2601-diagnostiqueur-immobilier.pdf'];
let files: File[] = [];

async function twentyInvoices(): Promise<File[]> {
  if (files.length) return files;
  const blobs = await Promise.all(SAMPLES.map(async (name) => (await fetch(`/demo/samples/${encodeURIComponent(name)}`)).blob()));
  files = Array.from({ length: 20 }, (_, i) => new File([blobs[i % blobs.length]!], `facture-${String(i + 1).padStart(2, '0')}.pdf`, { type: 'application/pdf', lastModified: 1_700_000_000_000 + i }));
  return files;
}

async function mountStep(): Promise<HTMLElement> {
  await ready;
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  const step = document.createElement('akto-invoice-upload');
  step.setAttribute('api-base', '/api');
  stage.append(step);
  await customElements.whenDefined('akto-invoice-upload');
  await when(step.shadowRoot ?? step, () => Boolean(step.shadowRoot?.getElementById('invoices')));
  return step;
}

function hand(step: HTMLElement, chosen: File[]): void {
  const input = step.shadowRoot!.getElementById('invoices') as HTMLInputElement;
  const transfer = new DataTransfer();
  for (const file of chosen) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

window.benchUploadRows = async (runs) => {
  const chosen = await twentyInvoices();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    mock.faults.uploadLatencyMs = 60_000; // the uploads stay under way: only the rows are timed
    const step = await mountStep();
    const root = step.shadowRoot!;
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
  cycleStep ??= await mountStep();
  const root = cycleStep.shadowRoot!;
  hand(cycleStep, chosen);
  await when(root, () => root.querySelectorAll('li.invoice').length === 20);
  for (const remove of [...root.querySelectorAll<HTMLButtonElement>('li.invoice .file .icon-button')]) remove.click();
  await when(root, () => root.querySelectorAll('li.invoice').length === 0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  mock.reset({ entities: ['819109976'] }); // the mock's own store must not count as a leak of ours
};
