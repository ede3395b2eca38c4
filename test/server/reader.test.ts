/**
 * The project's invoice reader on Node (server/reader.ts): every sample invoice gives the values
 * samples.json knows, the Factur-X ones through their embedded XML.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { nodeFieldReader } from '../../server/reader.js';

const ROOT = new URL('../../', import.meta.url);
type Sample = { file: string; kind: string; invoiceNumber: string; issueDate: string; amountHT: number; amountTTC: number; siret: string; dossiers: string[]; facturX: boolean };
const samples = (JSON.parse(readFileSync(new URL('demo/samples/samples.json', ROOT), 'utf8')) as Sample[]).filter((s) => s.file.startsWith('demo/samples/'));
const bytes = (file: string) => new Uint8Array(readFileSync(new URL(file, ROOT))).buffer;

test('the reader on Node reads every sample invoice', async () => {
  assert.ok(samples.length >= 10);
  const read = nodeFieldReader();
  const { readInvoice } = await import('../../src/reader/index.js');
  for (const sample of samples) {
    const fields = await read(bytes(sample.file));
    assert.deepEqual(
      { ...fields, creditNote: undefined },
      { invoiceNumber: sample.invoiceNumber, amountHT: sample.amountHT, amountTTC: sample.amountTTC, invoiceDate: sample.issueDate, siret: sample.siret, dossiers: sample.dossiers, creditNote: undefined },
      sample.file,
    );
    assert.equal((await readInvoice(bytes(sample.file))).syntax, sample.facturX ? 'CII' : 'text', sample.file);
  }
});

test('what the reader cannot read stays empty', async () => {
  const read = nodeFieldReader();
  for (const file of ['test/fixtures/scan.pdf', 'test/fixtures/damaged.pdf', 'test/fixtures/encrypted.pdf']) {
    const fields = await read(bytes(file));
    assert.equal(fields.invoiceNumber ?? null, null, file);
    assert.equal(fields.amountTTC ?? null, null, file);
  }
});

test('the reader on Node keeps to the same caps: a hostile PDF is over-limit, not read for minutes', async () => {
  nodeFieldReader();
  const { readInvoice } = await import('../../src/reader/index.js');
  const { manyPagesPdf, inflateBombPdf } = await import('../helpers/hostile-pdf.js');
  const started = performance.now();
  const pages = await readInvoice(await manyPagesPdf(100_000));
  assert.deepEqual([pages.status, pages.limit, pages.accepted], ['over-limit', 'pages', true]);
  const bomb = await readInvoice(await inflateBombPdf(300_000_000));
  assert.deepEqual([bomb.status, bomb.limit, bomb.accepted], ['over-limit', 'inflated', true]);
  const cut = await readInvoice(await inflateBombPdf(300_000_000), { timeLimit: 300, limits: { maxInflated: Infinity } });
  assert.equal(cut.limit, 'time');
  assert.ok(performance.now() - started < 20_000);
});
