import { Task } from '@lit/task';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { repeat } from 'lit/directives/repeat.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError, isAbort } from '../../api/errors.js';
import type { Derogation, Entity, Upload, UploadKind } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { AKTO_DEPOSIT_SENT, AKTO_ENTITY_SELECT, AKTO_UPLOAD_REQUEST } from '../../core/events.js';
import type { DropTarget } from '../../core/filepond-drop.js';
import { buttons } from '../../core/tokens.js';
import { deleteDraft, loadDraft, saveDraft } from '../../core/drafts.js';
import { readingSlot } from '../../core/limit.js';
import { formatDateTime, formatFileSize, formatSiren } from '../../i18n/index.js';
import { sniffBlob } from '../../rules/file.js';
import { AktoEntityPicker } from '../akto-entity-picker/akto-entity-picker.js';
import { uploadStyles } from './styles.js';

/** One file chosen by the user, and its upload. */
interface FileUpload {
  key: string;
  file: File;
  /** `checking`: read in the browser first (refusals and warnings before any upload). */
  state: 'checking' | 'refused' | 'waiting' | 'uploading' | 'done' | 'failed';
  progress: number;
  upload?: Upload;
  error?: string;
  controller?: AbortController;
  /** Kept across retries, so a retried upload is not stored twice. */
  idempotencyKey: string;
  /** What reading the file in the browser found worth saying (a scan, a credit note…). */
  notes: string[];
}

/** An invoice of the deposit: its file, its two boxes, its supporting documents or derogation. */
interface InvoiceRow extends FileUpload {
  creditNote: boolean;
  salaryCosts: boolean;
  supporting: FileUpload[];
  derogation: Derogation | null;
}

// 10 MB as people count them (the server allows 10 MiB: a file the element accepts always passes).
const DEFAULT_MAX_SIZE = 10_000_000;

/** What step 1 keeps in this browser until the deposit is sent or abandoned (files included). */
interface UploadDraft {
  savedAt: string;
  rows: { file: File; creditNote: boolean; salaryCosts: boolean; derogation: Derogation | null; supporting: File[] }[];
}
const PARALLEL_UPLOADS = 3;
const INVOICE_ACCEPT = 'application/pdf,.pdf';
const SUPPORTING_ACCEPT = 'application/pdf,.pdf,image/png,.png,image/jpeg,.jpg,.jpeg';

let keys = 0;
const fileUpload = (file: File, state: FileUpload['state'] = 'waiting'): FileUpload => ({ key: `f${++keys}`, file, state, progress: 0, idempotencyKey: newIdempotencyKey(), notes: [] });
/** A name with right-to-left marks must not turn the rest of the sentence around. */
const isolate = (name: string) => `\u2068${name}\u2069`;
const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * @summary Step « 1. Dépôt »: the entity, then the invoices (PDF), their boxes, their supporting documents or a derogation, and « Envoyer les documents ».
 *
 * @event akto-entity-select - The user chose the entity the deposit is for.
 * @event akto-upload-request - Before each upload (cancelable): add `headers`, or cancel and `respondWith(promise)` to upload yourself.
 * @event akto-deposit-sent - The deposit was created: `pending` holds the invoices step 2 validates.
 * @event akto-unauthorized - The API answered 401: sign the user in again; nothing chosen is lost.
 *
 * @csspart dropzone - The invoices' drop area.
 * @csspart invoice - Each invoice's row.
 * @csspart send - The « Envoyer les documents » button.
 *
 * @cssproperty --akto-color-primary - Buttons, the drop area when dragging.
 * @cssproperty --akto-color-warning - The missing supporting document warning.
 */
export class AktoInvoiceUpload extends AktoElement {
  static override styles = [...AktoElement.styles, buttons, uploadStyles];
  static override dependencies = { 'akto-entity-picker': AktoEntityPicker };

  /** The entity (SIREN) the deposit is for; when absent, the user picks one (skipped with a single entity). */
  @property({ reflect: true, converter: textAttribute }) entity = '';
  /** The dossier the deposit was started from (« Accès N°2 »): sent with the deposit and shown. */
  @property({ reflect: true, converter: textAttribute }) dossier = '';
  /** The largest invoice or supporting document accepted, in bytes (10 MB by default). */
  @property({ type: Number, attribute: 'max-size' }) maxSize = DEFAULT_MAX_SIZE;
  /** Where to attach a company to the account, for an account with none. */
  @property({ attribute: 'attach-href', converter: textAttribute }) attachHref = '';

  @state() private rows: InvoiceRow[] = [];
  @state() private refusals: string[] = [];
  @state() private picking = false;
  @state() private sending = false;
  @state() private sendError = '';
  @state() private notice = '';
  @state() private announcement = '';
  /** A deposit prepared earlier in this browser and not sent: offered back before anything else is kept. */
  @state() private draft: UploadDraft | null = null;

  /** One idempotency key per deposit attempt, kept until it succeeds: a retried send never deposits twice. */
  private depositKey?: string;
  private dropTarget?: { section: HTMLElement; target: DropTarget };
  private dropModule?: Promise<typeof import('../../core/filepond-drop.js')>;
  private draftChecked = '';
  private draftChecking = '';
  private saveQueued = false;
  private savedSignature = '[]';


  private entities = new Task(this, {
    task: async ([endpoint], { signal }) => (endpoint && this.client ? (await this.client.call('listEntities', { signal })).items : undefined),
    args: () => [this.endpoint] as const,
    onError: (error) => this.reportError(error),
  });

  /** The entity in use: the attribute's, or the only one. */
  private get selected(): Entity | undefined {
    const entities = this.entities.value ?? [];
    return this.entity ? entities.find((e) => e.siren === this.entity) : entities.length === 1 ? entities[0] : undefined;
  }

  private get complete(): boolean {
    return this.rows.length > 0 && this.rows.every((row) => row.state === 'done' && this.hasProof(row) && row.supporting.every((s) => s.state === 'done'));
  }

  private hasProof(row: InvoiceRow): boolean {
    return row.derogation !== null || row.supporting.some((s) => s.state === 'done');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.pump(); // uploads paused by a disconnection go on
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dropTarget?.target.destroy();
    this.dropTarget = undefined;
    // Off the page, nothing uploads: what was under way waits to start again if the element comes back.
    for (const { item } of this.queue) {
      if (item.state !== 'uploading') continue;
      item.state = 'waiting';
      item.controller?.abort();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.syncDropTarget();
    const entity = this.selected?.siren;
    if (entity && this.draftKey && this.draftChecked !== this.draftKey && this.draftChecking !== this.draftKey) void this.checkDraft();
    this.keepDraft();
  }

  /** One draft per endpoint and entity. */
  private get draftKey(): string | undefined {
    const entity = this.selected?.siren;
    return entity && this.endpoint ? `upload|${this.endpoint}|${entity}` : undefined;
  }

  private async checkDraft(): Promise<void> {
    const key = this.draftKey!;
    this.draftChecking = key;
    const draft = await loadDraft<UploadDraft>(key);
    if (draft?.rows.length && key === this.draftKey && !this.rows.length) this.draft = draft;
    this.draftChecked = key; // only now may the current choices be kept (they would overwrite it)
  }

  /** Keeps the files and choices in this browser after each change (a reload can come at any moment). */
  private keepDraft(): void {
    const key = this.draftKey;
    if (!key || this.draft || this.draftChecked !== key) return; // an older draft is still on offer: do not overwrite it
    if (this.saveQueued) return;
    // Only what the user chose is kept: upload progress and states change often and are not saved.
    const kept = this.rows.filter((r) => r.state !== 'refused');
    const signature = JSON.stringify(kept.map((r) => [r.key, r.creditNote, r.salaryCosts, r.derogation, r.supporting.map((s) => s.key)]));
    if (signature === this.savedSignature) return;
    this.saveQueued = true;
    queueMicrotask(() => {
      this.saveQueued = false;
      if (this.draft || this.draftKey !== key) return;
      this.savedSignature = signature;
      const rows = kept;
      if (!rows.length) return void deleteDraft(key);
      const draft: UploadDraft = {
        savedAt: new Date().toISOString(),
        rows: rows.map((r) => ({ file: r.file, creditNote: r.creditNote, salaryCosts: r.salaryCosts, derogation: r.derogation, supporting: r.supporting.map((s) => s.file) })),
      };
      void saveDraft(key, draft);
    });
  }

  private resumeDraft = async (): Promise<void> => {
    const draft = this.draft;
    if (!draft) return;
    this.draft = null;
    await this.addFiles(draft.rows.map((r) => r.file));
    for (const saved of draft.rows) {
      const row = this.rows.find((r) => r.file === saved.file || (r.file.name === saved.file.name && r.file.size === saved.file.size));
      if (!row) continue;
      row.salaryCosts = saved.salaryCosts;
      row.derogation = saved.derogation;
      row.creditNote = saved.creditNote;
      if (saved.supporting.length) await this.addFiles(saved.supporting, row);
    }
    this.rows = [...this.rows];
    this.announcement = this.t.upload.resumed;
  };

  private abandonDraft = (): void => {
    const key = this.draftKey;
    this.draft = null;
    if (key) void deleteDraft(key);
  };

  override render() {
    const t = this.t;
    if (!this.client) return nothing;
    return this.entities.render({
      // A reload keeps what is on screen (and everything the user chose) until the answer comes.
      pending: () => (this.entities.value ? this.renderFor(this.entities.value) : html`<p role="status">${t.entityPicker.loading}</p>`),
      error: (error) => html`<div class="notice error" role="alert">
        <p>${this.errorMessage(error)}</p>
        <button class="button secondary" @click=${() => this.entities.run()}>${t.common.retry}</button>
      </div>`,
      complete: (entities) => (entities ? this.renderFor(entities) : nothing),
    });
  }

  private renderFor(entities: Entity[]): TemplateResult {
    if (entities.length === 0) return this.renderNoEntity();
    const entity = this.selected;
    if (!entity || this.picking)
      return html`<akto-entity-picker .entities=${entities} .value=${this.entity || entity?.siren || ''} @akto-entity-select=${this.onEntitySelect}></akto-entity-picker>`;
    return this.renderUpload(entity, entities.length > 1);
  }

  private renderNoEntity(): TemplateResult {
    const t = this.t.entityPicker;
    return html`<div class="message" role="status">
      <p><strong>${t.none}</strong></p>
      <p>${t.noneHint}</p>
      ${this.attachHref ? html`<p><a href=${this.attachHref}>${t.attach}</a></p>` : nothing}
    </div>`;
  }

  private renderUpload(entity: Entity, canChange: boolean): TemplateResult {
    const t = this.t.upload;
    const loaded = this.rows.filter((r) => r.state === 'done').length;
    return html`<section class="step" aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      <div class="context">
        <span class="entity">${t.forEntity(entity.name, formatSiren(entity.siren))}</span>
        ${canChange ? html`<button class="button quiet" @click=${() => (this.picking = true)}>${this.t.entityPicker.change}</button>` : nothing}
        ${this.dossier ? html`<span class="dossier">${t.forDossier(this.dossier)}</span>` : nothing}
      </div>

      ${this.draft
        ? html`<div class="notice draft" role="status">
            <p>${t.draftFound(this.draft.rows.length, formatDateTime(this.draft.savedAt, this.locale))}</p>
            <button class="button" @click=${this.resumeDraft}>${t.resume}</button>
            <button class="button secondary" @click=${this.abandonDraft}>${t.abandon}</button>
          </div>`
        : nothing}
      <div class="dropzone" part="dropzone" data-kind="invoice" @click=${this.onAreaClick}>
        ${this.uploadIcon()}
        <p class="lead" id="drop-label">${t.dropInvoices}</p>
        <button class="button" type="button" aria-describedby="drop-hint" @click=${(e: Event) => this.pick(e, 'invoices')}>${t.chooseInvoices}</button>
        <p class="hint" id="drop-hint">${t.dropHint(formatFileSize(this.maxSize, this.locale))}</p>
        <input id="invoices" type="file" multiple accept=${INVOICE_ACCEPT} hidden @change=${(e: Event) => this.onInput(e)} />
      </div>

      ${this.refusals.length
        ? html`<div class="refusals" role="alert">
            <h3>${t.refusedHeading}</h3>
            <ul>
              ${this.refusals.map((r) => html`<li>${r}</li>`)}
            </ul>
            <button class="button secondary" @click=${() => (this.refusals = [])}>${t.dismiss}</button>
          </div>`
        : nothing}

      <ul class="invoices" aria-label=${this.t.upload.heading}>
        ${repeat(this.rows, (row) => row.key, (row) => this.renderRow(row))}
      </ul>

      <div class="footer">
        <span class="count">${t.loaded(loaded)}</span>
        <button class="button" part="send" ?disabled=${!this.complete || this.sending} aria-describedby="send-note" @click=${this.send}>${t.send}</button>
      </div>
      <p class="note" id="send-note">${t.thenValidate}${this.rows.length && !this.complete ? html`<br />${t.sendBlocked}` : nothing}</p>
      ${this.sending ? html`<div class="notice info" role="status">${t.sending}</div>` : nothing}
      ${this.sendError
        ? html`<div class="notice error" role="alert">
            <p>${this.sendError}</p>
            <button class="button secondary" @click=${this.send}>${this.t.common.retry}</button>
          </div>`
        : nothing}
      ${this.notice ? html`<div class="notice success" role="status">${this.notice}</div>` : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }

  private renderRow(row: InvoiceRow): TemplateResult {
    const t = this.t.upload;
    const name = row.file.name;
    const proof = this.hasProof(row);
    return html`<li class="invoice" part="invoice" ?data-incomplete=${!proof}>
      <div class="file">
        <bdi class="name">${name}</bdi>
        <span class="size">${t.fileSize} ${formatFileSize(row.file.size, this.locale)}</span>
        ${this.renderState(row)}
        <button class="icon-button" type="button" aria-label=${t.remove(name)} @click=${() => this.removeRow(row)}>${this.trashIcon()}</button>
      </div>
      ${row.state === 'refused' ? html`<p class="row-refusal" role="alert">${row.error}</p>` : nothing}
      ${row.notes.map((note) => html`<p class="row-note">${note}</p>`)}
      ${row.state === 'uploading' ? html`<progress max="100" .value=${Math.round(row.progress * 100)} aria-label=${t.uploading(Math.round(row.progress * 100))}></progress>` : nothing}
      <div class="checks">
        <label><input type="checkbox" .checked=${row.creditNote} @change=${(e: Event) => this.setFlag(row, 'creditNote', e)} />${t.creditNote}</label>
        <label><input type="checkbox" .checked=${row.salaryCosts} @change=${(e: Event) => this.setFlag(row, 'salaryCosts', e)} />${t.salaryCosts}</label>
      </div>
      <div class="supporting">
        <h3 id="supporting-${row.key}">${t.supporting}</h3>
        <div class="dropzone small" data-kind="supporting" data-row=${row.key} @click=${this.onAreaClick}>
          <button class="button secondary" type="button" aria-describedby=${`supporting-hint-${row.key}`} @click=${(e: Event) => this.pick(e, `supporting-${row.key}-input`)}>
            ${t.addSupporting}
          </button>
          <span class="hint" id=${`supporting-hint-${row.key}`}>${t.dropSupporting} · ${t.supportingHint}</span>
          <input id=${`supporting-${row.key}-input`} type="file" multiple accept=${SUPPORTING_ACCEPT} hidden @change=${(e: Event) => this.onInput(e, row)} />
        </div>
        ${row.supporting.length
          ? html`<ul aria-labelledby=${`supporting-${row.key}`}>
              ${repeat(
                row.supporting,
                (s) => s.key,
                (s) => html`<li>
                  <bdi class="name">${s.file.name}</bdi>
                  <span class="size">${formatFileSize(s.file.size, this.locale)}</span>
                  ${this.renderState(s)}
                  <button class="icon-button" type="button" aria-label=${t.remove(s.file.name)} @click=${() => this.removeSupporting(row, s)}>${this.trashIcon()}</button>
                </li>`,
              )}
            </ul>`
          : nothing}
        <fieldset class="derogations">
          <legend>${t.derogationLegend}</legend>
          <label><input type="checkbox" .checked=${row.derogation === 'adherent'} @change=${(e: Event) => this.setDerogation(row, 'adherent', e)} />${t.derogationAdherent}</label>
          <label><input type="checkbox" .checked=${row.derogation === 'cfa-of'} @change=${(e: Event) => this.setDerogation(row, 'cfa-of', e)} />${t.derogationCfaOf}</label>
        </fieldset>
        ${proof ? nothing : html`<p class="missing">${this.warningIcon()}${t.missingSupporting}</p>`}
      </div>
    </li>`;
  }

  private renderState(item: FileUpload): TemplateResult {
    const t = this.t.upload;
    switch (item.state) {
      case 'checking':
        return html`<span class="state">${t.checking}</span>`;
      case 'refused':
        return html`<span class="state failed">${t.refused}</span>`;
      case 'waiting':
        return html`<span class="state">${t.waiting}</span>`;
      case 'uploading':
        return html`<span class="state">${t.uploading(Math.round(item.progress * 100))}</span>`;
      case 'done':
        return html`<span class="state done">${t.uploaded}</span>`;
      case 'failed':
        return html`<span class="state failed">${t.uploadFailed(item.error ?? '')}</span>
          <button class="button secondary" type="button" aria-label=${t.retry(item.file.name)} @click=${() => this.retryUpload(item)}>${this.t.common.retry}</button>`;
    }
  }

  private uploadIcon(): TemplateResult {
    return html`<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">${svg`<path d="M12 16V4m0 0l-5 5m5-5l5 5M4 20h16" fill="none" stroke="currentColor" stroke-width="2"/>`}</svg>`;
  }

  private trashIcon(): TemplateResult {
    return html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">${svg`<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" fill="none" stroke="currentColor" stroke-width="2"/>`}</svg>`;
  }

  private warningIcon(): TemplateResult {
    return html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${svg`<path d="M8 2l6.5 12h-13z" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 6.5v3.5M8 11.5v1.2" stroke="currentColor" stroke-width="1.6"/>`}</svg>`;
  }

  // ---- choosing files ---------------------------------------------------------------------------

  private onEntitySelect = (event: CustomEvent<{ entity: Entity }>): void => {
    event.stopPropagation();
    this.picking = false;
    this.entity = event.detail.entity.siren;
    this.emit(AKTO_ENTITY_SELECT, { entity: event.detail.entity });
  };

  /** A click anywhere in a drop area opens its file picker, as the guide's « cliquez » says. */
  private onAreaClick = (event: Event): void => {
    const area = event.currentTarget as HTMLElement;
    if ((event.target as HTMLElement).closest('button, input, a')) return;
    area.querySelector<HTMLInputElement>('input[type=file]:not(.filepond--browser)')?.click();
  };

  private pick(event: Event, inputId: string): void {
    event.stopPropagation();
    this.shadowRoot!.getElementById(inputId)?.click();
  }

  private onInput(event: Event, row?: InvoiceRow): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again after a removal
    void this.addFiles(files, row);
  }

  /** Keeps the files that pass the checks, says which were refused and why; the others are untouched. */
  async addFiles(files: File[], row?: InvoiceRow): Promise<void> {
    // New files while an unsent deposit is on offer: it is taken back first, so nothing is lost.
    if (this.draft && !row) await this.resumeDraft();
    const t = this.t.upload;
    const max = formatFileSize(this.maxSize, this.locale);
    const isolated = (file: File) => isolate(file.name);
    const existing = row ? row.supporting.map((s) => s.file) : this.rows.map((r) => r.file);
    const accepted: File[] = [];
    const refused: string[] = [];
    // Supporting documents are told apart by their first bytes here; invoices, whose rows show at
    // once, in their check (reading 20 files' first bytes before showing anything takes longer).
    const types = row ? await Promise.all(files.map((file) => (file.size ? sniffBlob(file).catch(() => null) : null))) : [];
    files.forEach((file, i) => {
      const type = types[i];
      if (file.size === 0) refused.push(t.refusal.empty(isolated(file)));
      else if (file.size > this.maxSize) refused.push(t.refusal.tooLarge(isolated(file), max));
      else if (row && !type) refused.push(t.refusal.notSupported(isolated(file)));
      else if ([...existing, ...accepted].some((other) => sameFile(other, file))) refused.push(t.refusal.duplicate(isolated(file)));
      else accepted.push(file);
    });
    if (row) row.supporting.push(...accepted.map((file) => fileUpload(file)));
    else {
      const added: InvoiceRow[] = accepted.map((file) => ({ ...fileUpload(file, 'checking'), creditNote: false, salaryCosts: false, supporting: [], derogation: null }));
      this.rows = [...this.rows, ...added];
      // The checks read files and run pdf.js on the main thread: they start a frame after the new
      // rows were painted, so the rows show first.
      requestAnimationFrame(() => requestAnimationFrame(() => added.forEach((invoice) => void this.check(invoice))));
    }
    this.refusals = [...this.refusals, ...refused];
    this.notice = '';
    this.announcement = [accepted.length ? t.added(accepted.length) : '', ...refused].filter(Boolean).join(' ');
    this.requestUpdate();
    this.pump();
  }

  /**
   * Reads the invoice in the browser before uploading it (its own chunk, with pdf.js): a
   * password-protected or damaged PDF is refused on its row, a scan gets a warning, a credit
   * note ticks « Ce document est-il un avoir ? ». The row shows at once; the upload waits.
   */
  private async check(row: InvoiceRow): Promise<void> {
    const t = this.t.upload;
    // Not a PDF whatever its name says (its first bytes): taken off with the other refusals.
    if ((await sniffBlob(row.file).catch(() => null)) !== 'application/pdf') {
      if (row.state !== 'checking') return;
      this.rows = this.rows.filter((r) => r !== row);
      this.refusals = [...this.refusals, t.refusal.notPdf(isolate(row.file.name))];
      this.announcement = this.refusals.at(-1)!;
      return;
    }
    try {
      // A few readings at a time: 200 files dropped at once must not freeze the page.
      const reading = await readingSlot(async () => {
        if (row.state !== 'checking') return null; // removed while waiting
        const { readInvoice } = await import('../../reader/index.js');
        return readInvoice(row.file);
      });
      if (!reading) return;
      if (row.state !== 'checking') return; // removed meanwhile
      if (reading.status === 'encrypted' || reading.status === 'damaged') {
        row.state = 'refused';
        row.error = reading.status === 'encrypted' ? t.refusal.encrypted(row.file.name) : t.refusal.damaged(row.file.name);
        this.announcement = row.error;
      } else {
        if (reading.status === 'scan') row.notes.push(t.scanWarning);
        if (reading.notAnInvoice) row.notes.push(t.notAnInvoice);
        if (reading.creditNote) {
          row.creditNote = true;
          row.notes.push(t.creditNoteRead);
        }
        row.state = 'waiting';
      }
    } catch {
      if (row.state === 'checking') row.state = 'waiting'; // the reader could not load: the server checks the file
    }
    this.requestUpdate();
    this.pump();
  }

  /**
   * The step gets FilePond's drag and drop once its chunk is loaded: one instance over the whole
   * step, files routed to the drop zone they were dropped on (a row's supporting documents, else
   * the invoices).
   */
  private async syncDropTarget(): Promise<void> {
    const section = this.shadowRoot?.querySelector<HTMLElement>('section.step') ?? null;
    if (this.dropTarget && this.dropTarget.section !== section) {
      this.dropTarget.target.destroy();
      this.dropTarget = undefined;
    }
    if (!section || this.dropTarget) return;
    this.dropModule ??= import('../../core/filepond-drop.js');
    const { attachDrop } = await this.dropModule;
    if (!section.isConnected || this.dropTarget) return;
    const target = attachDrop(
      section,
      (files, point) => {
        const zone = this.zoneAt(point);
        const row = zone?.dataset.kind === 'supporting' ? this.rows.find((r) => r.key === zone.dataset.row) : undefined;
        void this.addFiles(files, row);
      },
      (point) => {
        const zone = point && this.zoneAt(point);
        for (const area of this.shadowRoot!.querySelectorAll<HTMLElement>('.dropzone')) area.toggleAttribute('data-dragging', area === (zone ?? this.invoiceZone));
        if (!point) for (const area of this.shadowRoot!.querySelectorAll<HTMLElement>('.dropzone')) area.removeAttribute('data-dragging');
      },
    );
    this.dropTarget = { section, target };
  }

  private get invoiceZone(): HTMLElement | null {
    return this.shadowRoot!.querySelector<HTMLElement>('.dropzone[data-kind="invoice"]');
  }

  /** The drop zone under a point (beneath FilePond's invisible layer). */
  private zoneAt(point: { x: number; y: number }): HTMLElement | null {
    return (this.shadowRoot!.elementsFromPoint(point.x, point.y).find((e) => e.classList.contains('dropzone')) as HTMLElement | undefined) ?? null;
  }

  // ---- the row's choices ------------------------------------------------------------------------

  private setFlag(row: InvoiceRow, flag: 'creditNote' | 'salaryCosts', event: Event): void {
    row[flag] = (event.target as HTMLInputElement).checked;
    this.requestUpdate();
  }

  /** The two derogation boxes exclude each other: ticking one unticks the other. */
  private setDerogation(row: InvoiceRow, derogation: Derogation, event: Event): void {
    row.derogation = (event.target as HTMLInputElement).checked ? derogation : row.derogation === derogation ? null : row.derogation;
    this.requestUpdate();
  }

  private removeRow(row: InvoiceRow): void {
    this.discard(row);
    row.supporting.forEach((s) => this.discard(s));
    this.rows = this.rows.filter((r) => r !== row);
    this.announcement = this.t.upload.removed(row.file.name);
    this.focusAfterRemoval();
  }

  private removeSupporting(row: InvoiceRow, item: FileUpload): void {
    this.discard(item);
    row.supporting = row.supporting.filter((s) => s !== item);
    this.announcement = this.t.upload.removed(item.file.name);
    this.requestUpdate();
  }

  /**
   * Cancels an upload under way, or deletes one already stored. The removal is the user's and is
   * done whatever the server answers: an upload no deposit names is never sent to AKTO. Only a
   * 401 is worth telling (to the host).
   */
  private discard(item: FileUpload): void {
    item.controller?.abort();
    if (item.upload) void this.client?.call('deleteUpload', { params: { uploadId: item.upload.id } }).catch((error) => this.reportError(error));
  }

  /** After a removal, focus goes to the drop area's button rather than getting lost. */
  private focusAfterRemoval(): void {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLButtonElement>('.dropzone[data-kind="invoice"] button')?.focus());
  }

  // ---- uploads ------------------------------------------------------------------------------------

  private get queue(): { item: FileUpload; kind: UploadKind }[] {
    return this.rows.flatMap((row) => [{ item: row as FileUpload, kind: 'invoice' as const }, ...row.supporting.map((item) => ({ item, kind: 'supporting' as const }))]);
  }

  /** Starts waiting uploads, a few at a time (200 files do not open 200 connections). */
  private pump(): void {
    if (!this.isConnected) return;
    const queue = this.queue;
    let running = queue.filter(({ item }) => item.state === 'uploading').length;
    for (const { item, kind } of queue) {
      if (running >= PARALLEL_UPLOADS) break;
      if (item.state !== 'waiting') continue;
      running++;
      void this.upload(item, kind);
    }
  }

  private async upload(item: FileUpload, kind: UploadKind): Promise<void> {
    const client = this.client;
    if (!client) return;
    item.state = 'uploading';
    item.progress = 0;
    item.error = undefined;
    item.controller = new AbortController();
    this.requestUpdate();
    const headers: Record<string, string> = {};
    let hosted: Promise<Upload> | undefined;
    const ours = this.emit(AKTO_UPLOAD_REQUEST, { file: item.file, kind, headers, respondWith: (upload) => (hosted = upload) }, { cancelable: true });
    try {
      if (ours) {
        item.upload = await client.upload(item.file, kind, item.file.name, {
          signal: item.controller.signal,
          headers,
          idempotencyKey: item.idempotencyKey,
          onProgress: (fraction) => {
            item.progress = fraction;
            this.requestUpdate();
          },
        });
      } else if (hosted) {
        item.upload = await hosted;
      } else {
        throw new Error(this.t.upload.hostTookOver);
      }
      item.state = 'done';
      item.progress = 1;
    } catch (error) {
      if (isAbort(error) && item.controller.signal.aborted) return; // removed by the user, or the element left the page
      item.state = 'failed';
      item.error = error instanceof ApiError ? this.errorMessage(error) : error instanceof Error ? error.message : this.t.errors.http;
      this.reportError(error);
      this.announcement = this.t.upload.uploadFailedOf(item.file.name, item.error);
    } finally {
      this.requestUpdate();
      this.pump();
    }
  }

  private retryUpload(item: FileUpload): void {
    item.state = 'waiting';
    this.requestUpdate();
    this.pump();
  }

  // ---- sending -----------------------------------------------------------------------------------

  private send = async (): Promise<void> => {
    const entity = this.selected;
    const client = this.client;
    if (this.sending || !this.complete || !entity || !client) return; // a double click sends once
    this.sending = true;
    this.sendError = '';
    this.depositKey ??= newIdempotencyKey();
    const rows = this.rows;
    try {
      const deposit = await client.call('createDeposit', {
        params: { siren: entity.siren },
        idempotencyKey: this.depositKey,
        body: {
          dossier: this.dossier || undefined,
          invoices: rows.map((row) => ({
            uploadId: row.upload!.id,
            creditNote: row.creditNote,
            salaryCosts: row.salaryCosts,
            supportingUploadIds: row.supporting.filter((s) => s.upload).map((s) => s.upload!.id),
            derogation: row.derogation,
          })),
        },
      });
      this.depositKey = undefined;
      if (this.draftKey) void deleteDraft(this.draftKey);
      this.rows = [];
      this.refusals = [];
      this.notice = this.t.upload.sent(deposit.pending.length);
      this.emit(AKTO_DEPOSIT_SENT, { deposit, pending: deposit.pending });
    } catch (error) {
      // Everything the user chose stays: files, boxes, supporting documents. « Réessayer » sends
      // again with the same key, so a deposit that did reach the server is not made twice.
      this.sendError = this.errorMessage(error);
      this.reportError(error);
    } finally {
      this.sending = false;
    }
  };
}
