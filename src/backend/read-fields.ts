import { fieldsFromReading, FIELDS } from '../rules/fields.js';
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
  const read = fieldsFromReading(reading.fields);
  const sure = Object.fromEntries(FIELDS.map(({ key }) => [key, read[key] && read[key].confidence !== 'low' ? read[key].value : null]));
  return { ...sure, dossiers: (sure.dossiers as string[] | null) ?? [], creditNote: reading.creditNote };
};
