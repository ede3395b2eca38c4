/**
 * The storage of the mock backend: plain arrays and maps in the page, seeded with the guide's
 * data. Tests and stories may read and change them directly (`mock.store.invoices`, …).
 */
import type { DossierDetail, DossierPage, DossierQuery, Entity, InvoicePage, InvoiceQuery, InvoiceSummary, LinkedDossier } from '../api/schemas.js';
import { dossierSummary, inRange, invoiceSummary, newestFirst, paginate, pendingSummary, sortRows } from './records.js';
import { ACCOUNTS, ENTITIES, SIRET_REGISTER, seedDocuments, seedDossiers, seedInvoices, seedPending, seedRibs } from './seed.js';
import type { Account, IdempotencyRecord, Storage, StoredDocument, StoredDossier, StoredInvoice, StoredPending, StoredRib, StoredUpload } from './storage.js';

export interface MemoryStorageOptions {
  /** The SIRENs a request without a token sees; all the seeded entities by default. */
  entities?: readonly string[];
  /** How many invoices of generated history, beyond the guide's own. */
  invoiceCount?: number;
}

export class MemoryStorage implements Storage {
  /** The entities a request without a token sees (the mock's signed-in account). */
  entities: Entity[] = [];
  invoices: StoredInvoice[] = [];
  dossiers: StoredDossier[] = [];
  uploads = new Map<string, StoredUpload>();
  pending = new Map<string, StoredPending>();
  siretRegister = new Map<string, { name: string; active: boolean }>();
  documents: StoredDocument[] = [];
  ribs: StoredRib[] = [];
  /** When set, a request must carry `Authorization: Bearer <token>` (or a session's token). */
  requiredToken: string | null = null;
  private files = new Map<string, Uint8Array>();
  private sessions = new Map<string, string>();
  private keys = new Map<string, IdempotencyRecord>();
  private counter = 0;

  constructor(private options: MemoryStorageOptions = {}) {
    this.reset();
  }

  /** Back to the seeded state (and, when given, other options). */
  reset(options: MemoryStorageOptions = this.options): void {
    this.options = options;
    const managed = options.entities ?? ENTITIES.map((e) => e.siren);
    this.entities = ENTITIES.filter((e) => managed.includes(e.siren));
    this.dossiers = seedDossiers();
    this.invoices = seedInvoices(options.invoiceCount);
    this.siretRegister = new Map(SIRET_REGISTER.map(({ siret, ...rest }) => [siret, rest]));
    this.uploads.clear();
    this.files.clear();
    this.sessions.clear();
    this.keys.clear();
    this.requiredToken = null;
    this.counter = 0;
    this.pending = new Map(seedPending().map((p) => [p.id, p]));
    this.documents = seedDocuments();
    this.ribs = seedRibs();
  }

  private get managed(): string[] {
    return this.entities.map((e) => e.siren);
  }

  // ---- accounts ------------------------------------------------------------------------------

  async accountByToken(token: string): Promise<Account | null> {
    const id = this.sessions.get(token);
    if (id) return ACCOUNTS.find((a) => a.id === id) ?? null;
    // A lenient mock: any token is the default account, unless a test asks for one token.
    return this.requiredToken === null || token === this.requiredToken ? this.defaultAccount() : null;
  }

  async createSession(accountId: string): Promise<string | null> {
    if (!ACCOUNTS.some((a) => a.id === accountId)) return null;
    const token = `session-${crypto.randomUUID()}`;
    this.sessions.set(token, accountId);
    return token;
  }

  async anonymousAccount(): Promise<Account | null> {
    return this.requiredToken === null ? this.defaultAccount() : null;
  }

  private defaultAccount(): Account {
    return { id: 'mock', name: 'Compte de démonstration', entities: this.managed };
  }

  // ---- reference data --------------------------------------------------------------------------

  async findEntities(sirens: readonly string[]): Promise<Entity[]> {
    return ENTITIES.filter((e) => sirens.includes(e.siren));
  }

  async siret(siret: string) {
    return this.siretRegister.get(siret) ?? null;
  }

  async dossierNumbersOf(siren: string): Promise<string[]> {
    return this.dossiers.filter((d) => d.number && (d.entitySiren === siren || d.trainingBodySiren === siren)).map((d) => d.number!);
  }

  async linkedDossiers(numbers: readonly string[]): Promise<LinkedDossier[]> {
    return numbers.flatMap((number) => {
      const dossier = this.dossiers.find((d) => d.number === number);
      return dossier ? [{ number, ...structuredClone(dossier.linked) }] : [];
    });
  }

  async dossierPage(sirens: readonly string[], query: DossierQuery): Promise<DossierPage> {
    return this.dossiersFor(sirens, query);
  }

  async getDossier(sirens: readonly string[], id: string): Promise<DossierDetail | null> {
    const dossier = this.dossiers.find((d) => d.id === id && sirens.some((s) => d.entitySiren === s || d.trainingBodySiren === s));
    if (!dossier) return null;
    const { trainingBodySiren: _body, linked: _linked, ...detail } = structuredClone(dossier);
    return detail;
  }

  // ---- invoices --------------------------------------------------------------------------------

  async invoicePage(sirens: readonly string[], query: InvoiceQuery): Promise<InvoicePage> {
    return this.invoicesFor(sirens, query);
  }

  async getInvoice(sirens: readonly string[], id: string): Promise<StoredInvoice | null> {
    const invoice = this.invoices.find((i) => i.id === id && sirens.includes(i.entitySiren));
    return invoice ? structuredClone(invoice) : null;
  }

  async findDuplicate(reference: string, siret: string): Promise<StoredInvoice | null> {
    return this.invoices.find((i) => i.reference === reference && i.siret === siret) ?? null;
  }

  async validatePending(pendingId: string, invoice: StoredInvoice): Promise<void> {
    this.invoices.push(invoice);
    this.pending.delete(pendingId);
  }

  // ---- uploads, deposits, pending invoices ---------------------------------------------------

  async addUpload(upload: StoredUpload, bytes: Uint8Array): Promise<void> {
    this.uploads.set(upload.id, upload);
    this.files.set(upload.id, bytes);
  }

  async getUpload(id: string): Promise<StoredUpload | null> {
    const upload = this.uploads.get(id);
    return upload ? { ...upload } : null;
  }

  async deleteUpload(id: string): Promise<void> {
    this.uploads.delete(id);
    this.files.delete(id);
  }

  async readFile(id: string): Promise<Uint8Array | null> {
    return this.files.get(id) ?? null;
  }

  async addDeposit(depositId: string, pending: readonly StoredPending[], uploadIds: readonly string[]): Promise<void> {
    for (const id of uploadIds) this.uploads.get(id)!.usedBy = depositId;
    for (const item of pending) this.pending.set(item.id, structuredClone(item));
  }

  async pendingOf(siren: string): Promise<StoredPending[]> {
    return [...this.pending.values()].filter((p) => p.entitySiren === siren).map((p) => structuredClone(p));
  }

  async getPending(id: string): Promise<StoredPending | null> {
    const item = this.pending.get(id);
    return item ? structuredClone(item) : null;
  }

  async deletePending(id: string): Promise<void> {
    const item = this.pending.get(id);
    this.pending.delete(id);
    if (item?.uploadId) await this.deleteUpload(item.uploadId);
  }

  // ---- transfers, dossier documents, RIBs -----------------------------------------------------

  async transferInvoices(sirens: readonly string[], transferNumber: string): Promise<StoredInvoice[]> {
    return this.invoices.filter((i) => i.transferNumber === transferNumber && sirens.includes(i.entitySiren)).map((i) => structuredClone(i));
  }

  async documentsOf(dossierId: string): Promise<StoredDocument[]> {
    return newestFirst(this.documents.filter((d) => d.dossierId === dossierId)).map((d) => ({ ...d }));
  }

  async addDocument(document: StoredDocument): Promise<void> {
    this.documents.push({ ...document });
    const upload = this.uploads.get(document.uploadId);
    if (upload) upload.usedBy = document.id;
  }

  async ribsOf(siren: string): Promise<StoredRib[]> {
    return newestFirst(this.ribs.filter((r) => r.entitySiren === siren)).map((r) => ({ ...r }));
  }

  async addRib(rib: StoredRib): Promise<void> {
    this.ribs.push({ ...rib });
    const upload = this.uploads.get(rib.uploadId);
    if (upload) upload.usedBy = rib.id;
  }

  // ---- idempotency -----------------------------------------------------------------------------

  async claimKey(key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const record = this.keys.get(key);
    if (record) return record;
    this.keys.set(key, { fingerprint, done: false });
    return null;
  }

  async completeKey(key: string, status: number, body: unknown): Promise<void> {
    const record = this.keys.get(key);
    if (record) this.keys.set(key, { fingerprint: record.fingerprint, done: true, status, body });
  }

  async releaseKey(key: string): Promise<void> {
    this.keys.delete(key);
  }

  async nextId(prefix: string): Promise<string> {
    this.counter += 1;
    return `${prefix}-${String(this.counter).padStart(5, '0')}`;
  }

  // ---- synchronous views for tests and stories: what the default account sees -----------------

  listInvoices(query: InvoiceQuery): InvoicePage {
    return this.invoicesFor(this.managed, query);
  }

  listDossiers(query: DossierQuery): DossierPage {
    return this.dossiersFor(this.managed, query);
  }

  listPending(siren: string): StoredPending[] {
    return [...this.pending.values()].filter((p) => p.entitySiren === siren);
  }

  private invoicesFor(sirens: readonly string[], query: InvoiceQuery): InvoicePage {
    const all: InvoiceSummary[] = [...this.invoices.map(invoiceSummary), ...[...this.pending.values()].map(pendingSummary)].filter((i) => sirens.includes(i.entitySiren));
    const q = query.q?.trim().toLowerCase();
    const rows = all.filter(
      (i) =>
        (!q || i.reference.toLowerCase().includes(q) || i.dossiers.some((d) => d.toLowerCase().includes(q))) &&
        (!query.status?.length || query.status.includes(i.status)) &&
        (!query.entity || i.entitySiren === query.entity) &&
        inRange(i.issueDate, query.issuedFrom, query.issuedTo) &&
        inRange(i.depositDate, query.depositedFrom, query.depositedTo),
    );
    return paginate(sortRows(rows, query.sort ?? 'depositDate', query.order ?? 'desc', 'desc'), query.page, query.pageSize);
  }

  private dossiersFor(sirens: readonly string[], query: DossierQuery): DossierPage {
    const q = query.q?.trim().toLowerCase();
    const rows = this.dossiers
      .filter((d) => (query.entity ? [query.entity] : sirens).some((siren) => sirens.includes(siren) && (d.entitySiren === siren || d.trainingBodySiren === siren)))
      .filter((d) => !q || [d.number ?? '', d.title, d.company].some((v) => v.toLowerCase().includes(q)))
      .filter((d) => !query.state?.length || query.state.includes(d.state))
      .map(dossierSummary);
    return paginate(sortRows(rows, query.sort ?? 'start', query.order ?? 'desc', 'asc'), query.page, query.pageSize);
  }
}
