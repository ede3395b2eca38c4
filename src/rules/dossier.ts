import { fail, isBlank, ok, type RuleResult } from './result.js';

/**
 * AKTO's dossier number: YYMM, then 2 letters + 6 digits (2206AF000358) or, for files from the
 * former networks, 3 letters + 5 digits (2103DCA22581). AKTO does not publish it; seen in its guide.
 */
export const DOSSIER_PATTERN = /^\d{2}(0[1-9]|1[0-2])(?:[A-Z]{2}\d{6}|[A-Z]{3}\d{5})$/;

/**
 * The letter parts seen in AKTO's guide. Not applied by default: AKTO may use others, so the
 * accepted prefixes are the caller's choice (`options.prefixes`).
 */
export const KNOWN_DOSSIER_PREFIXES: readonly string[] = ['AF', 'CA', 'DCA'];

export type DossierOptions = {
  /** Letter parts accepted (e.g. ['AF', 'CA', 'DCA']); every well-formed number when absent. */
  prefixes?: readonly string[];
};

/** The same pattern, unanchored: letters or digits on either side mean it is part of another token. */
const DOSSIER_IN_TEXT = /(?<![\p{L}\p{N}])\d{2}(?:0[1-9]|1[0-2])(?:[A-Z]{2}\d{6}|[A-Z]{3}\d{5})(?![\p{L}\p{N}])/giu;

/** The letters of a well-formed number ('AF' in 2206AF000358), or null. */
export function dossierPrefix(dossier: string): string | null {
  return /^\d{4}([A-Z]{2,3})\d/.exec(dossier)?.[1] ?? null;
}

function prefixAccepted(dossier: string, prefixes: readonly string[] | undefined): boolean {
  if (!prefixes) return true;
  const prefix = dossierPrefix(dossier);
  return prefix !== null && prefixes.some((accepted) => accepted.toUpperCase() === prefix);
}

/** One dossier number, as typed or read; the value is trimmed and upper-cased. */
export function checkDossierNumber(input: string | null | undefined, options: DossierOptions = {}): RuleResult<string> {
  if (isBlank(input)) return fail('dossierRequired');
  const dossier = (input ?? '').trim().toUpperCase();
  if (!DOSSIER_PATTERN.test(dossier)) return fail('dossierFormat');
  if (!prefixAccepted(dossier, options.prefixes)) return fail('dossierPrefix');
  return ok(dossier);
}

/**
 * The dossier numbers in free text (a PDF's text, a Factur-X note), in order of first
 * appearance, without repeats. Numbers glued to other letters or digits are not taken.
 */
export function findDossierNumbers(text: string, options: DossierOptions = {}): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(DOSSIER_IN_TEXT)) {
    const dossier = match[0].toUpperCase();
    if (!found.includes(dossier) && prefixAccepted(dossier, options.prefixes)) found.push(dossier);
  }
  return found;
}

/**
 * The dossiers of one invoice: at least one, each valid. Blank rows (an added, unfilled line)
 * are ignored and repeats dropped; the first invalid entry gives the failure.
 */
export function checkDossierList(list: readonly (string | null | undefined)[], options: DossierOptions = {}): RuleResult<string[]> {
  const dossiers: string[] = [];
  for (const entry of list) {
    if (isBlank(entry)) continue;
    const result = checkDossierNumber(entry, options);
    if (!result.ok) return result;
    if (!dossiers.includes(result.value)) dossiers.push(result.value);
  }
  return dossiers.length > 0 ? ok(dossiers) : fail('dossierRequired');
}
