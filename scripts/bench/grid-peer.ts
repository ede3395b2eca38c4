/**
 * The peer of « Liste de mes factures » (scripts/bench/list-bench.ts), driven by scripts/bench.mjs
 * in the same Chromium run: AG Grid Community, the data grid a partner is most likely to reach
 * for instead (by far the most downloaded framework-free grid on npm, ahead of DataTables, which
 * needs jQuery, Tabulator and Grid.js), set up as its quick start says (all community modules,
 * its default Quartz theme, a grid of fixed height that renders only the rows in view) and fed the
 * very same invoices from the same mock API: the same nine columns, amounts and dates formatted
 * the French way, a status label and a « Détails » button per row.
 *
 * - `benchGrid(runs, pageSize)`: the page's answer → grid painted, and usable then (its scroll
 *   range already every row's: checked); a search's answer (the same server-side search as ours)
 *   → rows painted;
 * - `benchGridScroll(pageSize, speed)`: 1,000 invoices painted, then the grid scrolled from top to
 *   bottom at the same speed as our list (its own viewport: a grid scrolls inside itself);
 * - `benchGridCycle(pageSize)`: mount, fill, search, destroy, for the memory figure.
 */
import { AllCommunityModule, createGrid, ModuleRegistry, type GridApi } from 'ag-grid-community';
import { columns } from './grid-columns.js';
import { createMockBackend } from '../../src/mocks/index.js';
import { nextPaint, reachable, scrollThrough, SEARCH, startMock, type BenchInvoice, type ScrollRecord, when, within } from './page-tools.js';

declare global {
  interface Window {
    benchGrid: (runs: number, pageSize: number) => Promise<{ render: number[]; usable: number[]; search: number[] }>;
    benchGridScroll: (pageSize: number, speed: number) => Promise<{ render: number } & ScrollRecord>;
    benchGridCycle: (pageSize: number) => Promise<void>;
  }
}

ModuleRegistry.registerModules([AllCommunityModule]);

type Invoice = BenchInvoice;

const mock = createMockBackend({ baseUrl: '/api', invoiceCount: 1200 });
const ready = startMock(mock);


const stage = () => document.getElementById('stage')!;

/** A page of the same API our list calls; `answeredAt` when its body is in the page, as list-bench.ts. */
async function fetchPage(pageSize: number, q = ''): Promise<{ items: Invoice[]; answeredAt: number }> {
  const query = new URLSearchParams({ sort: 'depositDate', order: 'desc', page: '1', pageSize: String(pageSize) });
  if (q) query.set('q', q);
  const body = await (await fetch(`/api/invoices?${query}`)).text();
  const answeredAt = performance.now();
  const page = JSON.parse(body) as { items: Invoice[] };
  return { items: page.items, answeredAt };
}

/** Whether every row the grid has in view shows the given invoices (its first column's text). */
function shows(api: GridApi<Invoice>, container: HTMLElement, items: Invoice[]): boolean {
  if (api.getDisplayedRowCount() !== items.length) return false;
  const first = api.getFirstDisplayedRowIndex();
  const last = api.getLastDisplayedRowIndex();
  if (items.length && last < 0) return false;
  for (let i = Math.max(first, 0); i <= last; i++) {
    const cell = container.querySelector(`.ag-row[row-index="${i}"] .ag-cell[col-id="reference"]`);
    if (cell?.textContent !== items[i]!.reference) return false;
  }
  return true;
}

async function mountGrid(): Promise<{ api: GridApi<Invoice>; container: HTMLElement }> {
  await ready;
  const container = document.createElement('div');
  container.style.height = '860px'; // the window (900 px) less a margin: the grid scrolls inside
  stage().replaceChildren(container);
  const api = createGrid<Invoice>(container, { columnDefs: columns, rowData: [], defaultColDef: { flex: 1, minWidth: 110 } });
  return { api, container };
}

async function fill(api: GridApi<Invoice>, container: HTMLElement, pageSize: number, q = ''): Promise<number> {
  const { items, answeredAt } = await fetchPage(pageSize, q);
  api.setGridOption('rowData', items);
  await within(when(container, () => shows(api, container, items), { attributes: true }), 30_000, `${items.length} invoices in the grid`);
  return (await nextPaint()) - answeredAt;
}

/** The element that scrolls the rows: `.ag-grid-viewport` in AG Grid 36, `.ag-body-viewport` before. */
function viewportOf(container: HTMLElement): HTMLElement {
  const viewport = container.querySelector<HTMLElement>('.ag-grid-viewport') ?? container.querySelector<HTMLElement>('.ag-body-viewport');
  if (!viewport) throw new Error('bench: no scrolling viewport in the grid');
  return viewport;
}

window.benchGrid = async (runs, pageSize) => {
  const render: number[] = [];
  const usable: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { api, container } = await mountGrid();
    await nextPaint();
    render.push(await fill(api, container, pageSize));
    // Usable once painted, its scroll range final then: it sizes it for every row at once (checked).
    const scrolled = () => viewportOf(container).scrollHeight;
    const atFirstScreen = scrolled();
    await nextPaint();
    await nextPaint();
    if (!reachable(atFirstScreen, scrolled())) throw new Error(`bench: the grid's scroll range grew after its first screen (${atFirstScreen} → ${scrolled()} px)`);
    usable.push(render.at(-1)!);
    search.push(await fill(api, container, pageSize, SEARCH));
    api.destroy();
  }
  stage().replaceChildren();
  return { render, usable, search };
};

window.benchGridScroll = async (pageSize, speed) => {
  const { api, container } = await mountGrid();
  await nextPaint();
  const render = await fill(api, container, pageSize);
  const viewport = viewportOf(container);
  const record = await scrollThrough(viewport, speed);
  if (record.distance < pageSize * 10) throw new Error(`bench: the grid scrolls only ${record.distance} px with ${pageSize} invoices`);
  api.destroy();
  stage().replaceChildren();
  return { render, ...record };
};

window.benchGridCycle = async (pageSize) => {
  const { api, container } = await mountGrid();
  await fill(api, container, pageSize);
  await fill(api, container, pageSize, SEARCH);
  await nextPaint();
  api.destroy();
  stage().replaceChildren();
  await new Promise((resolve) => setTimeout(resolve, 100));
};
