/**
 * How stored records become the contract's shapes, and how lists sort: one place for both
 * storages, so the mock and the PostgreSQL server answer the same rows in the same order.
 */
import type { DossierDocument, DossierSummary, InvoiceSummary, PendingInvoice, Rib, Transfer, Upload } from '../api/schemas.js';
import type { StoredDocument, StoredDossier, StoredInvoice, StoredPending, StoredRib, StoredUpload } from './storage.js';

export function invoiceSummary(i: StoredInvoice | InvoiceSummary): InvoiceSummary {
  const { id, reference, entitySiren, issueDate, depositDate, amountHT, amountTTC, status, transferNumber, transferDate, dossiers } = i;
  return { id, reference, entitySiren, issueDate, depositDate, amountHT, amountTTC, status, transferNumber, transferDate, dossiers: [...dossiers] };
}

/** A pending invoice as a row of « Mes factures »: « À valider », named by its number or its file. */
export function pendingSummary(p: PendingInvoice): InvoiceSummary {
  return {
    id: p.id,
    reference: p.fields.invoiceNumber ?? p.fileName,
    entitySiren: p.entitySiren,
    issueDate: p.fields.invoiceDate,
    depositDate: p.sentAt.slice(0, 10),
    amountHT: p.fields.amountHT,
    amountTTC: p.fields.amountTTC,
    status: 'a-valider',
    transferNumber: null,
    transferDate: null,
    dossiers: [...p.fields.dossiers],
  };
}

export function publicPending(p: StoredPending): PendingInvoice {
  const { uploadId: _u, depositId: _d, ...rest } = p;
  return structuredClone(rest);
}

export function publicUpload(u: StoredUpload): Upload {
  const { usedBy: _u, owner: _o, ...rest } = u;
  return { ...rest };
}

export function dossierSummary(d: StoredDossier | DossierSummary): DossierSummary {
  const { id, number, draftDate, title, start, end, company, entitySiren, state } = d;
  return { id, number, draftDate, title, start, end, company, entitySiren, state };
}

export const round = (n: number) => Math.round(n * 100) / 100;

/**
 * What a transfer paid of an invoice: all of it (TTC), or for « Partiellement payée » half of it,
 * the seed's convention (AKTO pays the rest once the missing piece comes).
 */
export function paidBy(invoice: Pick<StoredInvoice, 'status' | 'amountTTC'>): number {
  const ttc = invoice.amountTTC ?? 0;
  return invoice.status === 'partiellement-payee' ? round(ttc / 2) : ttc;
}

/** A transfer as the contract shows it, from the invoices it paid (all of one entity, one date, one account). */
export function transferOf(number: string, invoices: readonly StoredInvoice[]): Transfer {
  const sorted = sortRows(invoices, 'issueDate', 'asc', 'asc');
  const first = sorted[0]!;
  const paid = sorted.map((i) => ({ id: i.id, reference: i.reference, issueDate: i.issueDate, amountTTC: i.amountTTC, paid: paidBy(i), status: i.status }));
  return {
    number,
    date: first.transferDate ?? first.depositDate,
    amount: round(paid.reduce((sum, i) => sum + i.paid, 0)),
    entitySiren: first.entitySiren,
    iban: first.iban,
    invoices: paid,
  };
}

export function publicDocument(d: StoredDocument): DossierDocument {
  const { id, name, kind, sentAt } = d;
  return { id, name, kind, sentAt };
}

export function publicRib(r: StoredRib): Rib {
  const { uploadId: _u, ...rest } = r;
  return { ...rest };
}

/** The last sent first, ties by id (the later id first): documents and RIBs alike. */
export function newestFirst<T extends { id: string; sentAt: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.sentAt !== b.sentAt ? (a.sentAt < b.sentAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * The key text sorts by: lower case, accents dropped, digit runs padded so « 2 » comes before
 * « 10 ». Compared byte by byte (PostgreSQL: `COLLATE "C"`), it orders the same everywhere.
 */
export function naturalKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(20, '0'));
}

/** Sorts by one key, unknown values last whatever the order, ties broken by id in `tieOrder`. */
export function sortRows<T extends { id: string }>(rows: readonly T[], key: keyof T & string, order: 'asc' | 'desc', tieOrder: 'asc' | 'desc'): T[] {
  const direction = order === 'asc' ? 1 : -1;
  const value = (row: T) => {
    const v = row[key] as unknown;
    return v === null || v === undefined ? null : typeof v === 'number' ? v : naturalKey(String(v));
  };
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * direction;
    }
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * (tieOrder === 'asc' ? 1 : -1);
  });
}

export function paginate<T>(rows: readonly T[], page = 1, pageSize = 20): { items: T[]; total: number; page: number; pageSize: number } {
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
}

export function inRange(value: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!value) return false;
  return (!from || value >= from) && (!to || value <= to);
}
