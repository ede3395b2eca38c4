import { expect } from '@open-wc/testing';
import { formatAmount, formatDate, formatFileSize, toLocale } from '../src/i18n/index.js';

describe('i18n formatters', () => {
  it('formats amounts and dates the French way', () => {
    expect(formatAmount(12000, 'fr').replace(/\s/g, ' ')).to.equal('12 000,00 €');
    expect(formatDate('2022-06-20', 'fr')).to.equal('20/06/2022');
    expect(formatFileSize(148_900, 'fr')).to.equal('148,9 ko');
    expect(formatAmount(null, 'fr')).to.equal('');
    expect(toLocale('en-US')).to.equal('en');
    expect(toLocale('de')).to.equal('fr');
  });
});
