/**
 * The demo's data agrees with itself (issue 16, part 5): every sample invoice, deposited by its
 * own buyer and read on Node, validates as it is; the dossiers an invoice names show trainees,
 * hours, start, end and place, and a dossier's trainees are the invoice's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MemoryStorage } from '../../src/backend/memory-storage.js';
import { ACCOUNTS, seedDossiers, seedInvoices } from '../../src/backend/seed.js';
import { InvoiceService } from '../../src/backend/service.js';
import { nodeFieldReader } from '../../server/reader.js';

const ROOT = new URL('../../', import.meta.url);
type Sample = { file: string; kind: string; invoiceNumber: string; issueDate: string; amountHT: number; amountTTC: number; siret: string; buyerSiren: string; dossiers: string[]; trainees: string[] };
const samples = (JSON.parse(readFileSync(new URL('demo/samples/samples.json', ROOT), 'utf8')) as Sample[]).filter((s) => s.kind !== 'fixture');
const demo = ACCOUNTS.find((a) => a.id === 'demo')!;
/** « Natabah BEHRANE » as a dossier writes it, « Natabah Behrane ». */
const person = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

test('every sample invoice validates under its own buyer, as read from its PDF', async () => {
  assert.ok(samples.length >= 12);
  const service = new InvoiceService(new MemoryStorage(), { readFields: nodeFieldReader(), now: () => new Date('2026-11-27T10:00:00Z') });
  for (const sample of samples) {
    const upload = await service.createUpload(demo, 'invoice', sample.file.split('/').pop()!, new Uint8Array(readFileSync(new URL(sample.file, ROOT))));
    const deposit = await service.createDeposit(demo, sample.buyerSiren, {
      invoices: [{ uploadId: upload.id, creditNote: sample.kind === 'credit-note', salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }],
    });
    const { fields } = deposit.pending[0]!;
    const request = { invoiceNumber: fields.invoiceNumber!, amountHT: fields.amountHT!, amountTTC: fields.amountTTC!, dossiers: fields.dossiers, invoiceDate: fields.invoiceDate!, siret: fields.siret! };
    await assert.doesNotReject(service.validate(demo, deposit.pending[0]!.id, request), `${sample.file} under ${sample.buyerSiren}`);
    // The same number and SIRET twice is a duplicate: the next copy of a sample (its Factur-X twin) must not collide.
    const storage = service.storage as MemoryStorage;
    storage.invoices = storage.invoices.filter((i) => i.reference !== request.invoiceNumber);
  }
});

test('the dossiers an invoice names show its trainees, hours, start, end and place, and agree with the samples', () => {
  const dossiers = seedDossiers();
  for (const invoice of seedInvoices()) {
    for (const linked of invoice.linkedDossiers) {
      assert.ok(linked.trainees.length && linked.hours && linked.start && linked.end && linked.place, `${invoice.id}: ${linked.number} shows all it knows`);
      const dossier = dossiers.find((d) => d.number === linked.number)!;
      assert.deepEqual(dossier.trainees, linked.trainees, `${linked.number}: the dossier's trainees are the invoice's`);
    }
  }
  for (const sample of samples.filter((s) => s.dossiers.length === 1)) {
    const dossier = dossiers.find((d) => d.number === sample.dossiers[0])!;
    for (const trainee of sample.trainees) assert.ok(dossier.trainees.map(person).includes(person(trainee)), `${sample.file}: ${trainee} is a trainee of ${dossier.number}`);
  }
});
