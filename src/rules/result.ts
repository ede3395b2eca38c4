/**
 * The codes a rule fails with, declared here by the rules that own them. Each translation words
 * every one of them (`t.rules[code](params)`): the rules themselves carry no text, so the
 * elements, the back end and the mock say the same thing, in the language each one needs.
 */
export type RuleCode =
  | 'required'
  | 'sirenFormat'
  | 'sirenChecksum'
  | 'siretRequired'
  | 'siretFormat'
  | 'siretChecksum'
  | 'siretUnknown'
  | 'siretClosed'
  | 'dossierRequired'
  | 'dossierFormat'
  | 'dossierPrefix'
  | 'dossierUnknown'
  | 'amountRequired'
  | 'amountFormat'
  | 'amountDecimals'
  | 'amountNegative'
  | 'amountTtcBelowHt'
  | 'dateRequired'
  | 'dateInvalid'
  | 'dateAfterDeposit'
  | 'invoiceNumberRequired'
  | 'invoiceNumberTooLong'
  | 'invoiceDuplicate';

/** The values a code's sentence needs; a code not listed needs none. */
export interface RuleParamMap {
  /** The longest invoice number accepted, in characters. */
  invoiceNumberTooLong: { max: number };
  /** The day the earlier invoice was deposited, already formatted for the reader (`20/06/2022`). */
  invoiceDuplicate: { date: string };
}

/** What `code`'s sentence needs: an object for the codes of RuleParamMap, nothing for the others. */
export type RuleParams<C extends RuleCode> = C extends keyof RuleParamMap ? RuleParamMap[C] : undefined;

export type RuleSuccess<T> = { ok: true; value: T };
/** A failure: its code, and for some codes the values its sentence needs. Never text. */
export type RuleFailure = { [C in RuleCode]: { ok: false; code: C; params?: RuleParams<C> } }[RuleCode];
export type RuleResult<T> = RuleSuccess<T> | RuleFailure;

export function ok<T>(value: T): RuleSuccess<T> {
  return { ok: true, value };
}

/** A failure without values (`fail('required')`), or with the values its code requires. */
export function fail<C extends Exclude<RuleCode, keyof RuleParamMap>>(code: C): RuleFailure;
export function fail<C extends keyof RuleParamMap>(code: C, params: RuleParamMap[C]): RuleFailure;
export function fail(code: RuleCode, params?: object): RuleFailure {
  return (params ? { ok: false, code, params } : { ok: false, code }) as RuleFailure;
}

/** Empty means nothing but white space, including the non-breaking kinds PDFs produce. */
export function isBlank(input: string | null | undefined): boolean {
  return input === null || input === undefined || input.trim() === '';
}
