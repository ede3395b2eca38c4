import { expect } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import { en } from '../../src/i18n/en.js';
import { errorText, fr } from '../../src/i18n/index.js';
import { mock, startMock } from '../helpers/mock.js';

const client = (options: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) => new ApiClient({ baseUrl: '/api', language: 'fr-FR', timeoutMs: 2000, ...options });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('Expected the call to fail');
}

describe('ApiClient', () => {
  beforeEach(startMock);

  it('parses an answer against the contract', async () => {
    const page = await client().call('listInvoices', { query: { pageSize: 5, sort: 'amountHT', order: 'asc' } });
    expect(page.items).to.have.length(5);
    expect(page.total).to.be.greaterThan(150);
    const amounts = page.items.map((i) => i.amountHT ?? Infinity);
    expect(amounts).to.deep.equal([...amounts].sort((a, b) => a - b));
  });

  it('fills path parameters and encodes them', async () => {
    const detail = await client().call('getInvoice', { params: { invoiceId: 'inv-0005' } });
    expect(detail.reference).to.equal('5302381');
    const error = await failure(client().call('getInvoice', { params: { invoiceId: 'nope/../x' } }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(errorText(fr, error)).to.equal("Cette facture n'existe pas.");
  });

  it('reports an unreachable server as « network »', async () => {
    mock.faults.fail('listEntities', 'network');
    const error = await failure(client().call('listEntities', {}));
    expect(error.kind).to.equal('network');
    expect(errorText(fr, error)).to.contain('injoignable');
    expect(errorText(en, error)).to.contain('cannot be reached');
  });

  it('gives up after its timeout and says so', async () => {
    mock.faults.fail('listEntities', 'timeout');
    const started = performance.now();
    const error = await failure(client({ timeoutMs: 300 }).call('listEntities', {}));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.below(2000);
    expect(errorText(fr, error)).to.contain('trop de temps');
  });

  it('tells an abort by the caller from a timeout', async () => {
    mock.faults.latencyMs = 1000;
    const controller = new AbortController();
    const pending = client().call('listEntities', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).kind).to.equal('aborted');
  });

  it('carries the server problem details of a 500, in the user language', async () => {
    mock.faults.fail('listInvoices', 'server-error');
    const frError = await failure(client().call('listInvoices', {}));
    expect(frError.kind).to.equal('http');
    expect(frError.status).to.equal(500);
    expect(frError.problem?.code).to.equal('server-error');
    expect(errorText(fr, frError)).to.contain('erreur interne');
    const enError = await failure(client({ language: 'en-GB' }).call('listInvoices', {}));
    expect(errorText(en, enError)).to.contain('internal error');
  });

  it('names the path of an answer that breaks the contract', async () => {
    mock.faults.fail('listInvoices', 'malformed');
    const error = await failure(client().call('listInvoices', {}));
    expect(error.kind).to.equal('contract');
    expect(error.path).to.equal('items');
    expect(errorText(fr, error)).to.contain('« items »');
  });

  it('refuses a PDF that is not one and a « no content » answer that has a body', async () => {
    const bytes = await (await fetch('/demo/samples/facture-2606-calcul-mental.pdf')).arrayBuffer();
    const upload = await client().upload(new Blob([bytes], { type: 'application/pdf' }), 'invoice', 'facture.pdf');
    const deposit = await client().call('createDeposit', { params: { siren: '527319461' }, body: { invoices: [{ uploadId: upload.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' }] } });
    const pendingId = deposit.pending[0]!.id;
    const pdf = await client().call('getPendingPdf', { params: { pendingId } });
    expect(new TextDecoder().decode(await pdf.slice(0, 5).arrayBuffer())).to.equal('%PDF-');
    mock.faults.fail('getPendingPdf', 'malformed'); // a maintenance page served as 200
    const notPdf = await failure(client().call('getPendingPdf', { params: { pendingId } }));
    expect(notPdf.kind).to.equal('contract');
    expect(errorText(fr, notPdf), 'no « (body) » for the user').to.equal(fr.errors.contract);
    mock.faults.fail('deletePending', 'malformed'); // 200 with a body instead of 204
    expect((await failure(client().call('deletePending', { params: { pendingId } }))).kind).to.equal('contract');
    expect(mock.store.listPending('527319461').map((p) => p.id)).to.include(pendingId);
  });

  it('reports a 401 as « unauthorized »', async () => {
    mock.store.requiredToken = 'good';
    const error = await failure(client({ token: 'expired' }).call('listEntities', {}));
    expect(error.kind).to.equal('unauthorized');
    expect(errorText(fr, error)).to.contain('session a expiré');
  });

  it('sends the bearer token and asks a token function again after a 401 (refresh)', async () => {
    mock.store.requiredToken = 'fresh';
    const tokens = ['stale', 'fresh'];
    let asked = 0;
    const entities = await client({ token: async () => tokens[asked++] }).call('listEntities', {});
    expect(asked).to.equal(2);
    expect(entities.items.map((e) => e.name)).to.include('SNC KAVKAZ');
  });

  it('maps a 422 to « validation » with the faulty fields', async () => {
    const pending = (await client().call('listPending', { params: { siren: '824092688' } })).items[1]!;
    const error = await failure(
      client().call('validatePending', {
        params: { pendingId: pending.id },
        body: { invoiceNumber: 'x'.repeat(36), amountHT: 100, amountTTC: 90, dossiers: ['1451450'], invoiceDate: '2099-01-01', siret: '82409268800237' },
      }),
    );
    expect(error.kind).to.equal('validation');
    expect(error.fieldErrors.map((e) => [e.field, e.code])).to.deep.equal([
      ['invoiceNumber', 'invoiceNumberTooLong'],
      ['amountTTC', 'amountTtcBelowHt'],
      ['dossiers', 'dossierFormat'],
      ['invoiceDate', 'dateAfterDeposit'],
      ['siret', 'siretChecksum'],
    ]);
    expect(error.fieldErrors[0]!.message).to.equal('Le numéro de facture ne peut pas dépasser 35 caractères.');
  });

  it('sends an Idempotency-Key, so a retried validation does not validate twice', async () => {
    const pending = (await client().call('listPending', { params: { siren: '824092688' } })).items[0]!;
    const body = { invoiceNumber: '202101085', amountHT: 28043.28, amountTTC: 28043.28, dossiers: ['2103DCA22581'], invoiceDate: '2021-07-30', siret: '88488405700016' };
    const first = await client().call('validatePending', { params: { pendingId: pending.id }, body, idempotencyKey: 'click-1' });
    const again = await client().call('validatePending', { params: { pendingId: pending.id }, body, idempotencyKey: 'click-1' });
    expect(again.invoice.id).to.equal(first.invoice.id);
    const page = await client().call('listInvoices', { query: { q: '202101085' } });
    expect(page.items.filter((i) => i.status === 'en-cours-analyse')).to.have.length(1);
  });

  it('uploads one file per request with progress, and can cancel it', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(200_000));
    const fractions: number[] = [];
    const upload = await client().upload(new Blob([bytes], { type: 'application/pdf' }), 'invoice', 'facture.pdf', { onProgress: (f) => fractions.push(f) });
    expect(upload.name).to.equal('facture.pdf');
    expect(upload.size).to.equal(bytes.length);
    expect(fractions.at(-1)).to.equal(1);
    expect(fractions).to.deep.equal([...fractions].sort((a, b) => a - b));

    mock.faults.uploadLatencyMs = 2000;
    const controller = new AbortController();
    const pending = client().upload(new Blob([bytes]), 'invoice', 'facture.pdf', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).kind).to.equal('aborted');
  });

  // An upload's timeout is about inactivity: no byte moved for `timeoutMs`. Through MSW's service
  // worker Chromium fires no upload progress events, so these tests show it on the answer's side,
  // over real HTTP (a test route of the test server, passed through by the worker); the same timer
  // is re-armed by each upload progress event, which only a real network shows (the HTTP suite).
  it('does not time out an upload that takes longer than its timeout but keeps moving', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(50_000));
    const started = performance.now();
    const gaps = Array(10).fill(250).join(','); // the answer's bytes keep coming for 2.5 s
    const upload = await client({ baseUrl: `/test-http/answer/${gaps}`, timeoutMs: 1000 }).upload(new Blob([bytes]), 'invoice', 'facture.pdf');
    expect(upload.size).to.be.greaterThan(bytes.length);
    expect(performance.now() - started).to.be.greaterThan(2400);
  });

  it('times out an upload when no byte has moved for its timeout', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(50_000));
    // The answer moves for 0.75 s, then stops for 5 s: the upload fails a timeout (1 s) after it stopped.
    const started = performance.now();
    const error = await failure(client({ baseUrl: '/test-http/answer/250,250,250,5000', timeoutMs: 1000 }).upload(new Blob([bytes]), 'invoice', 'facture.pdf'));
    const elapsed = performance.now() - started;
    expect(error.kind).to.equal('timeout');
    expect(elapsed).to.be.within(1600, 4000);

    // An answer that never starts times out too (here through the mock: the same window from the send).
    mock.faults.uploadLatencyMs = 3000;
    const before = performance.now();
    expect((await failure(client({ timeoutMs: 300 }).upload(new Blob([bytes]), 'invoice', 'facture.pdf'))).kind).to.equal('timeout');
    expect(performance.now() - before).to.be.below(2000);
  });

  it('says « aborted » at once for an upload whose signal was aborted before it started', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failure(client().upload(new Blob(['%PDF-1.4']), 'invoice', 'facture.pdf', { signal: controller.signal }))).kind).to.equal('aborted');
  });

  it('refuses an upload that is not a PDF by its content, whatever its name', async () => {
    const error = await failure(client().upload(new Blob(['hello']), 'invoice', 'facture.pdf'));
    expect(error.status).to.equal(415);
    expect(errorText(fr, error)).to.equal("Ce fichier n'est pas un PDF.");
  });
});
