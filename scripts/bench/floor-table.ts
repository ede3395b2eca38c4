/**
 * The floor's table (scripts/bench/floor.ts, scripts/bench/first-visit-floor.ts): the rows our
 * list draws, as one string of plain HTML, from the API's answer as it came (JSON parsing counted).
 */
import { date, money, STATUS, type BenchInvoice } from './page-tools.js';

type Invoice = BenchInvoice;

export const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
const LABELS = ['Référence', "Date d'émission", 'Date de dépôt', 'Montant HT', 'Montant TTC', 'Statut', 'N° de virement', 'Date de virement'];

const cell = (label: string, value: string, kind = '') => `<td data-label="${label}" class="${value ? kind : `${kind} empty-cell`.trim()}">${value}</td>`;

/** The table our list draws, as one string: the same cells, classes and « Détails » buttons. */
export function tableHtml(body: string): string {
  const { items } = JSON.parse(body) as { items: Invoice[] };
  let rows = '';
  for (const i of items) {
    const ref = escape(i.reference);
    rows +=
      `<tr>${cell(LABELS[0]!, ref, 'reference')}${cell(LABELS[1]!, date(i.issueDate), 'date')}${cell(LABELS[2]!, date(i.depositDate), 'date')}` +
      `${cell(LABELS[3]!, i.amountHT == null ? '' : money.format(i.amountHT), 'num')}${cell(LABELS[4]!, i.amountTTC == null ? '' : money.format(i.amountTTC), 'num')}` +
      `${cell(LABELS[5]!, `<span class="badge info">${STATUS[i.status] ?? escape(i.status)}</span>`)}${cell(LABELS[6]!, escape(i.transferNumber ?? ''))}${cell(LABELS[7]!, date(i.transferDate), 'date')}` +
      `<td class="details"><button class="button secondary" data-id="${escape(i.id)}" aria-label="Détails de la facture ${ref}">Détails</button></td></tr>`;
  }
  return `<div class="table-wrap" role="region" tabindex="0" aria-labelledby="caption"><table><caption id="caption">Liste de mes factures</caption><thead><tr>${LABELS.map((l) => `<th scope="col">${l}</th>`).join('')}<th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
