// The reader on its corpus of plain PDFs (test/fixtures/reader-corpus, VALUES.tsv): every field of
// every invoice as the table says, and nothing where the table has nothing. `npm run bench:reader`
// prints the same comparison as a score.
import { expect } from '@open-wc/testing';
import { readInvoice } from '../../src/reader/index.js';
import { compare, corpusFile, loadCorpus } from './corpus-values.js';

const rows = await loadCorpus();

describe('reader: the corpus of plain PDFs (test/fixtures/reader-corpus/VALUES.tsv)', () => {
  it('has at least 30 plain PDFs, each of its own layout', () => {
    expect(rows.length).to.be.at.least(30);
    expect(new Set(rows.map((r) => r.layout)).size).to.equal(rows.length);
  });

  for (const row of rows) {
    it(`${row.file}: ${row.phenomena}`, async () => {
      const path = corpusFile(row);
      const reading = await readInvoice(await (await fetch(`/${path}`)).blob(), { name: path });
      const checks = compare(reading, row);
      // Every field at once, so a failure shows them all.
      expect(Object.fromEntries(checks.map((c) => [c.field, c.got]))).to.deep.equal(Object.fromEntries(checks.map((c) => [c.field, c.expected])));
      expect(reading.syntax).to.equal(row.status === 'ok' ? 'text' : null);
      expect(reading.warnings).to.deep.equal(row.warnings ? row.warnings.split(' ') : []);
    });
  }
});
