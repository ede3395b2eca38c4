/**
 * Reads an invoice's fields from the text of a plain PDF, by its layout (see layout.ts): rows and
 * columns, labels and the values to their right or under them. Only values really printed are
 * returned, and only when they pass their checks (a date is a calendar day, a SIRET its checksum,
 * totals their arithmetic): what cannot be found or checked stays null. A text layer that is
 * poor OCR gives nothing at all (`legible: false`), never garbage.
 */
import { parseDate } from '../rules/date.js';
import { findDossierNumbers } from '../rules/dossier.js';
import { creditNoteReasons, signAmounts } from './credit.js';
import { emptyFields, field } from './fields.js';
import { findLabelled, layoutFromText, type Row, type TextLayout } from './layout.js';
import { findCompanyNumbers, findSellerName, type CompanyNumbers } from './parties.js';
import { findTotals } from './totals.js';
import type { Confidence, CreditNoteReason, DiscardedValue, InvoiceFields, ReadField } from './types.js';

/** What the text gives, every field with `syntax: 'text'`, amounts signed as credit.ts says. */
export interface TextScan {
  fields: InvoiceFields;
  /** A credit note: the text says so (« AVOIR N° … »), or its totals are negative. */
  creditNote: boolean;
  /** Why it is a credit note (`text`, `negative-totals`); empty when it is not one. */
  creditNoteReasons: CreditNoteReason[];
  discarded: DiscardedValue[];
  /** Labelled totals were printed, but they do not add up: none is given. */
  totalsMismatch: boolean;
  /** False for a text layer that is not text (poor OCR): then nothing is read from it. */
  legible: boolean;
}

/**
 * The fields of an invoice's text: pdf.js's positioned text (a `TextLayout`), or plain text (one
 * row a line, cells apart at tabs or two spaces).
 */
export function scanInvoiceText(input: string | TextLayout): TextScan {
  const layout = typeof input === 'string' ? layoutFromText(input) : input;
  const discarded: DiscardedValue[] = [];
  const fields = emptyFields();
  if (!isLegible(layout.text)) return { fields, creditNote: false, creditNoteReasons: [], discarded, totalsMismatch: false, legible: false };

  const ids = findCompanyNumbers(layout, discarded);
  fields.seller = { name: findSellerName(layout), ...ids.seller };
  fields.buyer = ids.buyer;
  fields.invoiceNumber = findInvoiceNumber(layout, ids);
  fields.issueDate = findIssueDate(layout);
  const totals = findTotals(layout);
  Object.assign(fields, totals.fields);
  if (fields.amountHT || fields.amountTTC) {
    const euro = /€|\bEUR\b|\beuros?\b/i.test(layout.text) && !/\b(?:USD|CHF|GBP)\b|[$£]/.test(layout.text);
    fields.currency = field(euro ? 'EUR' : null, 'text', 'medium');
  }
  fields.dossiers = findDossiers(layout.text);
  const reasons = creditNoteReasons(fields, null, layout.text);
  if (reasons.length) signAmounts(fields);
  return { fields, creditNote: reasons.length > 0, creditNoteReasons: reasons, discarded, totalsMismatch: totals.mismatch, legible: true };
}

// ---- legibility -------------------------------------------------------------------------------------

const WORD = /^[(«"']?[\p{L}]{2,}(?:['’-][\p{L}]+)*[.,:;!?)»"']*$/u;
const ABBREVIATION = /^[\p{Lu}]{2,5}[.,:;)]*$/u;
const NUMBERLIKE = /^[-+(]?(?:€\s?)?\d[\d\s.,/:%h-]*(?:€|%|\))?[.,;:]?$/u;
const IDENTIFIER = /^(?:[A-Z]{1,6}[-/ ]?)?\d+(?:[-/.]\d+)*(?:[-/][A-Z]{1,3}\d*)?[.,;:]?$|^\d{4}[A-Z]{2,3}\d{5,6}$/u;

/**
 * Whether a text layer is text: most of its tokens are words, numbers or identifiers. OCR of a
 * poor scan mixes letters, digits and marks (« T0ta1 », « 8Z4 O9Z », « l 2b0,O0 »): then nothing
 * should be read from it.
 */
export function isLegible(text: string): boolean {
  let good = 0;
  let counted = 0;
  for (const token of text.split(/\s+/)) {
    if (!/[\p{L}\d]/u.test(token) || (token.length === 1 && /\p{L}/u.test(token))) continue; // marks, single letters
    counted++;
    if (WORD.test(token) || ABBREVIATION.test(token) || NUMBERLIKE.test(token) || IDENTIFIER.test(token) || /^(?:n°|N°|no)$/i.test(token)) good++;
  }
  return counted < 8 || good / counted >= 0.6;
}

// ---- invoice number ---------------------------------------------------------------------------------

const ID = String.raw`(?<id>[A-Z0-9][A-Z0-9\-_/.]{0,34})(?![\p{L}\d])`;
const INVOICE_WORD = String.raw`(?:facture|avoir|note\s+d['’]honoraires|invoice)`;
/** [label, confidence, only when the document calls itself an invoice]: strongest first. */
const NUMBER_LABELS: [RegExp, Confidence, boolean][] = [
  [new RegExp(String.raw`(?<![\p{L}])${INVOICE_WORD}\s*(?:n\s*[°º]|no\.?|num[ée]ro|nr\.?|#|number)`, 'giu'), 'high', false],
  [new RegExp(String.raw`(?<![\p{L}])(?:n\s*[°º]|num[ée]ro|no\.?)\s*(?:de\s+)?(?:la\s+)?(?:facture|pi[èe]ce|l['’]avoir|note|invoice)(?![\p{L}])`, 'giu'), 'high', false],
  [new RegExp(String.raw`(?:^|\t)${INVOICE_WORD}(?![\p{L}])`, 'giu'), 'medium', false],
  [new RegExp(String.raw`(?<![\p{L}])r[ée]f(?:[ée]rence|\.)?\s*(?:de\s+(?:la\s+)?facture\s*)?(?=\s*:)`, 'giu'), 'medium', false],
  [new RegExp(String.raw`(?:^|\t)(?:num[ée]ro|n\s*[°º]|no\.?|number)(?=\s*:?\s*(?:\t|$))`, 'giu'), 'medium', true],
];
/** « la facture n° … », « votre facture n° … »: another invoice, the one credited or paid. */
const REFERENCE_BEFORE = /(?:\bla|\bcette|\bvotre|\bnotre|\bsur|\bde|\bdu)\s*$/i;
const LOOKS_LIKE_DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$/;

function findInvoiceNumber(layout: TextLayout, ids: CompanyNumbers): ReadField<string> | null {
  const titled = new RegExp(String.raw`(?<![\p{L}])${INVOICE_WORD}(?![\p{L}])`, 'iu').test(layout.text);
  const companies = new Set([ids.seller.siren, ids.seller.siret, ids.buyer.siren, ids.buyer.siret].flatMap((id) => (id ? [id.value] : [])));
  const accept = (value: RegExpExecArray, label: RegExpExecArray, row: Row) => {
    const id = cleanId(value.groups!.id!);
    if (!/\d/.test(id) || LOOKS_LIKE_DATE.test(id) || companies.has(id)) return false;
    return !REFERENCE_BEFORE.test(row.text.slice(Math.max(0, label.index - 12), label.index));
  };
  for (const [label, confidence, needsTitle] of NUMBER_LABELS) {
    if (needsTitle && !titled) continue;
    const [first] = findLabelled(layout, label, ID, { accept, filler: String.raw`[ \t:.#°]*` });
    if (first) return field(cleanId(first.value.groups!.id!), 'text', confidence);
  }
  return null;
}

const cleanId = (id: string) => id.replace(/[.\-_/]+$/, '');

// ---- issue date -------------------------------------------------------------------------------------

const MONTH_NAMES = 'janvier|janv|février|fevrier|févr|fevr|fév|fev|mars|avril|avr|mai|juin|juillet|juil|août|aout|septembre|sept|sep|octobre|oct|novembre|nov|décembre|decembre|déc|dec';
const MONTH_PREFIXES = ['janv', 'fev', 'mars', 'avr', 'mai', 'juin', 'juil', 'aou', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY = String.raw`(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)`;
/** A date as printed: `02/07/2015`, `10/09/18`, `19.04.2026`, `2015-07-02`, `20260815`, `le vendredi 28 juin 2019`, `1er août 2026`. */
const DATE = String.raw`(?<date>\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|${WEEKDAY}?\d{1,2}(?:er)?\s+(?:${MONTH_NAMES})\.?\s+\d{4}|\d{8})(?![\d/.-]\d)`;

/**
 * `02/07/2015`, `10/09/18` (20xx), `2015-07-02`, `20260815`, `02 Juillet 2015`, `vendredi 28 juin
 * 2019`, `1er août 2026` → ISO; null when not a calendar date. Arithmetic only, never a `Date`:
 * no time zone can move the day.
 */
export function parseTextDate(input: string): string | null {
  const text = input.trim().normalize('NFC');
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return Number(compact[1]) >= 1990 && Number(compact[1]) < 2100 ? parseDate(`${compact[1]}-${compact[2]}-${compact[3]}`) : null;
  const short = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$/.exec(text);
  if (short) return parseDate(`${short[1]}/${short[3]}/20${short[4]}`);
  const written = new RegExp(String.raw`^${WEEKDAY}?(\d{1,2})(?:er)?\s+([\p{L}]+)\.?\s+(\d{4})$`, 'iu').exec(text);
  if (!written) return parseDate(text);
  const name = written[2]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const month = MONTH_PREFIXES.findIndex((prefix) => name.startsWith(prefix)) + 1;
  return month ? parseDate(`${written[1]}/${month}/${written[3]}`) : null;
}

const DATE_LABELS: [RegExp, Confidence][] = [
  // « Facture n° 562044387 du 02 Juillet 2015 », « Facture n° SL-19-0628 établie le … », « Facture n° HM-2026-0088 – 02/11/2026 »
  [new RegExp(String.raw`(?<![\p{L}])${INVOICE_WORD}\s*(?:(?:n\s*[°º]|no\.?|num[ée]ro|#)\s*:?\s*)?[A-Z0-9][A-Z0-9\-_/.]{0,34}\s*(?:du|en\s+date\s+du|le|[-–—,]|(?:[ée]tablie?|[ée]mise?)\s+le)`, 'giu'), 'high'],
  [new RegExp(String.raw`(?<![\p{L}])date\s*(?:de\s+(?:la\s+)?facture|de\s+l['’]avoir|d['’][ée]mission|de\s+facturation|facture|pi[èe]ce)(?!\s*associ)`, 'giu'), 'high'],
  [new RegExp(String.raw`(?<![\p{L}])(?:invoice\s+date|(?:[ée]mise?|[ée]tablie?|factur[ée]e?)\s+le)(?![\p{L}])`, 'giu'), 'high'],
  [new RegExp(String.raw`(?:^|\t)date(?=\s*:?\s*(?:\t|$|\d))`, 'giu'), 'medium'],
  // « MARSEILLE, le 18 JUIN 2018 », « Paris, le 30/03/2026 »
  [new RegExp(String.raw`(?<![\p{L}])\p{L}[\p{L}' -]{1,40},\s*le(?![\p{L}])`, 'giu'), 'medium'],
  [new RegExp(String.raw`(?:^|\t)(?:le|du)(?=\s)`, 'giu'), 'medium'],
];
/** What makes a date another than the issue date: due, order, delivery, deposit, print dates, periods. */
const NOT_ISSUE = /(?:[ée]ch[ée]ance|payable|r[ée]gler|limite|command|livr|g[ée]n[ée]r|imprim|acompte|vers[ée]|pr[ée]l[èe]vement|d[ée]but|\bfin\b|p[ée]riode|valid|accept|naissance|\bdu|\bau|jusqu)[^\d\n]{0,30}$/i;

function findIssueDate(layout: TextLayout): ReadField<string> | null {
  const accept = (value: RegExpExecArray, label: RegExpExecArray, row: Row) => parseTextDate(value.groups!.date!) !== null && !REFERENCE_BEFORE.test(row.text.slice(Math.max(0, label.index - 12), label.index));
  for (const [label, confidence] of DATE_LABELS) {
    const [first] = findLabelled(layout, label, DATE, { accept, filler: String.raw`[ \t:.]*` });
    if (first) return field(parseTextDate(first.value.groups!.date!), 'text', confidence);
  }
  // No label: the first date that nothing calls another one.
  for (const row of layout.rows) {
    for (const match of row.text.matchAll(new RegExp(`(?<![\\d/.-])${DATE}`, 'giu'))) {
      if (/^\d{8}$/.test(match.groups!.date!) || NOT_ISSUE.test(row.text.slice(0, match.index))) continue;
      const date = parseTextDate(match.groups!.date!);
      if (date) return field(date, 'text', 'low');
    }
  }
  return null;
}

// ---- dossiers -----------------------------------------------------------------------------------------

function findDossiers(text: string): ReadField<string[]> | null {
  const dossiers = findDossierNumbers(text);
  if (!dossiers.length) return null;
  const first = text.toUpperCase().indexOf(dossiers[0]!);
  const labelled = /dossier/i.test(text.slice(Math.max(0, first - 60), first));
  return field(dossiers, 'text', labelled ? 'high' : 'medium');
}
