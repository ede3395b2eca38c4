/**
 * The peer's columns (scripts/bench/grid-peer.ts, scripts/bench/first-visit-grid.ts): our list's
 * nine, amounts and dates the French way, a status label and a « Détails » button per row.
 */
import type { ColDef } from 'ag-grid-community';
import { date, money, STATUS, type BenchInvoice } from './page-tools.js';

type Invoice = BenchInvoice;

export const columns: ColDef<Invoice>[] = [
  { field: 'reference', headerName: 'Référence' },
  { field: 'issueDate', headerName: "Date d'émission", valueFormatter: (p) => date(p.value) },
  { field: 'depositDate', headerName: 'Date de dépôt', valueFormatter: (p) => date(p.value) },
  { field: 'amountHT', headerName: 'Montant HT', type: 'rightAligned', valueFormatter: (p) => (p.value == null ? '' : money.format(p.value)) },
  { field: 'amountTTC', headerName: 'Montant TTC', type: 'rightAligned', valueFormatter: (p) => (p.value == null ? '' : money.format(p.value)) },
  { field: 'status', headerName: 'Statut', valueFormatter: (p) => STATUS[p.value] ?? p.value },
  { field: 'transferNumber', headerName: 'N° de virement' },
  { field: 'transferDate', headerName: 'Date de virement', valueFormatter: (p) => date(p.value) },
  {
    colId: 'details',
    headerName: '',
    sortable: false,
    cellRenderer: (p: { data?: Invoice }) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Détails';
      button.setAttribute('aria-label', `Détails de la facture ${p.data?.reference ?? ''}`);
      return button;
    },
  },
];
