/**
 * Runs in the page scripts/bench/list.html, driven by scripts/bench.mjs. The production script
 * (dist/akto-invoice-widget.js) against the mock backend with no latency; times are measured
 * from the moment the API's answer reaches the page to the frame after the rows are in the DOM.
 */
import { createMockBackend } from '../../src/mocks/index.js';
import { nextPaint, when } from './page-tools.js';

declare global {
  interface Window {
    benchList: (runs: number, pageSize: number) => Promise<{ render: number[]; search: number[] }>;
  }
}

const mock = createMockBackend({ baseUrl: '/api', invoiceCount: 1200 });
const ready = mock.start();

// The moment each invoice-list answer arrived (the fetch promise resolved, before JSON and schema parsing).
let answeredAt = 0;
const nativeFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const response = await nativeFetch(input, init);
  if (String(input instanceof Request ? input.url : input).includes('/api/invoices')) answeredAt = performance.now();
  return response;
};

window.benchList = async (runs, pageSize) => {
  await ready;
  await customElements.whenDefined('akto-invoice-list');
  const stage = document.getElementById('stage')!;
  const render: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < runs; run++) {
    stage.replaceChildren();
    const list = document.createElement('akto-invoice-list');
    list.setAttribute('page-size', String(pageSize));
    list.setAttribute('api-base', '/api');
    stage.append(list);
    await new Promise((r) => setTimeout(r));
    const root = list.shadowRoot!;
    const rows = () => root.querySelectorAll('tbody tr:not(.skeleton)');
    await when(root, () => rows().length === pageSize);
    render.push((await nextPaint()) - answeredAt);

    // A search answered by the server: from its answer to the updated rows painted.
    const target = 'FA-2026';
    list.setAttribute('search', target);
    await when(root, () => rows().length > 0 && [...rows()].every((r) => r.querySelector('td')!.textContent!.includes(target)));
    search.push((await nextPaint()) - answeredAt);
  }
  stage.replaceChildren();
  return { render, search };
};
