import { fail, isBlank, ok, type RuleResult } from './result.js';

export type InvoiceDateOptions = {
  /** `YYYY-MM-DD`; today in the user's time zone when absent. */
  depositDate?: string;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * `DD/MM/YYYY` (also `D/M/YYYY`, with `-` or `.`) or ISO `YYYY-MM-DD` to ISO, null when it is
 * not a calendar date. Pure arithmetic, no Date object: no time zone can shift the day.
 */
export function parseDate(input: string): string | null {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const french = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : french
      ? [Number(french[4]), Number(french[3]), Number(french[1])]
      : [0, 0, 0];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Today's calendar date where the user is, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The invoice date: a real date, not after the deposit date; the value is ISO `YYYY-MM-DD`.
 * ISO strings of equal length compare as dates, so no Date object is needed.
 */
export function checkInvoiceDate(input: string | null | undefined, options: InvoiceDateOptions = {}): RuleResult<string> {
  if (isBlank(input)) return fail('dateRequired');
  const date = parseDate(input ?? '');
  if (!date) return fail('dateInvalid');
  const deposit = options.depositDate === undefined ? todayIso() : parseDate(options.depositDate);
  if (!deposit) throw new RangeError(`checkInvoiceDate: depositDate "${options.depositDate}" is not a date`);
  if (date > deposit) return fail('dateAfterDeposit');
  return ok(date);
}
