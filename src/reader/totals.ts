/**
 * The totals of a plain PDF invoice: HT, TVA, TTC and the amount due, read by label and by
 * position, then kept only as a set that adds up.
 *
 * Every labelled amount is a candidate (« Total HT … », « 1 260,00 € HT », a column under « Montant
 * TVA », the « Total » row of such a table). Then the candidates are checked by arithmetic, the
 * strongest labels first: HT + TVA = TTC within a cent, the TVA being one total line or the sum of
 * the per-rate lines, the TTC possibly including amounts outside the scope of VAT (« débours »),
 * and « Net à payer » standing for the TTC when no TTC is printed. Without a TVA, an HT and a TTC
 * go together when the TTC is the HT plus at most 20 %. When labelled totals contradict each other
 * and nothing adds up, no total is given (`mismatch`): a wrong amount is worse than none.
 */
import { parseAmount } from '../rules/amount.js';
import { field } from './fields.js';
import { findLabelled, type Row, type TextLayout } from './layout.js';
import type { Confidence, InvoiceFields } from './types.js';

/** An amount as printed: `1 440,00`, `1.245,30`, `1,509.00`, `3300,00`, `60.00`, `-315,00`; never a rate (`20 %`). */
const NUMBER = String.raw`-?\s?(?:\d{1,3}(?:[ .]\d{3})+(?:,\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;
const CURRENCY = String.raw`(?:€|EUR\b|euros?\b)`;
/** The amount (group `amount`), with its currency either side (`€859,03`, `60.00€`, `12,22 €`). */
const AMOUNT = String.raw`(?:€\s?)?(?<amount>${NUMBER})(?!\d)(?!\s?%)(?!\s?[.,]\d)(?:\s?${CURRENCY})?`;
/** What may stand between a total's label and its amount: a currency, a rate, a base (« TVA 20 % sur 500,00 »), leaders. */
const FILLER = String.raw`[ \t]*(?:\(?\s*(?:en\s+)?${CURRENCY}\s*\)?)?[ \t]*(?:\(?\s*(?<rate>\d{1,2}(?:[.,]\d{1,3})?)\s*%\s*\)?)?[ \t]*(?:(?:sur|base)\s+(?<base>${NUMBER})\s?${CURRENCY}?)?[ \t:=.…_]*`;

type Kind = 'ht' | 'tva' | 'ttc' | 'due';

interface Candidate {
  kind: Kind;
  cents: number;
  /** Lower is a stronger label, found where it is expected. */
  rank: number;
  row: number;
  /** A TVA line's rate (%), and the base it says it applies to. */
  rate?: number;
  base?: number;
}

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}])`;
const HT = String.raw`(?:h\.?\s?t\.?|hors\s+tax(?:e|es)?)`;
const TTC = String.raw`(?:t\.?t\.?c\.?|toutes\s+taxes\s+comprises)`;
const TVA = String.raw`(?:t\.?v\.?a\.?|taxes?|vat)`;
const EUR = String.raw`(?:(?:eur|€|\(€\)|\(eur\))\s*)?`;
const DUE = String.raw`(?:(?:montant\s+)?(?:net|reste|solde|somme|montant|total)\s+(?:[àa]\s+payer|d[ûu])|amount\s+due)`;

/** [kind, label, rank]: the labels of each total, strongest first. */
const LABELS: [Kind, string, number][] = [
  ['ht', String.raw`(?:total|montant(?:\s+total)?|sous[-\s]?total|net|base)\s*${EUR}${HT}`, 0],
  ['ht', String.raw`(?:sous|sub)[-\s]?total`, 1],
  ['ht', HT, 2],
  ['tva', String.raw`(?:total|montant(?:\s+total)?)\s*(?:de\s+(?:la\s+)?)?${EUR}${TVA}`, 0],
  ['tva', String.raw`(?:dont\s+)?(?:t\.?v\.?a\.?|vat)`, 1],
  ['ttc', String.raw`(?:total|montant(?:\s+total)?|net)\s*${EUR}${TTC}`, 0],
  ['ttc', TTC, 2],
  ['ttc', String.raw`total(?:\s+g[ée]n[ée]ral)?`, 3],
  ['due', DUE, 0],
];

/** Rows about amounts outside the totals' arithmetic of HT and TVA: disbursements, deposits. */
const OUT_OF_SCOPE = /d[ée]bours|hors\s+champ|non\s+soumis\s+[àa]\s+(?:la\s+)?tva|frais\s+de\s+timbre/i;
const DEPOSIT = /acompte|d[ée]j[àa]\s+(?:r[ée]gl[ée]|vers[ée]|pay[ée])|avance\s+(?:re[çc]ue|vers[ée]e)/i;
/** A price for a unit of something, not a total: « 0,12 € TTC/min », « 450 € HT par stagiaire ». */
const PER_UNIT = String.raw`(?!\s*(?:\/|par\b|pour\b|chacun|each|l['’]unit|de\s+l['’]heure))`;
/** « 1 260,00 € HT », « 252,00 € TVA 20 % », « 1 512,00 € net à payer »: the amount before its label. */
const AMOUNT_THEN_LABEL = new RegExp(
  String.raw`(?<![\d.,\p{L}])(?:€\s?)?(?<amount>${NUMBER})(?!\d)(?<currency>\s?${CURRENCY})?\s*(?<label>${HT}|${TTC}|t\.?v\.?a\.?(?:\s*\(?(?<rate>\d{1,2}(?:[.,]\d{1,3})?)\s*%\)?)?|${DUE})${E}${PER_UNIT}`,
  'giu',
);
/** A cell holding only a total's label: the header of a column of amounts. */
const COLUMN_HEADER: [Kind, RegExp][] = [
  ['ht', new RegExp(String.raw`^(?:(?:total|montant|base)\s+)?${EUR}${HT}\s*${EUR}$`, 'iu')],
  ['tva', new RegExp(String.raw`^(?:(?:total|montant)\s+)?${EUR}t\.?v\.?a\.?\s*(?:\d{1,2}(?:[.,]\d{1,3})?\s*%)?\s*${EUR}$`, 'iu')],
  ['ttc', new RegExp(String.raw`^(?:(?:total|montant)\s+)?${EUR}${TTC}\s*${EUR}$`, 'iu')],
];
const PURE_AMOUNT = new RegExp(String.raw`^${AMOUNT}$`, 'iu');

const cents = (value: number) => Math.round(value * 100);
const number = (text: string | undefined) => (text === undefined ? undefined : parseAmount(text.replace(/\s/g, ' ').trim()));

export interface Totals {
  fields: Pick<InvoiceFields, 'amountHT' | 'amountTVA' | 'amountTTC' | 'amountDue'>;
  /** Labelled totals were there, but none of them adds up: none is given. */
  mismatch: boolean;
}

export function findTotals(layout: TextLayout): Totals {
  const candidates: Candidate[] = [];
  const add = (kind: Kind, text: string | undefined, rank: number, row: Row, groups?: Record<string, string | undefined>) => {
    const value = number(text);
    if (value === null || value === undefined || Math.abs(value) >= 1e10) return;
    const rate = number(groups?.rate);
    const base = number(groups?.base);
    candidates.push({ kind, cents: cents(value), rank, row: row.index, ...(rate ? { rate } : {}), ...(base ? { base: cents(base) } : {}) });
  };
  const outOfScope: { cents: number; row: number }[] = [];
  const skip = new Set<number>();
  for (const row of layout.rows) {
    if (!OUT_OF_SCOPE.test(row.text) && !DEPOSIT.test(row.text)) continue;
    skip.add(row.index);
    const amounts = [...row.text.matchAll(new RegExp(AMOUNT, 'giu'))];
    const last = number(amounts.at(-1)?.groups?.amount);
    if (OUT_OF_SCOPE.test(row.text) && last) outOfScope.push({ cents: cents(last), row: row.index });
  }

  // 1. The amount after its label, on its row or under it.
  for (const [kind, label, rank] of LABELS) {
    const found = findLabelled(layout, new RegExp(B + label + E, 'giu'), `${AMOUNT}${PER_UNIT}`, {
      filler: FILLER,
      accept: (_, __, row) => !skip.has(row.index),
    });
    for (const { value, relation, row, label: match } of found) {
      // « Total : 10,95 € HT 12,22 € TTC »: the amount belongs to the label after it.
      const after = match.input.slice(match.index + match[0].length + value[0].length);
      const next = /^\s*(HT|H\.T\.|TTC|T\.T\.C\.|TVA)(?![\p{L}])/iu.exec(after)?.[1]?.replace(/\./g, '').toLowerCase();
      if (relation === 'right' && next && next !== (kind === 'due' ? 'ttc' : kind)) continue;
      add(kind, value.groups?.amount, rank + (relation === 'below' ? 1 : 0), row, value.groups);
      if (kind === 'due') add('ttc', value.groups?.amount, 2 + (relation === 'below' ? 1 : 0), row);
    }
  }
  // 2. The amount before its label.
  for (const row of layout.rows) {
    if (skip.has(row.index)) continue;
    for (const match of row.text.matchAll(AMOUNT_THEN_LABEL)) {
      const g = match.groups!;
      if (!g.currency && !/[.,]\d{2}$/.test(g.amount!)) continue;
      const label = g.label!.toLowerCase().replace(/[.\s]/g, '');
      const kind: Kind = label === 'ht' || label.startsWith('hors') ? 'ht' : label === 'ttc' || label.startsWith('toutes') ? 'ttc' : label.startsWith('tva') ? 'tva' : 'due';
      add(kind, g.amount, 1, row, g);
      if (kind === 'due') add('ttc', g.amount, 2, row);
    }
  }
  // 3. Columns of totals: a header row of labels and, under them, the « Total » row (or the first one).
  columnTotals(layout, add);

  return choose(candidates, outOfScope, /tva\s+non\s+applicable|exon[ée]r|293\s*b|franchise\s+en\s+base/i.test(layout.text));
}

function columnTotals(layout: TextLayout, add: (kind: Kind, text: string | undefined, rank: number, row: Row) => void): void {
  for (const header of layout.rows) {
    const columns = header.cells.flatMap((cell) => {
      const kind = COLUMN_HEADER.find(([, re]) => re.test(cell.text))?.[0];
      return kind ? [{ kind, cell }] : [];
    });
    if (columns.length < 2 || new Set(columns.map((c) => c.kind)).size !== columns.length) continue;
    for (let i = header.index + 1; i < layout.rows.length && i <= header.index + 15; i++) {
      const row = layout.rows[i]!;
      if (row.page !== header.page) break;
      const total = /^total\b/i.test(row.cells[0]?.text ?? '');
      if (!total && i > header.index + 2) continue;
      for (const { kind, cell } of columns) {
        const under = row.cells.find((c) => Math.min(c.x1, cell.x1) - Math.max(c.x0, cell.x0) > 0);
        const amount = under && PURE_AMOUNT.exec(under.text);
        if (amount) add(kind, amount.groups?.amount, total ? 0 : 2, row);
      }
    }
  }
}

function choose(candidates: Candidate[], outOfScope: { cents: number }[], exempt: boolean): Totals {
  const of = (kind: Kind) => {
    const list = candidates.filter((c) => c.kind === kind).sort((a, b) => a.rank - b.rank || b.row - a.row);
    // One candidate a value: its strongest label.
    return list.filter((c, i) => list.findIndex((d) => d.cents === c.cents) === i);
  };
  const [ht, ttc, due] = [of('ht'), of('ttc'), of('due')];
  const tva = of('tva');
  // The per-rate lines (« TVA 20 % … », « TVA 5,5 % … ») add up to the TVA when no total is printed.
  const rated = candidates.filter((c) => c.kind === 'tva' && c.rate !== undefined && c.rank <= 1);
  const rates = new Map<number, Candidate>();
  for (const c of rated) if (!rates.has(c.rate!) && ![...rates.values()].some((d) => d.row === c.row)) rates.set(c.rate!, c);
  if (rates.size >= 2) {
    const parts = [...rates.values()];
    const sum = parts.reduce((s, c) => s + c.cents, 0);
    if (!tva.some((c) => c.cents === sum)) tva.push({ kind: 'tva', cents: sum, rank: Math.max(...parts.map((c) => c.rank)), row: Math.max(...parts.map((c) => c.row)) });
  }
  // A TVA line that says its base must match it (rate × base, within a cent a line's rounding).
  const fair = (c: Candidate) => c.base === undefined || c.rate === undefined || Math.abs(Math.round((c.base * c.rate) / 100) - c.cents) <= 1;
  const extras = [0, ...(outOfScope.length ? [outOfScope.reduce((s, o) => s + o.cents, 0)] : [])];

  let best: { h: Candidate; t: Candidate; c: Candidate; score: number } | null = null;
  for (const h of ht)
    for (const t of tva) {
      if (!fair(t)) continue;
      for (const c of ttc)
        for (const extra of extras) {
          if (c.cents === 0 || h.cents + t.cents + extra !== c.cents) continue;
          const score = h.rank + t.rank + c.rank + (extra ? 1 : 0);
          if (!best || score < best.score) best = { h, t, c, score };
        }
    }
  const pick = (c: Candidate | undefined, confidence: Confidence) => field(c ? c.cents / 100 : null, 'text', confidence);
  const dueOf = (total: Candidate | undefined) => {
    const same = total && due.find((d) => d.cents === total.cents);
    if (same) return pick(same, 'high');
    // Less than the TTC (a deposit deducted), never more unless out-of-scope amounts explain it.
    const first = due.find((d) => d.rank === 0 && (!total || Math.abs(d.cents) <= Math.abs(total.cents)));
    return pick(first, 'medium');
  };
  if (best) {
    return { fields: { amountHT: pick(best.h, 'high'), amountTVA: pick(best.t, 'high'), amountTTC: pick(best.c, 'high'), amountDue: dueOf(best.c) }, mismatch: false };
  }

  // No TVA adds up. An HT and a TTC go together when the TTC is the HT plus at most 20 % (or equal, VAT-exempt).
  const labelledTva = tva.filter((t) => t.rank <= 1);
  if (!labelledTva.length || exempt) {
    let pair: { h: Candidate; c: Candidate; score: number } | null = null;
    for (const h of ht)
      for (const c of ttc) {
        const plausible = Math.sign(h.cents) === Math.sign(c.cents) && Math.abs(c.cents) >= Math.abs(h.cents) && Math.abs(c.cents) <= Math.ceil(Math.abs(h.cents) * 1.2) + 1;
        if (c.cents === 0 || !plausible || (exempt && c.cents !== h.cents)) continue;
        const score = h.rank + c.rank;
        if (!pair || score < pair.score) pair = { h, c, score };
      }
    if (pair) return { fields: { amountHT: pick(pair.h, 'medium'), amountTVA: null, amountTTC: pick(pair.c, 'medium'), amountDue: dueOf(pair.c) }, mismatch: false };
  }

  // Two totals without the third: given when they can go together (the TVA at most 20 % of the HT,
  // a sixth of the TTC; « Total TTC 120,00 € dont TVA 20,00 € »). Three that do not add up, or two
  // that cannot go together: say so, give none.
  const strong = (list: Candidate[]) => list.some((c) => c.rank === 0);
  const [h, t, c] = [ht[0], labelledTva[0], ttc[0]];
  const present = [h, t, c].filter(Boolean).length;
  const contradiction = () => ({ fields: { amountHT: null, amountTVA: null, amountTTC: null, amountDue: null }, mismatch: true });
  if (present === 3 && (strong(ht) || strong(ttc))) return contradiction();
  if (present === 2) {
    const fits = h && c ? false : h && t ? Math.abs(t.cents) <= Math.ceil(Math.abs(h.cents) * 0.2) + 1 : Math.abs(t!.cents) * 6 <= Math.abs(c!.cents) + 6;
    if (!fits && (strong(ht) || strong(ttc) || strong(labelledTva))) return contradiction();
    if (fits) return { fields: { amountHT: pick(h, 'medium'), amountTVA: pick(t, 'medium'), amountTTC: pick(c, 'medium'), amountDue: dueOf(c) }, mismatch: false };
  }

  // One total alone: given as read, unconfirmed.
  const alone = (list: Candidate[]) => (list[0] && list[0].rank <= 1 ? pick(list[0], list[0].rank === 0 ? 'medium' : 'low') : null);
  return { fields: { amountHT: alone(ht), amountTVA: alone(labelledTva), amountTTC: alone(ttc), amountDue: dueOf(ttc[0]) }, mismatch: false };
}
