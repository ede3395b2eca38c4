/**
 * The floor of each figure (issue 18): what the browser itself needs for the same work, measured
 * in the same Chromium run as ours and the peer's. Plain HTML written with one `innerHTML`, in a
 * shadow root carrying the element's own stylesheets (taken from the element's class), from the
 * same mock API answers or the same files:
 *
 * - `benchFloorList(runs, pageSize)`: a page of invoices, from the answer's body received (JSON
 *   parsing included, no schema check) to the painted table; then a search's answer, the same way;
 * - `benchFloorFirstScreen(pageSize)`: the same for 1,000 invoices, to the first painted frame;
 * - `benchFloorRows(runs)`: step 1's 20 rows (name, size, state, remove, the two boxes, the
 *   supporting documents' zone and derogations) from the file input's change event to the paint.
 *
 * Nothing here is interactive beyond what the markup gives; that is the point of a floor.
 */
import { createMockBackend } from '../../src/mocks/index.js';
import { escape, tableHtml } from './floor-table.js';
import { handToInput, lookThenPaint, nextPaint, SEARCH, startMock, twentyInvoices } from './page-tools.js';

declare global {
  interface Window {
    benchFloorList: (runs: number, pageSize: number) => Promise<{ render: number[]; search: number[] }>;
    benchFloorFirstScreen: (pageSize: number) => Promise<number>;
    benchFloorRows: (runs: number) => Promise<number[]>;
  }
}

const mock = createMockBackend({ baseUrl: '/api', invoiceCount: 1200, entities: ['819109976'] });
const ready = startMock(mock);

/** A shadow root with the element's own stylesheets: the same styles as ours, no element. */
async function styledRoot(tag: string): Promise<ShadowRoot> {
  await ready;
  if (!customElements.get(tag)) {
    // A lazy element of the single script is defined when its tag first appears in the document.
    const probe = document.body.appendChild(document.createElement(tag));
    await customElements.whenDefined(tag);
    probe.remove();
  }
  const styles = (customElements.get(tag) as unknown as { elementStyles: (CSSStyleSheet | { styleSheet: CSSStyleSheet })[] }).elementStyles;
  const host = document.createElement('div');
  document.getElementById('stage')!.replaceChildren(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = styles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet));
  return root;
}

/** The same request as our list's; the moment its body is in the page, as list-bench.ts. */
async function fetchPage(pageSize: number, q = ''): Promise<{ body: string; answeredAt: number }> {
  const query = new URLSearchParams({ sort: 'depositDate', order: 'desc', page: '1', pageSize: String(pageSize) });
  if (q) query.set('q', q);
  const body = await (await fetch(`/api/invoices?${query}`)).text();
  return { body, answeredAt: performance.now() };
}

window.benchFloorList = async (runs, pageSize) => {
  const render: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < runs; run++) {
    const root = await styledRoot('akto-invoice-list');
    await nextPaint();
    for (const [q, times] of [['', render], [SEARCH, search]] as const) {
      const { body, answeredAt } = await fetchPage(pageSize, q);
      root.innerHTML = tableHtml(body);
      times.push((await nextPaint()) - answeredAt);
    }
  }
  document.getElementById('stage')!.replaceChildren();
  return { render, search };
};

window.benchFloorFirstScreen = async (pageSize) => {
  const root = await styledRoot('akto-invoice-list');
  await nextPaint();
  const { body, answeredAt } = await fetchPage(pageSize);
  root.innerHTML = tableHtml(body);
  const painted = (await nextPaint()) - answeredAt;
  document.getElementById('stage')!.replaceChildren();
  return painted;
};

/** Step 1's row for a file, as plain HTML: what our row shows before its upload starts. */
function rowHtml(file: File, index: number): string {
  const name = escape(file.name);
  const id = `r${index}`;
  return `<li class="invoice"><div class="file"><bdi class="name">${name}</bdi><span class="size">Taille ${Math.round(file.size / 1000)} ko</span><span class="state">Vérification…</span><button class="icon-button" type="button" aria-label="Retirer ${name}">×</button></div>` +
    `<div class="checks"><label><input type="checkbox" />Avoir</label><label><input type="checkbox" />Frais de salaires</label></div>` +
    `<div class="supporting"><h3 id="s-${id}">Pièces justificatives</h3><div class="dropzone small"><button class="button secondary" type="button">Ajouter des pièces justificatives</button><span class="hint">ou glissez-déposez-les ici · PDF, JPG ou PNG</span></div>` +
    `<fieldset class="derogations"><legend>Ou, sans pièce justificative :</legend><label><input type="checkbox" />Adhérent</label><label><input type="checkbox" />CFA / OF</label></fieldset><p class="missing">Ajoutez une pièce justificative ou cochez une dérogation.</p></div></li>`;
}

window.benchFloorRows = async (runs) => {
  const files = await twentyInvoices();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const root = await styledRoot('akto-invoice-upload');
    root.innerHTML = '<input id="invoices" type="file" multiple /><ul class="invoices"></ul>';
    const input = root.getElementById('invoices') as HTMLInputElement;
    const list = root.querySelector('ul')!;
    await lookThenPaint();
    const started = performance.now();
    input.addEventListener('change', () => (list.innerHTML = [...input.files!].map(rowHtml).join('')), { once: true });
    handToInput(input, files);
    times.push((await nextPaint()) - started);
  }
  document.getElementById('stage')!.replaceChildren();
  return times;
};
