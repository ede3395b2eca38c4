import type { FieldReader } from './store.js';

/**
 * What the mock server reads from a deposited PDF, using the project's own reader (pdf.js text
 * layer, then the invoice text scanner), so deposits show the real values of the file dropped.
 */
export const readFieldsFromPdf: FieldReader = async (bytes) => {
  const [{ openPdf, pdfText }, { readInvoiceText }] = await Promise.all([import('../reader/pdf-text.js'), import('../reader/text.js')]);
  const document = await openPdf(bytes);
  try {
    const reading = readInvoiceText(await pdfText(document));
    return {
      invoiceNumber: reading.invoiceNumber,
      amountHT: reading.amountHT,
      amountTTC: reading.amountTTC,
      invoiceDate: reading.issueDate,
      siret: reading.siret,
      dossiers: reading.dossiers,
      creditNote: reading.creditNote,
    };
  } finally {
    await document.loadingTask.destroy();
  }
};
