import { fail, isBlank, ok, type RuleResult } from './result.js';

/** French e-invoicing rule BR-FR-01: an invoice number has at most 35 characters. */
export const INVOICE_NUMBER_MAX = 35;

/** The invoice number, trimmed; its length is counted in characters, not UTF-16 units. */
export function checkInvoiceNumber(input: string | null | undefined): RuleResult<string> {
  if (isBlank(input)) return fail('invoiceNumberRequired');
  const number = (input ?? '').trim();
  if ([...number].length > INVOICE_NUMBER_MAX) return fail('invoiceNumberTooLong', { max: INVOICE_NUMBER_MAX });
  return ok(number);
}
