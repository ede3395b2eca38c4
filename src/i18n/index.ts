import { en } from './en.js';
import { fr } from './fr.js';
import type { Translation } from './translation.js';

export type { Translation, RuleCode, ApiErrorKind } from './translation.js';
export { fr, en };

export const translations = { fr, en } satisfies Record<string, Translation>;
export type Locale = keyof typeof translations;
export const DEFAULT_LOCALE: Locale = 'fr';

/** Maps any BCP 47 tag ('en-US', 'FR') to a locale we ship, French when we have none closer. */
export function toLocale(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  return primary && primary in translations ? (primary as Locale) : DEFAULT_LOCALE;
}

/** The element's own `lang`, else the nearest ancestor's (crossing shadow roots), else `<html lang>`. */
export function resolveLocale(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return toLocale(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLocale(document.documentElement.lang);
}

export function translationFor(locale: Locale): Translation {
  return translations[locale];
}

// Intl formatters are costly to build; one of each per locale is enough.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value as T;
}

/** `12 000,00 €`; an unknown amount is an empty string, never « 0 € ». */
export function formatAmount(value: number | null | undefined, locale: Locale, currency = 'EUR'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const tag = translations[locale].locale;
  return cached(`amount:${tag}:${currency}`, () => new Intl.NumberFormat(tag, { style: 'currency', currency })).format(value);
}

// A list formats the same few hundred dates again and again (three a row): each one's text is
// kept, per language. Bounded, in case a long session sees many.
const dates = new Map<string, string>();

/** A calendar date `YYYY-MM-DD` (or an ISO date-time) as `20/06/2022`; empty when unknown. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const key = locale + iso;
  let text = dates.get(key);
  if (text === undefined) {
    const date = parseIsoDate(iso);
    const tag = translations[locale].locale;
    text = date ? cached(`date:${tag}`, () => new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })).format(date) : '';
    if (dates.size >= 4000) dates.clear();
    dates.set(key, text);
  }
  return text;
}

/** An ISO date-time as `26/06/2022 15:23:53` in the user's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const tag = translations[locale].locale;
  return cached(`datetime:${tag}`, () =>
    new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  ).format(date).replace(',', '');
}

/** File sizes as the guide prints them: `148,9 ko` in French, `148.9 kB` in English. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const tag = translations[locale].locale;
  const [unit, divisor] = bytes >= 1_000_000 ? (['mega', 1_000_000] as const) : (['kilo', 1_000] as const);
  const number = cached(`size:${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })).format(bytes / divisor);
  return `${number} ${translations[locale].sizeUnits[unit]}`;
}

/** `819109976` → `819 109 976`; SIRET `82409268800236` → `824 092 688 00236`. */
export function formatSiren(digits: string): string {
  if (/^\d{9}$/.test(digits)) return digits.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3');
  if (/^\d{14}$/.test(digits)) return digits.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4');
  return digits;
}

function parseIsoDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}
