import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { Derogation, Entity } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { textAttribute } from '../../core/attributes.js';
import { DraftsController } from '../../core/drafts-controller.js';
import { newestDraftKey } from '../../core/drafts.js';
import { DropTargetController } from '../../core/drop-target.js';
import { AKTO_DEPOSIT_SENT, AKTO_ENTITY_SELECT } from '../../core/events.js';
import { buttons } from '../../core/tokens.js';
import { UploadQueueController, UploadTakenOver, type QueuedUpload, type ReadVerdict } from '../../core/upload-queue.js';
import { formatDateTime, formatFileSize, formatSiren, isolate } from '../../i18n/index.js';
import { hasSupportingOrDerogation } from '../../rules/deposit.js';
import { ACCEPT, MAX_UPLOAD_BYTES, sniffBlob, sortChosenFiles, type FileRefusal } from '../../rules/file.js';
import { AktoEntityPicker } from '../akto-entity-picker/akto-entity-picker.js';
import { readBeforeUpload } from './reading.js';
import { depositedInvoice, invoiceRow, isSavedFile, renderRow, savedRow, uploadIcon, type InvoiceRow, type RowContext, type UploadDraft } from './rows.js';
import { uploadStyles } from './styles.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { ApiController } from '../../core/api-controller.js';
import { Configurable } from '../../core/config.js';
import { ENTITY_PICKER_PARTS, exportParts } from '../parts.js';

const PICKER_PARTS = exportParts('picker', ENTITY_PICKER_PARTS);

/** Rows rendered a frame when many files come at once (see `shown`). */
const ROWS_A_FRAME = 25;

/**
 * Whether trying the same request again can succeed: yes after the network, a timeout, a 401 (once
 * signed in again), an answer that broke the contract, or the server's own trouble (5xx, 408, 409,
 * 429); no for a refusal (404, 422…), which would come back the same.
 */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.kind === 'validation') return false;
  if (error.kind !== 'http' || !error.status) return true;
  return error.status >= 500 || [408, 409, 425, 429].includes(error.status);
}

/**
 * Whether a failed send may have made the deposit all the same: its answer was lost (the network, a
 * timeout, an abort), broken (it broke the contract), or the server's own trouble (5xx, 409 « the
 * first request with this key is still running »). A refusal (401, 404, 422…) made nothing.
 */
function mayHaveLanded(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'contract' || error.kind === 'aborted') return true;
  return error.kind === 'http' && (!error.status || error.status >= 500 || error.status === 409);
}

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
 * @csspart picker-base - The entity picker (`<akto-entity-picker>`'s `base`).
 *
 * @cssproperty --akto-color-primary - Buttons, the drop area when dragging.
 * @cssproperty --akto-color-warning - The missing supporting document warning.
 */
export class AktoInvoiceUpload extends Configurable(AktoElement) {
  static override styles = [...AktoElement.styles, buttons, uploadStyles];
  static override dependencies = { 'akto-entity-picker': AktoEntityPicker };

  private l10n = new LocalizeController(this, frSteps);
  private api = new ApiController(this, this.l10n);

  /** The entity (SIREN) the deposit is for; when absent, the user picks one (skipped with a single entity). */
  @property({ reflect: true, converter: textAttribute }) entity = '';
  /** The dossier the deposit was started from (« Accès N°2 »): sent with the deposit and shown. */
  @property({ reflect: true, converter: textAttribute }) dossier = '';
  /** The largest invoice or supporting document accepted, in bytes (10 MB by default). */
  @property({ type: Number, attribute: 'max-size' }) maxSize = MAX_UPLOAD_BYTES;

  @state() private rows: readonly InvoiceRow[] = [];
  /**
   * How many rows are rendered: 200 files dropped at once show ROWS_A_FRAME more each frame (the
   * first screen first), so no task blocks the page; 20 show at once.
   */
  @state() private shown = ROWS_A_FRAME;
  @state() private refusals: string[] = [];
  @state() private picking = false;
  @state() private sending = false;
  /** Why « Envoyer les documents » failed: whether « Réessayer » can help, and whether another entity can (a dossier of another entity). */
  @state() private sendError: { message: string; retry: boolean; wrongEntity: boolean } | null = null;
  @state() private notice = '';
  @state() private announcement = '';
  /** A deposit prepared earlier in this browser and not sent: offered back before anything else is kept. */
  @state() private offer: UploadDraft | null = null;

  /**
   * The idempotency key of the deposit last tried, with the request it was sent with: a retry of
   * the same request keeps it (never deposited twice); a changed request (a file removed, a box
   * ticked) gets a new one, since the server would replay the first answer or refuse the key.
   * While a failed send may have made the deposit (`unsettled`), the request is held as it was:
   * a change would go with a new key and deposit a second time (see holdChanges).
   */
  private depositAttempt?: { key: string; request: string; unsettled?: boolean };
  /** A change the user tried while the request was held: the send error says why it was not made. */
  @state() private changeHeld = false;

  private entities = new Task(this, {
    task: async ([connection], { signal }) => (connection ? this.api.listEntities(signal) : undefined),
    args: () => [this.api.key] as const,
    onError: this.api.reportError,
  });

  /**
   * The entity to start with when none is given and the account has several: the dossier's, for a
   * deposit started from one (a partner's `deposit/<dossier>` link); else the one of the draft this
   * browser kept (after a reload, the deposit is offered back at once). Undefined: the user picks.
   */
  private preselect = new Task(this, {
    task: async ([connection, entity, dossier, scope], { signal }) => {
      const client = this.api.client;
      if (!connection || entity || !client) return undefined;
      const entities = (await this.api.listEntities(signal)) ?? [];
      if (entities.length < 2) return undefined;
      if (dossier) {
        const found = await client.call('getDossier', { params: { dossierId: dossier }, signal }).catch(() => undefined);
        // The dossier's company, else its training body when the account is that body's.
        return entities.find((e) => e.siren === found?.entitySiren) ?? entities.find((e) => e.name === found?.trainingBody);
      }
      const prefix = `upload|${scope}|`;
      const key = scope === undefined ? undefined : await newestDraftKey(prefix, this.api.draftsMaxAgeMs);
      return entities.find((e) => key === prefix + e.siren);
    },
    args: () => [this.api.key, this.entity, this.dossier, this.api.draftScope] as const,
    onComplete: (entity) => {
      if (entity && !this.entity && !this.picking) this.choose(entity);
    },
  });

  private queue = new UploadQueueController(this, {
    client: () => this.api.client,
    read: (item, signal) => this.read(item, signal),
    describe: (error) => (error instanceof UploadTakenOver ? this.l10n.t.upload.hostTookOver : error instanceof ApiError ? this.api.errorMessage(error) : error instanceof Error ? error.message : this.l10n.t.errors.http),
    onError: this.api.reportError,
    onFailed: (item) => (this.announcement = this.l10n.t.upload.uploadFailedOf(item.file.name, item.error ?? '')),
    // A failure said in the status region is replaced once « Réessayer » has uploaded the file.
    onUploaded: (item) => this.retried.delete(item.key) && (this.announcement = this.l10n.t.upload.uploadedOf(item.file.name)),
  });

  /** The files whose upload failed and is tried again: said when uploaded. */
  private retried = new Set<string>();

  /** One draft per endpoint and entity: the files and choices, kept after each change (a reload can come at any moment). */
  private drafts = new DraftsController<UploadDraft>(this, {
    key: () => (this.selected && this.api.draftScope ? `upload|${this.api.draftScope}|${this.selected.siren}` : undefined),
    maxAgeMs: () => this.api.draftsMaxAgeMs,
    onLoad: (draft) => {
      if (draft?.rows.length && !this.rows.length) this.offer = draft;
    },
    value: () => {
      if (this.offer) return undefined; // an older draft is still on offer: do not overwrite it
      // Only what the user chose is kept: upload progress and states change often and are not saved.
      const kept = this.rows.filter((row) => this.item(row.key).state !== 'refused');
      if (!kept.length) return null;
      const attempt = this.depositAttempt;
      return { savedAt: new Date().toISOString(), rows: kept.map((row) => savedRow(row, (key) => this.item(key))), ...(attempt ? { deposit: { key: attempt.key, request: attempt.request } } : {}) };
    },
    signature: (draft) => [draft.rows, draft.deposit],
  });

  /** FilePond over the whole step; a drop goes to the row's supporting documents it fell on, else to the invoices. */
  private drop = new DropTargetController(this, {
    area: () => this.shadowRoot?.querySelector<HTMLElement>('section.step'),
    zones: () => [...(this.shadowRoot?.querySelectorAll<HTMLElement>('.dropzone') ?? [])],
    onDrop: (files, zone) => void this.addFiles(files, zone?.dataset.kind === 'supporting' ? this.rows.find((r) => r.key === zone.dataset.row) : undefined),
  });

  /** The entity in use: the attribute's, or the only one. */
  private get selected(): Entity | undefined {
    const entities = this.entities.value ?? [];
    return this.entity ? entities.find((e) => e.siren === this.entity) : entities.length === 1 ? entities[0] : undefined;
  }

  private item(key: string): QueuedUpload {
    return this.queue.get(key)!;
  }

  private get complete(): boolean {
    const rows = this.sendable;
    return rows.length > 0 && rows.every((row) => this.item(row.key).state === 'done' && this.hasProof(row) && row.supporting.every((key) => this.item(key).state === 'done'));
  }

  /**
   * Invoices uploaded while their reading still runs: the reading may yet refuse one, and nothing
   * refused may reach a deposit, so « Envoyer les documents » is held (aria-disabled: it keeps the
   * focus) and says why until every verdict is in.
   */
  private get checking(): boolean {
    return this.sendable.some((row) => this.item(row.key).reading);
  }

  /** The rows that go with the deposit: a refused file is not sent, and does not hold the others back. */
  private get sendable(): InvoiceRow[] {
    return this.rows.filter((row) => this.item(row.key).state !== 'refused');
  }

  private hasProof = (row: InvoiceRow): boolean => hasSupportingOrDerogation({ supporting: row.supporting.filter((key) => this.item(key).state === 'done').length, derogation: row.derogation });

  /** Replaces one row (rows are never changed in place). */
  private updateRow(key: string, change: (row: InvoiceRow) => InvoiceRow): void {
    this.rows = this.rows.map((row) => (row.key === key ? change(row) : row));
  }

  /** The idempotency keys a resumed draft's files were uploaded under: they upload again under them. */
  private savedKeys = new WeakMap<File, string>();

  private resumeDraft = async (): Promise<void> => {
    const draft = this.offer;
    if (!draft) return;
    this.offer = null;
    for (const saved of draft.rows) {
      if (saved.uploadKey) this.savedKeys.set(saved.file, saved.uploadKey);
      saved.supporting.forEach((file, i) => {
        const key = saved.supportingKeys?.[i];
        if (key) this.savedKeys.set(file, key);
      });
    }
    // A send made before the reload, whose answer may never have come: the same request goes under its key.
    if (draft.deposit) this.depositAttempt = { ...draft.deposit };
    await this.addFiles(draft.rows.map((r) => r.file));
    for (const saved of draft.rows) {
      const row = this.rows.find(({ key }) => isSavedFile(saved, this.item(key).file));
      if (!row) continue;
      const { salaryCosts, derogation, creditNote } = saved;
      this.updateRow(row.key, (r) => ({ ...r, salaryCosts, derogation, creditNote }));
      if (saved.supporting.length) await this.addFiles(saved.supporting, row);
    }
    this.announcement = this.l10n.t.upload.resumed;
  };

  /** « Reprendre le dépôt »: its button goes with the offer, so the focus goes on to the drop area's. */
  private onResume = async (): Promise<void> => {
    const resuming = this.resumeDraft();
    this.focusChooser();
    await resuming;
  };

  private abandonDraft = (): void => {
    this.offer = null;
    this.drafts.discard();
    this.focusChooser();
  };

  override render() {
    const t = this.l10n.t;
    if (!this.api.client) return nothing;
    return this.entities.render({
      // A reload keeps what is on screen (and everything the user chose) until the answer comes.
      pending: () => (this.entities.value ? this.renderFor(this.entities.value) : html`<p role="status">${t.entityPicker.loading}</p>`),
      error: (error) => html`<div class="notice error" role="alert">
        <p>${this.api.errorMessage(error)}</p>
        <button class="button secondary" @click=${() => this.entities.run()}>${t.common.retry}</button>
      </div>`,
      complete: (entities) => (entities ? this.renderFor(entities) : nothing),
    });
  }

  protected override updated(): void {
    // The rest of a large batch, a frame at a time.
    if (this.shown < this.rows.length && !this.showing) this.showing = requestAnimationFrame(() => ((this.showing = 0), (this.shown += ROWS_A_FRAME)));
  }

  private showing = 0;

  private renderFor(entities: Entity[]): TemplateResult {
    if (entities.length === 0) return this.renderNoEntity();
    const entity = this.selected;
    // The dossier's or the draft's entity is being looked up: the choice would flash, then go.
    if (!entity && !this.picking && this.preselect.status === TaskStatus.PENDING) return html`<p role="status">${this.l10n.t.entityPicker.loading}</p>`;
    if (!entity || this.picking)
      return html`<akto-entity-picker
        exportparts=${PICKER_PARTS}
        .entities=${entities}
        .value=${this.entity || entity?.siren || ''}
        .attachHref=${this.api.config.attachHref ?? ''}
        @akto-entity-select=${this.onEntitySelect}
      ></akto-entity-picker>`;
    return this.renderUpload(entity, entities.length > 1);
  }

  private renderNoEntity(): TemplateResult {
    const t = this.l10n.t.entityPicker;
    const href = this.api.config.attachHref;
    return html`<div class="message" role="status">
      <p><strong>${t.none}</strong></p>
      <p>${t.noneHint}</p>
      ${href ? html`<p><a href=${href}>${t.attach}</a></p>` : nothing}
    </div>`;
  }

  private renderUpload(entity: Entity, canChange: boolean): TemplateResult {
    const t = this.l10n.t.upload;
    const loaded = this.rows.filter((r) => this.queue.settled(r.key)).length;
    const context = this.rowContext; // once a render: its locale is looked up in the page
    const item = (key: string) => this.item(key);
    return html`<section class="step" aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      <div class="context">
        <span class="entity">${t.forEntity(isolate(entity.name), formatSiren(entity.siren))}</span>
        ${canChange ? html`<button class="button quiet" @click=${this.changeEntity}>${this.l10n.t.entityPicker.change}</button>` : nothing}
        ${this.dossier ? html`<span class="dossier">${t.forDossier(this.dossier)}</span>` : nothing}
      </div>

      ${this.offer
        ? html`<div class="notice draft" role="status">
            <p>${t.draftFound(this.offer.rows.length, formatDateTime(this.offer.savedAt, this.l10n.locale))}</p>
            <button class="button" @click=${this.onResume}>${t.resume}</button>
            <button class="button secondary" @click=${this.abandonDraft}>${t.abandon}</button>
          </div>`
        : nothing}
      <div class="dropzone" part="dropzone" data-kind="invoice" @click=${this.drop.onZoneClick}>
        ${uploadIcon}
        <p class="lead" id="drop-label">${this.drop.available ? t.dropInvoices : t.clickToChoose}</p>
        <button class="button" type="button" aria-describedby="drop-hint" @click=${(e: Event) => this.pick(e, 'invoices')}>${t.chooseInvoices}</button>
        <p class="hint" id="drop-hint">${t.dropHint(formatFileSize(this.maxSize, this.l10n.locale))}</p>
        <input id="invoices" type="file" multiple accept=${ACCEPT.invoice} hidden @change=${(e: Event) => this.onInput(e)} />
      </div>
      <input id="supporting-input" type="file" multiple accept=${ACCEPT.supporting} hidden @change=${(e: Event) => this.onInput(e, this.supportingFor)} />

      ${this.refusals.length
        ? html`<div class="refusals" role="alert">
            <h3>${t.refusedHeading}</h3>
            <ul>
              ${this.refusals.map((r) => html`<li>${r}</li>`)}
            </ul>
            <button class="button secondary" @click=${this.dismissRefusals}>${t.dismiss}</button>
          </div>`
        : nothing}

      <ul class="invoices" aria-label=${this.l10n.t.upload.heading}>
        ${repeat(
          this.rows.length > this.shown ? this.rows.slice(0, this.shown) : this.rows,
          (row) => row.key,
          // Rows and queue entries are replaced on each change, never changed in place: a row whose
          // own (and its documents') entries did not change is not rendered again (200 rows, one read).
          (row) => guard([row, item(row.key), context.t, context.locale, context.canDrop, ...row.supporting.map(item)], () => renderRow(row, context)),
        )}
      </ul>

      <div class="footer">
        <span class="count">${t.loaded(loaded)}</span>
        <!-- While sending or checking it keeps the focus (aria-disabled: a disabled button would drop it to the page); a click then does nothing. -->
        <button class="button" part="send" ?disabled=${!this.complete} aria-disabled=${this.sending || this.checking ? 'true' : nothing} aria-describedby="send-note" @click=${this.send}>
          ${t.send}
        </button>
      </div>
      <p class="note" id="send-note">
        ${t.thenValidate}${this.sendable.length && !this.complete ? html`<br />${t.sendBlocked}` : this.checking ? html`<br />${t.sendWhileChecking}` : nothing}${this.rows.length > this.sendable.length
          ? html`<br />${this.l10n.t.depositFlow.refusedNotSent}`
          : nothing}
      </p>
      ${this.sending ? html`<div class="notice info" role="status">${t.sending}</div>` : nothing} ${this.renderSendError(canChange)}
      ${this.notice ? html`<div class="notice success" role="status">${this.notice}</div>` : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }

  /**
   * Why the deposit was not made, and the way on: « Réessayer » only where trying again can help
   * (the network, a timeout, the server's own trouble), never for a refusal that would come back
   * the same; « Changer d'entité » for a dossier of another of the account's entities.
   */
  private renderSendError(canChange: boolean): TemplateResult | typeof nothing {
    const error = this.sendError;
    if (!error) return nothing;
    const t = this.l10n.t;
    const other = error.wrongEntity && canChange;
    return html`<div class="notice error" role="alert">
      <p>${error.message}</p>
      ${this.changeHeld ? html`<p>${t.depositFlow.sendFirst}</p>` : nothing}
      ${other ? html`<p>${t.depositFlow.wrongEntity}</p>` : nothing}
      ${error.retry ? html`<button class="button secondary retry" @click=${this.send}>${t.common.retry}</button>` : nothing}
      ${other ? html`<button class="button secondary" @click=${this.changeEntity}>${t.entityPicker.change}</button>` : nothing}
    </div>`;
  }

  private get rowContext(): RowContext {
    const { t, locale } = this.l10n;
    const { hasProof, pickSupporting, setFlag, setDerogation, removeFile: remove } = this;
    return { t, locale, item: (key) => this.item(key), hasProof, canDrop: this.drop.available, pickSupporting, setFlag, setDerogation, remove, retry: this.retryUpload };
  }

  // ---- choosing files ---------------------------------------------------------------------------

  private onEntitySelect = (event: CustomEvent<{ entity: Entity }>): void => {
    event.stopPropagation();
    this.choose(event.detail.entity);
    // The work goes on at the drop area, or at « Envoyer les documents » when the files are there.
    void this.updateComplete.then(() => {
      const send = this.shadowRoot?.querySelector<HTMLButtonElement>('[part="send"]');
      if (send && !send.disabled) send.focus();
      else this.focusChooser();
    });
  };

  /** The entity of the deposit, chosen or pre-selected; the files on screen go with it (its own draft, a new deposit request). */
  private choose(entity: Entity): void {
    if (this.rows.length && entity.siren !== this.selected?.siren) this.drafts.discard(); // the files move to the new entity's draft
    this.picking = false;
    this.sendError = null;
    this.entity = entity.siren;
    this.emit(AKTO_ENTITY_SELECT, { entity });
  }

  /** « Changer d'entité »: the choice, with the focus on it (its button is gone). */
  private changeEntity = async (): Promise<void> => {
    if (this.holdChanges()) return;
    this.picking = true;
    await this.updateComplete;
    const picker = this.shadowRoot?.querySelector<AktoEntityPicker>('akto-entity-picker');
    await picker?.updateComplete;
    picker?.focus();
  };

  private pick = (event: Event, inputId: string): void => {
    event.stopPropagation();
    this.shadowRoot!.getElementById(inputId)?.click();
  };

  /** The row whose supporting documents the shared picker (#supporting-input) was last opened for. */
  private supportingFor?: InvoiceRow;

  private pickSupporting = (event: Event, row: InvoiceRow): void => {
    this.supportingFor = row;
    this.pick(event, 'supporting-input');
  };

  private onInput = (event: Event, row?: InvoiceRow): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again after a removal
    void this.addFiles(files, row);
  };

  /** What a refusal reads to the user. */
  private refusal(code: FileRefusal | 'duplicate', file: File): string {
    const t = this.l10n.t.upload.refusal;
    const name = isolate(file.name);
    const messages = { 'upload-empty': t.empty, 'upload-not-pdf': t.notPdf, 'upload-bad-type': t.notSupported, duplicate: t.duplicate };
    return code === 'upload-too-large' ? t.tooLarge(name, formatFileSize(this.maxSize, this.l10n.locale)) : messages[code](name);
  }

  /**
   * Keeps the files that pass the checks, says which were refused and why; the others are
   * untouched. With `row` (one of the step's rows), they are that invoice's supporting documents.
   */
  async addFiles(files: File[], row?: { key: string }): Promise<void> {
    if (this.holdChanges()) return;
    // New files while an unsent deposit is on offer: it is taken back first, so nothing is lost.
    if (this.offer && !row) await this.resumeDraft();
    // Supporting documents are told apart by their first bytes here; invoices, whose rows show at
    // once, when they are read (reading 20 files' first bytes before showing anything takes longer).
    const types = row ? await Promise.all(files.map((file) => (file.size ? sniffBlob(file).catch(() => null) : null))) : [];
    const target = row && this.rows.find((r) => r.key === row.key);
    if (row && !target) return; // removed meanwhile
    const existing = (target ? target.supporting : this.rows.map((r) => r.key)).map((key) => this.item(key).file);
    const { accepted, refused: codes } = sortChosenFiles(files, { kind: target ? 'supporting' : 'invoice', existing, max: this.maxSize, types: target && types });
    const refused = codes.map(([code, file]) => this.refusal(code, file));
    if (target) {
      const keys = accepted.map((file) => this.queue.add(file, 'supporting', { afterPaint: true, idempotencyKey: this.savedKeys.get(file) }));
      this.updateRow(target.key, (r) => ({ ...r, supporting: [...r.supporting, ...keys] }));
    } else {
      // Each invoice uploads once its row is painted, and is read beside it (see read), from then too.
      this.shown = Math.min(this.shown, this.rows.length + ROWS_A_FRAME);
      this.rows = [...this.rows, ...accepted.map((file) => invoiceRow(this.queue.add(file, 'invoice', { read: true, afterPaint: true, idempotencyKey: this.savedKeys.get(file) })))];
    }
    this.refusals = [...this.refusals, ...refused];
    this.notice = '';
    this.announcement = [accepted.length ? this.l10n.t.upload.added(accepted.length) : '', ...refused].filter(Boolean).join(' ');
  }

  /**
   * Reads the invoice in the browser while it uploads: a file that is no PDF leaves the list, a
   * password-protected or damaged PDF is refused on its row (its upload deleted once stored; a
   * file no PDF is removed, its upload aborted, and the server deposits no such file), a scan gets a warning, a credit note ticks « Ce document est-il un
   * avoir ? ». The row shows at once, and the upload does not wait for the reading.
   */
  private async read(item: QueuedUpload, signal: AbortSignal): Promise<ReadVerdict> {
    const reading = await readBeforeUpload(item.file, signal, this.l10n.t.upload);
    if (!reading) return;
    if (reading.outcome === 'not-pdf') {
      this.rows = this.rows.filter((r) => r.key !== item.key);
      this.queue.remove(item.key);
      this.refusals = [...this.refusals, this.refusal('upload-not-pdf', item.file)];
      this.announcement = this.refusals.at(-1)!;
    } else if (reading.outcome === 'refused') {
      this.announcement = reading.reason;
      return { refused: reading.reason };
    } else {
      const { notes, creditNote } = reading;
      this.updateRow(item.key, (r) => ({ ...r, notes: [...r.notes, ...notes], creditNote: r.creditNote || creditNote }));
    }
  }

  // ---- the row's choices ------------------------------------------------------------------------

  private setFlag = (row: InvoiceRow, flag: 'creditNote' | 'salaryCosts', event: Event): void => {
    if (this.holdChanges(event)) return;
    const checked = (event.target as HTMLInputElement).checked;
    this.updateRow(row.key, (r) => ({ ...r, [flag]: checked }));
  };

  /** The two derogation boxes exclude each other: ticking one unticks the other. */
  private setDerogation = (row: InvoiceRow, derogation: Derogation, event: Event): void => {
    if (this.holdChanges(event)) return;
    const checked = (event.target as HTMLInputElement).checked;
    this.updateRow(row.key, (r) => ({ ...r, derogation: checked ? derogation : r.derogation === derogation ? null : r.derogation }));
  };

  /** Removes an invoice (with its supporting documents), or one supporting document: uploads under way are cancelled, stored ones deleted. */
  private removeFile = (row: InvoiceRow, supporting?: string): void => {
    if (this.holdChanges()) return;
    const key = supporting ?? row.key;
    this.announcement = this.l10n.t.upload.removed(this.item(key).file.name);
    if (supporting) {
      this.updateRow(row.key, (r) => ({ ...r, supporting: r.supporting.filter((s) => s !== supporting) }));
      this.queue.remove(supporting);
      // The work goes on with this invoice's supporting documents: « Ajouter des pièces justificatives ».
      void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLButtonElement>(`.dropzone[data-row="${row.key}"] button`)?.focus());
      return;
    }
    this.rows = this.rows.filter((r) => r.key !== row.key);
    [row.key, ...row.supporting].forEach((k) => this.queue.remove(k));
    this.focusChooser();
  };

  /**
   * True when the deposit's request is held (a send failed in a way that may have made the deposit):
   * the change is not made, a box the click ticked is unticked, and the send error says to send
   * the same documents again first (the same key: made once, whatever happened), with the focus on
   * « Réessayer ». An invoice not wanted can be deleted in step 2.
   */
  private holdChanges(event?: Event): boolean {
    if (!this.depositAttempt?.unsettled) return false;
    const box = event?.target as HTMLInputElement | undefined;
    if (box) box.checked = !box.checked;
    this.changeHeld = true;
    this.announcement = this.l10n.t.depositFlow.sendFirst;
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLButtonElement>('.notice.error button.retry')?.focus());
    return true;
  }

  /** « Masquer »: the refusals go, and the focus with them to the drop area's button. */
  private dismissRefusals = (): void => {
    this.refusals = [];
    this.focusChooser();
  };

  /**
   * After the focused button leaves the page (a removed row, hidden refusals, the draft taken back),
   * the focus goes to « Sélectionner des factures », where adding files goes on, not to <body>.
   */
  private focusChooser(): void {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLButtonElement>('.dropzone[data-kind="invoice"] button')?.focus());
  }

  /** « Réessayer » on a failed upload: what the status region said of its failure no longer holds. */
  private retryUpload = (key: string): void => {
    if (this.item(key).state !== 'failed') return;
    this.retried.add(key);
    this.announcement = '';
    this.queue.retry(key);
  };

  // ---- sending -----------------------------------------------------------------------------------

  private send = async (): Promise<void> => {
    const entity = this.selected;
    const client = this.api.client;
    if (this.sending || !this.complete || !entity || !client) return; // a double click sends once
    if (this.checking) {
      // Held, not waited for: the user sees the refusal, if any, before deciding to send the rest.
      this.announcement = this.l10n.t.upload.sendWhileChecking;
      return;
    }
    this.sending = true;
    this.sendError = null;
    this.changeHeld = false;
    const params = { siren: entity.siren };
    // Only settled invoices (stored, read, not refused): `checking` above, said again where it counts.
    const body = { dossier: this.dossier || undefined, invoices: this.sendable.filter((row) => this.queue.settled(row.key)).map((row) => depositedInvoice(row, (key) => this.item(key).upload?.id)) };
    const request = JSON.stringify([params, body]);
    if (this.depositAttempt?.request !== request) this.depositAttempt = { key: newIdempotencyKey(), request };
    try {
      const deposit = await client.call('createDeposit', { params, idempotencyKey: this.depositAttempt.key, body });
      this.depositAttempt = undefined;
      this.drafts.discard();
      this.rows = [];
      this.queue.clear();
      this.refusals = [];
      this.notice = this.l10n.t.upload.sent(deposit.pending.length);
      this.emit(AKTO_DEPOSIT_SENT, { deposit, pending: deposit.pending });
    } catch (error) {
      // Everything the user chose stays: files, boxes, supporting documents. « Réessayer » sends
      // the same request again with the same key, so a deposit that did reach the server is not
      // made twice; a request changed meanwhile goes with a new key (see depositAttempt).
      if (this.depositAttempt) this.depositAttempt.unsettled = mayHaveLanded(error);
      this.sendError = {
        message: this.api.errorMessage(error),
        retry: retryable(error),
        wrongEntity: error instanceof ApiError && error.fieldErrors.some((e) => e.field === 'dossier' && e.code === 'dossierUnknown'),
      };
      this.api.reportError(error);
    } finally {
      this.sending = false;
    }
  };
}
