/**
 * The contract's conformance suite, written once: every route, every error status the contract
 * lists, idempotent replays, pagination edges and the 422 field codes. It runs against the mock in
 * the browser (test/conformance.test.ts) and, on Node, against the reference server on PGlite or
 * PostgreSQL, or any URL (scripts/conformance.ts): AKTO's back end proves it speaks the contract.
 *
 * It only adds data (unique invoice numbers each run), so it can run again on a kept database.
 */
import { routes, type RouteName } from '../../src/api/contract.js';
import { naturalKey } from '../../src/backend/records.js';
import { client, type Answer, type Target } from './http.js';

export interface ConformanceCase {
  name: string;
  /** The routes it exercises, so the runner can tell that every route is covered. */
  routes: RouteName[];
  run(target: Target): Promise<void>;
}

// ---- assertions, small enough to run anywhere ---------------------------------------------------

export class Failed extends Error {}
const show = (value: unknown) => JSON.stringify(value);
function eq(actual: unknown, expected: unknown, what: string): void {
  if (show(actual) !== show(expected)) throw new Failed(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}
function ok(condition: unknown, what: string): void {
  if (!condition) throw new Failed(what);
}
/** A problem answer with this status and, when given, this code. */
function problem(answer: Answer<any>, status: number, code: string | undefined, what: string): void {
  eq(answer.status, status, `${what}: status`);
  if (code) eq(answer.body?.code, code, `${what}: problem code`);
}
function fieldCodes(answer: Answer<any>): [string, string][] {
  return (answer.body?.errors ?? []).map((e: { field: string; code: string }) => [e.field, e.code]);
}

const unique = () => `CONF-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
const key = () => crypto.randomUUID();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Uploads an invoice and a supporting document, then deposits them for the fixtures' entity. */
async function deposit(target: Target, options: { dossier?: string; idempotencyKey?: string } = {}) {
  const api = client(target);
  const f = target.fixtures;
  const invoice = await api.upload('invoice', 'facture conformité.pdf', await f.invoicePdf());
  eq(invoice.status, 201, 'invoice upload');
  const proof = await api.upload('supporting', 'attestation.png', PNG);
  eq(proof.status, 201, 'supporting upload');
  const body = { dossier: options.dossier, invoices: [{ uploadId: invoice.body.id, creditNote: false, salaryCosts: true, supportingUploadIds: [proof.body.id], derogation: null }] };
  const answer = await api.call('createDeposit', { params: { siren: f.depositEntity }, body, idempotencyKey: options.idempotencyKey ?? key() });
  eq(answer.status, 201, `deposit: ${show(answer.body)}`);
  return { answer, body, pending: answer.body.pending[0] as { id: string; fields: Record<string, unknown> } };
}

function validFields(target: Target) {
  return { invoiceNumber: unique(), amountHT: 1260, amountTTC: 1512, dossiers: [target.fixtures.depositDossier], invoiceDate: '2026-06-12', siret: target.fixtures.siretActive };
}

/** Every value sorted by `key` comes in order, unknown values last. */
function sorted(values: unknown[], order: 'asc' | 'desc', what: string): void {
  const known = values.filter((v) => v !== null);
  ok(values.slice(known.length).every((v) => v === null), `${what}: unknown values last`);
  const keys = known.map((v) => (typeof v === 'number' ? v : naturalKey(String(v))));
  for (let i = 1; i < keys.length; i++) {
    const [a, b] = [keys[i - 1]!, keys[i]!];
    ok(order === 'asc' ? a <= b : a >= b, `${what}: ${show(known[i - 1])} before ${show(known[i])} in ${order} order`);
  }
}

export const conformanceSuite: ConformanceCase[] = [
  {
    name: 'auth: no token or an unknown token is 401 with problem details, on every route',
    routes: Object.keys(routes) as RouteName[],
    async run(target) {
      const api = client(target);
      const params = { invoiceId: 'x', uploadId: 'x', siren: target.fixtures.entity, pendingId: 'x', dossierId: 'x', siret: target.fixtures.siretActive, transferNumber: 'x' };
      for (const name of Object.keys(routes) as RouteName[]) {
        for (const token of [null, 'not-a-valid-token']) {
          const answer = await api.call(name, { params, token, body: routes[name].method === 'POST' ? {} : undefined });
          problem(answer, 401, undefined, `${name} with ${token ? 'an unknown token' : 'no token'}`);
        }
      }
    },
  },
  {
    name: 'problem details speak French by default and English on Accept-Language: en',
    routes: ['getInvoice'],
    async run(target) {
      const api = client(target);
      const fr = await api.call('getInvoice', { params: { invoiceId: 'inexistante' } });
      const en = await api.call('getInvoice', { params: { invoiceId: 'inexistante' }, language: 'en-GB,en;q=0.9' });
      problem(fr, 404, 'invoice-not-found', 'French');
      problem(en, 404, 'invoice-not-found', 'English');
      ok(fr.body.title !== en.body.title, 'the titles differ by language');
      ok(/facture/i.test(fr.body.title), `a French title: ${fr.body.title}`);
      ok(/invoice/i.test(en.body.title), `an English title: ${en.body.title}`);
    },
  },
  {
    name: 'listEntities: the account’s entities only',
    routes: ['listEntities'],
    async run(target) {
      const api = client(target);
      const a = (await api.call('listEntities')).body.items.map((e: { siren: string }) => e.siren);
      const b = (await api.call('listEntities', { token: target.otherToken })).body.items.map((e: { siren: string }) => e.siren);
      ok(a.includes(target.fixtures.entity) && a.includes(target.fixtures.sharedEntity), 'account A manages the fixtures’ entities');
      eq(b, [target.fixtures.sharedEntity], 'account B manages one entity');
    },
  },
  {
    name: 'listInvoices: sorts by every key both ways, unknown values last',
    routes: ['listInvoices'],
    async run(target) {
      const api = client(target);
      for (const sort of ['reference', 'issueDate', 'depositDate', 'amountHT', 'amountTTC', 'status', 'transferNumber', 'transferDate'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const page = await api.call('listInvoices', { query: { sort, order, pageSize: 1000 } });
          eq(page.status, 200, `sort ${sort} ${order}`);
          sorted(page.body.items.map((i: Record<string, unknown>) => i[sort]), order, `sort ${sort} ${order}`);
        }
      }
    },
  },
  {
    name: 'listInvoices: search, filters and the account’s scope',
    routes: ['listInvoices'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const all = (await api.call('listInvoices', { query: { pageSize: 1000 } })).body;
      ok(all.total >= all.items.length && all.items.length > 0, 'some invoices');
      const sample = all.items.find((i: { dossiers: string[] }) => i.dossiers.length)!;
      const byDossier = (await api.call('listInvoices', { query: { q: sample.dossiers[0].toLowerCase(), pageSize: 1000 } })).body.items;
      ok(byDossier.length && byDossier.every((i: { reference: string; dossiers: string[] }) => i.dossiers.some((d) => d.toLowerCase().includes(sample.dossiers[0].toLowerCase())) || i.reference.toLowerCase().includes(sample.dossiers[0].toLowerCase())), 'search by dossier number, case-insensitive');
      const statuses = (await api.call('listInvoices', { query: { status: ['payee', 'rejetee'], pageSize: 1000 } })).body.items;
      ok(statuses.length && statuses.every((i: { status: string }) => i.status === 'payee' || i.status === 'rejetee'), 'several statuses');
      const entity = (await api.call('listInvoices', { query: { entity: f.entity, pageSize: 1000 } })).body.items;
      ok(entity.length && entity.every((i: { entitySiren: string }) => i.entitySiren === f.entity), 'one entity');
      const range = (await api.call('listInvoices', { query: { issuedFrom: '2025-01-01', issuedTo: '2025-06-30', depositedFrom: '2025-01-01', pageSize: 1000 } })).body.items;
      ok(range.every((i: { issueDate: string; depositDate: string }) => i.issueDate >= '2025-01-01' && i.issueDate <= '2025-06-30' && i.depositDate >= '2025-01-01'), 'date ranges, bounds included');
      const other = (await api.call('listInvoices', { query: { pageSize: 1000 }, token: target.otherToken })).body.items;
      ok(other.every((i: { entitySiren: string }) => i.entitySiren === f.sharedEntity), 'account B sees its entity’s invoices only');
      const foreign = (await api.call('listInvoices', { query: { entity: f.entity }, token: target.otherToken })).body;
      eq([foreign.items.length, foreign.total], [0, 0], 'account B filtering on A’s entity');
    },
  },
  {
    name: 'listInvoices: pagination edges and queries outside the contract (400)',
    routes: ['listInvoices'],
    async run(target) {
      const api = client(target);
      const first = (await api.call('listInvoices')).body;
      eq([first.page, first.pageSize], [1, 20], 'default page and size');
      ok(first.items.length === Math.min(20, first.total), 'a full first page');
      const last = Math.ceil(first.total / 7);
      const tail = (await api.call('listInvoices', { query: { page: last, pageSize: 7 } })).body;
      eq(tail.items.length, first.total - (last - 1) * 7, 'the last page holds the rest');
      const beyond = (await api.call('listInvoices', { query: { page: last + 1, pageSize: 7 } })).body;
      eq([beyond.items.length, beyond.total, beyond.page], [0, first.total, last + 1], 'a page beyond the last is empty, with the total');
      const pages = await Promise.all([1, 2, 3].map((page) => api.call('listInvoices', { query: { page, pageSize: 5, sort: 'reference', order: 'asc' } })));
      const ids = pages.flatMap((p) => p.body.items.map((i: { id: string }) => i.id));
      eq(new Set(ids).size, ids.length, 'consecutive pages never repeat a row');
      eq((await api.call('listInvoices', { query: { pageSize: 1000 } })).status, 200, 'pageSize 1000');
      for (const query of [{ pageSize: 1001 }, { pageSize: 0 }, { page: 0 }, { page: 1.5 }, { status: ['inconnu'] }, { sort: 'iban' }, { order: 'up' }, { issuedFrom: '01/02/2025' }, { entity: '12' }]) {
        problem(await api.call('listInvoices', { query }), 400, 'bad-request', `query ${show(query)}`);
      }
    },
  },
  {
    name: 'getInvoice and getInvoicePdf: the detail, 404 for unknown or another account’s, 404 when there is no PDF',
    routes: ['getInvoice', 'getInvoicePdf'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const rows = (await api.call('listInvoices', { query: { entity: f.entity, status: ['payee', 'en-cours-analyse', 'partiellement-payee', 'rejetee'], pageSize: 1 } })).body.items;
      ok(rows.length === 1, 'an invoice of the entity');
      const detail = await api.call('getInvoice', { params: { invoiceId: rows[0].id } });
      eq(detail.status, 200, 'detail');
      eq([detail.body.id, detail.body.reference], [rows[0].id, rows[0].reference], 'the detail of the row');
      problem(await api.call('getInvoice', { params: { invoiceId: rows[0].id }, token: target.otherToken }), 404, 'invoice-not-found', 'another account’s invoice');
      problem(await api.call('getInvoice', { params: { invoiceId: 'inv-inexistante' } }), 404, 'invoice-not-found', 'unknown invoice');
      const withoutPdf = (await api.call('listInvoices', { query: { pageSize: 1000 } })).body.items;
      for (const row of withoutPdf.slice(0, 40)) {
        const d = (await api.call('getInvoice', { params: { invoiceId: row.id } })).body;
        if (d.hasPdf) continue;
        problem(await api.call('getInvoicePdf', { params: { invoiceId: row.id } }), 404, 'pdf-not-found', 'an invoice without a PDF');
        break;
      }
      problem(await api.call('getInvoicePdf', { params: { invoiceId: 'inv-inexistante' } }), 404, undefined, 'the PDF of an unknown invoice');
    },
  },
  {
    name: 'createUpload: by content, not by name; 413, 415, 422 and 400',
    routes: ['createUpload'],
    async run(target) {
      const api = client(target);
      const pdf = await target.fixtures.invoicePdf();
      const answer = await api.upload('invoice', 'facture.pdf', pdf, { idempotencyKey: key() });
      eq(answer.status, 201, 'a PDF invoice');
      eq([answer.body.name, answer.body.size, answer.body.type, answer.body.kind], ['facture.pdf', pdf.length, 'application/pdf', 'invoice'], 'its description');
      eq((await api.upload('supporting', 'attestation.png', PNG)).body.type, 'image/png', 'a PNG supporting document');
      problem(await api.upload('invoice', 'vide.pdf', new Uint8Array()), 422, 'upload-empty', 'an empty file');
      problem(await api.upload('invoice', 'faux.pdf', new TextEncoder().encode('<html>pas un PDF</html>')), 415, 'upload-not-pdf', 'a .pdf that is not a PDF');
      problem(await api.upload('supporting', 'x.gif', new TextEncoder().encode('GIF89a……')), 415, 'upload-bad-type', 'a supporting document of another type');
      problem(await api.upload('invoice', 'gros.pdf', new Uint8Array(11 * 1024 * 1024).fill(0x25)), 413, 'upload-too-large', 'a file over 10 MB');
      problem(await api.upload(null, 'facture.pdf', pdf), 400, 'bad-request', 'no kind');
      problem(await api.upload('contrat', 'facture.pdf', pdf), 400, 'bad-request', 'an unknown kind');
      problem(await api.call('createUpload', { raw: { body: 'file=x', contentType: 'application/x-www-form-urlencoded' } }), 400, 'bad-request', 'not multipart');
    },
  },
  {
    name: 'createUpload: one Idempotency-Key, one upload; the same key with another file is refused',
    routes: ['createUpload'],
    async run(target) {
      const api = client(target);
      const pdf = await target.fixtures.invoicePdf();
      const k = key();
      const first = await api.upload('invoice', 'facture.pdf', pdf, { idempotencyKey: k });
      const again = await api.upload('invoice', 'facture.pdf', pdf, { idempotencyKey: k });
      eq([first.status, again.status], [201, 201], 'both answered 201');
      eq(again.body, first.body, 'the replay is the first answer');
      problem(await api.upload('invoice', 'autre.pdf', pdf, { idempotencyKey: k }), 422, 'idempotency-key-reused', 'the same key, another file name');
    },
  },
  {
    name: 'deleteUpload: 204 until deposited, 404 when gone or another account’s, 409 once deposited',
    routes: ['deleteUpload', 'createUpload', 'createDeposit'],
    async run(target) {
      const api = client(target);
      const kept = await api.upload('invoice', 'facture.pdf', await target.fixtures.invoicePdf());
      problem(await api.call('deleteUpload', { params: { uploadId: kept.body.id }, token: target.otherToken }), 404, 'upload-not-found', 'another account’s upload');
      const deleted = await api.call('deleteUpload', { params: { uploadId: kept.body.id } });
      eq(deleted.status, 204, 'deleted');
      problem(await api.call('deleteUpload', { params: { uploadId: kept.body.id } }), 404, 'upload-not-found', 'deleted twice');
      const { body } = await deposit(target);
      problem(await api.call('deleteUpload', { params: { uploadId: body.invoices[0]!.uploadId } }), 409, 'upload-in-use', 'a deposited upload');
    },
  },
  {
    name: 'createDeposit: pending invoices with their fields, the dossier carried, never an invented value',
    routes: ['createDeposit', 'listPending', 'getPendingPdf'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const { answer, pending } = await deposit(target, { dossier: f.depositDossier });
      eq(answer.body.entitySiren, f.depositEntity, 'the entity');
      eq(answer.body.pending.length, 1, 'one pending invoice');
      eq([pending.fields && (pending as any).fromDossier, (pending as any).hasPdf], [f.depositDossier, true], 'the dossier it was started from, and its PDF');
      ok((pending.fields.dossiers as string[]).includes(f.depositDossier), 'the dossier is among its dossiers');
      const listed = (await api.call('listPending', { params: { siren: f.depositEntity } })).body.items.map((p: { id: string }) => p.id);
      ok(listed.includes(pending.id), 'listed as pending');
      const pdf = await api.call('getPendingPdf', { params: { pendingId: pending.id } });
      eq(pdf.bytes.length, (await f.invoicePdf()).length, 'the PDF as uploaded');
      const row = (await api.call('listInvoices', { query: { entity: f.depositEntity, status: ['a-valider'], pageSize: 1000 } })).body.items.find((i: { id: string }) => i.id === pending.id);
      ok(row, 'shown « à valider » in the invoice list');
      eq((await api.call('getInvoice', { params: { invoiceId: pending.id } })).body.status, 'a-valider', 'its detail');
    },
  },
  {
    name: 'createDeposit: 422 field codes, 404 for an entity not managed, 400 for a body outside the contract',
    routes: ['createDeposit'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const invoice = (await api.upload('invoice', 'facture.pdf', await f.invoicePdf())).body;
      const line = { uploadId: invoice.id, creditNote: false, salaryCosts: false, supportingUploadIds: [] as string[], derogation: null };
      const missing = await api.call('createDeposit', { params: { siren: f.depositEntity }, body: { invoices: [line] }, idempotencyKey: key() });
      problem(missing, 422, 'deposit-invalid', 'no supporting document nor derogation');
      eq(fieldCodes(missing), [['invoices.0.supportingUploadIds', 'supporting-missing']], 'the field');
      const gone = await api.call('createDeposit', { params: { siren: f.depositEntity }, body: { invoices: [{ ...line, uploadId: 'upload-inexistant', supportingUploadIds: ['upload-inexistant-2'] }] }, idempotencyKey: key() });
      eq(fieldCodes(gone), [['invoices.0.uploadId', 'upload-unavailable'], ['invoices.0.supportingUploadIds.0', 'upload-unavailable']], 'unknown uploads');
      const dossier = await api.call('createDeposit', { params: { siren: f.depositEntity }, body: { dossier: f.dossier, invoices: [{ ...line, derogation: 'adherent' }] }, idempotencyKey: key() });
      eq(fieldCodes(dossier), [['dossier', 'dossierUnknown']], 'a dossier of another entity');
      const format = await api.call('createDeposit', { params: { siren: f.depositEntity }, body: { dossier: '12', invoices: [{ ...line, derogation: 'adherent' }] }, idempotencyKey: key() });
      eq(fieldCodes(format).map(([field]) => field), ['dossier'], 'a malformed dossier number');
      const foreign = (await api.upload('invoice', 'facture.pdf', await f.invoicePdf(), { token: target.otherToken })).body;
      const stolen = await api.call('createDeposit', { params: { siren: f.depositEntity }, body: { invoices: [{ ...line, uploadId: foreign.id, derogation: 'adherent' }] }, idempotencyKey: key() });
      eq(fieldCodes(stolen), [['invoices.0.uploadId', 'upload-unavailable']], 'another account’s upload');
      problem(await api.call('createDeposit', { params: { siren: f.entity }, body: { invoices: [{ ...line, derogation: 'adherent' }] }, token: target.otherToken, idempotencyKey: key() }), 404, 'entity-not-found', 'an entity the account does not manage');
      problem(await api.call('createDeposit', { params: { siren: f.depositEntity }, body: { invoices: [] }, idempotencyKey: key() }), 400, 'bad-request', 'no invoice');
      problem(await api.call('createDeposit', { params: { siren: f.depositEntity }, raw: { body: '{"invoices": [', contentType: 'application/json' }, idempotencyKey: key() }), 400, 'bad-request', 'broken JSON');
      problem(await api.call('createDeposit', { params: { siren: f.depositEntity }, raw: { body: 'invoices=1', contentType: 'text/plain' }, idempotencyKey: key() }), 415, 'unsupported-media-type', 'not JSON');
      const derogated = await api.call('createDeposit', { params: { siren: f.depositEntity }, body: { invoices: [{ ...line, derogation: 'adherent' }] }, idempotencyKey: key() });
      eq(derogated.status, 201, 'a derogation instead of a supporting document');
    },
  },
  {
    name: 'createDeposit: one Idempotency-Key, one deposit, even sent five times at once',
    routes: ['createDeposit', 'listPending'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const before = (await api.call('listPending', { params: { siren: f.depositEntity } })).body.items.length;
      const invoice = (await api.upload('invoice', 'facture.pdf', await f.invoicePdf())).body;
      const body = { invoices: [{ uploadId: invoice.id, creditNote: true, salaryCosts: false, supportingUploadIds: [], derogation: 'cfa-of' }] };
      const k = key();
      const answers = await Promise.all(Array.from({ length: 5 }, () => api.call('createDeposit', { params: { siren: f.depositEntity }, body, idempotencyKey: k })));
      const created = answers.filter((a) => a.status === 201);
      ok(created.length >= 1, 'at least one 201');
      ok(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.code === 'idempotency-in-progress')), `201 or 409 while the first runs: ${show(answers.map((a) => a.status))}`);
      eq(new Set(created.map((a) => a.body.id)).size, 1, 'one deposit id');
      const replay = await api.call('createDeposit', { params: { siren: f.depositEntity }, body, idempotencyKey: k });
      eq(replay.body, created[0]!.body, 'a later replay is the first answer');
      eq((await api.call('listPending', { params: { siren: f.depositEntity } })).body.items.length, before + 1, 'one pending invoice more');
      problem(await api.call('createDeposit', { params: { siren: f.depositEntity }, body: { invoices: [{ ...body.invoices[0]!, creditNote: false }] }, idempotencyKey: k }), 422, 'idempotency-key-reused', 'the same key, another body');
    },
  },
  {
    name: 'listPending, getPendingPdf, deletePending: scoped to the account; 404 once deleted',
    routes: ['listPending', 'getPendingPdf', 'deletePending'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const seeded = (await api.call('listPending', { params: { siren: f.entity } })).body.items;
      ok(seeded.length >= 1, 'the entity has pending invoices');
      problem(await api.call('listPending', { params: { siren: f.entity }, token: target.otherToken }), 404, 'entity-not-found', 'another account’s entity');
      problem(await api.call('listPending', { params: { siren: '000000000' } }), 404, 'entity-not-found', 'an unknown entity');
      const { pending } = await deposit(target);
      problem(await api.call('getPendingPdf', { params: { pendingId: pending.id }, token: target.otherToken }), 404, undefined, 'another account’s PDF');
      problem(await api.call('deletePending', { params: { pendingId: pending.id }, token: target.otherToken }), 404, 'invoice-not-found', 'another account’s deletion');
      eq((await api.call('deletePending', { params: { pendingId: pending.id } })).status, 204, 'deleted');
      problem(await api.call('deletePending', { params: { pendingId: pending.id } }), 404, 'invoice-not-found', 'deleted twice');
      problem(await api.call('getPendingPdf', { params: { pendingId: pending.id } }), 404, undefined, 'the PDF of a deleted invoice');
      problem(await api.call('getInvoice', { params: { invoiceId: pending.id } }), 404, 'invoice-not-found', 'gone from « Mes factures »');
    },
  },
  {
    name: 'validatePending: a 422 field code for each rule of A–F, INSEE and the entity’s dossiers',
    routes: ['validatePending'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const { pending } = await deposit(target);
      const fields = validFields(target);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ invoiceNumber: '  ' }, 'invoiceNumber', 'invoiceNumberRequired'],
        [{ invoiceNumber: 'N'.repeat(60) }, 'invoiceNumber', 'invoiceNumberTooLong'],
        [{ amountHT: -5 }, 'amountHT', 'amountNegative'],
        [{ amountHT: 10.555 }, 'amountHT', 'amountDecimals'],
        [{ amountHT: 2000, amountTTC: 1000 }, 'amountTTC', 'amountTtcBelowHt'],
        [{ dossiers: [] }, 'dossiers', 'dossierRequired'],
        [{ dossiers: ['ABC'] }, 'dossiers', 'dossierFormat'],
        [{ dossiers: [f.dossier] }, 'dossiers', 'dossierUnknown'],
        [{ invoiceDate: '2026-02-30' }, 'invoiceDate', 'dateInvalid'],
        [{ invoiceDate: '2999-01-01' }, 'invoiceDate', 'dateAfterDeposit'],
        [{ siret: '1234' }, 'siret', 'siretFormat'],
        [{ siret: '12345678900000' }, 'siret', 'siretChecksum'],
        [{ siret: f.siretUnknown }, 'siret', 'siretUnknown'],
        [{ siret: f.siretClosed }, 'siret', 'siretClosed'],
      ];
      for (const [change, field, code] of cases) {
        const answer = await api.call('validatePending', { params: { pendingId: pending.id }, body: { ...fields, ...change }, idempotencyKey: key() });
        problem(answer, 422, 'validation', code);
        eq(fieldCodes(answer), [[field, code]], code);
        ok(answer.body.errors[0].message.length > 0, `${code}: a message`);
      }
      problem(await api.call('validatePending', { params: { pendingId: pending.id }, body: { ...fields, amountHT: '1260' }, idempotencyKey: key() }), 400, 'bad-request', 'an amount as text');
      problem(await api.call('validatePending', { params: { pendingId: 'pending-inexistante' }, body: fields, idempotencyKey: key() }), 404, 'invoice-not-found', 'an unknown pending invoice');
      problem(await api.call('validatePending', { params: { pendingId: pending.id }, body: fields, token: target.otherToken, idempotencyKey: key() }), 404, 'invoice-not-found', 'another account’s pending invoice');
    },
  },
  {
    name: 'validatePending: validated once per key, then « en cours d’analyse » with its PDF; a duplicate is 422 with the earlier deposit',
    routes: ['validatePending', 'getInvoice', 'getInvoicePdf', 'listInvoices', 'listPending'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const { pending } = await deposit(target);
      const fields = validFields(target);
      const k = key();
      const done = await api.call('validatePending', { params: { pendingId: pending.id }, body: fields, idempotencyKey: k });
      eq(done.status, 200, `validated: ${show(done.body)}`);
      eq([done.body.invoice.reference, done.body.invoice.status, done.body.invoice.amountTTC], [fields.invoiceNumber, 'en-cours-analyse', fields.amountTTC], 'the invoice');
      eq((await api.call('validatePending', { params: { pendingId: pending.id }, body: fields, idempotencyKey: k })).body, done.body, 'a replay is the first answer');
      problem(await api.call('validatePending', { params: { pendingId: pending.id }, body: fields, idempotencyKey: key() }), 404, 'invoice-not-found', 'validated again with a new key');
      ok(!(await api.call('listPending', { params: { siren: f.depositEntity } })).body.items.some((p: { id: string }) => p.id === pending.id), 'no longer pending');
      const listed = (await api.call('listInvoices', { query: { q: fields.invoiceNumber } })).body.items;
      eq(listed.map((i: { status: string }) => i.status), ['en-cours-analyse'], 'in « Mes factures »');
      const detail = (await api.call('getInvoice', { params: { invoiceId: done.body.invoice.id } })).body;
      eq([detail.hasPdf, detail.creditNote, detail.linkedDossiers.map((d: { number: string }) => d.number)], [true, false, [f.depositDossier]], 'the detail');
      eq((await api.call('getInvoicePdf', { params: { invoiceId: done.body.invoice.id } })).bytes.length, (await f.invoicePdf()).length, 'its PDF');
      const second = await deposit(target);
      const duplicate = await api.call('validatePending', { params: { pendingId: second.pending.id }, body: fields, idempotencyKey: key() });
      problem(duplicate, 422, 'validation', 'a duplicate');
      eq(fieldCodes(duplicate), [['invoiceNumber', 'invoiceDuplicate']], 'the duplicate’s field');
      eq(duplicate.body.duplicateOf?.invoiceId, done.body.invoice.id, 'the earlier invoice');
      ok(/^\d{4}-\d{2}-\d{2}$/.test(duplicate.body.duplicateOf?.depositDate), 'its deposit date');
    },
  },
  {
    name: 'listDossiers: search, state, entity, sorting, pagination edges, 400',
    routes: ['listDossiers'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const all = (await api.call('listDossiers', { query: { pageSize: 1000 } })).body;
      ok(all.items.some((d: { number: string | null }) => d.number === f.dossier), 'the fixture dossier is listed');
      for (const sort of ['number', 'title', 'start', 'end', 'company', 'state'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const page = (await api.call('listDossiers', { query: { sort, order, pageSize: 1000 } })).body;
          sorted(page.items.map((d: Record<string, unknown>) => d[sort]), order, `dossiers by ${sort} ${order}`);
        }
      }
      const states = (await api.call('listDossiers', { query: { state: ['accorde'], pageSize: 1000 } })).body.items;
      ok(states.length && states.every((d: { state: string }) => d.state === 'accorde'), 'by state');
      const found = (await api.call('listDossiers', { query: { q: f.dossier.toLowerCase() } })).body.items;
      ok(found.some((d: { number: string }) => d.number === f.dossier), 'search by number');
      const other = (await api.call('listDossiers', { query: { pageSize: 1000 }, token: target.otherToken })).body.items;
      ok(!other.some((d: { number: string | null }) => d.number === f.dossier), 'account B does not see A’s other entities’ dossiers');
      eq((await api.call('listDossiers', { query: { entity: f.entity }, token: target.otherToken })).body.total, 0, 'account B filtering on A’s entity');
      const beyond = (await api.call('listDossiers', { query: { page: 999, pageSize: 50 } })).body;
      eq([beyond.items.length, beyond.total], [0, all.total], 'a page beyond the last');
      for (const query of [{ state: ['perdu'] }, { pageSize: 5000 }, { sort: 'budget' }]) problem(await api.call('listDossiers', { query }), 400, 'bad-request', `query ${show(query)}`);
    },
  },
  {
    name: 'getDossier: the detail; 404 for unknown or another account’s',
    routes: ['getDossier'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const row = (await api.call('listDossiers', { query: { q: f.dossier } })).body.items.find((d: { number: string }) => d.number === f.dossier);
      const detail = await api.call('getDossier', { params: { dossierId: row.id } });
      eq([detail.body.number, typeof detail.body.funding.granted], [f.dossier, 'number'], 'the detail');
      problem(await api.call('getDossier', { params: { dossierId: row.id }, token: target.otherToken }), 404, 'dossier-not-found', 'another account’s dossier');
      problem(await api.call('getDossier', { params: { dossierId: 'dossier-inexistant' } }), 404, 'dossier-not-found', 'an unknown dossier');
    },
  },
  {
    name: 'lookupSiret: active, closed, unknown (404), malformed (422)',
    routes: ['lookupSiret'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const active = (await api.call('lookupSiret', { params: { siret: f.siretActive } })).body;
      eq([active.siret, active.active, typeof active.name], [f.siretActive, true, 'string'], 'active');
      eq((await api.call('lookupSiret', { params: { siret: f.siretClosed } })).body.active, false, 'closed');
      problem(await api.call('lookupSiret', { params: { siret: f.siretUnknown } }), 404, 'siret-unknown', 'unknown');
      const malformed = await api.call('lookupSiret', { params: { siret: '123' } });
      problem(malformed, 422, 'validation', 'malformed');
      eq(fieldCodes(malformed), [['siret', 'siretFormat']], 'the field');
    },
  },
  // ---- issue 16: a transfer, a dossier's documents, an entity's RIBs ---------------------------
  {
    name: 'getTransfer: its date, amount and the invoices it paid; 404 for unknown or another account’s',
    routes: ['getTransfer'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const paid = (await api.call('listInvoices', { query: { status: ['payee'], pageSize: 100 } })).body.items.find((i: { transferNumber: string | null; entitySiren: string }) => i.transferNumber && i.entitySiren !== f.sharedEntity);
      ok(paid, 'account A has a paid invoice of an entity B does not manage');
      const answer = await api.call('getTransfer', { params: { transferNumber: paid.transferNumber } });
      eq(answer.status, 200, 'the transfer');
      const transfer = answer.body;
      eq([transfer.number, transfer.date, transfer.entitySiren], [paid.transferNumber, paid.transferDate, paid.entitySiren], 'number, date and entity');
      ok(transfer.invoices.some((i: { id: string }) => i.id === paid.id), 'the invoice is among those it paid');
      const sum = Math.round(transfer.invoices.reduce((n: number, i: { paid: number }) => n + i.paid, 0) * 100) / 100;
      eq(transfer.amount, sum, 'the amount is what it paid of each invoice');
      problem(await api.call('getTransfer', { params: { transferNumber: paid.transferNumber }, token: target.otherToken }), 404, 'not-found', 'another account’s transfer');
      problem(await api.call('getTransfer', { params: { transferNumber: 'VIR-INCONNU' } }), 404, 'not-found', 'an unknown transfer');
    },
  },
  {
    name: 'listDocuments and createDocument: a PDF once per key, the last first; 422, 404, 400',
    routes: ['listDocuments', 'createDocument'],
    async run(target) {
      const api = client(target);
      const f = target.fixtures;
      const dossierId = (await api.call('listDossiers', { query: { q: f.depositDossier } })).body.items.find((d: { number: string }) => d.number === f.depositDossier).id;
      eq((await api.call('listDocuments', { params: { dossierId } })).status, 200, 'the list');
      const pdf = await api.upload('supporting', 'programme conformité.pdf', await f.invoicePdf());
      eq(pdf.status, 201, 'the upload');
      const idempotencyKey = key();
      const body = { uploadId: pdf.body.id, kind: 'programme' };
      const first = await api.call('createDocument', { params: { dossierId }, body, idempotencyKey });
      eq([first.status, first.body.name, first.body.kind], [201, 'programme conformité.pdf', 'programme'], `created: ${show(first.body)}`);
      const replay = await api.call('createDocument', { params: { dossierId }, body, idempotencyKey });
      eq([replay.status, replay.body.id, replay.headers.get('Idempotent-Replayed')], [201, first.body.id, 'true'], 'the replay');
      const list = (await api.call('listDocuments', { params: { dossierId } })).body.items;
      eq(list[0].id, first.body.id, 'the last sent comes first');
      eq(list.filter((d: { id: string }) => d.id === first.body.id).length, 1, 'listed once');
      const again = await api.call('createDocument', { params: { dossierId }, body, idempotencyKey: key() });
      problem(again, 422, 'validation', 'an upload already used');
      eq(fieldCodes(again), [['uploadId', 'upload-unavailable']], 'its field');
      const png = await api.upload('supporting', 'photo.png', PNG);
      const image = await api.call('createDocument', { params: { dossierId }, body: { uploadId: png.body.id, kind: 'autre' }, idempotencyKey: key() });
      problem(image, 422, 'validation', 'an image');
      eq(fieldCodes(image), [['uploadId', 'upload-not-pdf']], 'its field');
      problem(await api.call('createDocument', { params: { dossierId }, body: { uploadId: png.body.id, kind: 'facture-inconnue' }, idempotencyKey: key() }), 400, 'bad-request', 'a kind outside the contract');
      problem(await api.call('listDocuments', { params: { dossierId }, token: target.otherToken }), 404, 'dossier-not-found', 'another account’s dossier');
      problem(await api.call('createDocument', { params: { dossierId }, body: { uploadId: png.body.id, kind: 'autre' }, token: target.otherToken, idempotencyKey: key() }), 404, 'dossier-not-found', 'a deposit on another account’s dossier');
      problem(await api.call('listDocuments', { params: { dossierId: 'dossier-inexistant' } }), 404, 'dossier-not-found', 'an unknown dossier');
    },
  },
  {
    name: 'listRibs and createRib: « en cours de vérification », once per key; a 422 code for holder, IBAN (mod 97), BIC and file; 404, 400',
    routes: ['listRibs', 'createRib'],
    async run(target) {
      const api = client(target);
      const siren = target.fixtures.depositEntity;
      eq((await api.call('listRibs', { params: { siren } })).status, 200, 'the list');
      const file = await api.upload('supporting', 'rib conformité.png', PNG);
      eq(file.status, 201, 'the upload');
      const idempotencyKey = key();
      const body = { uploadId: file.body.id, holder: ' CASINO  RESTAURATION SASU ', iban: 'fr76 3000 6000 0112 3456 7890 189', bic: 'agrifrpp' };
      const first = await api.call('createRib', { params: { siren }, body, idempotencyKey });
      eq([first.status, first.body.status, first.body.iban, first.body.bic, first.body.holder, first.body.entitySiren], [201, 'en-cours-verification', 'FR7630006000011234567890189', 'AGRIFRPP', 'CASINO RESTAURATION SASU', siren], `created: ${show(first.body)}`);
      const replay = await api.call('createRib', { params: { siren }, body, idempotencyKey });
      eq([replay.body.id, replay.headers.get('Idempotent-Replayed')], [first.body.id, 'true'], 'the replay');
      eq((await api.call('listRibs', { params: { siren } })).body.items[0].id, first.body.id, 'the last sent comes first');
      const wrong = await api.call('createRib', { params: { siren }, body: { uploadId: file.body.id, holder: ' ', iban: 'FR7630006000011234567890188', bic: 'AGRI' }, idempotencyKey: key() });
      problem(wrong, 422, 'validation', 'wrong fields');
      eq(fieldCodes(wrong), [['holder', 'holderRequired'], ['iban', 'ibanChecksum'], ['bic', 'bicFormat'], ['uploadId', 'upload-unavailable']], 'the fields');
      const short = await api.call('createRib', { params: { siren }, body: { ...body, iban: 'FR76300060000112345678901' }, idempotencyKey: key() });
      eq(fieldCodes(short).slice(0, 1), [['iban', 'ibanLength']], 'a French IBAN short of characters');
      problem(await api.call('createRib', { params: { siren }, body: { uploadId: file.body.id }, idempotencyKey: key() }), 400, 'bad-request', 'a body outside the contract');
      problem(await api.call('listRibs', { params: { siren }, token: target.otherToken }), 404, 'entity-not-found', 'another account’s entity');
      problem(await api.call('createRib', { params: { siren }, body, token: target.otherToken, idempotencyKey: key() }), 404, 'entity-not-found', 'a RIB for another account’s entity');
    },
  },
];

/** Routes no case exercises: the suite itself fails when the contract grows a route it misses. */
export function uncoveredRoutes(cases: readonly ConformanceCase[] = conformanceSuite): RouteName[] {
  const covered = new Set(cases.flatMap((c) => c.routes));
  return (Object.keys(routes) as RouteName[]).filter((name) => !covered.has(name));
}
