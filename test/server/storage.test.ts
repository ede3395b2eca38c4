/**
 * PgStorage against MemoryStorage: the server must answer exactly as the mock does. Runs on
 * PGlite in a temporary folder, and also on a PostgreSQL server when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DossierQuery, InvoiceQuery } from '../../src/api/schemas.js';
import { MemoryStorage } from '../../src/backend/memory-storage.js';
import { ACCOUNTS, ENTITIES } from '../../src/backend/seed.js';
import type { Storage, StoredInvoice, StoredPending, StoredUpload } from '../../src/backend/storage.js';
import { migrate } from '../../server/migrate.js';
import { PgStorage } from '../../server/pg-storage.js';

const ALL = ENTITIES.map((e) => e.siren);
const KAVKAZ = ACCOUNTS.find((a) => a.id === 'kavkaz')!.entities;
const AFPA = '824092688';

const INVOICE_SORTS = ['reference', 'issueDate', 'depositDate', 'amountHT', 'amountTTC', 'status', 'transferNumber', 'transferDate'] as const;
const DOSSIER_SORTS = ['number', 'title', 'start', 'end', 'company', 'state'] as const;

const INVOICE_QUERIES: InvoiceQuery[] = [
  {},
  ...INVOICE_SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => ({ sort, order, pageSize: 100 }))),
  { sort: 'transferDate', order: 'asc', page: 2, pageSize: 100 },
  { q: 'fa-2025' },
  { q: '  DOS : 2206AF000358 ', pageSize: 50 },
  { q: '2103dca' },
  { q: 'facture-', sort: 'reference', order: 'asc' },
  { q: 'nothing matches this' },
  { status: ['payee'], pageSize: 100 },
  { status: ['a-valider', 'rejetee'], sort: 'amountHT', order: 'asc' },
  { entity: AFPA, pageSize: 100 },
  { entity: '819109976', sort: 'amountTTC', order: 'asc' },
  { issuedFrom: '2026-01-01', issuedTo: '2026-06-30', pageSize: 100 },
  { issuedTo: '2025-01-31', sort: 'issueDate', order: 'asc' },
  { depositedFrom: '2026-11-01', pageSize: 100 },
  { depositedFrom: '2025-03-01', depositedTo: '2025-03-31', sort: 'reference', order: 'desc' },
  { page: 50 },
  { page: 10, pageSize: 20 },
  { page: 2, pageSize: 100, sort: 'status', order: 'asc' },
  { q: 'fa-', status: ['payee', 'partiellement-payee'], entity: '527319461', issuedFrom: '2025-01-01', sort: 'transferNumber', order: 'desc' },
];

const DOSSIER_QUERIES: DossierQuery[] = [
  {},
  ...DOSSIER_SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => ({ sort, order }))),
  { q: 'casino' },
  { q: 'DIAGNOSTIQUEUR' },
  { q: '2206af', sort: 'number', order: 'asc' },
  { q: 'équipe' },
  { state: ['brouillon'] },
  { state: ['accorde', 'transmis'], sort: 'company', order: 'asc' },
  { entity: AFPA },
  { entity: '509871232' },
  { entity: '999999999' },
  { page: 2, pageSize: 7 },
  { page: 9 },
];

const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

function upload(id: string, owner = 'demo', name = 'facture.pdf', kind: StoredUpload['kind'] = 'invoice'): StoredUpload {
  return { id, name, size: 0, type: 'application/pdf', kind, createdAt: '2026-11-28T10:00:00.000Z', owner, usedBy: null };
}

function pending(id: string, uploadId: string, depositId: string, fields: Partial<StoredPending['fields']> = {}, fileName = 'scan-sans-texte.pdf'): StoredPending {
  return {
    id,
    entitySiren: AFPA,
    fileName,
    sentAt: '2026-11-28T10:00:05Z',
    creditNote: false,
    salaryCosts: false,
    fromDossier: null,
    hasPdf: true,
    fields: { invoiceNumber: null, amountHT: null, amountTTC: null, dossiers: [], invoiceDate: null, siret: null, ...fields },
    uploadId,
    depositId,
  };
}

function invoiceFrom(item: StoredPending, id: string, reference: string): StoredInvoice {
  return {
    id,
    reference,
    entitySiren: item.entitySiren,
    issueDate: '2026-11-20',
    depositDate: item.sentAt.slice(0, 10),
    amountHT: 100,
    amountTTC: 120,
    amountTVA: 20,
    status: 'en-cours-analyse',
    transferNumber: null,
    transferDate: null,
    dossiers: ['2103DCA22581'],
    receivedDate: item.sentAt.slice(0, 10),
    creditNote: false,
    iban: null,
    hasPdf: true,
    linkedDossiers: [],
    siret: '88488405700016',
    fileId: item.uploadId,
  };
}

/** The same deposits (one with nothing read, one partly read) and one validation, on any storage. */
async function depositAndValidate(storage: Storage): Promise<void> {
  const ids = [await storage.nextId('upload'), await storage.nextId('upload'), await storage.nextId('upload')];
  for (const [i, id] of ids.entries()) await storage.addUpload(upload(id), pdfBytes(`n°${i}`));
  const depositId = await storage.nextId('deposit');
  const items = [
    pending(await storage.nextId('pending'), ids[0]!, depositId),
    pending(await storage.nextId('pending'), ids[1]!, depositId, { invoiceNumber: 'Éte-2026-10', amountHT: 1500.5, dossiers: ['2103DCA25376'] }),
    pending(await storage.nextId('pending'), ids[2]!, depositId, { amountTTC: 12 }, 'Facture 2 novembre.pdf'),
  ];
  await storage.addDeposit(depositId, items, ids);
  await storage.validatePending(items[2]!.id, invoiceFrom(items[2]!, await storage.nextId('inv'), 'FA-2026-99999'));
}

const backends: { name: string; databaseUrl?: string }[] = [{ name: 'PGlite' }];
if (process.env.DATABASE_URL) backends.push({ name: 'PostgreSQL (DATABASE_URL)', databaseUrl: process.env.DATABASE_URL });

for (const backend of backends) {
  describe(`PgStorage on ${backend.name}`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'akto-storage-'));
    const filesDir = join(dataDir, 'files');
    let pg: PgStorage;
    const memory = new MemoryStorage();
    const open = () => PgStorage.open({ dataDir, filesDir, databaseUrl: backend.databaseUrl });

    before(async () => {
      pg = await open();
      await pg.reset();
    });
    after(async () => {
      await pg?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('migrations are recorded and applied once', async () => {
      assert.deepEqual(await migrate(pg.db), []);
      const { rows } = await pg.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      assert.deepEqual(
        rows.map((r) => r.name),
        readdirSync(new URL('../../server/migrations/', import.meta.url)).filter((n) => n.endsWith('.sql')).sort(),
      );
      assert.equal(await pg.seedIfEmpty(), false, 'a seeded database is not seeded twice');
    });

    test('the seed holds what the memory storage holds', async () => {
      const count = async (table: string) => (await pg.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
      assert.equal(await count('invoices'), memory.invoices.length);
      assert.equal(await count('invoices'), 185);
      assert.equal(await count('pending_invoices'), memory.pending.size);
      assert.equal(await count('dossiers'), memory.dossiers.length);
      assert.equal(await count('entities'), ENTITIES.length);
      assert.equal(await count('accounts'), ACCOUNTS.length);
      assert.equal((await pg.invoicePage(ALL, {})).total, (await memory.invoicePage(ALL, {})).total);
      assert.deepEqual(await pg.findEntities(ALL), await memory.findEntities(ALL));
      assert.deepEqual(await pg.pendingOf(AFPA), await memory.pendingOf(AFPA));
      assert.deepEqual(await pg.dossierNumbersOf(AFPA), await memory.dossierNumbersOf(AFPA));
      assert.deepEqual(await pg.linkedDossiers(['2206AF000578', 'nope', '2205CA000799']), await memory.linkedDossiers(['2206AF000578', 'nope', '2205CA000799']));
      assert.deepEqual(await pg.siret('44556677100017'), await memory.siret('44556677100017'));
      assert.equal(await pg.siret('00000000000000'), null);
    });

    const compareLists = (when: string) => {
      for (const [i, query] of INVOICE_QUERIES.entries()) {
        test(`invoices ${when} #${i} ${JSON.stringify(query)}`, async () => {
          assert.deepEqual(await pg.invoicePage(ALL, query), await memory.invoicePage(ALL, query));
        });
      }
      test(`invoices ${when}, scoped to one account's entities`, async () => {
        for (const query of INVOICE_QUERIES.slice(0, 6)) assert.deepEqual(await pg.invoicePage(KAVKAZ, query), await memory.invoicePage(KAVKAZ, query));
      });
      for (const [i, query] of DOSSIER_QUERIES.entries()) {
        test(`dossiers ${when} #${i} ${JSON.stringify(query)}`, async () => {
          assert.deepEqual(await pg.dossierPage(ALL, query), await memory.dossierPage(ALL, query));
          assert.deepEqual(await pg.dossierPage(KAVKAZ, query), await memory.dossierPage(KAVKAZ, query));
        });
      }
    };
    compareLists('as seeded');

    test('the same deposits and validation on both storages', async () => {
      await depositAndValidate(memory);
      await depositAndValidate(pg);
      assert.deepEqual(await pg.pendingOf(AFPA), await memory.pendingOf(AFPA));
      assert.deepEqual(await pg.getInvoice(ALL, 'inv-00008'), await memory.getInvoice(ALL, 'inv-00008'));
      assert.deepEqual(await pg.findDuplicate('FA-2026-99999', '88488405700016'), await memory.findDuplicate('FA-2026-99999', '88488405700016'));
      assert.deepEqual(await pg.getUpload('upload-00001'), await memory.getUpload('upload-00001'));
    });
    compareLists('after deposits');

    test('details are scoped to the account', async () => {
      assert.deepEqual(await pg.getDossier(ALL, '2206AF000578'), await memory.getDossier(ALL, '2206AF000578'));
      assert.equal(await pg.getDossier(KAVKAZ, '2206AF000578'), null);
      assert.deepEqual(await pg.getInvoice(ALL, 'inv-0001'), await memory.getInvoice(ALL, 'inv-0001'));
      assert.equal(await pg.getInvoice(['342043528'], 'inv-0001'), null);
    });

    test('transfers, dossier documents and RIBs: the same on both storages (issue 16)', async () => {
      const numbers = [...new Set(memory.invoices.map((i) => i.transferNumber).filter((n): n is string => Boolean(n)))];
      assert.ok(numbers.length > 20);
      for (const number of numbers.slice(0, 25)) assert.deepEqual(await pg.transferInvoices(ALL, number), await memory.transferInvoices(ALL, number), number);
      const shared = numbers.find((n) => memory.invoices.filter((i) => i.transferNumber === n).length > 1)!;
      assert.ok((await pg.transferInvoices(ALL, shared)).length > 1, 'a transfer pays several invoices');
      const other = (await memory.transferInvoices(ALL, shared))[0]!.entitySiren === KAVKAZ[0] ? ['342043528'] : KAVKAZ;
      assert.deepEqual(await pg.transferInvoices(other, shared), [], 'another account sees none of it');
      assert.deepEqual(await pg.transferInvoices(ALL, 'VIR-NONE'), []);
      for (const dossier of ['2206AF000578', '2206AF000358', 'draft-001']) assert.deepEqual(await pg.documentsOf(dossier), await memory.documentsOf(dossier));
      for (const siren of ALL) assert.deepEqual(await pg.ribsOf(siren), await memory.ribsOf(siren));
      for (const storage of [memory, pg] as Storage[]) {
        const id = await storage.nextId('upload');
        await storage.addUpload(upload(id, 'demo', 'convention.pdf', 'supporting'), pdfBytes('document'));
        await storage.addDocument({ id: 'document-test-1', name: 'convention.pdf', kind: 'convention', sentAt: '2026-11-27T10:00:00Z', dossierId: '2206AF000578', uploadId: id });
        assert.equal((await storage.getUpload(id))!.usedBy, 'document-test-1');
        const ribUpload = await storage.nextId('upload');
        await storage.addUpload(upload(ribUpload, 'demo', 'rib.png', 'supporting'), pdfBytes('rib'));
        await storage.addRib({ id: 'rib-test-1', entitySiren: AFPA, holder: 'AFPA', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', fileName: 'rib.png', sentAt: '2026-11-27T10:00:00Z', status: 'en-cours-verification', uploadId: ribUpload });
        assert.equal((await storage.getUpload(ribUpload))!.usedBy, 'rib-test-1');
      }
      assert.deepEqual(await pg.documentsOf('2206AF000578'), await memory.documentsOf('2206AF000578'));
      assert.equal((await pg.documentsOf('2206AF000578'))[0]!.id, 'document-test-1', 'the last sent first');
      assert.deepEqual(await pg.ribsOf(AFPA), await memory.ribsOf(AFPA));
    });

    test('a database seeded before issue 16 gets the dossiers\' « Envoyé le », the documents and the RIBs once', async () => {
      await pg.db.exec('DELETE FROM dossier_documents; DELETE FROM ribs');
      await pg.db.query("UPDATE dossiers SET detail = (detail::jsonb - 'sentDate')::json WHERE id = '2206AF000578'");
      assert.equal(await pg.seedIfEmpty(), false);
      assert.equal((await pg.getDossier(ALL, '2206AF000578'))!.sentDate, '2022-06-20');
      assert.equal((await pg.documentsOf('2206AF000578')).length, 3);
      assert.ok((await pg.ribsOf(AFPA)).length > 0);
      await pg.seedIfEmpty();
      assert.equal((await pg.documentsOf('2206AF000578')).length, 3, 'not twice');
    });

    test('a deposit is all or nothing', async () => {
      const id = await pg.nextId('upload');
      await pg.addUpload(upload(id), pdfBytes('x'));
      const before = await pg.pendingOf(AFPA);
      // The deposit id is already taken: nothing of it may stay.
      await assert.rejects(pg.addDeposit('deposit-00004', [pending(await pg.nextId('pending'), id, 'deposit-00004')], [id]));
      assert.deepEqual(await pg.pendingOf(AFPA), before);
      assert.equal((await pg.getUpload(id))!.usedBy, null);
    });

    test('a validation is all or nothing', async () => {
      const item = (await pg.pendingOf(AFPA)).find((p) => p.uploadId)!;
      // An invoice id that exists already: the pending invoice must stay.
      await assert.rejects(pg.validatePending(item.id, invoiceFrom(item, 'inv-0001', 'X-1')));
      assert.ok(await pg.getPending(item.id));
      const id = await pg.nextId('inv');
      await pg.validatePending(item.id, invoiceFrom(item, id, 'X-2'));
      assert.equal(await pg.getPending(item.id), null);
      assert.equal((await pg.getInvoice(ALL, id))!.reference, 'X-2');
    });

    test('files live on disk under their upload id, written whole', async () => {
      const id = await pg.nextId('upload');
      const bytes = pdfBytes('on disk');
      await pg.addUpload(upload(id, 'demo', '../../etc/passwd'), bytes);
      assert.deepEqual(readFileSync(join(filesDir, id)), Buffer.from(bytes));
      assert.deepEqual(await pg.readFile(id), bytes);
      assert.ok(readdirSync(filesDir).every((name) => /^upload-\d{5}$/.test(name)), 'only files named by id, no temporary file left');
      await pg.deleteUpload(id);
      assert.equal(existsSync(join(filesDir, id)), false);
      assert.equal(await pg.readFile(id), null);
      assert.equal(await pg.getUpload(id), null);
    });

    test('deleting a pending invoice deletes its file', async () => {
      const item = (await pg.pendingOf(AFPA)).find((p) => p.uploadId)!;
      assert.ok(existsSync(join(filesDir, item.uploadId)));
      await pg.deletePending(item.id);
      assert.equal(await pg.getPending(item.id), null);
      assert.equal(existsSync(join(filesDir, item.uploadId)), false);
    });

    test('sessions: a random token, only its hash stored', async () => {
      const token = (await pg.createSession('afpa'))!;
      assert.match(token, /^[\w-]{43}$/);
      assert.deepEqual(await pg.accountByToken(token), ACCOUNTS.find((a) => a.id === 'afpa'));
      const { rows } = await pg.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
      assert.ok(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
      assert.equal(await pg.accountByToken(`${token}x`), null);
      assert.equal(await pg.createSession('nobody'), null);
      assert.equal(await pg.anonymousAccount(), null);
    });

    test('idempotency keys: claimed once, completed, released', async () => {
      assert.equal(await pg.claimKey('k1', 'f1'), null);
      assert.deepEqual(await pg.claimKey('k1', 'f1'), { fingerprint: 'f1', done: false });
      await pg.completeKey('k1', 201, { id: 'x', list: [1, 2] });
      assert.deepEqual(await pg.claimKey('k1', 'other'), { fingerprint: 'f1', done: true, status: 201, body: { id: 'x', list: [1, 2] } });
      assert.equal(await pg.claimKey('k2', 'f'), null);
      await pg.releaseKey('k2');
      assert.equal(await pg.claimKey('k2', 'f'), null);
      const claims = await Promise.all(Array.from({ length: 8 }, () => pg.claimKey('k3', 'f')));
      assert.equal(claims.filter((c) => c === null).length, 1, 'concurrent claims: exactly one wins');
    });

    test('a restart keeps deposits, files and the id sequence', async () => {
      const uploadId = await pg.nextId('upload');
      await pg.addUpload(upload(uploadId), pdfBytes('kept'));
      const depositId = await pg.nextId('deposit');
      await pg.addDeposit(depositId, [pending(await pg.nextId('pending'), uploadId, depositId)], [uploadId]);
      const pendingBefore = await pg.pendingOf(AFPA);
      const last = await pg.nextId('upload');
      await pg.close();
      pg = await open();
      assert.deepEqual(await pg.pendingOf(AFPA), pendingBefore);
      assert.deepEqual(await pg.readFile(uploadId), pdfBytes('kept'));
      assert.equal((await pg.getUpload(uploadId))!.usedBy, depositId);
      assert.ok((await pg.nextId('upload')) > last, 'ids are never handed out twice');
    });

    test('reset empties and seeds again', async () => {
      await pg.reset();
      memory.reset();
      assert.deepEqual(await pg.invoicePage(ALL, { pageSize: 1000 }), await memory.invoicePage(ALL, { pageSize: 1000 }));
      assert.deepEqual(readdirSync(filesDir), []);
      assert.equal(await pg.nextId('upload'), 'upload-00001');
    });
  });
}
