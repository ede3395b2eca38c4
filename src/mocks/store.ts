/**
 * The mock backend's state and behaviour: what a real AKTO server would store and check.
 * It validates with the same rules as the elements, reads deposited PDFs for their fields,
 * and never invents a value it did not read.
 */
import type {
  Deposit,
  DepositRequest,
  DossierDetail,
  DossierPage,
  DossierQuery,
  DossierSummary,
  Entity,
  InvoiceDetail,
  InvoiceFields,
  InvoicePage,
  InvoiceQuery,
  InvoiceSummary,
  LinkedDossier,
  PendingInvoice,
  SiretLookup,
  Upload,
  UploadKind,
  ValidationRequest,
} from '../api/schemas.js';
import { sniffFileType } from '../rules/file.js';
import { checkAmounts, checkDossierList, checkDossierNumber, checkInvoiceDate, checkInvoiceNumber, checkSiret, fail, type RuleResult } from '../rules/index.js';
import { MockProblem } from './problems.js';
import { ENTITIES, SIRET_REGISTER, seedDossiers, seedInvoices } from './seed.js';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

type StoredDossier = ReturnType<typeof seedDossiers>[number];
type StoredInvoice = InvoiceDetail & { siret: string | null; pdf: ArrayBuffer | null };
interface StoredUpload extends Upload {
  bytes: ArrayBuffer;
  usedBy: string | null;
}
type StoredPending = PendingInvoice & { uploadId: string; pdf: ArrayBuffer | null; depositId: string };

/** What the server reads from an uploaded PDF. The mock uses the project's own reader. */
export type FieldReader = (pdf: ArrayBuffer) => Promise<Partial<InvoiceFields> & { creditNote?: boolean }>;

export interface StoreOptions {
  /** The SIRENs the signed-in account manages; all the seeded entities by default. */
  entities?: readonly string[];
  /** How many invoices of generated history, beyond the guide's own. */
  invoiceCount?: number;
  /** Reads the fields from a deposited PDF; without one, every field is left for the user. */
  readFields?: FieldReader;
  /** The clock, for « Envoyé le » and deposit dates. */
  now?: () => Date;
}

const sum = <T extends { ok: boolean }>(results: Record<string, T>) => Object.entries(results).filter(([, r]) => !r.ok) as [string, Extract<T, { ok: false }>][];

export class MockStore {
  entities: Entity[] = [];
  invoices: StoredInvoice[] = [];
  dossiers: StoredDossier[] = [];
  uploads = new Map<string, StoredUpload>();
  pending = new Map<string, StoredPending>();
  siretRegister = new Map<string, { name: string; active: boolean }>();
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  requiredToken: string | null = null;
  private idempotent = new Map<string, Promise<{ status: number }>>();
  private counter = 0;

  constructor(private options: StoreOptions = {}) {
    this.reset();
  }

  /** Back to the seeded state. */
  reset(options: StoreOptions = this.options): void {
    this.options = options;
    const managed = options.entities ?? ENTITIES.map((e) => e.siren);
    this.entities = ENTITIES.filter((e) => managed.includes(e.siren));
    this.dossiers = seedDossiers();
    const trainingBodySirets: Record<string, string> = { '824092688': '82409268800236', '884884057': '88488405700016', '509871232': '50987123200013' };
    this.invoices = seedInvoices(options.invoiceCount).map((invoice) => {
      const dossier = this.dossiers.find((d) => d.number === invoice.dossiers[0]);
      return { ...invoice, siret: (dossier && trainingBodySirets[dossier.trainingBodySiren]) ?? null, pdf: null };
    });
    this.siretRegister = new Map(SIRET_REGISTER.map(({ siret, ...rest }) => [siret, rest]));
    this.uploads.clear();
    this.pending.clear();
    this.idempotent.clear();
    this.requiredToken = null;
    this.counter = 0;
    this.seedPending();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${String(this.counter).padStart(5, '0')}`;
  }

  /** The two invoices of the guide's validation screen, deposited by AFPA ENTREPRISES and not yet validated. */
  private seedPending(): void {
    if (!this.entities.some((e) => e.siren === '824092688')) return;
    const found = ['2103DCA22581', '2105DCA45238', '2106DCA56306', '2105DCA45217', '2103DCA25376', '2103DCA22645'];
    const rows: [string, InvoiceFields][] = [
      ['facture-202101085.pdf', { invoiceNumber: '202101085', amountHT: 28043.28, amountTTC: 28043.28, dossiers: found, invoiceDate: '2021-07-30', siret: '88488405700016' }],
      ['facture-zseflezzezf3z2123.pdf', { invoiceNumber: 'zseflezzezf3z2123', amountHT: 28043.23, amountTTC: 28043.23, dossiers: ['1451450'], invoiceDate: '2015-07-30', siret: '82409268800236' }],
    ];
    for (const [fileName, fields] of rows) {
      const id = this.nextId('pending');
      this.pending.set(id, { id, entitySiren: '824092688', fileName, sentAt: '2022-06-26T13:23:53Z', creditNote: false, salaryCosts: false, fromDossier: null, hasPdf: false, fields, uploadId: '', pdf: null, depositId: 'seed' });
    }
  }

  // ---- idempotency ---------------------------------------------------------------------------

  /** Replays the answer of an earlier request with the same key, as the contract promises. */
  once<T extends { status: number }>(key: string | null, run: () => Promise<T>): Promise<T> {
    if (!key) return run();
    // The promise is kept, not the result: a second request arriving mid-way waits for the first.
    if (!this.idempotent.has(key)) {
      const result = run();
      this.idempotent.set(key, result);
      result.catch(() => this.idempotent.delete(key)); // a failure may be retried with the same key
    }
    return this.idempotent.get(key) as Promise<T>;
  }

  // ---- entities --------------------------------------------------------------------------------

  entity(siren: string): Entity {
    const entity = this.entities.find((e) => e.siren === siren);
    if (!entity) throw new MockProblem('entity-not-found');
    return entity;
  }

  /** Dossiers an entity can invoice against: as the company, or as the training body. */
  dossiersOf(siren: string): StoredDossier[] {
    return this.dossiers.filter((d) => d.entitySiren === siren || d.trainingBodySiren === siren);
  }

  // ---- invoices --------------------------------------------------------------------------------

  listInvoices(query: InvoiceQuery): InvoicePage {
    const managed = new Set(this.entities.map((e) => e.siren));
    const all: InvoiceSummary[] = [...this.invoices.map(summary), ...[...this.pending.values()].map(pendingSummary)].filter((i) => managed.has(i.entitySiren));
    const q = query.q?.trim().toLowerCase();
    const rows = all.filter(
      (i) =>
        (!q || i.reference.toLowerCase().includes(q) || i.dossiers.some((d) => d.toLowerCase().includes(q))) &&
        (!query.status?.length || query.status.includes(i.status)) &&
        (!query.entity || i.entitySiren === query.entity) &&
        inRange(i.issueDate, query.issuedFrom, query.issuedTo) &&
        inRange(i.depositDate, query.depositedFrom, query.depositedTo),
    );
    return paginate(sortBy(rows, query.sort ?? 'depositDate', query.order ?? 'desc', (a, b) => b.id.localeCompare(a.id)), query.page, query.pageSize);
  }

  getInvoice(id: string): StoredInvoice {
    const invoice = this.invoices.find((i) => i.id === id && this.entities.some((e) => e.siren === i.entitySiren));
    if (invoice) return invoice;
    const pending = this.pending.get(id);
    if (pending && this.entities.some((e) => e.siren === pending.entitySiren)) {
      const fields = pending.fields;
      return {
        ...pendingSummary(pending),
        amountTVA: fields.amountHT !== null && fields.amountTTC !== null ? round(fields.amountTTC - fields.amountHT) : null,
        receivedDate: pending.sentAt.slice(0, 10),
        creditNote: pending.creditNote,
        iban: null,
        hasPdf: pending.pdf !== null,
        linkedDossiers: this.linked(fields.dossiers),
        siret: fields.siret,
        pdf: pending.pdf,
      };
    }
    throw new MockProblem('invoice-not-found');
  }

  invoicePdf(id: string): ArrayBuffer {
    const pdf = this.getInvoice(id).pdf;
    if (!pdf) throw new MockProblem('pdf-not-found');
    return pdf;
  }

  private linked(numbers: string[]): LinkedDossier[] {
    return numbers.flatMap((number) => {
      const dossier = this.dossiers.find((d) => d.number === number);
      return dossier ? [{ number, ...dossier.linked }] : [];
    });
  }

  // ---- uploads ---------------------------------------------------------------------------------

  /** Checks the bytes the way a server must: by content, never by name or declared type. */
  async createUploadFrom(file: File | null, kind: string | null): Promise<Upload> {
    if (!file || (kind !== 'invoice' && kind !== 'supporting')) throw new MockProblem('bad-request');
    if (file.size === 0) throw new MockProblem('upload-empty');
    if (file.size > MAX_UPLOAD_BYTES) throw new MockProblem('upload-too-large');
    const bytes = await file.arrayBuffer();
    const type = sniff(bytes);
    if (kind === 'invoice' && type !== 'application/pdf') throw new MockProblem('upload-not-pdf');
    if (kind === 'supporting' && !type) throw new MockProblem('upload-bad-type');
    const upload: StoredUpload = { id: this.nextId('upload'), name: file.name, size: file.size, type: type!, kind, createdAt: this.now().toISOString(), bytes, usedBy: null };
    this.uploads.set(upload.id, upload);
    return publicUpload(upload);
  }

  deleteUpload(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) throw new MockProblem('upload-not-found');
    if (upload.usedBy) throw new MockProblem('upload-in-use');
    this.uploads.delete(id);
  }

  // ---- deposits and pending invoices ---------------------------------------------------------

  async createDeposit(siren: string, request: DepositRequest): Promise<Deposit> {
    this.entity(siren);
    const errors: { field: string; code: string; message: { fr: string; en: string } }[] = [];
    if (request.dossier !== undefined) {
      const number = checkDossierNumber(request.dossier);
      if (!number.ok) errors.push({ field: 'dossier', code: number.code, message: number.message });
      else if (!this.dossiersOf(siren).some((d) => d.number === number.value)) errors.push({ field: 'dossier', ...failure('dossierUnknown') });
    }
    request.invoices.forEach((invoice, i) => {
      const upload = this.uploads.get(invoice.uploadId);
      if (!upload || upload.kind !== 'invoice' || upload.usedBy) errors.push({ field: `invoices.${i}.uploadId`, code: 'upload-unavailable', message: { fr: "Ce fichier n'est plus disponible : ajoutez-le de nouveau.", en: 'This file is no longer available: add it again.' } });
      for (const [j, id] of invoice.supportingUploadIds.entries()) {
        const supporting = this.uploads.get(id);
        if (!supporting || supporting.kind !== 'supporting' || supporting.usedBy) errors.push({ field: `invoices.${i}.supportingUploadIds.${j}`, code: 'upload-unavailable', message: { fr: "Cette pièce justificative n'est plus disponible : ajoutez-la de nouveau.", en: 'This supporting document is no longer available: add it again.' } });
      }
      if (!invoice.supportingUploadIds.length && !invoice.derogation)
        errors.push({ field: `invoices.${i}.supportingUploadIds`, code: 'supporting-missing', message: { fr: 'Vous devez ajouter la pièce justificative pour ce document', en: 'You must add the supporting document for this invoice' } });
    });
    if (errors.length) throw new MockProblem('deposit-invalid', errors);

    const depositId = this.nextId('deposit');
    const sentAt = this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const pending: StoredPending[] = [];
    for (const invoice of request.invoices) {
      const upload = this.uploads.get(invoice.uploadId)!;
      const read: Awaited<ReturnType<FieldReader>> = this.options.readFields ? await this.options.readFields(upload.bytes).catch(() => ({})) : {};
      const found = (read.dossiers ?? []).filter((d) => checkDossierNumber(d).ok);
      const dossiers = [...new Set([...(request.dossier ? [request.dossier] : []), ...found])];
      const fields: InvoiceFields = {
        invoiceNumber: read.invoiceNumber ?? null,
        amountHT: read.amountHT ?? null,
        amountTTC: read.amountTTC ?? null,
        dossiers,
        invoiceDate: read.invoiceDate ?? null,
        siret: read.siret ?? null,
      };
      const item: StoredPending = {
        id: this.nextId('pending'),
        entitySiren: siren,
        fileName: upload.name,
        sentAt,
        creditNote: invoice.creditNote,
        salaryCosts: invoice.salaryCosts,
        fromDossier: request.dossier ?? null,
        hasPdf: true,
        fields,
        uploadId: upload.id,
        pdf: upload.bytes,
        depositId,
      };
      upload.usedBy = depositId;
      for (const id of invoice.supportingUploadIds) this.uploads.get(id)!.usedBy = depositId;
      this.pending.set(item.id, item);
      pending.push(item);
    }
    return { id: depositId, entitySiren: siren, pending: pending.map(publicPending) };
  }

  listPending(siren: string): PendingInvoice[] {
    this.entity(siren);
    return [...this.pending.values()].filter((p) => p.entitySiren === siren).map(publicPending);
  }

  private pendingOf(id: string): StoredPending {
    const item = this.pending.get(id);
    if (!item || !this.entities.some((e) => e.siren === item.entitySiren)) throw new MockProblem('invoice-not-found');
    return item;
  }

  pendingPdf(id: string): ArrayBuffer {
    const item = this.pendingOf(id);
    if (!item.pdf) throw new MockProblem('pdf-not-found');
    return item.pdf;
  }

  deletePending(id: string): void {
    const item = this.pendingOf(id);
    this.pending.delete(id);
    if (item.uploadId) this.uploads.delete(item.uploadId);
  }

  /** « Valider »: the rules A–F, INSEE, the entity's dossiers and duplicates, then the invoice list. */
  validate(id: string, request: ValidationRequest): InvoiceSummary {
    const item = this.pendingOf(id);
    const creditNote = request.creditNote ?? item.creditNote;
    const amounts = checkAmounts(request.amountHT, request.amountTTC, { creditNote });
    const results: Record<string, RuleResult<unknown>> = {
      invoiceNumber: checkInvoiceNumber(request.invoiceNumber),
      amountHT: amounts.amountHT,
      amountTTC: amounts.amountTTC,
      dossiers: this.checkDossiers(item.entitySiren, request.dossiers),
      invoiceDate: checkInvoiceDate(request.invoiceDate, { depositDate: item.sentAt.slice(0, 10) }),
      siret: this.checkRegisteredSiret(request.siret),
    };
    const failed = sum(results);
    const duplicate = this.invoices.find((i) => i.reference === request.invoiceNumber.trim() && i.siret === request.siret);
    if (duplicate && !failed.some(([field]) => field === 'invoiceNumber')) {
      const date = duplicate.depositDate.split('-').reverse().join('/');
      failed.push(['invoiceNumber', fail('invoiceDuplicate', { fr: `Une facture portant ce numéro et ce SIRET a déjà été déposée le ${date}.`, en: `An invoice with this number and SIRET was already deposited on ${date}.` }) as Extract<RuleResult<unknown>, { ok: false }>]);
    }
    if (failed.length)
      throw new MockProblem(
        'validation',
        failed.map(([field, r]) => ({ field, code: r.code, message: r.message })),
        duplicate ? { duplicateOf: { invoiceId: duplicate.id, depositDate: duplicate.depositDate } } : {},
      );

    const invoice: StoredInvoice = {
      id: this.nextId('inv'),
      reference: request.invoiceNumber.trim(),
      entitySiren: item.entitySiren,
      issueDate: request.invoiceDate,
      depositDate: item.sentAt.slice(0, 10),
      amountHT: request.amountHT,
      amountTTC: request.amountTTC,
      amountTVA: round(request.amountTTC - request.amountHT),
      status: 'en-cours-analyse',
      transferNumber: null,
      transferDate: null,
      dossiers: request.dossiers,
      receivedDate: item.sentAt.slice(0, 10),
      creditNote,
      iban: null,
      hasPdf: item.pdf !== null,
      linkedDossiers: this.linked(request.dossiers),
      siret: request.siret,
      pdf: item.pdf,
    };
    this.invoices.push(invoice);
    this.pending.delete(id);
    return summary(invoice);
  }

  private checkDossiers(siren: string, numbers: string[]): RuleResult<string[]> {
    const list = checkDossierList(numbers);
    if (!list.ok) return list;
    const known = new Set(this.dossiersOf(siren).map((d) => d.number));
    return list.value.every((n) => known.has(n)) ? list : fail('dossierUnknown');
  }

  private checkRegisteredSiret(input: string): RuleResult<string> {
    const format = checkSiret(input);
    if (!format.ok) return format;
    const entry = this.siretRegister.get(format.value);
    if (!entry) return fail('siretUnknown');
    return entry.active ? format : fail('siretClosed');
  }

  // ---- dossiers and SIRET ----------------------------------------------------------------------

  listDossiers(query: DossierQuery): DossierPage {
    const managed = this.entities.map((e) => e.siren);
    const q = query.q?.trim().toLowerCase();
    const rows = this.dossiers
      .filter((d) => (query.entity ? [query.entity] : managed).some((siren) => d.entitySiren === siren || d.trainingBodySiren === siren))
      .filter((d) => !q || [d.number ?? '', d.title, d.company].some((v) => v.toLowerCase().includes(q)))
      .filter((d) => !query.state?.length || query.state.includes(d.state))
      .map(dossierSummary);
    return paginate(sortBy(rows, query.sort ?? 'start', query.order ?? 'desc', (a, b) => a.id.localeCompare(b.id)), query.page, query.pageSize);
  }

  getDossier(id: string): DossierDetail {
    const managed = this.entities.map((e) => e.siren);
    const dossier = this.dossiers.find((d) => d.id === id && managed.some((s) => d.entitySiren === s || d.trainingBodySiren === s));
    if (!dossier) throw new MockProblem('dossier-not-found');
    const { trainingBodySiren: _body, linked: _linked, ...detail } = dossier;
    return detail;
  }

  lookupSiret(siret: string): SiretLookup {
    const checked = checkSiret(siret);
    if (!checked.ok) throw new MockProblem('validation', [{ field: 'siret', code: checked.code, message: checked.message }]);
    const entry = this.siretRegister.get(checked.value);
    if (!entry) throw new MockProblem('siret-unknown');
    return { siret: checked.value, ...entry };
  }
}

function failure(code: 'dossierUnknown') {
  const f = fail(code);
  return { code: f.code, message: f.message };
}

const round = (n: number) => Math.round(n * 100) / 100;

function summary(i: InvoiceDetail): InvoiceSummary {
  const { id, reference, entitySiren, issueDate, depositDate, amountHT, amountTTC, status, transferNumber, transferDate, dossiers } = i;
  return { id, reference, entitySiren, issueDate, depositDate, amountHT, amountTTC, status, transferNumber, transferDate, dossiers };
}

function pendingSummary(p: PendingInvoice): InvoiceSummary {
  return {
    id: p.id,
    reference: p.fields.invoiceNumber ?? p.fileName,
    entitySiren: p.entitySiren,
    issueDate: p.fields.invoiceDate,
    depositDate: p.sentAt.slice(0, 10),
    amountHT: p.fields.amountHT,
    amountTTC: p.fields.amountTTC,
    status: 'a-valider',
    transferNumber: null,
    transferDate: null,
    dossiers: p.fields.dossiers,
  };
}

function publicPending(p: StoredPending): PendingInvoice {
  const { uploadId: _u, pdf: _p, depositId: _d, ...rest } = p;
  return structuredClone(rest);
}

function publicUpload(u: StoredUpload): Upload {
  const { bytes: _b, usedBy: _u, ...rest } = u;
  return rest;
}

function dossierSummary(d: StoredDossier): DossierSummary {
  const { id, number, draftDate, title, start, end, company, entitySiren, state } = d;
  return { id, number, draftDate, title, start, end, company, entitySiren, state };
}

function inRange(value: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!value) return false;
  return (!from || value >= from) && (!to || value <= to);
}

/** Sorts by one key, unknown values last whatever the order, ties broken the same way every time. */
function sortBy<T>(rows: T[], key: keyof T & string, order: 'asc' | 'desc', tie: (a: T, b: T) => number): T[] {
  const direction = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key] as unknown;
    const y = b[key] as unknown;
    if (x === y) return tie(a, b);
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr', { numeric: true });
    return compared === 0 ? tie(a, b) : compared * direction;
  });
}

function paginate<T>(rows: T[], page = 1, pageSize = 20): { items: T[]; total: number; page: number; pageSize: number } {
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageSize };
}

/** The file's real type from its first bytes: PDF, PNG or JPEG; anything else is refused. */
export function sniff(bytes: ArrayBuffer): string | null {
  return sniffFileType(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1024)));
}
