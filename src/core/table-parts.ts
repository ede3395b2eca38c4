import { html, svg, type TemplateResult } from 'lit';
import type { SortOrder } from '../api/schemas.js';

/** Shared by the paged lists (« Liste de mes factures », « Mes dossiers »). */

/** The arrow beside a sortable column's name: up, down, or both when the column is not sorted. */
export function sortIcon(order: SortOrder | null): TemplateResult {
  const path = order === 'asc' ? 'M4 10l4-4 4 4' : order === 'desc' ? 'M4 6l4 4 4-4' : 'M5 6l3-3 3 3M5 10l3 3 3-3';
  return html`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">${svg`<path d=${path} fill="none" stroke="currentColor" stroke-width="2"/>`}</svg>`;
}

/** Placeholder rows while the first page loads, so the table keeps its layout (at most 8). */
export function skeletonRows(pageSize: number, columns: number): TemplateResult[] {
  return Array.from({ length: Math.min(pageSize, 8) }, () => html`<tr class="skeleton" aria-hidden="true">${Array.from({ length: columns }, () => html`<td><span></span></td>`)}</tr>`);
}

/** The last page of an answer, for a deep link that points past the end. */
export function lastPage(page: { total: number; pageSize: number }): number {
  return Math.max(1, Math.ceil(page.total / page.pageSize));
}
