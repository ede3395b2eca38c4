import { SIREN_PATTERN, SIRET_PATTERN } from './patterns.js';
import { fail, isBlank, ok, type RuleResult } from './result.js';

export { SIREN_PATTERN, SIRET_PATTERN } from './patterns.js';

/** The Luhn checksum INSEE uses for SIREN and SIRET; false for anything but digits. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** La Poste's SIREN: its establishments are numbered by a digit sum, not by Luhn. */
export const LA_POSTE_SIREN = '356000000';

function digitSum(digits: string): number {
  let sum = 0;
  for (const char of digits) sum += char.charCodeAt(0) - 48;
  return sum;
}

/** People paste « 824 092 688 » as printed on invoices: all white space goes. */
function normalize(input: string): string {
  return input.replace(/\s+/g, '');
}

/** A SIREN (9 digits, Luhn); the value is the bare digits. */
export function checkSiren(input: string | null | undefined): RuleResult<string> {
  if (isBlank(input)) return fail('required');
  const siren = normalize(input ?? '');
  if (!SIREN_PATTERN.test(siren)) return fail('sirenFormat');
  if (!luhn(siren)) return fail('sirenChecksum');
  return ok(siren);
}

/**
 * A SIRET (14 digits, Luhn, or La Poste's digit-sum exception); the value is the bare digits.
 * Whether INSEE knows it (siretUnknown, siretClosed) is the server's question: its key stays there.
 */
export function checkSiret(input: string | null | undefined): RuleResult<string> {
  // Said of the SIRET by name: « Ce champ est obligatoire. » did not say which of six.
  if (isBlank(input)) return fail('siretRequired');
  const siret = normalize(input ?? '');
  if (!SIRET_PATTERN.test(siret)) return fail('siretFormat');
  const valid = luhn(siret) || (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0);
  if (!valid) return fail('siretChecksum');
  return ok(siret);
}
