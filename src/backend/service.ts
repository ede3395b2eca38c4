/**
 * What the back end does, once, whatever stores it: the checks a real AKTO server makes (the
 * same field rules as the elements), deposits, validation, duplicates, and every read scoped to
 * the caller's account. It throws ApiProblem; app.ts turns that into problem details.
 */
import type {
  Deposit,
  DepositRequest,
  DocumentList,
  DocumentRequest,
  DossierDocument,
  DossierDetail,
  DossierPage,
  DossierQuery,
  Entity,
  InvoiceDetail,
  InvoiceFields,
  InvoicePage,
  InvoiceQuery,
  InvoiceSummary,
  PendingInvoice,
  Rib,
  RibList,
  RibRequest,
  SiretLookup,
  Transfer,
  Upload,
  UploadKind,
  ValidationRequest,
} from '../api/schemas.js';
import { checkBic, checkHolder, checkIban, type BankResult } from '../rules/bank.js';
import { checkUpload, MAX_UPLOAD_BYTES, sniffFileType } from '../rules/file.js';
import { toLocale } from '../i18n/index.js';
import { bankRuleText, screensFor, type ScreensTranslation } from '../i18n/screens/index.js';
import { checkDossierNumber, checkFields, checkSiret, fail, FIELDS, hasSupportingOrDerogation, type FieldKey, type RuleFailure, type RuleResult } from '../rules/index.js';
import { ApiProblem, ruleProblem, uploadTooLarge, type FieldProblem } from './problems.js';
import { invoiceSummary, pendingSummary, publicDocument, publicPending, publicRib, publicUpload, round, transferOf } from './records.js';
import type { Account, Storage, StoredInvoice, StoredPending, StoredRib, StoredUpload } from './storage.js';

/** The largest file one upload may carry: the rule's « 10 Mo », the widget's default `max-size`. */
export { MAX_UPLOAD_BYTES };

/** What the server reads from an uploaded PDF (the project's own reader, in the page or on Node). */
export type FieldReader = (pdf: ArrayBuffer) => Promise<Partial<InvoiceFields> & { creditNote?: boolean }>;

export interface ServiceOptions {
  /** Reads the fields from a deposited PDF; without one, every field is left for the user. */
  readFields?: FieldReader;
  /** The clock, for « Envoyé le » and deposit dates. */
  now?: () => Date;
  /** The largest file one upload may carry; MAX_UPLOAD_BYTES by default. */
  maxUploadBytes?: number;
}

export class InvoiceService {
  constructor(
    readonly storage: Storage,
    private options: ServiceOptions = {},
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  get maxUploadBytes(): number {
    return this.options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  }

  // ---- entities, invoices ----------------------------------------------------------------------

  async listEntities(account: Account): Promise<{ items: Entity[] }> {
    return { items: await this.storage.findEntities(account.entities) };
  }

  private async entity(account: Account, siren: string): Promise<void> {
    if (!account.entities.includes(siren)) throw new ApiProblem('entity-not-found');
  }

  async listInvoices(account: Account, query: InvoiceQuery): Promise<InvoicePage> {
    if (query.entity && !account.entities.includes(query.entity)) return { items: [], total: 0, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
    return this.storage.invoicePage(account.entities, query);
  }

  /** A validated invoice, or a pending one seen from « Mes factures » (« À valider »). */
  async getInvoice(account: Account, id: string): Promise<InvoiceDetail & { fileId: string | null }> {
    const invoice = await this.storage.getInvoice(account.entities, id);
    if (invoice) {
      const { siret: _s, ...detail } = invoice;
      return detail;
    }
    const pending = await this.pending(account, id);
    const fields = pending.fields;
    return {
      ...pendingSummary(pending),
      amountTVA: fields.amountHT !== null && fields.amountTTC !== null ? round(fields.amountTTC - fields.amountHT) : null,
      receivedDate: pending.sentAt.slice(0, 10),
      creditNote: pending.creditNote,
      iban: null,
      hasPdf: pending.hasPdf,
      linkedDossiers: await this.storage.linkedDossiers(fields.dossiers),
      fileId: pending.uploadId || null,
    };
  }

  async invoicePdf(account: Account, id: string): Promise<Uint8Array> {
    const { fileId } = await this.getInvoice(account, id);
    return this.file(fileId);
  }

  private async file(id: string | null): Promise<Uint8Array> {
    const bytes = id ? await this.storage.readFile(id) : null;
    if (!bytes) throw new ApiProblem('pdf-not-found');
    return bytes;
  }

  // ---- uploads ---------------------------------------------------------------------------------

  /** Checks the bytes the way a server must: by content, never by name or declared type. */
  async createUpload(account: Account, kind: string | null, name: string, bytes: Uint8Array): Promise<Upload> {
    if (kind !== 'invoice' && kind !== 'supporting') throw new ApiProblem('bad-request');
    const type = sniffFileType(bytes.subarray(0, 1024));
    const refusal = checkUpload(kind, bytes.byteLength, type, this.maxUploadBytes);
    if (refusal) throw refusal === 'upload-too-large' ? uploadTooLarge(this.maxUploadBytes) : new ApiProblem(refusal);
    const upload: StoredUpload = {
      id: await this.storage.nextId('upload'),
      name: name.slice(0, 255),
      size: bytes.byteLength,
      type: type!,
      kind: kind as UploadKind,
      createdAt: this.now().toISOString(),
      owner: account.id,
      usedBy: null,
    };
    await this.storage.addUpload(upload, bytes);
    return publicUpload(upload);
  }

  private async upload(account: Account, id: string): Promise<StoredUpload | null> {
    const upload = await this.storage.getUpload(id);
    return upload && upload.owner === account.id ? upload : null;
  }

  async deleteUpload(account: Account, id: string): Promise<void> {
    const upload = await this.upload(account, id);
    if (!upload) throw new ApiProblem('upload-not-found');
    if (upload.usedBy) throw new ApiProblem('upload-in-use');
    await this.storage.deleteUpload(id);
  }

  // ---- deposits and pending invoices ---------------------------------------------------------

  async createDeposit(account: Account, siren: string, request: DepositRequest): Promise<Deposit> {
    await this.entity(account, siren);
    const errors: FieldProblem[] = [];
    if (request.dossier !== undefined) {
      const number = checkDossierNumber(request.dossier);
      if (!number.ok) errors.push(ruleProblem('dossier', number));
      else if (!(await this.storage.dossierNumbersOf(siren)).includes(number.value)) errors.push(ruleProblem('dossier', fail('dossierUnknown')));
    }
    const uploads = new Map<string, StoredUpload>();
    const usable = async (id: string, kind: UploadKind) => {
      const upload = await this.upload(account, id);
      // The same file named twice in one deposit is taken once.
      if (!upload || upload.kind !== kind || upload.usedBy || uploads.has(id)) return false;
      uploads.set(id, upload);
      return true;
    };
    for (const [i, invoice] of request.invoices.entries()) {
      if (!(await usable(invoice.uploadId, 'invoice'))) errors.push({ field: `invoices.${i}.uploadId`, code: 'upload-unavailable', text: (t) => t.fieldProblems.invoiceUnavailable });
      for (const [j, id] of invoice.supportingUploadIds.entries()) {
        if (!(await usable(id, 'supporting'))) errors.push({ field: `invoices.${i}.supportingUploadIds.${j}`, code: 'upload-unavailable', text: (t) => t.fieldProblems.supportingUnavailable });
      }
      if (!hasSupportingOrDerogation({ supporting: invoice.supportingUploadIds.length, derogation: invoice.derogation })) errors.push({ field: `invoices.${i}.supportingUploadIds`, code: 'supporting-missing', text: (t) => t.upload.missingSupporting });
    }
    if (errors.length) throw new ApiProblem('deposit-invalid', errors);

    const depositId = await this.storage.nextId('deposit');
    const sentAt = this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const pending: StoredPending[] = [];
    for (const invoice of request.invoices) {
      const upload = uploads.get(invoice.uploadId)!;
      const fields = await this.readFields(upload.id, request.dossier);
      pending.push({
        id: await this.storage.nextId('pending'),
        entitySiren: siren,
        fileName: upload.name,
        sentAt,
        creditNote: invoice.creditNote,
        salaryCosts: invoice.salaryCosts,
        fromDossier: request.dossier ?? null,
        hasPdf: true,
        fields,
        uploadId: upload.id,
        depositId,
      });
    }
    await this.storage.addDeposit(depositId, pending, [...uploads.keys()]);
    return { id: depositId, entitySiren: siren, pending: pending.map(publicPending) };
  }

  /** The fields A–F read from the PDF; what the reader could not read stays empty, never invented. */
  private async readFields(uploadId: string, fromDossier: string | undefined): Promise<InvoiceFields> {
    const bytes = await this.storage.readFile(uploadId);
    const read: Awaited<ReturnType<FieldReader>> = this.options.readFields && bytes ? await this.options.readFields(bytes.slice().buffer).catch(() => ({})) : {};
    const found = (read.dossiers ?? []).filter((d) => checkDossierNumber(d).ok);
    const fields = Object.fromEntries(FIELDS.map((f) => [f.key, read[f.key] ?? null])) as InvoiceFields;
    return { ...fields, dossiers: [...new Set([...(fromDossier ? [fromDossier] : []), ...found])] };
  }

  async listPending(account: Account, siren: string): Promise<{ items: PendingInvoice[] }> {
    await this.entity(account, siren);
    return { items: (await this.storage.pendingOf(siren)).map(publicPending) };
  }

  private async pending(account: Account, id: string): Promise<StoredPending> {
    const item = await this.storage.getPending(id);
    if (!item || !account.entities.includes(item.entitySiren)) throw new ApiProblem('invoice-not-found');
    return item;
  }

  async pendingPdf(account: Account, id: string): Promise<Uint8Array> {
    return this.file((await this.pending(account, id)).uploadId || null);
  }

  async deletePending(account: Account, id: string): Promise<void> {
    await this.pending(account, id);
    await this.storage.deletePending(id);
  }

  /** « Valider »: the rules A–F, INSEE, the entity's dossiers and duplicates, then « Mes factures ». */
  async validate(account: Account, id: string, request: ValidationRequest): Promise<{ invoice: InvoiceSummary }> {
    const item = await this.pending(account, id);
    const creditNote = request.creditNote ?? item.creditNote;
    // The catalogue's rules A–F, then what only the server knows: the entity's dossiers, INSEE.
    const results: Record<FieldKey, RuleResult<unknown>> = checkFields(request, { creditNote, depositDate: item.sentAt.slice(0, 10) });
    results.dossiers = await this.knownDossiers(item.entitySiren, results.dossiers as RuleResult<string[]>);
    results.siret = await this.registeredSiret(results.siret as RuleResult<string>);
    const failed = Object.entries(results).filter((entry): entry is [string, RuleFailure] => !entry[1].ok);
    const duplicate = await this.storage.findDuplicate(request.invoiceNumber.trim(), request.siret);
    if (duplicate && !failed.some(([field]) => field === 'invoiceNumber')) {
      const date = duplicate.depositDate.split('-').reverse().join('/');
      failed.push(['invoiceNumber', fail('invoiceDuplicate', { date })]);
    }
    if (failed.length)
      throw new ApiProblem(
        'validation',
        failed.map(([field, failure]) => ruleProblem(field, failure)),
        duplicate ? { duplicateOf: { invoiceId: duplicate.id, depositDate: duplicate.depositDate } } : {},
      );

    const invoice: StoredInvoice = {
      id: await this.storage.nextId('inv'),
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
      hasPdf: item.hasPdf,
      linkedDossiers: await this.storage.linkedDossiers(request.dossiers),
      siret: request.siret,
      fileId: item.uploadId || null,
    };
    await this.storage.validatePending(id, invoice);
    return { invoice: invoiceSummary(invoice) };
  }

  private async knownDossiers(siren: string, list: RuleResult<string[]>): Promise<RuleResult<string[]>> {
    if (!list.ok) return list;
    const known = new Set(await this.storage.dossierNumbersOf(siren));
    return list.value.every((n) => known.has(n)) ? list : fail('dossierUnknown');
  }

  private async registeredSiret(format: RuleResult<string>): Promise<RuleResult<string>> {
    if (!format.ok) return format;
    const entry = await this.storage.siret(format.value);
    if (!entry) return fail('siretUnknown');
    return entry.active ? format : fail('siretClosed');
  }

  // ---- dossiers and SIRET ----------------------------------------------------------------------

  async listDossiers(account: Account, query: DossierQuery): Promise<DossierPage> {
    return this.storage.dossierPage(account.entities, query);
  }

  async getDossier(account: Account, id: string): Promise<DossierDetail> {
    const dossier = await this.storage.getDossier(account.entities, id);
    if (!dossier) throw new ApiProblem('dossier-not-found');
    return dossier;
  }

  // ---- transfers, dossier documents, RIBs (issue 16) -------------------------------------------

  /** A transfer the account's entities received: unknown and other accounts' alike answer 404. */
  async getTransfer(account: Account, number: string): Promise<Transfer> {
    const invoices = await this.storage.transferInvoices(account.entities, number);
    if (!invoices.length) throw new ApiProblem('not-found');
    return transferOf(number, invoices);
  }

  async listDocuments(account: Account, dossierId: string): Promise<DocumentList> {
    await this.getDossier(account, dossierId);
    return { items: (await this.storage.documentsOf(dossierId)).map(publicDocument) };
  }

  /** « Déposer un document »: a PDF the account uploaded and has not used yet. */
  async createDocument(account: Account, dossierId: string, request: DocumentRequest): Promise<DossierDocument> {
    await this.getDossier(account, dossierId);
    const upload = await this.freshUpload(account, request.uploadId);
    if (upload.type !== 'application/pdf') throw new ApiProblem('validation', [screensProblem('uploadId', 'upload-not-pdf', (s) => s.fieldProblems.documentNotPdf)]);
    const document = { id: await this.storage.nextId('document'), name: upload.name, kind: request.kind, sentAt: this.sentAt(), dossierId, uploadId: upload.id };
    await this.storage.addDocument(document);
    return publicDocument(document);
  }

  async listRibs(account: Account, siren: string): Promise<RibList> {
    await this.entity(account, siren);
    return { items: (await this.storage.ribsOf(siren)).map(publicRib) };
  }

  /** « Déposer un RIB »: the holder, IBAN (mod 97) and BIC checked by the same rules as the element. */
  async createRib(account: Account, siren: string, request: RibRequest): Promise<Rib> {
    await this.entity(account, siren);
    const errors: FieldProblem[] = [];
    const field = <T>(name: string, result: BankResult<T>): T | null => {
      if (result.ok) return result.value;
      errors.push(screensProblem(name, result.code, (s) => bankRuleText(s, result)));
      return null;
    };
    const holder = field('holder', checkHolder(request.holder));
    const iban = field('iban', checkIban(request.iban));
    const bic = field('bic', checkBic(request.bic));
    const upload = await this.upload(account, request.uploadId);
    if (!upload || upload.kind !== 'supporting' || upload.usedBy) errors.push(screensProblem('uploadId', 'upload-unavailable', (s) => s.fieldProblems.uploadUnavailable));
    if (errors.length) throw new ApiProblem('validation', errors);
    const rib: StoredRib = { id: await this.storage.nextId('rib'), entitySiren: siren, holder: holder!, iban: iban!, bic: bic!, fileName: upload!.name, sentAt: this.sentAt(), status: 'en-cours-verification', uploadId: upload!.id };
    await this.storage.addRib(rib);
    return publicRib(rib);
  }

  /** An upload of the account's, of the supporting kind (PDF or image), not used yet; else a 422 on `uploadId`. */
  private async freshUpload(account: Account, id: string): Promise<StoredUpload> {
    const upload = await this.upload(account, id);
    if (!upload || upload.kind !== 'supporting' || upload.usedBy) throw new ApiProblem('validation', [screensProblem('uploadId', 'upload-unavailable', (s) => s.fieldProblems.uploadUnavailable)]);
    return upload;
  }

  private sentAt(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  async lookupSiret(siret: string): Promise<SiretLookup> {
    const checked = checkSiret(siret);
    if (!checked.ok) throw new ApiProblem('validation', [ruleProblem('siret', checked)]);
    const entry = await this.storage.siret(checked.value);
    if (!entry) throw new ApiProblem('siret-unknown');
    return { siret: checked.value, ...entry };
  }
}

/** A faulty field worded by the screens' translation (src/i18n/screens/), in the caller's language. */
function screensProblem(field: string, code: string, words: (s: ScreensTranslation) => string): FieldProblem {
  return { field, code, text: (t) => words(screensFor(toLocale(t.locale))) };
}
