/**
 * The reader's corpus (test/fixtures/reader-corpus/VALUES.tsv, written by
 * scripts/make-reader-corpus.mjs): each plain PDF with the values it carries, and how a reading
 * compares with them, field by field. An empty cell is a value the invoice does not carry: the
 * reader must give nothing there. Shared by the corpus test and `npm run bench:reader`.
 */
import type { InvoiceReading } from '../../src/reader/index.js';

export const CORPUS_DIR = 'test/fixtures/reader-corpus';

export type CorpusRow = Record<string, string>;

/** The fields scored, in the order printed. */
export const SCORED = ['status', 'invoiceNumber', 'issueDate', 'amountHT', 'amountTVA', 'amountTTC', 'amountDue', 'currency', 'seller.name', 'seller.siren', 'seller.siret', 'buyer.siren', 'buyer.siret', 'dossiers', 'creditNote'] as const;
export type ScoredField = (typeof SCORED)[number];

export async function loadCorpus(origin = ''): Promise<CorpusRow[]> {
  const response = await fetch(`${origin}/${CORPUS_DIR}/VALUES.tsv`);
  if (!response.ok) throw new Error(`no ${CORPUS_DIR}/VALUES.tsv`);
  const [header, ...lines] = (await response.text()).split('\n').filter((line) => line.trim());
  const columns = header!.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((cell, i) => [columns[i]!, cell.trim()])));
}

/** The path of a row's PDF from the repository's root. */
export const corpusFile = (row: CorpusRow) => (row.file!.startsWith('../') ? `test/fixtures/${row.file!.slice(3)}` : `${CORPUS_DIR}/${row.file}`);

/** What the reading gives for one scored field, written as the table writes it ('' for nothing). */
export function got(reading: InvoiceReading, field: ScoredField): string {
  if (field === 'status') return reading.status;
  // Why it is a credit note, as the table says it (`text`, `negative-totals`); nothing when it is not one.
  if (field === 'creditNote') return reading.creditNoteReasons.join(' ');
  // `seller.siret` is reading.fields.seller.siret.
  const value = (field.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | null)?.[key], reading.fields) as { value: unknown } | null | undefined)?.value;
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

/** What the table expects, normalised as `got` writes it. */
export function expected(row: CorpusRow, field: ScoredField): string {
  const cell = row[field] ?? '';
  if (/^amount/.test(field) && cell) return String(Number(cell));
  return cell;
}

export interface FieldCheck {
  field: ScoredField;
  expected: string;
  got: string;
  ok: boolean;
}

export function compare(reading: InvoiceReading, row: CorpusRow): FieldCheck[] {
  return SCORED.map((field) => {
    const want = expected(row, field);
    const have = got(reading, field);
    return { field, expected: want, got: have, ok: want === have };
  });
}
