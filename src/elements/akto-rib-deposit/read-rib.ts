/**
 * Reads the IBAN, BIC and holder a RIB in PDF carries (its own chunk, with pdf.js in its worker,
 * as the invoice reader): only the first two pages' text, and nothing but what the bank rules
 * accept (an IBAN whose check digits are wrong is left for the user to type).
 */
import { layoutFromPages } from '../../reader/layout.js';
import { pdfText, startReader } from '../../reader/pdf-text.js';
import { findBankDetails, type BankDetails } from '../../rules/bank.js';

/** RIBs are one page: a file larger than this is not read here (the user types its fields). */
const MAX_BYTES = 5_000_000;

export async function readRib(file: Blob): Promise<BankDetails | null> {
  if (file.size > MAX_BYTES) return null;
  const reader = await startReader();
  let stopped = true;
  try {
    const task = await reader.open(new Uint8Array(await file.arrayBuffer()));
    const document = await task.promise;
    const pages = await pdfText(document, { first: 2, last: 0, maxChars: 20_000 });
    stopped = false;
    // Rows as laid out on the page, whatever order the PDF wrote them in.
    return findBankDetails(layoutFromPages(pages).text);
  } finally {
    await reader.close(stopped);
  }
}
