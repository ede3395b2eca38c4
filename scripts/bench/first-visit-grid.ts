/**
 * The peer on a first visit (scripts/bench-first-visit.mjs): a partner page that loads AG Grid,
 * set up as in grid-peer.ts, and fills it with the first page of invoices from the real HTTP
 * server as soon as the page runs. Bundled and minified by the bench, as a partner would ship it.
 */
import { AllCommunityModule, createGrid, ModuleRegistry } from 'ag-grid-community';
import { columns } from './grid-columns.js';
import type { BenchInvoice } from './page-tools.js';

ModuleRegistry.registerModules([AllCommunityModule]);

const container = document.getElementById('stage')!;
container.style.height = '860px'; // as grid-peer.ts: the grid scrolls inside
const api = createGrid<BenchInvoice>(container, { columnDefs: columns, rowData: [], defaultColDef: { flex: 1, minWidth: 110 } });
const pageSize = Number(container.dataset.pageSize);
const query = new URLSearchParams({ sort: 'depositDate', order: 'desc', page: '1', pageSize: String(pageSize) });
const page = (await (await fetch(`/api/invoices?${query}`)).json()) as { items: BenchInvoice[] };
api.setGridOption('rowData', page.items);
