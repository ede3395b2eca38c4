import { fail, isBlank, ok, type RuleResult } from './result.js';

/** The languages amounts are typed and shown in: `fr` writes 1 234,56, `en` writes 1,234.56. */
export type AmountLocale = 'fr' | 'en';

export type AmountOptions = {
  /** An avoir (credit note) may carry negative amounts and TTC below HT. */
  creditNote?: boolean;
  /** The user's language, which settles a lone `,` before three digits (see `parse`). French when absent. */
  locale?: AmountLocale;
};

type Parsed = { value: number; decimals: number };

/** Spaces people and PDFs put between thousands: ordinary, non-breaking, narrow and thin. */
const GROUP_SPACE = /[ \u00a0\u202f\u2009]/;

/**
 * Reads both languages' ways in either language: `1 234,56`, `1234.56`, `1 234,56 €`, `-218,48`,
 * `1.234,56`, `1,234.56`, `1,234,567.89`. The rule:
 * - both marks, `,` and `.`: the last one is the decimal mark, the other groups thousands;
 * - one mark seen several times (`1.234.567`): it groups thousands;
 * - one mark seen once is the decimal mark (`1234,56`, `28043.28`, `0,5`), with one exception:
 *   in English (`locale: 'en'`), a lone `,` followed by exactly three digits, with no other
 *   separator (`1,234`, `12,345`), groups thousands, because an English reader means 1234 by
 *   `1,234`. In French `1,234` stays 1.234, refused for its third decimal, and `1.234` is 1.234 in
 *   both languages: a reading the user did not mean always surfaces as an error, never as
 *   another amount. (No amount has three decimals, so the English reading loses nothing.)
 * Spaces (ordinary, non-breaking, narrow, thin) group thousands in both languages.
 */
function parse(input: string | number, locale: AmountLocale = 'fr'): Parsed | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    // A number has at most 2 decimals when it lies within a few ulps of the nearest cent:
    // 0.1 + 0.2 is 0.3 up to float noise, 1.234 is not. (`x * 100` alone misjudges 20437.38.)
    const rounded = Number(input.toFixed(2));
    const noise = 4 * Number.EPSILON * Math.max(1, Math.abs(input));
    return { value: input, decimals: Math.abs(input - rounded) <= noise ? 2 : 3 };
  }
  let text = input.trim().replace(/^€\s*|\s*(?:€|EUR)$/giu, '').trim();
  let negative = false;
  if (/^[-\u2212+]/.test(text)) {
    negative = text[0] !== '+';
    text = text.slice(1).trimStart();
  }
  if (!/^\d(?:[\d.,]|[ \u00a0\u202f\u2009])*$/.test(text) || !/\d$/.test(text)) return null;

  let integer = text;
  let fraction = '';
  const lastMark = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  if (lastMark >= 0) {
    const mark = text.charAt(lastMark);
    // Seen once, the last mark is the decimal one; seen several times, it separates thousands.
    const englishThousands = locale === 'en' && mark === ',' && /^\d{1,3},\d{3}$/.test(text);
    if (text.indexOf(mark) === lastMark && !englishThousands) {
      integer = text.slice(0, lastMark);
      fraction = text.slice(lastMark + 1);
      if (!/^\d+$/.test(fraction)) return null;
    }
  }
  const digits = ungroup(integer);
  if (digits === null) return null;
  const value = Number(`${digits}.${fraction || '0'}`);
  return { value: negative ? -value : value, decimals: fraction.length };
}

/** Plain digits, or groups of three behind one consistent separator (`12 345 678`, `1.234`). */
function ungroup(integer: string): string | null {
  if (/^\d+$/.test(integer)) return integer;
  const separator = /[^\d]/.exec(integer)?.[0];
  if (!separator || !(GROUP_SPACE.test(separator) || separator === '.' || separator === ',')) return null;
  const groups = integer.split(separator);
  const [head, ...rest] = groups;
  if (!head || !/^\d{1,3}$/.test(head) || rest.length === 0 || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  return groups.join('');
}

/** The amount as a number, or null when it cannot be read (`locale`: see `parse`). */
export function parseAmount(input: string | number, locale?: AmountLocale): number | null {
  return parse(input, locale)?.value ?? null;
}

const AMOUNT_INPUT: Record<AmountLocale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** An amount as the user edits it in their language: `1 234,56` in French, `1,234.56` in English. */
export function formatAmountInput(value: number, locale: AmountLocale = 'fr'): string {
  return AMOUNT_INPUT[locale].format(value);
}

/** One amount (HT or TTC); the value is in euros, rounded to the cent exactly. */
export function checkAmount(input: string | number | null | undefined, options: AmountOptions = {}): RuleResult<number> {
  if (input === null || input === undefined || (typeof input === 'string' && isBlank(input))) return fail('amountRequired');
  const parsed = parse(input, options.locale);
  if (!parsed) return fail('amountFormat');
  if (parsed.decimals > 2) return fail('amountDecimals');
  const value = Math.round(parsed.value * 100) / 100 + 0; // + 0 turns -0 into 0
  if (value < 0 && !options.creditNote) return fail('amountNegative');
  return ok(value);
}

export type AmountsResult = { amountHT: RuleResult<number>; amountTTC: RuleResult<number> };

/**
 * HT and TTC together, each with its own result so the UI marks the right field:
 * on an invoice TTC = HT + TVA cannot be below HT (EN 16931 BR-CO-15). Not checked on an avoir.
 */
export function checkAmounts(
  ht: string | number | null | undefined,
  ttc: string | number | null | undefined,
  options: AmountOptions = {},
): AmountsResult {
  const amountHT = checkAmount(ht, options);
  let amountTTC = checkAmount(ttc, options);
  if (amountHT.ok && amountTTC.ok && !options.creditNote && Math.round(amountTTC.value * 100) < Math.round(amountHT.value * 100)) {
    amountTTC = fail('amountTtcBelowHt');
  }
  return { amountHT, amountTTC };
}
