import { expect } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import type { InvoiceSummary } from '../../src/api/schemas.js';
import { mock, rejection, sampleFile, samples, startMock } from '../helpers/mock.js';

const api = new ApiClient({ baseUrl: '/api', language: 'fr-FR', timeoutMs: 5000 });
const CASINO = '527319461';

async function all(query: Parameters<typeof api.call<'listInvoices'>>[1]['query'] = {}): Promise<InvoiceSummary[]> {
  return (await api.call('listInvoices', { query: { ...query, pageSize: 1000 } })).items;
}


async function deposit(file: File, siren: string, options: { dossier?: string; creditNote?: boolean } = {}) {
  const upload = await api.upload(file, 'invoice', file.name);
  const proof = await api.upload(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])]), 'supporting', 'attestation.png');
  return api.call('createDeposit', {
    params: { siren },
    body: { dossier: options.dossier, invoices: [{ uploadId: upload.id, creditNote: options.creditNote ?? false, salaryCosts: true, supportingUploadIds: [proof.id], derogation: null }] },
  });
}

// What every server must do is in the conformance suite (test/conformance/suite.ts, run against this
// mock by test/conformance.test.ts); here, what is the mock's own: its seed, its reader, its faults.
describe('mock backend', () => {
  beforeEach(startMock);

  it('drops a request that a reset overtook while it waited: it never lands in the next test’s data', async () => {
    mock.faults.uploadLatencyMs = 300;
    const file = await sampleFile('demo/samples/FACTURE KHATIB NABIL.pdf');
    const late = api.upload(file, 'invoice', 'avant-la-remise-a-zero.pdf').catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    mock.reset(); // what the next test's beforeEach does
    await late;
    expect([...mock.store.uploads.values()].map((u) => u.name)).to.not.include('avant-la-remise-a-zero.pdf');
  });

  describe('seeded data', () => {
    it('holds the guide entities, dossiers and two years of invoices in every status', async () => {
      const entities = (await api.call('listEntities', {})).items;
      expect(entities.find((e) => e.siren === '819109976')?.name).to.equal('SNC KAVKAZ');
      expect(entities.find((e) => e.siren === '824092688')?.name).to.equal('AFPA ENTREPRISES NOUVELLE AQUITAINE');
      const invoices = await all();
      expect(invoices.length).to.be.at.least(150);
      expect(new Set(invoices.map((i) => i.status))).to.have.all.keys('a-valider', 'en-cours-analyse', 'payee', 'partiellement-payee', 'rejetee');
      expect(invoices.some((i) => i.transferNumber && i.transferDate)).to.equal(true);
      const years = new Set(invoices.map((i) => i.depositDate.slice(0, 4)));
      expect(years.size).to.be.at.least(3);
      const dossiers = (await api.call('listDossiers', { query: { pageSize: 100 } })).items;
      expect(dossiers.map((d) => d.number)).to.include.members(['2206AF000358', '2206AF000578', '2206CA000564', '2205CA000799', '2103DCA22581']);
      expect(dossiers.find((d) => d.number === '2206AF000578')?.title).to.equal('Calcul mental');
      expect(dossiers.some((d) => d.number === null && d.state === 'brouillon' && d.draftDate === '2022-06-24')).to.equal(true);
    });

    it('is the same on every start (seeded, deterministic)', async () => {
      const before = await all();
      mock.reset();
      expect(await all()).to.deep.equal(before);
    });

    it('restricts everything to the account entities', async () => {
      mock.reset({ entities: ['819109976'] });
      expect((await api.call('listEntities', {})).items).to.have.length(1);
      expect((await all()).every((i) => i.entitySiren === '819109976')).to.equal(true);
      expect((await rejection(api.call('listPending', { params: { siren: '824092688' } }))).status).to.equal(404);
    });
  });

  describe('invoice list', () => {
    it('searches by reference and by dossier number', async () => {
      expect((await all({ q: '5302381' })).map((i) => i.reference)).to.deep.equal(['5302381']);
      const byDossier = await all({ q: '2206af000358' });
      expect(byDossier.length).to.be.greaterThan(1);
      expect(byDossier.every((i) => i.dossiers.includes('2206AF000358'))).to.equal(true);
    });

    it('filters by several statuses, entity and date ranges', async () => {
      const rows = await all({ status: ['payee', 'rejetee'], entity: CASINO, depositedFrom: '2025-06-01', depositedTo: '2026-06-30' });
      expect(rows.length).to.be.greaterThan(0);
      for (const row of rows) {
        expect(['payee', 'rejetee']).to.include(row.status);
        expect(row.entitySiren).to.equal(CASINO);
        expect(row.depositDate >= '2025-06-01' && row.depositDate <= '2026-06-30').to.equal(true);
      }
      const issued = await all({ issuedFrom: '2022-06-16', issuedTo: '2022-06-16' });
      expect(issued.map((i) => i.reference)).to.deep.equal(['TESFCTFB']);
    });

    it('sorts by any column, unknown values last, and pages with the total', async () => {
      const page1 = await api.call('listInvoices', { query: { sort: 'amountTTC', order: 'desc', page: 1, pageSize: 20 } });
      const page2 = await api.call('listInvoices', { query: { sort: 'amountTTC', order: 'desc', page: 2, pageSize: 20 } });
      expect(page1.items).to.have.length(20);
      expect(page2.total).to.equal(page1.total);
      expect(page1.items.at(-1)!.amountTTC!).to.be.at.least(page2.items[0]!.amountTTC!);
      const byReference = await all({ sort: 'reference', order: 'asc' });
      const references = byReference.map((i) => i.reference);
      expect(references).to.deep.equal([...references].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true })));
      const byTransfer = await all({ sort: 'transferDate', order: 'asc' });
      const firstNull = byTransfer.findIndex((i) => i.transferDate === null);
      expect(byTransfer.slice(firstNull).every((i) => i.transferDate === null)).to.equal(true);
    });

  });

  describe('deposit and validation', () => {
    it('reads the fields from the uploaded PDF itself, and invents none', async () => {
      const sample = (await samples()).find((s) => s.file.endsWith('facture-2606-calcul-mental.pdf'))!;
      const result = await deposit(await sampleFile(sample.file), CASINO);
      const fields = result.pending[0]!.fields;
      expect(fields).to.deep.equal({
        invoiceNumber: sample.invoiceNumber,
        amountHT: sample.amountHT,
        amountTTC: sample.amountTTC,
        dossiers: sample.dossiers,
        invoiceDate: sample.issueDate,
        siret: sample.siret,
      });
      const scan = await deposit(await sampleFile('test/fixtures/scan.pdf'), CASINO);
      expect(scan.pending[0]!.fields).to.deep.equal({ invoiceNumber: null, amountHT: null, amountTTC: null, dossiers: [], invoiceDate: null, siret: null });
    });

    it('does not take a client reference for a dossier number', async () => {
      const result = await deposit(await sampleFile('demo/samples/facture-2603-sst-ref-client-365146.pdf'), '819109976');
      expect(result.pending[0]!.fields.dossiers).to.deep.equal(['2206AF000358']);
    });

    it('carries the dossier the deposit was started from', async () => {
      const result = await deposit(await sampleFile('test/fixtures/scan.pdf'), CASINO, { dossier: '2206AF000575' });
      expect(result.pending[0]!.fromDossier).to.equal('2206AF000575');
      expect(result.pending[0]!.fields.dossiers).to.deep.equal(['2206AF000575']);
    });

    it('refuses an invoice with neither supporting document nor derogation', async () => {
      const upload = await api.upload(await sampleFile('test/fixtures/scan.pdf'), 'invoice', 'scan.pdf');
      const error = await rejection(api.call('createDeposit', { params: { siren: CASINO }, body: { invoices: [{ uploadId: upload.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: null }] } }));
      expect(error.status).to.equal(422);
      expect(error.fieldErrors[0]).to.include({ field: 'invoices.0.supportingUploadIds', message: 'Vous devez ajouter la pièce justificative pour ce document' });
      const derogated = await api.call('createDeposit', { params: { siren: CASINO }, body: { invoices: [{ uploadId: upload.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }] } });
      expect(derogated.pending).to.have.length(1);
    });

    it('validates with the rules, INSEE and the entity dossiers, then lists the invoice « En cours d’analyse »', async () => {
      const sample = (await samples()).find((s) => s.file.endsWith('facture-2606-calcul-mental.pdf'))!;
      const { pending } = await deposit(await sampleFile(sample.file), CASINO);
      const id = pending[0]!.id;
      const fields = { invoiceNumber: sample.invoiceNumber!, amountHT: sample.amountHT!, amountTTC: sample.amountTTC!, dossiers: sample.dossiers!, invoiceDate: sample.issueDate!, siret: sample.siret! };
      const cases: [Partial<typeof fields>, string, string][] = [
        [{ siret: '12345678900000' }, 'siret', 'siretChecksum'],
        [{ siret: '43819562000036' }, 'siret', 'siretUnknown'],
        [{ siret: '44556677100017' }, 'siret', 'siretClosed'],
        [{ dossiers: ['2103DCA22581'] }, 'dossiers', 'dossierUnknown'],
        [{ dossiers: [] }, 'dossiers', 'dossierRequired'],
        [{ invoiceNumber: '  ' }, 'invoiceNumber', 'invoiceNumberRequired'],
      ];
      for (const [change, field, code] of cases) {
        const error = await rejection(api.call('validatePending', { params: { pendingId: id }, body: { ...fields, ...change } }));
        expect(error.status, code).to.equal(422);
        expect(error.fieldErrors.map((e) => [e.field, e.code]), code).to.deep.equal([[field, code]]);
      }
      const { invoice } = await api.call('validatePending', { params: { pendingId: id }, body: fields });
      expect(invoice).to.include({ reference: sample.invoiceNumber, status: 'en-cours-analyse', amountTTC: sample.amountTTC });
      expect((await api.call('listPending', { params: { siren: CASINO } })).items).to.have.length(0);
      expect((await all({ q: sample.invoiceNumber })).map((i) => i.status)).to.deep.equal(['en-cours-analyse']);
      const detail = await api.call('getInvoice', { params: { invoiceId: invoice.id } });
      expect(detail.linkedDossiers[0]).to.include({ number: '2206AF000578', place: 'Bordeaux' });
      const pdf = await api.call('getInvoicePdf', { params: { invoiceId: invoice.id } });
      expect(new TextDecoder().decode(await pdf.slice(0, 5).arrayBuffer())).to.equal('%PDF-');
    });

  });

  describe('dossiers and SIRET', () => {
    it('gives the detail of a dossier', async () => {
      const detail = await api.call('getDossier', { params: { dossierId: '2206AF000578' } });
      expect(detail).to.include({ scheme: 'Plan de développement des compétences', trainingBody: 'AFPA ENTREPRISES NOUVELLE AQUITAINE' });
    });

  });

  describe('faults', () => {
    it('fail a chosen endpoint a given number of times, then heal', async () => {
      mock.faults.fail('listEntities', 'server-error', { times: 1 });
      expect((await rejection(api.call('listEntities', {}))).status).to.equal(500);
      expect((await api.call('listEntities', {})).items.length).to.be.greaterThan(0);
    });

    it('fail every endpoint at once with "*"', async () => {
      mock.faults.fail('*', 'unauthorized');
      expect((await rejection(api.call('listDossiers', {}))).kind).to.equal('unauthorized');
      expect((await rejection(api.call('getInvoice', { params: { invoiceId: 'inv-0001' } }))).kind).to.equal('unauthorized');
      mock.faults.heal();
      expect((await api.call('listDossiers', {})).total).to.be.greaterThan(0);
    });

    it('add latency to every answer', async () => {
      mock.faults.latencyMs = 300;
      const started = performance.now();
      await api.call('listEntities', {});
      expect(performance.now() - started).to.be.at.least(290);
    });
  });
});
