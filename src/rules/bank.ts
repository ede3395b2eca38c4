/**
 * A RIB's fields: IBAN (ISO 13616, check digits modulo 97), BIC (ISO 9362) and the holder's
 * name. The RIB deposit checks them as the user types and the back end enforces them, with the
 * same codes. Their words are not in the first payload's translation (src/i18n/fr.ts) but in the
 * screens' one (src/i18n/screens/), which comes with the elements that use them.
 */
import { isBlank, ok, type RuleSuccess } from './result.js';

export type BankRuleCode = 'ibanRequired' | 'ibanFormat' | 'ibanLength' | 'ibanChecksum' | 'bicRequired' | 'bicFormat' | 'holderRequired' | 'holderTooLong';
export type BankFailure = { ok: false; code: BankRuleCode; params?: { country: string; length: number } };
export type BankResult<T> = RuleSuccess<T> | BankFailure;

const failure = (code: BankRuleCode, params?: BankFailure['params']): BankFailure => (params ? { ok: false, code, params } : { ok: false, code });

/** The IBAN's length in the countries of the SEPA area AKTO's members bank in; others: 15 to 34. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  FR: 27, MC: 27, DE: 22, BE: 16, LU: 20, NL: 18, ES: 24, IT: 27, PT: 25, CH: 21, GB: 22, IE: 22, AT: 20,
};

/** « FR76 3000 6000 0112 3456 7890 189 » as printed: spaces and dashes go, letters upper case. */
export function normalizeBankCode(input: string): string {
  return input.replace(/[\s\u00a0\u202f-]+/g, '').toUpperCase();
}

/** The ISO 7064 MOD 97-10 remainder of an IBAN (country and check digits moved to the end). */
export function ibanRemainder(iban: string): number {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of moved) {
    const value = parseInt(char, 36); // A = 10 … Z = 35
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

export function checkIban(input: string | null | undefined): BankResult<string> {
  if (isBlank(input)) return failure('ibanRequired');
  const iban = normalizeBankCode(input ?? '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return failure('ibanFormat');
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length && iban.length !== length) return failure('ibanLength', { country, length });
  return ibanRemainder(iban) === 1 ? ok(iban) : failure('ibanChecksum');
}

/** 8 or 11 characters: bank (4 letters), country (2 letters), place (2), branch (3, optional). */
export function checkBic(input: string | null | undefined): BankResult<string> {
  if (isBlank(input)) return failure('bicRequired');
  const bic = normalizeBankCode(input ?? '');
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic) ? ok(bic) : failure('bicFormat');
}

export const HOLDER_MAX_LENGTH = 70;

/** The account holder's name as the bank writes it (SEPA allows 70 characters). */
export function checkHolder(input: string | null | undefined): BankResult<string> {
  if (isBlank(input)) return failure('holderRequired');
  const holder = (input ?? '').trim().replace(/\s+/g, ' ');
  return holder.length > HOLDER_MAX_LENGTH ? failure('holderTooLong') : ok(holder);
}

export interface BankDetails {
  iban: string | null;
  bic: string | null;
  holder: string | null;
}

/**
 * The IBAN, BIC and holder a RIB's text carries, when it carries them: an IBAN is taken only if
 * its check digits are right (a misread one is left for the user to type), a BIC only next to
 * its label, the holder only after « Titulaire ».
 */
export function findBankDetails(text: string): BankDetails {
  const flat = text.replace(/[\u00a0\u202f]/g, ' ');
  let iban: string | null = null;
  for (const match of flat.matchAll(/\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}/g)) {
    // The match may run on into the next word (« … 189 BIC »): its country's length, else the longest valid prefix.
    const code = normalizeBankCode(match[0]);
    const known = IBAN_LENGTHS[code.slice(0, 2)];
    const lengths = known ? [known] : Array.from({ length: code.length - 14 }, (_, i) => code.length - i);
    iban = lengths.map((n) => code.slice(0, n)).find((candidate) => checkIban(candidate).ok) ?? null;
    if (iban) break;
  }
  const bicMatch = /\b(?:BIC|SWIFT)(?:\s*\/\s*SWIFT)?\s*(?:code)?\s*:?\s*([A-Z]{4}\s?[A-Z]{2}\s?[A-Z0-9]{2}(?:\s?[A-Z0-9]{3})?)\b/i.exec(flat);
  const bic = bicMatch && checkBic(bicMatch[1]).ok ? normalizeBankCode(bicMatch[1]!) : null;
  const holderMatch = /Titulaire(?: du compte)?\s*:?\s*([^\n]{2,70})/i.exec(flat);
  const holder = holderMatch ? holderMatch[1]!.split(/\t|\s{2,}|\b(?:IBAN|BIC|Domiciliation)\b/i)[0]!.trim() || null : null;
  return { iban, bic, holder };
}
