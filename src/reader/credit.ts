/**
 * Credit notes (avoirs): why a document is one, and the one sign its amounts are given with.
 *
 * The sign convention: a credit note's amounts are NEGATIVE (HT, TVA, TTC, amount due), whatever
 * the file says. EN 16931 writes a credit note (type 381) with positive amounts, some issuers a
 * 380 with negative ones, others print « AVOIR » and positive amounts: the same avoir comes out
 * the same from each (381 with 218.48 and 380 with -218.48 both give -218.48), as AKTO's step 2
 * takes an avoir's amounts (negative, the avoir box ticked).
 */
import type { CreditNoteReason, InvoiceFields } from './types.js';

/**
 * UNTDID 1001 document types that are credit notes (those EN 16931 allows for BT-3): 81, 83
 * (credit notes for goods/services, for financial adjustments), 261 (self-billed), 262
 * (consolidated), 296 (price variation), 308 (delcredere), 381, 396 (factored), 420 (optical
 * character reading payment), 458 (reversal of debit), 532 (forwarder's).
 */
export const CREDIT_NOTE_TYPES: ReadonlySet<string> = new Set(['81', '83', '261', '262', '296', '308', '381', '396', '420', '458', '532']);

/** « invoice information for accounting purposes »: not an invoice. */
export const NOT_AN_INVOICE_TYPE = '751';

/** « AVOIR N° … », « FACTURE D'AVOIR », « Note de crédit », « Credit note », or AVOIR in capitals as a title. */
const AVOIR_IN_TEXT = /(?<![\p{L}])(?:(?:avoir|note\s+de\s+cr[ée]dit|credit\s+note)\s*(?:n\s*[°º]|no\b|num[ée]ro|#)|facture\s+d['’]avoir)|(?:^|\t)AVOIR(?:\t|\s*$)/imu;

/** Whether the text calls the document an avoir. */
export const saysAvoir = (text: string) => AVOIR_IN_TEXT.test(text);

const AMOUNTS = ['amountHT', 'amountTVA', 'amountTTC', 'amountDue'] as const;

/**
 * Why the document is a credit note (none: it is not): its type code, its text, its totals below
 * zero (TTC, else HT). A 751 or a 389 (self-billing) is never one.
 */
export function creditNoteReasons(fields: InvoiceFields, documentType: string | null, text: string | null): CreditNoteReason[] {
  if (documentType === NOT_AN_INVOICE_TYPE) return [];
  const reasons: CreditNoteReason[] = [];
  if (documentType !== null && CREDIT_NOTE_TYPES.has(documentType)) reasons.push('type-code');
  if (text !== null && saysAvoir(text)) reasons.push('text');
  if ((fields.amountTTC?.value ?? fields.amountHT?.value ?? 0) < 0) reasons.push('negative-totals');
  return reasons;
}

/** Gives a credit note's amounts the convention's sign: negative. */
export function signAmounts(fields: InvoiceFields): void {
  for (const key of AMOUNTS) {
    const amount = fields[key];
    if (amount) fields[key] = { ...amount, value: -Math.abs(amount.value) + 0 };
  }
}
