/**
 * The back end's storage on PostgreSQL (PGlite or a server, see sql.ts), with uploaded bytes on
 * disk (files.ts). It answers exactly as MemoryStorage (src/backend/memory-storage.ts) does — the
 * same rows, filters, search, order and pages — but filters, sorts and pages in SQL:
 * - text sorts by naturalKey() (records.ts), stored in a `*_key` column at insert, COLLATE "C";
 * - numbers sort numerically; unknown values come last whatever the order (NULLS LAST);
 * - ties by id: invoices id DESC, dossiers id ASC;
 * - search is a case-insensitive substring, lower-cased in JS on both sides (PostgreSQL's
 *   lower() depends on the database's locale and would not match JS for « É »);
 * - pending invoices are rows of « Mes factures » with status `a-valider` (the invoice_rows table).
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DossierDetail, DossierPage, DossierQuery, Entity, InvoicePage, InvoiceQuery, InvoiceSummary, LinkedDossier } from '../src/api/schemas.js';
import { dossierSummary, invoiceSummary, naturalKey, pendingSummary } from '../src/backend/records.js';
import { ACCOUNTS, ENTITIES, SIRET_REGISTER, seedDocuments, seedDossiers, seedInvoices, seedPending, seedRibs } from '../src/backend/seed.js';
import type { Account, IdempotencyRecord, Storage, StoredDocument, StoredDossier, StoredInvoice, StoredPending, StoredRib, StoredUpload } from '../src/backend/storage.js';
import { FileStore } from './files.js';
import { migrate } from './migrate.js';
import { openPg, openPglite, type Database, type Sql, type SqlValue } from './sql.js';

export interface PgStorageOptions {
  /** A PostgreSQL server; PGlite in `dataDir`/pg when absent. */
  databaseUrl?: string;
  /** Where PGlite keeps its data (`<dataDir>/pg`) and, by default, files (`<dataDir>/files`). */
  dataDir: string;
  /** Where uploaded bytes go; `<dataDir>/files` by default. */
  filesDir?: string;
  /** Seed an empty database (the default). */
  seed?: boolean;
}

/** How long a session opened by the development sign-in lasts (the cookie's max-age too). */
const SESSION_HOURS = 8;
/** How long an idempotency key is remembered. */
const KEY_HOURS = 24;

const INVOICE_SORT: Record<NonNullable<InvoiceQuery['sort']>, string> = {
  reference: 'reference_key',
  issueDate: 'issue_date_key',
  depositDate: 'deposit_date_key',
  amountHT: 'amount_ht',
  amountTTC: 'amount_ttc',
  status: 'status_key',
  transferNumber: 'transfer_number_key',
  transferDate: 'transfer_date_key',
};

const DOSSIER_SORT: Record<NonNullable<DossierQuery['sort']>, string> = {
  number: 'number_key',
  title: 'title_key',
  start: 'start_key',
  end: 'end_key',
  company: 'company_key',
  state: 'state_key',
};

const key = (value: string | null | undefined) => (value === null || value === undefined ? null : naturalKey(value));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const json = (value: unknown) => JSON.stringify(value);

/** Builds a WHERE clause with numbered parameters. */
class Where {
  readonly params: SqlValue[] = [];
  private parts: string[] = [];
  param(value: SqlValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  add(condition: string): void {
    this.parts.push(condition);
  }
  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export class PgStorage implements Storage {
  constructor(
    readonly db: Database,
    readonly files: FileStore,
  ) {}

  /** Opens the database (PGlite or a server), migrates it and seeds it when empty. */
  static async open(options: PgStorageOptions): Promise<PgStorage> {
    const db = options.databaseUrl ? await openPg(options.databaseUrl) : await openPglite(join(options.dataDir, 'pg'));
    try {
      await migrate(db);
      const storage = new PgStorage(db, new FileStore(options.filesDir ?? join(options.dataDir, 'files')));
      if (options.seed !== false) await storage.seedIfEmpty();
      return storage;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** The database answers (for /health). */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  // ---- seed and reset ------------------------------------------------------------------------

  async seedIfEmpty(): Promise<boolean> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');
    if (rows[0]!.n > 0) {
      await this.db.transaction((sql) => seedAdditions(sql));
      return false;
    }
    await this.db.transaction((sql) => seed(sql));
    return true;
  }

  /** Empties every table and the files, then seeds again (`npm run server:reset`, the demo's reset). */
  async reset(): Promise<void> {
    await this.db.transaction(async (sql) => {
      await sql.exec(
        'TRUNCATE accounts, sessions, entities, siret_register, dossiers, dossier_documents, ribs, uploads, deposits, invoice_rows, invoices, pending_invoices, idempotency_keys RESTART IDENTITY CASCADE; ALTER SEQUENCE ids RESTART',
      );
      await seed(sql);
    });
    await this.files.clear();
  }

  // ---- accounts ------------------------------------------------------------------------------

  async accountByToken(token: string): Promise<Account | null> {
    const { rows } = await this.db.query<Account>(
      'SELECT a.id, a.name, a.entities FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1 AND s.expires_at > now()',
      [sha256(token)],
    );
    return rows[0] ?? null;
  }

  async createSession(accountId: string): Promise<string | null> {
    const { rows } = await this.db.query('SELECT 1 FROM accounts WHERE id = $1', [accountId]);
    if (!rows.length) return null;
    const token = randomBytes(32).toString('base64url');
    await this.db.query('DELETE FROM sessions WHERE expires_at <= now()');
    await this.db.query(`INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ($1, $2, now() + interval '${SESSION_HOURS} hours')`, [sha256(token), accountId]);
    return token;
  }

  /** A real server never answers without credentials. */
  async anonymousAccount(): Promise<Account | null> {
    return null;
  }

  // ---- reference data --------------------------------------------------------------------------

  async findEntities(sirens: readonly string[]): Promise<Entity[]> {
    const { rows } = await this.db.query<Entity>('SELECT siren, name, role FROM entities WHERE siren = ANY($1::text[]) ORDER BY position', [sirens]);
    return rows;
  }

  async siret(siret: string): Promise<{ name: string; active: boolean } | null> {
    const { rows } = await this.db.query<{ name: string; active: boolean }>('SELECT name, active FROM siret_register WHERE siret = $1', [siret]);
    return rows[0] ?? null;
  }

  async dossierNumbersOf(siren: string): Promise<string[]> {
    const { rows } = await this.db.query<{ number: string }>(
      'SELECT number FROM dossiers WHERE number IS NOT NULL AND (entity_siren = $1 OR training_body_siren = $1) ORDER BY position',
      [siren],
    );
    return rows.map((r) => r.number);
  }

  async linkedDossiers(numbers: readonly string[]): Promise<LinkedDossier[]> {
    if (!numbers.length) return [];
    const { rows } = await this.db.query<{ number: string; linked: Omit<LinkedDossier, 'number'> }>('SELECT number, linked FROM dossiers WHERE number = ANY($1::text[])', [numbers]);
    const found = new Map(rows.map((r) => [r.number, r.linked]));
    return numbers.flatMap((number) => {
      const linked = found.get(number);
      return linked ? [{ number, ...linked }] : [];
    });
  }

  async dossierPage(sirens: readonly string[], query: DossierQuery): Promise<DossierPage> {
    const where = new Where();
    // An entity filter narrows to that entity, and only if the account manages it.
    const scope = query.entity ? sirens.filter((s) => s === query.entity) : [...sirens];
    const scopeParam = where.param(scope);
    where.add(`(entity_siren = ANY(${scopeParam}::text[]) OR training_body_siren = ANY(${scopeParam}::text[]))`);
    const q = query.q?.trim().toLowerCase();
    if (q) where.add(`EXISTS (SELECT 1 FROM unnest(search) AS s WHERE strpos(s, ${where.param(q)}) > 0)`);
    if (query.state?.length) where.add(`state = ANY(${where.param(query.state)}::text[])`);
    const order = `${DOSSIER_SORT[query.sort ?? 'start']} ${(query.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, id ASC`;
    const page = await this.page<{ detail: DossierDetail }>('dossiers', 'detail', where, order, query.page, query.pageSize);
    return { ...page, items: page.items.map((r) => dossierSummary(r.detail)) };
  }

  async getDossier(sirens: readonly string[], id: string): Promise<DossierDetail | null> {
    const { rows } = await this.db.query<{ detail: DossierDetail }>(
      'SELECT detail FROM dossiers WHERE id = $1 AND (entity_siren = ANY($2::text[]) OR training_body_siren = ANY($2::text[]))',
      [id, sirens],
    );
    return rows[0]?.detail ?? null;
  }

  // ---- invoices --------------------------------------------------------------------------------

  async invoicePage(sirens: readonly string[], query: InvoiceQuery): Promise<InvoicePage> {
    const where = new Where();
    where.add(`entity_siren = ANY(${where.param(sirens)}::text[])`);
    if (query.entity) where.add(`entity_siren = ${where.param(query.entity)}`);
    const q = query.q?.trim().toLowerCase();
    if (q) {
      const p = where.param(q);
      where.add(`(strpos(search_reference, ${p}) > 0 OR EXISTS (SELECT 1 FROM unnest(search_dossiers) AS d WHERE strpos(d, ${p}) > 0))`);
    }
    if (query.status?.length) where.add(`status = ANY(${where.param(query.status)}::text[])`);
    dateRange(where, 'issue_date', query.issuedFrom, query.issuedTo);
    dateRange(where, 'deposit_date', query.depositedFrom, query.depositedTo);
    const order = `${INVOICE_SORT[query.sort ?? 'depositDate']} ${(query.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, id DESC`;
    const page = await this.page<{ summary: InvoiceSummary }>('invoice_rows', 'summary', where, order, query.page, query.pageSize);
    return { ...page, items: page.items.map((r) => invoiceSummary(r.summary)) };
  }

  /** One page of a list, and how many rows match. `table`, `columns` and `order` are ours, never the caller's. */
  private async page<Row>(table: string, columns: string, where: Where, order: string, page = 1, pageSize = 20) {
    const count = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} ${where}`, where.params);
    const limit = where.param(pageSize);
    const offset = where.param((page - 1) * pageSize);
    const { rows } = await this.db.query<Row>(`SELECT ${columns} FROM ${table} ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`, where.params);
    return { items: rows, total: count.rows[0]!.n, page, pageSize };
  }

  async getInvoice(sirens: readonly string[], id: string): Promise<StoredInvoice | null> {
    const { rows } = await this.db.query<{ detail: StoredInvoice }>('SELECT detail FROM invoices WHERE id = $1 AND entity_siren = ANY($2::text[])', [id, sirens]);
    return rows[0]?.detail ?? null;
  }

  async findDuplicate(reference: string, siret: string): Promise<StoredInvoice | null> {
    const { rows } = await this.db.query<{ detail: StoredInvoice }>('SELECT detail FROM invoices WHERE reference = $1 AND siret = $2 ORDER BY seq LIMIT 1', [reference, siret]);
    return rows[0]?.detail ?? null;
  }

  async validatePending(pendingId: string, invoice: StoredInvoice): Promise<void> {
    await this.db.transaction(async (sql) => {
      await sql.query('DELETE FROM invoice_rows WHERE id = $1', [pendingId]);
      await insertInvoice(sql, invoice);
    });
  }

  // ---- uploads, deposits, pending invoices ---------------------------------------------------

  async addUpload(upload: StoredUpload, bytes: Uint8Array): Promise<void> {
    // The bytes first: a row never points at a file that is not there.
    await this.files.write(upload.id, bytes);
    try {
      await this.db.query('INSERT INTO uploads (id, owner, used_by, name, size, type, kind, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        upload.id,
        upload.owner,
        upload.usedBy,
        upload.name,
        upload.size,
        upload.type,
        upload.kind,
        upload.createdAt,
      ]);
    } catch (error) {
      await this.files.remove(upload.id);
      throw error;
    }
  }

  async getUpload(id: string): Promise<StoredUpload | null> {
    const { rows } = await this.db.query<StoredUpload>(
      'SELECT id, name, size, type, kind, created_at AS "createdAt", owner, used_by AS "usedBy" FROM uploads WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async deleteUpload(id: string): Promise<void> {
    await this.db.query('DELETE FROM uploads WHERE id = $1', [id]);
    await this.files.remove(id);
  }

  async readFile(id: string): Promise<Uint8Array | null> {
    return this.files.read(id);
  }

  async addDeposit(depositId: string, pending: readonly StoredPending[], uploadIds: readonly string[]): Promise<void> {
    await this.db.transaction(async (sql) => {
      await sql.query('INSERT INTO deposits (id) VALUES ($1)', [depositId]);
      for (const item of pending) await insertPending(sql, item);
      await sql.query('UPDATE uploads SET used_by = $1 WHERE id = ANY($2::text[])', [depositId, uploadIds]);
    });
  }

  async pendingOf(siren: string): Promise<StoredPending[]> {
    const { rows } = await this.db.query<{ detail: StoredPending }>('SELECT detail FROM pending_invoices WHERE entity_siren = $1 ORDER BY seq', [siren]);
    return rows.map((r) => r.detail);
  }

  async getPending(id: string): Promise<StoredPending | null> {
    const { rows } = await this.db.query<{ detail: StoredPending }>('SELECT detail FROM pending_invoices WHERE id = $1', [id]);
    return rows[0]?.detail ?? null;
  }

  async deletePending(id: string): Promise<void> {
    // Its row of « Mes factures » goes, and the pending invoice with it (ON DELETE CASCADE).
    const { rows } = await this.db.query<{ upload_id: string }>('DELETE FROM invoice_rows r USING pending_invoices p WHERE r.id = p.id AND p.id = $1 RETURNING p.upload_id', [id]);
    const uploadId = rows[0]?.upload_id;
    if (uploadId) await this.deleteUpload(uploadId);
  }

  // ---- transfers, dossier documents, RIBs -----------------------------------------------------

  async transferInvoices(sirens: readonly string[], transferNumber: string): Promise<StoredInvoice[]> {
    const { rows } = await this.db.query<{ detail: StoredInvoice }>("SELECT detail FROM invoices WHERE detail->>'transferNumber' = $1 AND entity_siren = ANY($2::text[]) ORDER BY seq", [
      transferNumber,
      sirens,
    ]);
    return rows.map((r) => r.detail);
  }

  async documentsOf(dossierId: string): Promise<StoredDocument[]> {
    const { rows } = await this.db.query<{ detail: StoredDocument }>('SELECT detail FROM dossier_documents WHERE dossier_id = $1 ORDER BY sent_at DESC, id DESC', [dossierId]);
    return rows.map((r) => r.detail);
  }

  async addDocument(document: StoredDocument): Promise<void> {
    await this.db.transaction(async (sql) => {
      await insertDocument(sql, document);
      await sql.query('UPDATE uploads SET used_by = $1 WHERE id = $2', [document.id, document.uploadId]);
    });
  }

  async ribsOf(siren: string): Promise<StoredRib[]> {
    const { rows } = await this.db.query<{ detail: StoredRib }>('SELECT detail FROM ribs WHERE entity_siren = $1 ORDER BY sent_at DESC, id DESC', [siren]);
    return rows.map((r) => r.detail);
  }

  async addRib(rib: StoredRib): Promise<void> {
    await this.db.transaction(async (sql) => {
      await insertRib(sql, rib);
      await sql.query('UPDATE uploads SET used_by = $1 WHERE id = $2', [rib.id, rib.uploadId]);
    });
  }

  // ---- idempotency -----------------------------------------------------------------------------

  async claimKey(key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEY_HOURS} hours'`);
    for (;;) {
      const inserted = await this.db.query('INSERT INTO idempotency_keys (key, fingerprint) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key', [key, fingerprint]);
      if (inserted.rows.length) return null;
      const { rows } = await this.db.query<{ fingerprint: string; done: boolean; status: number | null; body: unknown }>(
        'SELECT fingerprint, done, status, body FROM idempotency_keys WHERE key = $1',
        [key],
      );
      const row = rows[0];
      // Released between our insert and our read: try to claim it again.
      if (!row) continue;
      return row.done ? { fingerprint: row.fingerprint, done: true, status: row.status!, body: row.body } : { fingerprint: row.fingerprint, done: false };
    }
  }

  async completeKey(key: string, status: number, body: unknown): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET done = true, status = $2, body = $3::text::json WHERE key = $1', [key, status, json(body)]);
  }

  async releaseKey(key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE key = $1', [key]);
  }

  async nextId(prefix: string): Promise<string> {
    const { rows } = await this.db.query<{ n: number }>("SELECT nextval('ids')::int AS n");
    return `${prefix}-${String(rows[0]!.n).padStart(5, '0')}`;
  }
}

/** `column` within [from, to]; a row without a value is out as soon as a bound is given (inRange). */
function dateRange(where: Where, column: string, from?: string, to?: string): void {
  if (!from && !to) return;
  where.add(`${column} IS NOT NULL`);
  if (from) where.add(`${column} >= ${where.param(from)}`);
  if (to) where.add(`${column} <= ${where.param(to)}`);
}

/** The list columns of an invoice row, validated or pending, from its summary. */
function listColumns(s: InvoiceSummary): SqlValue[] {
  return [
    s.entitySiren,
    json(s),
    s.reference.toLowerCase(),
    s.dossiers.map((d) => d.toLowerCase()),
    s.status,
    s.issueDate,
    s.depositDate,
    key(s.reference),
    key(s.issueDate),
    key(s.depositDate),
    key(s.status),
    key(s.transferNumber),
    key(s.transferDate),
    s.amountHT,
    s.amountTTC,
  ];
}

const LIST_COLUMNS =
  'entity_siren, summary, search_reference, search_dossiers, status, issue_date, deposit_date, reference_key, issue_date_key, deposit_date_key, status_key, transfer_number_key, transfer_date_key, amount_ht, amount_ttc';
/** Placeholders for LIST_COLUMNS from $first on. */
const listPlaceholders = (first: number) =>
  LIST_COLUMNS.split(', ')
    .map((column, i) => (column === 'summary' ? `$${first + i}::text::json` : column === 'search_dossiers' ? `$${first + i}::text[]` : `$${first + i}`))
    .join(', ');

/** A row of « Mes factures », then the invoice or pending invoice it shows. */
async function insertRow(sql: Sql, summary: InvoiceSummary): Promise<void> {
  await sql.query(`INSERT INTO invoice_rows (id, ${LIST_COLUMNS}) VALUES ($1, ${listPlaceholders(2)})`, [summary.id, ...listColumns(summary)]);
}

async function insertInvoice(sql: Sql, invoice: StoredInvoice): Promise<void> {
  await insertRow(sql, invoiceSummary(invoice));
  await sql.query('INSERT INTO invoices (id, entity_siren, reference, siret, file_id, detail) VALUES ($1, $2, $3, $4, $5, $6::text::json)', [
    invoice.id,
    invoice.entitySiren,
    invoice.reference,
    invoice.siret,
    invoice.fileId,
    json(invoice),
  ]);
}

async function insertPending(sql: Sql, item: StoredPending): Promise<void> {
  await insertRow(sql, pendingSummary(item));
  await sql.query('INSERT INTO pending_invoices (id, entity_siren, deposit_id, upload_id, detail) VALUES ($1, $2, $3, $4, $5::text::json)', [
    item.id,
    item.entitySiren,
    item.depositId,
    item.uploadId,
    json(item),
  ]);
}

async function insertDossier(sql: Sql, dossier: StoredDossier, position: number): Promise<void> {
  const { trainingBodySiren, linked, ...detail } = dossier;
  await sql.query(
    `INSERT INTO dossiers (id, position, number, entity_siren, training_body_siren, state, search, number_key, title_key, start_key, end_key, company_key, state_key, detail, linked)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12, $13, $14::text::json, $15::text::json)`,
    [
      dossier.id,
      position,
      dossier.number,
      dossier.entitySiren,
      trainingBodySiren,
      dossier.state,
      [dossier.number ?? '', dossier.title, dossier.company].map((v) => v.toLowerCase()),
      key(dossier.number),
      key(dossier.title),
      key(dossier.start),
      key(dossier.end),
      key(dossier.company),
      key(dossier.state),
      json(detail),
      json(linked),
    ],
  );
}

async function insertDocument(sql: Sql, document: StoredDocument): Promise<void> {
  await sql.query('INSERT INTO dossier_documents (id, dossier_id, upload_id, sent_at, detail) VALUES ($1, $2, $3, $4, $5::text::json)', [
    document.id,
    document.dossierId,
    document.uploadId,
    document.sentAt,
    json(document),
  ]);
}

async function insertRib(sql: Sql, rib: StoredRib): Promise<void> {
  await sql.query('INSERT INTO ribs (id, entity_siren, upload_id, sent_at, detail) VALUES ($1, $2, $3, $4, $5::text::json)', [rib.id, rib.entitySiren, rib.uploadId, rib.sentAt, json(rib)]);
}

/**
 * What later versions added to the seed, for a database seeded before them (kept in `.data/`):
 * the dossiers' « Envoyé le », their documents and the entities' RIBs, each once.
 */
async function seedAdditions(sql: Sql): Promise<void> {
  for (const dossier of seedDossiers()) {
    const { trainingBodySiren: _t, linked: _l, ...detail } = dossier;
    await sql.query("UPDATE dossiers SET detail = $2::text::json WHERE id = $1 AND (detail::jsonb ? 'sentDate') IS NOT TRUE", [dossier.id, json(detail)]);
  }
  const { rows } = await sql.query<{ n: number }>('SELECT (SELECT count(*) FROM dossier_documents) + (SELECT count(*) FROM ribs) AS n');
  if (Number(rows[0]!.n) > 0) return;
  for (const document of seedDocuments()) await insertDocument(sql, document);
  for (const rib of seedRibs()) await insertRib(sql, rib);
}

/** The seed of src/backend/seed.ts: the same data the mock starts with. */
async function seed(sql: Sql): Promise<void> {
  for (const account of ACCOUNTS) await sql.query('INSERT INTO accounts (id, name, entities) VALUES ($1, $2, $3::text[])', [account.id, account.name, account.entities]);
  for (const [i, e] of ENTITIES.entries()) await sql.query('INSERT INTO entities (siren, name, role, position) VALUES ($1, $2, $3, $4)', [e.siren, e.name, e.role, i]);
  for (const s of SIRET_REGISTER) await sql.query('INSERT INTO siret_register (siret, name, active) VALUES ($1, $2, $3)', [s.siret, s.name, s.active]);
  for (const [i, d] of seedDossiers().entries()) await insertDossier(sql, d, i);
  for (const invoice of seedInvoices()) await insertInvoice(sql, invoice);
  for (const item of seedPending()) await insertPending(sql, item);
  for (const document of seedDocuments()) await insertDocument(sql, document);
  for (const rib of seedRibs()) await insertRib(sql, rib);
}
