import { ApiError } from '../api/errors.js';
import type { RuleFailure } from '../rules/result.js';
import { catalog } from './catalog.js';
import { fr } from './fr.js';
import type { LaterGroup, Translation } from './translation.js';

export type { LaterGroup, ListLabels, Translation } from './translation.js';
export { fr };

/**
 * Every language we ship, by its primary tag. French, the default, is in the first payload; the
 * others are fetched the first time they are asked for. A new language is its file and one line here.
 */
const LOADERS = {
  fr: async () => fr,
  en: async () => (await import('./en.js')).en,
} satisfies Record<string, () => Promise<Translation>>;

export type Locale = keyof typeof LOADERS;
export const DEFAULT_LOCALE: Locale = 'fr';
export const LOCALES = Object.keys(LOADERS) as Locale[];

const translations = catalog(LOADERS, fr);

/** Maps any BCP 47 tag ('en-US', 'FR') to a locale we ship, French when we have none closer. */
export function toLocale(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  return primary && primary in LOADERS ? (primary as Locale) : DEFAULT_LOCALE;
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

/**
 * Fetches a language once (later calls share the first); then tells `onLocaleLoaded` listeners,
 * so what was drawn in French meanwhile is drawn again. A language that fails to load stays French
 * and is tried again the next time it is asked for.
 */
export const loadLocale = (locale: Locale): Promise<Translation> => translations.load(locale);

/** Resolves once `locale`'s translation is in (at once for French): what a test awaits before reading English. */
export async function whenLocaleReady(locale: Locale | string): Promise<void> {
  await loadLocale(toLocale(locale));
}

/** Calls `listener` each time a language arrives; returns the function that stops it. */
export const onLocaleLoaded = (listener: (locale: Locale) => void): (() => void) => translations.onLoaded(listener);

/**
 * The translation of `locale` if it is in, else French while it loads (the load starts here):
 * synchronous, so an element can render at once and again when the language arrives.
 */
export const translationFor = (locale: Locale): Translation => translations.get(locale);

/**
 * Adds the French of the screens after the first view (fr-steps.ts) to the French in use: an
 * element that says them passes them to its LocalizeController. Once is enough; again is harmless.
 */
export function includeFrench(groups: Pick<Translation, LaterGroup>): void {
  Object.assign(fr, groups);
}

/** The words of a rule's failure, in `t`'s language: `t.rules[code](params)`. */
export function ruleText(t: Translation, failure: RuleFailure): string {
  return (t.rules[failure.code] as (params?: RuleFailure['params']) => string)(failure.params);
}

/**
 * What to tell the user about a failure, in `t`'s language. The server words its own problem
 * details (in the language the client asked for, from these same tables); the rest is worded here.
 */
export function errorText(t: Translation, error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.http;
  const { status, path } = error.params;
  switch (error.kind) {
    case 'http':
      return error.problem?.detail ?? error.problem?.title ?? (status ? `${t.errors.http} ${t.errors.httpStatus(status)}` : t.errors.http);
    case 'validation':
      return error.problem?.detail ?? t.errors.validation;
    case 'contract':
      // A field's name helps whoever reports it.
      return path ? `${t.errors.contract} ${t.errors.contractAt(path)}` : t.errors.contract;
    default:
      return t.errors[error.kind];
  }
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
  const tag = translationFor(locale).locale;
  return cached(`amount:${tag}:${currency}`, () => new Intl.NumberFormat(tag, { style: 'currency', currency })).format(value);
}

// A list formats the same few hundred dates again and again (three a row): each one's text is
// kept, per language. Bounded, in case a long session sees many.
const dates = new Map<string, string>();

/** A calendar date `YYYY-MM-DD` (or an ISO date-time) as `20/06/2022`; empty when unknown. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const key = translationFor(locale).locale + iso; // by the language in use: French while English loads
  let text = dates.get(key);
  if (text === undefined) {
    const date = parseIsoDate(iso);
    const tag = translationFor(locale).locale;
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
  const tag = translationFor(locale).locale;
  return cached(`datetime:${tag}`, () =>
    new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  ).format(date).replace(',', '');
}

/** File sizes as the guide prints them: `148,9 ko` in French, `148.9 kB` in English. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const tag = translationFor(locale).locale;
  const [unit, divisor] = bytes >= 1_000_000 ? (['mega', 1_000_000] as const) : (['kilo', 1_000] as const);
  const number = cached(`size:${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })).format(bytes / divisor);
  return `${number} ${translationFor(locale).sizeUnits[unit]}`;
}

/**
 * Text from the API or a file, isolated (U+2068…U+2069) inside a sentence, an option or a label:
 * a right-to-left mark in a name (« ACME\u202Efdp.exe ») cannot reorder what follows it, the SIREN.
 * In markup, `<bdi>` does the same.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
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
