import { en } from '../i18n/en.js';
import { fr } from '../i18n/fr.js';
import type { RuleCode } from '../i18n/translation.js';

export type { RuleCode } from '../i18n/translation.js';

/** Both languages at once, so the mock server can answer either and the UI picks its own. */
export type RuleMessage = { fr: string; en: string };

export type RuleSuccess<T> = { ok: true; value: T };
export type RuleFailure = { ok: false; code: RuleCode; message: RuleMessage };
export type RuleResult<T> = RuleSuccess<T> | RuleFailure;

export function ok<T>(value: T): RuleSuccess<T> {
  return { ok: true, value };
}

/**
 * A failure worded by the translations only (never by hand here), so the UI and the server
 * say the same thing. `message` is for codes whose wording takes a parameter.
 */
export function fail(code: RuleCode, message?: RuleMessage): RuleFailure {
  return { ok: false, code, message: message ?? { fr: fr.rules[code], en: en.rules[code] } };
}

/** Empty means nothing but white space, including the non-breaking kinds PDFs produce. */
export function isBlank(input: string | null | undefined): boolean {
  return input === null || input === undefined || input.trim() === '';
}
