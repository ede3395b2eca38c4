/**
 * Runs in scripts/bench/validate.html on the production script: 50 pending invoices (deposited
 * through the mock API beforehand, not timed), then three times: the table painted, an edit of
 * every row painted, and « Valider » on all 50 until the table is empty.
 */
import { ApiClient } from '../../src/api/client.js';
import { createMockBackend } from '../../src/mocks/index.js';
import { nextPaint, when } from './page-tools.js';

declare global {
  interface Window {
    benchValidate: (runs: number) => Promise<{ render: number[]; edit: number[]; validate: number[] }>;
  }
}

const ENTITY = '527319461';
const mock = createMockBackend({ baseUrl: '/api' });
const ready = mock.start();
const api = new ApiClient({ baseUrl: '/api' });

async function fiftyPending(): Promise<void> {
  mock.reset();
  const pdf = await (await fetch('/demo/samples/facture-2606-calcul-mental.pdf')).blob();
  const uploads = await Promise.all(Array.from({ length: 50 }, (_, i) => api.upload(pdf, 'invoice', `facture-${i + 1}.pdf`)));
  await api.call('createDeposit', { params: { siren: ENTITY }, body: { invoices: uploads.map((u) => ({ uploadId: u.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' as const })) } });
}

window.benchValidate = async (runs) => {
  await ready;
  await customElements.whenDefined('akto-invoice-list'); // the script is loaded
  const render: number[] = [];
  const edit: number[] = [];
  const validate: number[] = [];
  const stage = document.getElementById('stage')!;
  for (let run = 0; run < runs; run++) {
    await fiftyPending();
    const started = performance.now();
    const step = document.createElement('akto-invoice-validate');
    step.setAttribute('api-base', '/api');
    step.setAttribute('entity', ENTITY);
    stage.replaceChildren(step);
    await customElements.whenDefined('akto-invoice-validate');
    const root = step.shadowRoot!;
    const rows = () => root.querySelectorAll('tbody tr');
    await when(root, () => rows().length === 50);
    render.push((await nextPaint()) - started);

    // Each row's invoice number made unique (the 50 share one PDF, hence one number).
    const editStart = performance.now();
    rows().forEach((row, i) => {
      const input = row.querySelector<HTMLInputElement>('input[id^="invoiceNumber-"]')!;
      input.value = `FA-2026-${String(i + 1).padStart(4, '0')}`;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    await when(root, () => [...rows()].every((row, i) => row.querySelector<HTMLInputElement>('input[id^="invoiceNumber-"]')!.value.endsWith(String(i + 1).padStart(4, '0'))));
    edit.push((await nextPaint()) - editStart);

    const validateStart = performance.now();
    root.querySelector<HTMLInputElement>('.bulk input[type=checkbox]')!.click();
    await when(root, () => Boolean([...root.querySelectorAll<HTMLButtonElement>('.bulk button')].length));
    root.querySelector<HTMLButtonElement>('.bulk button')!.click();
    await when(root, () => rows().length === 0);
    validate.push((await nextPaint()) - validateStart);
  }
  stage.replaceChildren();
  return { render, edit, validate };
};
