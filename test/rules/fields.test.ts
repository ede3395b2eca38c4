import { expect } from '@open-wc/testing';
import { emptyFields } from '../../src/reader/fields.js';
import { checkFields, FIELD_KEYS, FIELDS, fieldsFromReading, formatFields, isFieldKey, type FieldValues } from '../../src/rules/fields.js';

const good: FieldValues = { invoiceNumber: ' FA-1 ', amountHT: '1 260,00', amountTTC: '1 512,00 €', dossiers: ['2206af000358'], invoiceDate: '26/06/2026', siret: '824 092 688 00236' };
const context = { creditNote: false, depositDate: '2026-07-01' };

describe('the field catalogue (A–F)', () => {
  it('lists the guide’s fields in order, each with its letter and label', () => {
    expect(FIELDS.map((f) => `${f.letter} ${f.key}`)).to.deep.equal(['A invoiceNumber', 'B amountHT', 'C amountTTC', 'D dossiers', 'E invoiceDate', 'F siret']);
    expect(FIELDS.every((f) => f.label === f.key)).to.equal(true);
    expect(isFieldKey('siret')).to.equal(true);
    expect(isFieldKey('sentAt')).to.equal(false);
    expect(FIELD_KEYS).to.have.length(6);
  });

  it('checks every field by its rule; a passing rule gives the value the API takes', () => {
    const results = checkFields(good, context);
    expect(Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.ok ? r.value : r.code]))).to.deep.equal({
      invoiceNumber: 'FA-1',
      amountHT: 1260,
      amountTTC: 1512,
      dossiers: ['2206AF000358'],
      invoiceDate: '2026-06-26',
      siret: '82409268800236',
    });
  });

  it('reads only the failure codes, field by field, with the context (avoir, deposit date, prefixes)', () => {
    const bad = checkFields({ ...good, amountTTC: '10', invoiceDate: '02/07/2026', dossiers: ['2206AF000358'] }, { ...context, prefixes: ['CA'] });
    const codes = Object.fromEntries(Object.entries(bad).map(([k, r]) => [k, r.ok ? 'ok' : r.code]));
    expect(codes).to.deep.equal({ invoiceNumber: 'ok', amountHT: 'ok', amountTTC: 'amountTtcBelowHt', dossiers: 'dossierPrefix', invoiceDate: 'dateAfterDeposit', siret: 'ok' });
    expect(checkFields({ ...good, amountTTC: '10' }, { ...context, creditNote: true }).amountTTC.ok).to.equal(true);
    expect(checkFields({ ...good, amountHT: 100, amountTTC: 120 }, context).amountTTC).to.deep.equal({ ok: true, value: 120 });
  });

  it('says which fields are checked together', () => {
    expect(FIELDS.find((f) => f.key === 'amountHT')!.checkedWith).to.deep.equal(['amountTTC']);
    expect(FIELDS.find((f) => f.key === 'siret')!.checkedWith).to.equal(undefined);
  });

  it('writes the API’s values as the form shows them', () => {
    const shown = formatFields({ invoiceNumber: 'FA-1', amountHT: 1260, amountTTC: null, dossiers: ['2206AF000358'], invoiceDate: '2026-06-26', siret: null });
    expect({ ...shown.values, amountHT: shown.values.amountHT.replace(/\s/g, ' ') }).to.deep.equal({ invoiceNumber: 'FA-1', amountHT: '1 260,00', amountTTC: '', invoiceDate: '26/06/2026', siret: '' });
    expect(shown.dossiers).to.deep.equal(['2206AF000358']);
    // In English, as an English reader writes it; read back the same in either language's rules.
    const english = formatFields({ invoiceNumber: 'FA-1', amountHT: 1260, amountTTC: 12.5, dossiers: [], invoiceDate: '2026-06-26', siret: null }, 'en');
    expect([english.values.amountHT, english.values.amountTTC, english.values.invoiceDate]).to.deep.equal(['1,260.00', '12.50', '26/06/2026']);
  });

  it('reads the amounts in the user’s language (« 1,260 » is 1260 in English, refused in French)', () => {
    const values: FieldValues = { invoiceNumber: 'FA-1', amountHT: '1,260', amountTTC: '1,512.00', dossiers: ['2206AF000358'], invoiceDate: '26/06/2026', siret: '82409268800236' };
    const base = { creditNote: false, depositDate: '2026-06-30' };
    const english = checkFields(values, { ...base, locale: 'en' });
    expect([english.amountHT, english.amountTTC]).to.deep.equal([{ ok: true, value: 1260 }, { ok: true, value: 1512 }]);
    expect(checkFields(values, { ...base, locale: 'fr' }).amountHT).to.deep.equal({ ok: false, code: 'amountDecimals' });
  });

  it('maps the reader’s fields onto A–F (the issue date is E)', () => {
    const fields = emptyFields();
    fields.issueDate = { value: '2026-06-26', syntax: 'CII', confidence: 'high' };
    fields.amountTTC = { value: 1512, syntax: 'text', confidence: 'low' };
    fields.seller.siren = { value: '824092688', syntax: 'text', confidence: 'high' };
    const read = fieldsFromReading(fields);
    expect(Object.keys(read)).to.deep.equal(['amountTTC', 'invoiceDate']);
    expect(read.invoiceDate).to.deep.equal({ value: '2026-06-26', syntax: 'CII', confidence: 'high' });
  });
});
