/**
 * The invoice's fields A–F of the guide's step 2, declared once: their letter, their label, their
 * rule, how the server's value is written in the input, and where the reader finds them. Step 2
 * (akto-invoice-validate), the back end's « Valider » and its reading of a deposited PDF all
 * read this table: a new field rule is one entry here (its label in i18n).
 */
import type { InvoiceFields as ApiFields } from '../api/schemas.js';
import type { Translation } from '../i18n/translation.js';
import type { InvoiceFields as ReaderFields, ReadField } from '../reader/types.js';
import { checkAmounts, formatAmountInput, type AmountLocale } from './amount.js';
import { checkInvoiceDate } from './date.js';
import { checkDossierList } from './dossier.js';
import { checkInvoiceNumber } from './invoice-number.js';
import type { RuleResult } from './result.js';
import { checkSiret } from './siren.js';

export type FieldKey = keyof ApiFields;
/** The fields typed in a text input (D is a list). */
export type TextFieldKey = Exclude<FieldKey, 'dossiers'>;

/** What the user typed (text) or the API carries (numbers for the amounts), checked alike. */
export type FieldValues = Record<'invoiceNumber' | 'invoiceDate' | 'siret', string> & Record<'amountHT' | 'amountTTC', string | number> & { dossiers: readonly string[] };

/** What a rule needs besides the values. */
export interface FieldContext {
  /** An avoir may carry negative amounts and TTC below HT. */
  creditNote: boolean;
  /** `YYYY-MM-DD`: the invoice date may not be after it. */
  depositDate: string;
  /** Accepted dossier letter prefixes; every well-formed number when absent. */
  prefixes?: readonly string[];
  /** The language amounts are typed in (`1,234` is 1234 in English); French when absent. */
  locale?: AmountLocale;
}

/** The API's value of a field, never null (what a rule gives back when it passes). */
type Value<K extends FieldKey> = NonNullable<ApiFields[K]>;
/** How a field sits in the form: a text for an input, a list for D. */
type Input<K extends FieldKey> = K extends 'dossiers' ? string[] : string;

export interface FieldSpec<K extends FieldKey = FieldKey> {
  key: K;
  /** Its letter in the guide (« A Numéro de facture »). */
  letter: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  /** Its label's key in `t.validate.columns`. */
  label: keyof Translation['validate']['columns'];
  /** How it reads in a sentence: `amount` is written as money (« 1 512,00 € »), the others as in the input. */
  kind: 'text' | 'amount' | 'date' | 'list';
  inputMode?: 'numeric' | 'decimal';
  /** Fields checked together with this one (TTC ≥ HT): a change to one clears the server's word on all. */
  checkedWith?: readonly FieldKey[];
  /** The rule; when it passes, its value is the parsed one the API takes (`'1 234,56'` → 1234.56, `'26/06/2026'` → `'2026-06-26'`). */
  check: (values: FieldValues, context: FieldContext) => RuleResult<Value<K>>;
  /** The API's value as the form shows it in the user's language (`1260` → `'1 260,00'` or `'1,260.00'`, `'2026-06-26'` → `'26/06/2026'`). */
  format: (value: Value<K>, locale?: AmountLocale) => Input<K>;
  /** Where the reader (src/reader) finds it in an invoice. */
  read: (fields: ReaderFields) => ReadField<Value<K>> | null;
}

const dateInput = (iso: string) => iso.split('-').reverse().join('/');
const same = (value: string) => value;
const amounts = (v: FieldValues, c: FieldContext) => checkAmounts(v.amountHT, v.amountTTC, { creditNote: c.creditNote, locale: c.locale });

/** B and C: typed in the user's language (either language's form accepted), checked together (TTC ≥ HT on an invoice). */
function amountField<K extends 'amountHT' | 'amountTTC'>(key: K, letter: 'B' | 'C', other: 'amountHT' | 'amountTTC'): FieldSpec<K> {
  return { key, letter, label: key, kind: 'amount', inputMode: 'decimal', checkedWith: [other], check: (v, c) => amounts(v, c)[key], format: formatAmountInput as (value: number, locale?: AmountLocale) => Input<K>, read: (f) => f[key] };
}

/** The catalogue, by key. */
export const FIELD_SPECS: { readonly [K in FieldKey]: FieldSpec<K> } = {
  invoiceNumber: { key: 'invoiceNumber', letter: 'A', label: 'invoiceNumber', kind: 'text', check: (v) => checkInvoiceNumber(v.invoiceNumber), format: same, read: (f) => f.invoiceNumber },
  amountHT: amountField('amountHT', 'B', 'amountTTC'),
  amountTTC: amountField('amountTTC', 'C', 'amountHT'),
  dossiers: { key: 'dossiers', letter: 'D', label: 'dossiers', kind: 'list', check: (v, c) => checkDossierList(v.dossiers, { prefixes: c.prefixes }), format: (list) => [...list], read: (f) => f.dossiers },
  invoiceDate: { key: 'invoiceDate', letter: 'E', label: 'invoiceDate', kind: 'date', check: (v, c) => checkInvoiceDate(v.invoiceDate, { depositDate: c.depositDate }), format: dateInput, read: (f) => f.issueDate },
  siret: { key: 'siret', letter: 'F', label: 'siret', kind: 'text', inputMode: 'numeric', check: (v) => checkSiret(v.siret), format: same, read: (f) => f.seller.siret },
};

/** The fields in the guide's order, A to F. */
export const FIELDS: readonly FieldSpec[] = [FIELD_SPECS.invoiceNumber, FIELD_SPECS.amountHT, FIELD_SPECS.amountTTC, FIELD_SPECS.dossiers, FIELD_SPECS.invoiceDate, FIELD_SPECS.siret] as readonly FieldSpec[];
export const FIELD_KEYS: readonly FieldKey[] = FIELDS.map((f) => f.key);
export const TEXT_FIELD_KEYS = FIELD_KEYS.filter((k): k is TextFieldKey => k !== 'dossiers');

export function isFieldKey(key: string): key is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(key);
}

export type FieldResults = { [K in FieldKey]: RuleResult<Value<K>> };

/** Every field's rule at once, in the guide's order. */
export function checkFields(values: FieldValues, context: FieldContext): FieldResults {
  return Object.fromEntries(FIELDS.map((f) => [f.key, f.check(values, context)])) as FieldResults;
}

/** The API's fields as the form shows them in `locale` (what the server could not read is empty). */
export function formatFields(fields: ApiFields, locale?: AmountLocale): { values: Record<TextFieldKey, string>; dossiers: string[] } {
  const values = Object.fromEntries(TEXT_FIELD_KEYS.map((k) => [k, fields[k] === null ? '' : formatField(k, fields[k], locale)])) as Record<TextFieldKey, string>;
  return { values, dossiers: FIELD_SPECS.dossiers.format(fields.dossiers) };
}

/** One text field's API value as its input shows it in `locale`. */
export function formatField(key: TextFieldKey, value: unknown, locale?: AmountLocale): string {
  return (FIELD_SPECS[key].format as (v: unknown, locale?: AmountLocale) => string)(value, locale);
}

/** What the reader found of each field A–F (absent when nothing), with its source and confidence. */
export function fieldsFromReading(fields: ReaderFields): { [K in FieldKey]?: ReadField<Value<K>> } {
  const found: { [K in FieldKey]?: ReadField<unknown> } = {};
  for (const spec of FIELDS) {
    const read = spec.read(fields);
    if (read) found[spec.key] = read;
  }
  return found as { [K in FieldKey]?: ReadField<Value<K>> };
}
