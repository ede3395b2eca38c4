/**
 * Step 2's rows as data: one pending invoice on screen with what the user changed, never changed
 * in place (each change is a new row), and the pre-fill from the browser's own reading of the PDF.
 * What the form shows of the rules (touched, the server's 422) is ValidationFormController's.
 */
import type { PendingInvoice, ValidationRequest } from '../../api/schemas.js';
import type { InvoiceReading } from '../../reader/types.js';
import { checkAmount, formatAmountInput, type AmountLocale } from '../../rules/amount.js';
import { checkDossierNumber } from '../../rules/dossier.js';
import { fail, type RuleFailure } from '../../rules/result.js';
import { checkFields, FIELD_SPECS, fieldsFromReading, formatField, formatFields, TEXT_FIELD_KEYS, type FieldContext, type FieldKey, type FieldValues, type TextFieldKey } from '../../rules/fields.js';

/** What INSEE says of the SIRET typed; 'unchecked' when the look-up failed (the server checks at « Valider »). */
export interface SiretStatus {
  siret: string;
  status: 'active' | 'unknown' | 'closed' | 'unchecked';
}

/** One pending invoice on screen, with what the user changed. */
export interface ValidationRow {
  readonly pending: PendingInvoice;
  readonly values: Readonly<Record<TextFieldKey, string>>;
  readonly dossiers: readonly string[];
  /** The dossiers found automatically (by the server's reading, else the browser's): « N dossiers trouvés automatiquement » counts those still listed. */
  readonly found: readonly string[];
  /** Listed dossiers the entity does not have (a look-up, or the server's 422 traced to them): the error goes beside each. */
  readonly unknownDossiers: readonly string[];
  /** The seller's SIREN the PDF carries (the browser's reading), offered to start an empty SIRET from. */
  readonly readSiren?: string;
  /** The browser found no text in the PDF (a scan): the fields are to be typed from the preview. */
  readonly scanned?: boolean;
  /** The dossier being typed in D's add field. */
  readonly newDossier: string;
  readonly siretStatus?: SiretStatus;
  readonly validating: boolean;
  /** A failure that is no field's (network, 500…), shown on the row. */
  readonly error: string;
  /** Kept across retries of the same validation: a double click or a retry validates once. */
  readonly idempotencyKey?: string;
  readonly selected: boolean;
  /** Fields the server could not read, filled in from the browser's own reading of the PDF. */
  readonly prefilled: readonly FieldKey[];
  /** Where the invoice's embedded e-invoice data says something else than the server: the value it gives. */
  readonly differs: Readonly<Partial<Record<FieldKey, DifferentValue>>>;
}

/** The e-invoice's own value of a field, as the API would carry it (written for a sentence by the template). */
export interface DifferentValue {
  value: unknown;
}

export function rowFor(pending: PendingInvoice, locale: AmountLocale): ValidationRow {
  const { values, dossiers } = formatFields(pending.fields, locale);
  return { pending, values, dossiers, found: dossiers, unknownDossiers: [], newDossier: '', validating: false, error: '', selected: false, prefilled: [], differs: {} };
}

/** The amounts written again in another language (`1 234,56` → `1,234.56`); what does not read as an amount stays as typed. */
export function relocalized(row: ValidationRow, from: AmountLocale, to: AmountLocale): ValidationRow {
  const values = { ...row.values };
  for (const field of ['amountHT', 'amountTTC'] as const) {
    const amount = checkAmount(values[field], { locale: from, creditNote: true });
    if (amount.ok) values[field] = formatAmountInput(amount.value, to);
  }
  return { ...row, values };
}

/** The row's fields as the rules read them. */
export function valuesOf(row: ValidationRow): FieldValues {
  return { ...row.values, dossiers: row.dossiers };
}

/** What the rules need besides the values: the avoir box, the deposit date, the accepted prefixes, the language amounts are typed in. */
export function contextOf(row: ValidationRow, prefixes: readonly string[] | undefined, locale?: AmountLocale): FieldContext {
  return { creditNote: row.pending.creditNote, depositDate: row.pending.sentAt.slice(0, 10), prefixes, locale };
}

/** « N dossiers trouvés automatiquement »: how many of those found are still listed (null: say nothing, the list speaks). */
export function foundCount(row: ValidationRow): number | null {
  if (!row.found.length) return row.dossiers.length ? null : 0;
  const kept = row.dossiers.filter((d) => row.found.includes(d)).length;
  return kept || null;
}

/** dossierProblems once a row (a row is never changed in place) and prefix list: a row's drawing asks twice. */
const problemsOf = new WeakMap<ValidationRow, { prefixes: readonly string[] | undefined; problems: ReadonlyMap<string, RuleFailure> }>();

/** Each listed dossier's own problem (not an AKTO number, a prefix refused, unknown to the entity), by number. */
export function dossierProblems(row: ValidationRow, prefixes: readonly string[] | undefined): ReadonlyMap<string, RuleFailure> {
  const known = problemsOf.get(row);
  if (known && known.prefixes === prefixes) return known.problems;
  const problems = new Map<string, RuleFailure>();
  for (const number of row.dossiers) {
    const checked = checkDossierNumber(number, { prefixes });
    if (!checked.ok) problems.set(number, checked);
    else if (row.unknownDossiers.includes(checked.value)) problems.set(number, fail('dossierUnknown'));
  }
  problemsOf.set(row, { prefixes, problems });
  return problems;
}

/** The SIREN offered to start an empty SIRET from: the one the PDF carries, else the entity's. */
export function sirenOffer(row: ValidationRow): { siren: string; fromPdf: boolean } | null {
  if (row.values.siret.trim()) return null;
  return row.readSiren ? { siren: row.readSiren, fromPdf: true } : { siren: row.pending.entitySiren, fromPdf: false };
}

/**
 * What the browser's reading of the PDF changes on a row: a field the server could not read and
 * the user left empty is filled in (and marked); a field where the e-invoice XML says another
 * thing than the server is noted.
 */
export function prefill(row: ValidationRow, reading: InvoiceReading, locale: AmountLocale): Partial<ValidationRow> {
  const read = fieldsFromReading(reading.fields);
  const readSiren = reading.fields.seller.siren?.value;
  const server = row.pending.fields;
  const values = { ...row.values };
  const prefilled: FieldKey[] = [];
  const differs: Partial<Record<FieldKey, DifferentValue>> = {};
  for (const field of TEXT_FIELD_KEYS) {
    const found = read[field];
    if (!found) continue;
    if (server[field] === null && !values[field].trim()) {
      values[field] = formatField(field, found.value, locale);
      prefilled.push(field);
    } else if ((reading.syntax === 'CII' || reading.syntax === 'UBL') && server[field] !== null && server[field] !== found.value) {
      differs[field] = { value: found.value };
    }
  }
  let { dossiers, found } = row;
  if (!server.dossiers.length && !row.dossiers.length && read.dossiers?.value.length) {
    dossiers = found = FIELD_SPECS.dossiers.format(read.dossiers.value);
    prefilled.push('dossiers');
  }
  return { values, dossiers, found, prefilled, differs, ...(readSiren ? { readSiren } : {}) };
}

/** INSEE's answer on the SIRET typed, as a failure of F when it is « unknown » or « closed ». */
export function inseeVerdict(row: ValidationRow): { siret?: RuleFailure } {
  const status = row.siretStatus;
  if (status?.status !== 'unknown' && status?.status !== 'closed') return {};
  const siret = FIELD_SPECS.siret.check(valuesOf(row), contextOf(row, undefined));
  return siret.ok && siret.value === status.siret ? { siret: fail(status.status === 'unknown' ? 'siretUnknown' : 'siretClosed') } : {};
}

/**
 * What « Valider » sends, once the rules passed: each rule's value is what the API takes
 * (« 1 234,56 » → 1234.56, « 26/06/2026 » → « 2026-06-26 »), the text as typed otherwise.
 */
export function validationRequest(row: ValidationRow, prefixes: readonly string[] | undefined, locale: AmountLocale): ValidationRequest {
  const checked = checkFields(valuesOf(row), contextOf(row, prefixes, locale));
  const value = <T>(field: FieldKey, raw: T): T => (checked[field].ok ? (checked[field].value as T) : raw);
  return {
    invoiceNumber: value('invoiceNumber', row.values.invoiceNumber.trim()),
    amountHT: value('amountHT', NaN),
    amountTTC: value('amountTTC', NaN),
    dossiers: [...row.dossiers],
    invoiceDate: value('invoiceDate', row.values.invoiceDate),
    siret: value('siret', row.values.siret.replace(/\s/g, '')),
    creditNote: row.pending.creditNote,
  };
}
