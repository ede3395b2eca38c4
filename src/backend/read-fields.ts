import type { FieldReader } from './service.js';

/**
 * What the mock server reads from a deposited PDF, with the project's own reader: the embedded
 * Factur-X/ZUGFeRD/UBL XML first, then the pdf.js text layer. So deposits in the demo and the
 * stories show the real values of the file dropped. Guesses (`confidence: 'low'`) are left out,
 * as a server would leave a field it is unsure of for the user to fill.
 */
export const readFieldsFromPdf: FieldReader = async (bytes) => {
  const { readInvoice } = await import('../reader/index.js');
  const reading = await readInvoice(bytes);
  const sure = <T>(read: { value: T; confidence: string } | null): T | null => (read && read.confidence !== 'low' ? read.value : null);
  const { fields } = reading;
  return {
    invoiceNumber: sure(fields.invoiceNumber),
    amountHT: sure(fields.amountHT),
    amountTTC: sure(fields.amountTTC),
    invoiceDate: sure(fields.issueDate),
    siret: sure(fields.siret),
    dossiers: sure(fields.dossiers) ?? [],
    creditNote: reading.creditNote,
  };
};
