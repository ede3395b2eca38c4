/**
 * Reads an invoice's fields from the text of its PDF (what pdf.js's text layer gives: one line
 * per text line). Only values that are really printed are returned: what cannot be found stays
 * null. Each value says how sure the reader is (see `Confidence`).
 */
import { parseAmount } from '../rules/amount.js';
import { parseDate } from '../rules/date.js';
import { findDossierNumbers } from '../rules/dossier.js';
import { checkSiren, checkSiret } from '../rules/siren.js';
import { emptyFields, field, withSirenFromSiret } from './fields.js';
import type { Confidence, DiscardedValue, InvoiceFields, ReadField } from './types.js';

/** The plain values, as the first version of the reader gave them (kept for its callers). */
export interface TextReading {
  invoiceNumber: string | null;
  issueDate: string | null;
  amountHT: number | null;
  amountTVA: number | null;
  amountTTC: number | null;
  siret: string | null;
  siren: string | null;
  dossiers: string[];
  creditNote: boolean;
}

/** What the text gives, every field with `source: 'text'`. */
export interface TextScan {
  fields: InvoiceFields;
  /** The document calls itself an avoir (« AVOIR N° … »). Negative totals are judged by the caller. */
  creditNote: boolean;
  discarded: DiscardedValue[];
  /** HT, TVA and TTC were all found but do not add up. */
  totalsMismatch: boolean;
}

/** The plain values of `scanInvoiceText`; an avoir is also one with a negative total. */
export function readInvoiceText(text: string): TextReading {
  const { fields, creditNote } = scanInvoiceText(text);
  const total = fields.amountTTC?.value ?? fields.amountHT?.value ?? 0;
  return {
    invoiceNumber: fields.invoiceNumber?.value ?? null,
    issueDate: fields.issueDate?.value ?? null,
    amountHT: fields.amountHT?.value ?? null,
    amountTVA: fields.amountTVA?.value ?? null,
    amountTTC: fields.amountTTC?.value ?? null,
    siret: fields.siret?.value ?? null,
    siren: fields.siren?.value ?? null,
    dossiers: fields.dossiers?.value ?? [],
    creditNote: creditNote || total < 0,
  };
}

export function scanInvoiceText(text: string): TextScan {
  const flat = text
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/[ \t]+/g, ' ');
  const lines = flat.split('\n');
  const discarded: DiscardedValue[] = [];
  const fields = emptyFields();

  fields.invoiceNumber = findInvoiceNumber(flat);
  fields.issueDate = findIssueDate(flat);
  const totals = findTotals(flat, lines);
  Object.assign(fields, totals.fields);
  if (fields.amountHT || fields.amountTTC) {
    const euro = /€|\bEUR\b|\beuros?\b/i.test(flat) && !/\b(?:USD|CHF|GBP)\b|[$£]/.test(flat);
    fields.currency = field(euro ? 'EUR' : null, 'text', 'medium');
  }
  Object.assign(fields, findCompanyNumbers(lines, discarded));
  fields.sellerName = findSellerName(lines);
  fields.dossiers = findDossiers(flat);
  return {
    fields,
    creditNote: /(?<![\p{L}])(?:avoir|note\s+de\s+cr[ée]dit)\s*(?:n\s*[°º]|no\b|num[ée]ro)/iu.test(flat),
    discarded,
    totalsMismatch: totals.mismatch,
  };
}

// ---------------------------------------------------------------------------------------------
// Invoice number

const ID = String.raw`([A-Z0-9][A-Z0-9\-_/.]{0,34})`;
const NUMBER_LABELS: [RegExp, Confidence][] = [
  [new RegExp(String.raw`(?<![\p{L}])(?:facture|avoir|invoice)\s*(?:n\s*[°º]|no\.?|num[ée]ro|#)\s*:?\s*${ID}`, 'giu'), 'high'],
  [new RegExp(String.raw`(?<![\p{L}])(?:n\s*[°º]|num[ée]ro)\s*(?:de\s+)?(?:la\s+)?(?:facture|l['’]avoir)\s*:?\s*${ID}`, 'giu'), 'medium'],
  [new RegExp(String.raw`^\s*(?:facture|avoir)\s+${ID}\s*$`, 'gimu'), 'medium'],
];

/** « la facture n° … », « votre facture n° … »: another invoice, the one credited or paid. */
const REFERENCE_BEFORE = /(?:\bla|\bcette|\bvotre|\bnotre|\bsur|\bde)\s*$/i;

function findInvoiceNumber(text: string): ReadField<string> | null {
  for (const [pattern, confidence] of NUMBER_LABELS) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1]!.replace(/[.\-_/]+$/, '');
      if (!/\d/.test(value)) continue;
      if (REFERENCE_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
      return field(value, 'text', confidence);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Issue date

const MONTH_NAMES = 'janvier|janv|février|fevrier|févr|fevr|mars|avril|avr|mai|juin|juillet|juil|août|aout|septembre|sept|octobre|oct|novembre|nov|décembre|decembre|déc|dec';
const MONTH_PREFIXES = ['janv', 'fev', 'mars', 'avr', 'mai', 'juin', 'juil', 'aou', 'sep', 'oct', 'nov', 'dec'];
const DAY = String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s+(?:${MONTH_NAMES})\.?\s+\d{4})(?!\d)`;

/** `02/07/2015`, `2015-07-02`, `02 Juillet 2015`, `1er août 2026` → ISO; null when not a calendar date. */
export function parseTextDate(input: string): string | null {
  const written = /^(\d{1,2})(?:er)?\s+([\p{L}]+)\.?\s+(\d{4})$/u.exec(input.trim());
  if (!written) return parseDate(input);
  const name = written[2]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const month = MONTH_PREFIXES.findIndex((prefix) => name.startsWith(prefix)) + 1;
  return month ? parseDate(`${written[1]}/${month}/${written[3]}`) : null;
}

const DATE_LABELS: [RegExp, Confidence][] = [
  // « Facture n° 562044387 du 02 Juillet 2015 »
  [new RegExp(String.raw`(?<![\p{L}])(?:facture|avoir)\s*(?:(?:n\s*[°º]|no\.?|num[ée]ro)\s*:?\s*)?[A-Z0-9][A-Z0-9\-_/.]{0,34}\s+(?:du|en\s+date\s+du|le)\s+${DAY}`, 'giu'), 'high'],
  [new RegExp(String.raw`(?<![\p{L}])date\s*(?:de\s+(?:la\s+)?facture|de\s+l['’]avoir|d['’][ée]mission|de\s+facturation)(?!\s*associ)\s*:?\s*${DAY}`, 'giu'), 'high'],
  [new RegExp(String.raw`(?<![\p{L}])(?:[ée]mise?|factur[ée]e?)\s+le\s*:?\s*${DAY}`, 'giu'), 'high'],
  [new RegExp(String.raw`(?<![\p{L}])date\s*:\s*${DAY}`, 'giu'), 'medium'],
  [new RegExp(DAY, 'giu'), 'low'],
];

function findIssueDate(text: string): ReadField<string> | null {
  for (const [pattern, confidence] of DATE_LABELS) {
    for (const match of text.matchAll(pattern)) {
      // « Avoir sur la facture n° FA-2026-0612 du 26/06/2026 »: the date of another invoice.
      if (REFERENCE_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
      const date = parseTextDate(match[1]!);
      if (date) return field(date, 'text', confidence);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Totals

/** An amount as printed: `1 440,00`, `28 043,28`, `1.234,56`, `1,234.56`, `29.99`, `-315,00`; never a rate (`20 %`). */
const AMOUNT = String.raw`(-?\d{1,3}(?:[ .]\d{3})+(?:,\d{1,2})?|-?\d{1,3}(?:[ ,]\d{3})+(?:\.\d{1,2})?|-?\d+(?:[.,]\d{1,2})?)(?![\d%])(?! ?%)(?! ?[.,]\d)`;
const RATE = String.raw`(?:\(? *\d{1,2}(?:[.,]\d{1,3})? *% *\)? *)?`;
const CURRENCY = String.raw`(?:\(? *(?:en +)?(?:€|eur|euros) *\)? *)?`;

type Kind = 'ht' | 'tva' | 'ttc' | 'due';
interface Candidate {
  value: number;
  /** Lower is a stronger label. */
  rank: number;
  confidence: Confidence;
  at: number;
}

const TOTAL_LABELS: [Kind, string, number, Confidence][] = [
  ['ht', String.raw`(?:total|montant\s+total|sous[-\s]total|net)\s*(?:h\.?\s?t\.?|hors\s+taxes?)`, 0, 'medium'],
  ['ht', String.raw`(?:montant\s*)?(?:h\.?t\.?|hors\s+taxes?)`, 2, 'low'],
  ['tva', String.raw`(?:total|montant(?:\s+total)?)\s*(?:de\s+(?:la\s+)?)?(?:t\.?v\.?a\.?|taxes?)`, 0, 'medium'],
  ['tva', String.raw`t\.?v\.?a\.?`, 1, 'medium'],
  ['ttc', String.raw`(?:total|montant(?:\s+total)?)\s*(?:t\.?t\.?c\.?|toutes\s+taxes\s+comprises)`, 0, 'medium'],
  ['ttc', String.raw`t\.?t\.?c\.?`, 2, 'low'],
  ['ttc', String.raw`(?:net|total|montant|somme)\s+(?:à|a)\s+payer`, 3, 'low'],
  ['due', String.raw`(?:(?:net|reste|solde|somme|montant|total)\s+(?:à|a)\s+payer|(?:solde|reste)\s+d[uû])`, 0, 'medium'],
];
const LABELLED = TOTAL_LABELS.map(([kind, label, rank, confidence]) => ({
  kind,
  rank,
  confidence,
  // The amount on the label's line; after a « Total … » label, also on the next one.
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])${label}(?![\p{L}]) *${CURRENCY}${RATE}:? *${rank === 0 ? String.raw`\n? *` : ''}(?:€ *)?${AMOUNT}`, 'giu'),
}));
/** « 29.99 € TTC »: the amount before its label, with its currency between. */
const AMOUNT_THEN_LABEL = new RegExp(String.raw`(?<![\d.,])${AMOUNT} *(?:€|EUR) *(TTC|HT)(?![\p{L}])`, 'giu');
const HEADER_FILLER = /^(?:montants?|total|eur|euros?|€|\(€\)|\(eur\)|en|de|la)$/i;
const HEADER_KIND: [Kind, RegExp][] = [
  ['ht', /^h\.?t\.?$/i],
  ['tva', /^t\.?v\.?a\.?$/i],
  ['ttc', /^t\.?t\.?c\.?$/i],
];
const LEADING_AMOUNT = new RegExp(String.raw`^\s*${AMOUNT}\s*(?:€|EUR)?`, 'i');

/**
 * Column headers on one line (« Montant EUR TTC Montant TVA Montant EUR HT ») and the amounts
 * at the start of the next line, in the same order.
 */
function tableTotals(lines: string[], add: (kind: Kind, value: number, rank: number, confidence: Confidence, at: number) => void): void {
  let offset = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const at = offset;
    offset += lines[i]!.length + 1;
    const tokens = lines[i]!.trim().split(/\s+/).filter((t) => t && !HEADER_FILLER.test(t));
    const kinds = tokens.map((t) => HEADER_KIND.find(([, re]) => re.test(t))?.[0]);
    if (kinds.length < 2 || kinds.some((k) => !k) || new Set(kinds).size !== kinds.length) continue;
    let rest = lines[i + 1]!;
    const values: number[] = [];
    for (let n = 0; n < kinds.length; n++) {
      const match = LEADING_AMOUNT.exec(rest);
      const value = match ? parseAmount(match[1]!) : null;
      if (!match || value === null) break;
      values.push(value);
      rest = rest.slice(match[0].length);
    }
    if (values.length === kinds.length) kinds.forEach((kind, n) => add(kind!, values[n]!, 1, 'low', at));
  }
}

const cents = (n: number) => Math.round(n * 100);

function findTotals(text: string, lines: string[]): { fields: Pick<InvoiceFields, 'amountHT' | 'amountTVA' | 'amountTTC' | 'amountDue'>; mismatch: boolean } {
  const candidates: Record<Kind, Candidate[]> = { ht: [], tva: [], ttc: [], due: [] };
  const add = (kind: Kind, value: number, rank: number, confidence: Confidence, at: number) => {
    if (Math.abs(value) < 1e10) candidates[kind].push({ value: value + 0, rank, confidence, at });
  };
  for (const { kind, rank, confidence, pattern } of LABELLED) {
    for (const match of text.matchAll(pattern)) {
      const value = parseAmount(match[1]!);
      if (value !== null) add(kind, value, rank, confidence, match.index);
    }
  }
  for (const match of text.matchAll(AMOUNT_THEN_LABEL)) {
    const value = parseAmount(match[1]!);
    if (value !== null) add(match[2]!.toLowerCase() === 'ttc' ? 'ttc' : 'ht', value, 2, 'low', match.index);
  }
  tableTotals(lines, add);

  // The strongest label first; among equals the last printed (totals come after the lines).
  const best = (kind: Kind) => {
    const sorted = candidates[kind].sort((a, b) => a.rank - b.rank || b.at - a.at);
    return sorted.filter((c, i) => sorted.findIndex((d) => cents(d.value) === cents(c.value)) === i).slice(0, 4);
  };
  const [ht, tva, ttc, due] = [best('ht'), best('tva'), best('ttc'), best('due')];
  const pick = (c: Candidate | undefined, confidence?: Confidence) => field(c?.value, 'text', confidence ?? c?.confidence ?? 'low');

  // HT + TVA = TTC confirms all three (0 + 0 = 0 confirms nothing): the strongest labels win.
  let triple: [Candidate, Candidate, Candidate] | null = null;
  let score = Infinity;
  for (const h of ht) for (const t of tva) for (const c of ttc) {
    if (cents(c.value) !== 0 && cents(h.value) + cents(t.value) === cents(c.value) && h.rank + t.rank + c.rank < score) {
      triple = [h, t, c];
      score = h.rank + t.rank + c.rank;
    }
  }
  if (triple) {
    const [h, t, c] = triple;
    const paid = due.find((d) => cents(d.value) === cents(c.value));
    return {
      fields: { amountHT: pick(h, 'high'), amountTVA: pick(t, 'high'), amountTTC: pick(c, 'high'), amountDue: paid ? pick(paid, 'high') : pick(due[0]) },
      mismatch: false,
    };
  }
  return {
    fields: { amountHT: pick(ht[0]), amountTVA: pick(tva[0]), amountTTC: pick(ttc[0]), amountDue: pick(due[0]) },
    mismatch: Boolean(ht[0] && tva[0] && ttc[0]),
  };
}

// ---------------------------------------------------------------------------------------------
// SIREN, SIRET

const SIRET_DIGITS = String.raw`(\d{3} ?\d{3} ?\d{3} ?\d{5})(?! ?\d)`;
const SIREN_DIGITS = String.raw`(\d{3} ?\d{3} ?\d{3})(?! ?\d)`;
const SIRET_LABELLED = new RegExp(String.raw`(?<![\p{L}])SIRET\s*(?:n\s*[°º]\s*)?:?\s*${SIRET_DIGITS}`, 'giu');
const SIRET_ANY = new RegExp(String.raw`(?<![\d.,])${SIRET_DIGITS}`, 'g');
const SIREN_LABELLED = new RegExp(String.raw`(?<![\p{L}])SIREN\s*(?:n\s*[°º]\s*)?:?\s*${SIREN_DIGITS}`, 'giu');
/** « RCS Paris B 421 938 861 », « RCS Bordeaux 824 092 688 », « B 421 938 861 RCS Paris ». */
const RCS_THEN_NUMBER = new RegExp(String.raw`(?<![\p{L}])R\.? ?C\.? ?S\.?(?![\p{L}])[^\d\n]{0,40}?${SIREN_DIGITS}`, 'giu');
const NUMBER_THEN_RCS = new RegExp(String.raw`(?<![\d.,])${SIREN_DIGITS} R\.? ?C\.? ?S(?![\p{L}])`, 'giu');
/** The heading of the buyer's block: the numbers in the few lines below it are the buyer's. */
const CLIENT_HEADING = /^\s*(?:client|factur[ée] à|adress[ée]e? à|adresse de facturation|destinataire|acheteur)\s*:?\s*$/i;

type CompanyFields = Pick<InvoiceFields, 'siren' | 'siret' | 'buyerSiren' | 'buyerSiret'>;

function findCompanyNumbers(lines: string[], discarded: DiscardedValue[]): CompanyFields {
  const buyerLines = new Set<number>();
  lines.forEach((line, i) => {
    if (CLIENT_HEADING.test(line)) for (let j = i + 1; j <= i + 8 && j < lines.length; j++) buyerLines.add(j);
  });
  const found: CompanyFields = { siren: null, siret: null, buyerSiren: null, buyerSiret: null };
  const labelledSirets = new Set<string>();
  const take = (key: keyof CompanyFields, digits: string, valid: boolean, confidence: Confidence, from: string) => {
    if (!valid) {
      if (!discarded.some((d) => d.field === key && d.value === digits)) discarded.push({ field: key, value: digits, source: 'text', reason: 'checksum', from });
      return;
    }
    found[key] ??= { value: digits, source: 'text', confidence };
  };

  lines.forEach((line, i) => {
    const buyer = buyerLines.has(i);
    for (const match of line.matchAll(SIRET_LABELLED)) {
      const digits = match[1]!.replace(/\D/g, '');
      labelledSirets.add(digits);
      take(buyer ? 'buyerSiret' : 'siret', digits, checkSiret(digits).ok, buyer ? 'medium' : 'high', 'SIRET');
    }
    for (const match of line.matchAll(SIREN_LABELLED)) {
      const digits = match[1]!.replace(/\D/g, '');
      take(buyer ? 'buyerSiren' : 'siren', digits, checkSiren(digits).ok, buyer ? 'medium' : 'high', 'SIREN');
    }
    // The RCS number is always the seller's (a legal mention of the issuer).
    for (const pattern of [RCS_THEN_NUMBER, NUMBER_THEN_RCS]) {
      for (const match of line.matchAll(pattern)) {
        const digits = match[1]!.replace(/\D/g, '');
        if (checkSiren(digits).ok) found.siren ??= { value: digits, source: 'text', confidence: 'high' };
        else take('siren', digits, false, 'high', 'RCS');
      }
    }
  });

  // No labelled SIRET: a 14-digit number passing the checksum is only a guess.
  if (!found.siret) {
    lines.forEach((line, i) => {
      if (buyerLines.has(i)) return;
      for (const match of line.matchAll(SIRET_ANY)) {
        const digits = match[1]!.replace(/\D/g, '');
        if (labelledSirets.has(digits) || digits === found.buyerSiret?.value || !checkSiret(digits).ok) continue;
        found.siret ??= { value: digits, source: 'text', confidence: 'low' };
      }
    });
  }
  const seller = withSirenFromSiret({ siren: found.siren, siret: found.siret });
  const buyer = withSirenFromSiret({ siren: found.buyerSiren, siret: found.buyerSiret });
  return { siren: seller.siren, siret: seller.siret, buyerSiren: buyer.siren, buyerSiret: buyer.siret };
}

// ---------------------------------------------------------------------------------------------
// Seller's name, dossiers

const LEGAL_FORM = String.raw`(?:SASU|SAS|SARL|EURL|SA|SNC|SCS|SCA|SCOP|SCIC|SELARL|SELAS|SCM|SCI|GIE|Association)`;
const NAME_BEFORE_FORM = new RegExp(String.raw`^\s*(.{2,80}?)\s*[-–—,]?\s*\b${LEGAL_FORM}\b`, 'u');

/** The issuer's legal mention, e.g. « UNIVERS PROTEC FORMATION – SASU au capital de 5 000 € – RCS Bayonne … ». */
function findSellerName(lines: string[]): ReadField<string> | null {
  for (const line of lines) {
    if (!/capital|R\.? ?C\.? ?S\b|SIRE[NT]|\bRNA\b|loi 1901/i.test(line)) continue;
    const name = NAME_BEFORE_FORM.exec(line)?.[1]?.replace(/[\s\-–—,]+$/, '');
    if (name && /\p{L}{2}/u.test(name) && !/[:@]|^\d/.test(name)) return field(name, 'text', 'medium');
  }
  return null;
}

function findDossiers(text: string): ReadField<string[]> | null {
  const dossiers = findDossierNumbers(text);
  if (!dossiers.length) return null;
  const first = text.toUpperCase().indexOf(dossiers[0]!);
  const labelled = /dossier/i.test(text.slice(Math.max(0, first - 60), first));
  return field(dossiers, 'text', labelled ? 'high' : 'medium');
}
