/**
 * The floor on a first visit (scripts/bench-first-visit.mjs): a page that asks for the first page
 * of invoices and writes it as a plain table with one innerHTML, in a shadow root holding the
 * list's own stylesheet (its text given by the bench in the page, parsed before the answer comes)
 * under the list's heading (painted before the answer, as ours and the grid paint their frame).
 */
import { tableHtml } from './floor-table.js';

const host = document.getElementById('stage')!;
const root = host.attachShadow({ mode: 'open' });
root.innerHTML = `<style>${document.getElementById('list-css')!.textContent}</style><h2>Liste de mes factures</h2><div></div>`;
const pageSize = Number(host.dataset.pageSize);
const query = new URLSearchParams({ sort: 'depositDate', order: 'desc', page: '1', pageSize: String(pageSize) });
const body = await (await fetch(`/api/invoices?${query}`)).text();
root.lastElementChild!.innerHTML = tableHtml(body);
