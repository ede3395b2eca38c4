import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import { repeat } from 'lit/directives/repeat.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { InvoiceSummary, PendingInvoice, ValidationRequest } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { AKTO_INVOICE_VALIDATED, AKTO_PENDING_DELETED, AKTO_VALIDATION_COMPLETE } from '../../core/events.js';
import { deleteDraft, loadDraft, saveDraft } from '../../core/drafts.js';
import { readingSlot } from '../../core/limit.js';
import { buttons } from '../../core/tokens.js';
import { formatAmount, formatDateTime, ruleText } from '../../i18n/index.js';
import { checkAmounts, checkDossierList, checkDossierNumber, checkInvoiceDate, checkInvoiceNumber, checkSiret, type RuleResult } from '../../rules/index.js';
import { AktoPdfPreview } from '../akto-pdf-preview/akto-pdf-preview.js';
import { validateStyles } from './styles.js';

/** The guide's fields A–F, in its order. */
export const FIELDS = ['invoiceNumber', 'amountHT', 'amountTTC', 'dossiers', 'invoiceDate', 'siret'] as const;
export type Field = (typeof FIELDS)[number];
type TextField = Exclude<Field, 'dossiers'>;
const LETTERS: Record<Field, string> = { invoiceNumber: 'A', amountHT: 'B', amountTTC: 'C', dossiers: 'D', invoiceDate: 'E', siret: 'F' };

/** One pending invoice on screen, with what the user changed. Serializable: it can be kept across a reload. */
export interface ValidationRow {
  pending: PendingInvoice;
  values: Record<TextField, string>;
  dossiers: string[];
  newDossier: string;
  touched: Field[];
  attempted: boolean;
  /** The server's messages from a 422, per field, until the field is edited. */
  server: Partial<Record<Field, string>>;
  /** INSEE's answer for the SIRET typed, to tell unknown and closed establishments apart as the user types. */
  /** What INSEE says of the SIRET typed; 'unchecked' when the lookup failed (the server checks at « Valider »). */
  siretStatus?: { siret: string; status: 'active' | 'unknown' | 'closed' | 'unchecked' };
  validating: boolean;
  error: string;
  /** Kept across retries of the same validation: a double click or a retry validates once. */
  idempotencyKey?: string;
  selected: boolean;
  /** Fields the server could not read, filled in from the browser's own reading of the PDF. */
  prefilled: Field[];
  /** Where the invoice's embedded e-invoice data says something else than the server: the value it gives. */
  differs: Partial<Record<Field, string>>;
  /** The PDF was read in the browser (once per row). */
  read: boolean;
}

const AMOUNT_INPUT = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const toDateInput = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

function rowFor(pending: PendingInvoice): ValidationRow {
  const f = pending.fields;
  return {
    pending,
    values: {
      invoiceNumber: f.invoiceNumber ?? '',
      amountHT: f.amountHT === null ? '' : AMOUNT_INPUT.format(f.amountHT),
      amountTTC: f.amountTTC === null ? '' : AMOUNT_INPUT.format(f.amountTTC),
      invoiceDate: toDateInput(f.invoiceDate),
      siret: f.siret ?? '',
    },
    dossiers: [...f.dossiers],
    newDossier: '',
    touched: [],
    attempted: false,
    server: {},
    validating: false,
    error: '',
    selected: false,
    prefilled: [],
    differs: {},
    read: false,
  };
}

/**
 * @summary Step « 2. Validation »: the entity's pending invoices, their fields A–F read from the PDF and editable, checked as the user types, « Valider » one or several; a preview of the PDF beside them.
 *
 * @event akto-invoice-validated - An invoice was validated (`invoice`: as it now appears in « Mes factures »).
 * @event akto-validation-complete - Nothing is left to validate on screen.
 * @event akto-pending-deleted - A pending invoice was deleted after confirmation.
 * @event akto-unauthorized - The API answered 401: sign the user in again; every edit is kept.
 *
 * @csspart banner - « VÉRIFIEZ les informations ci-dessous… ».
 * @csspart table - The invoices.
 * @csspart preview - The PDF preview.
 *
 * @cssproperty --akto-color-warning-bg - The banner.
 * @cssproperty --akto-preview-height - The preview's height (70vh).
 */
export class AktoInvoiceValidate extends AktoElement {
  static override styles = [...AktoElement.styles, buttons, validateStyles];
  static override dependencies = { 'akto-pdf-preview': AktoPdfPreview };

  /** The entity (SIREN) whose pending invoices are shown. */
  @property({ reflect: true, converter: textAttribute }) entity = '';
  /** Pending invoices handed over by step 1, shown at once (the server's list is loaded too). */
  @property({ attribute: false }) pending: PendingInvoice[] = [];
  /** Accepted dossier letter prefixes (`AF,CA,DCA`); every well-formed number when empty. */
  @property({ attribute: 'dossier-prefixes', converter: textAttribute }) dossierPrefixes = '';

  @state() private rows: ValidationRow[] = [];
  @state() private previewId = '';
  @state() private notice = '';
  @state() private problem = '';
  @state() private confirming: ValidationRow | null = null;
  @state() private suggestions: { number: string; title: string }[] = [];
  @query('dialog') private dialog?: HTMLDialogElement;
  private validated: InvoiceSummary[] = [];
  private timers = new Map<string, ReturnType<typeof setTimeout>>();

  private reading = new Set<string>();

  /** The edits kept in this browser, per pending invoice, until it is validated or deleted. */
  private savedEdits?: Record<string, { values: Record<TextField, string>; dossiers: string[] }>;
  private editsKey = '';
  private saveQueued = false;

  private get draftKey(): string | undefined {
    return this.endpoint && this.entity ? `validate|${this.endpoint}|${this.entity}` : undefined;
  }

  /** Loads the edits an earlier visit left (after a reload) and puts them back on their rows. */
  private async restoreEdits(key: string): Promise<void> {
    this.editsKey = key;
    const saved = (await loadDraft<Record<string, { values: Record<TextField, string>; dossiers: string[] }>>(key)) ?? {};
    if (key !== this.editsKey) return;
    this.savedEdits = saved;
    for (const row of this.rows) this.applyEdits(row);
    this.rows = [...this.rows];
  }

  private applyEdits(row: ValidationRow): void {
    const edits = this.savedEdits?.[row.pending.id];
    if (!edits || row.touched.length) return;
    row.values = { ...row.values, ...edits.values };
    row.dossiers = [...edits.dossiers];
  }

  /** Keeps the rows' edits after each change (a reload can come at any moment); forgets them once nothing is left. */
  private keepEdits(): void {
    const key = this.draftKey;
    if (!key || !this.savedEdits || key !== this.editsKey || this.saveQueued) return;
    this.saveQueued = true;
    queueMicrotask(() => {
      this.saveQueued = false;
      if (!this.rows.length) return void deleteDraft(key);
      const edits = Object.fromEntries(this.rows.map((r) => [r.pending.id, { values: { ...r.values }, dossiers: [...r.dossiers] }]));
      this.savedEdits = edits;
      void saveDraft(key, edits);
    });
  }

  private serverPending = new Task(this, {
    task: async ([endpoint, entity], { signal }) => (endpoint && entity && this.client ? (await this.client.call('listPending', { params: { siren: entity }, signal })).items : undefined),
    args: () => [this.endpoint, this.entity] as const,
    onComplete: (items) => items && this.merge(items, true),
    onError: (error) => {
      this.reportError(error);
      this.problem = this.errorMessage(error);
    },
  });

  private pdf = new Task(this, {
    task: async ([endpoint, id], { signal }) => {
      const row = this.rows.find((r) => r.pending.id === id);
      if (!endpoint || !row?.pending.hasPdf || !this.client) return null;
      return this.client.call('getPendingPdf', { params: { pendingId: id }, signal });
    },
    args: () => [this.endpoint, this.previewId] as const,
    onError: (error) => this.reportError(error),
  });

  /** How many invoices are still to validate on screen. */
  get remaining(): number {
    return this.rows.length;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const key = this.draftKey;
    if (key && key !== this.editsKey) void this.restoreEdits(key);
    else this.keepEdits();
    for (const row of this.rows) if (row.pending.hasPdf && !row.read && !this.reading.has(row.pending.id)) void this.readPdf(row);
  }

  /**
   * Reads the invoice's PDF in the browser (its own chunk): fills in what the server could not
   * read, marked as such, and says where the embedded e-invoice data differs from the server's.
   */
  private async readPdf(row: ValidationRow): Promise<void> {
    const id = row.pending.id;
    this.reading.add(id);
    try {
      const reading = await readingSlot(async () => {
        const [pdf, { readInvoice }] = await Promise.all([this.client!.call('getPendingPdf', { params: { pendingId: id } }), import('../../reader/index.js')]);
        return readInvoice(pdf);
      });
      const current = this.rows.find((r) => r.pending.id === id);
      if (!current || reading.status !== 'ok') return;
      const f = reading.fields;
      const read: Partial<Record<Field, { text: string; shown: string; value: unknown }>> = {};
      const amount = (v: number) => ({ text: AMOUNT_INPUT.format(v), shown: formatAmount(v, this.locale), value: v });
      if (f.invoiceNumber) read.invoiceNumber = { text: f.invoiceNumber.value, shown: f.invoiceNumber.value, value: f.invoiceNumber.value };
      if (f.amountHT) read.amountHT = amount(f.amountHT.value);
      if (f.amountTTC) read.amountTTC = amount(f.amountTTC.value);
      if (f.issueDate) read.invoiceDate = { text: toDateInput(f.issueDate.value), shown: toDateInput(f.issueDate.value), value: f.issueDate.value };
      if (f.siret) read.siret = { text: f.siret.value, shown: f.siret.value, value: f.siret.value };
      const server = current.pending.fields;
      const serverValue: Record<TextField, unknown> = { invoiceNumber: server.invoiceNumber, amountHT: server.amountHT, amountTTC: server.amountTTC, invoiceDate: server.invoiceDate, siret: server.siret };
      const prefilled: Field[] = [];
      const differs: Partial<Record<Field, string>> = {};
      for (const field of Object.keys(read) as TextField[]) {
        const found = read[field]!;
        if (serverValue[field] === null && !current.values[field].trim()) {
          current.values[field] = found.text;
          prefilled.push(field);
        } else if (reading.source === 'factur-x' && serverValue[field] !== null && serverValue[field] !== found.value) {
          differs[field] = found.shown;
        }
      }
      if (!server.dossiers.length && !current.dossiers.length && f.dossiers?.value.length) {
        current.dossiers = [...f.dossiers.value];
        prefilled.push('dossiers');
      }
      this.change(current, { read: true, prefilled, differs });
    } catch {
      // No preview of the data: the fields stay as the server read them.
    } finally {
      this.reading.delete(id);
      const current = this.rows.find((r) => r.pending.id === id);
      if (current && !current.read) current.read = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('pending') && this.pending.length) this.merge(this.pending, false);
    if (!this.rows.some((r) => r.pending.id === this.previewId)) this.previewId = this.rows.find((r) => r.pending.hasPdf)?.pending.id ?? '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.timers.forEach((timer) => clearTimeout(timer));
  }

  /** Adds invoices not on screen yet; rows keep their edits. The server's list also drops what it no longer holds. */
  private merge(items: PendingInvoice[], authoritative: boolean): void {
    const known = new Map(this.rows.map((r) => [r.pending.id, r]));
    const ids = new Set(items.map((p) => p.id));
    const kept = authoritative ? this.rows.filter((r) => ids.has(r.pending.id) || r.validating) : this.rows;
    const added = items.filter((p) => !known.has(p.id)).map(rowFor);
    added.forEach((row) => this.applyEdits(row));
    this.rows = [...kept, ...added];
    this.problem = '';
  }

  // ---- rules ----------------------------------------------------------------------------------------

  private message(result: RuleResult<unknown>): string | undefined {
    return result.ok ? undefined : ruleText(this.t, result);
  }

  /** Every field's problem now, by the shared rules, then INSEE's answer, then the server's last word. */
  errors(row: ValidationRow): Partial<Record<Field, string>> {
    const prefixes = this.dossierPrefixes ? this.dossierPrefixes.split(',').map((p) => p.trim().toUpperCase()).filter(Boolean) : undefined;
    const amounts = checkAmounts(row.values.amountHT, row.values.amountTTC, { creditNote: row.pending.creditNote });
    const siret = checkSiret(row.values.siret);
    const errors: Partial<Record<Field, string>> = {
      invoiceNumber: this.message(checkInvoiceNumber(row.values.invoiceNumber)),
      amountHT: this.message(amounts.amountHT),
      amountTTC: this.message(amounts.amountTTC),
      dossiers: this.message(checkDossierList(row.dossiers, { prefixes })),
      invoiceDate: this.message(checkInvoiceDate(row.values.invoiceDate, { depositDate: row.pending.sentAt.slice(0, 10) })),
      siret: this.message(siret),
    };
    if (siret.ok && row.siretStatus?.siret === siret.value && (row.siretStatus.status === 'unknown' || row.siretStatus.status === 'closed'))
      errors.siret = row.siretStatus.status === 'unknown' ? this.t.rules.siretUnknown() : this.t.rules.siretClosed();
    for (const field of FIELDS) if (row.server[field]) errors[field] = row.server[field];
    return Object.fromEntries(Object.entries(errors).filter(([, m]) => m)) as Partial<Record<Field, string>>;
  }

  private shown(row: ValidationRow, field: Field): boolean {
    return row.attempted || row.touched.includes(field) || Boolean(row.server[field]);
  }

  // ---- rendering ----------------------------------------------------------------------------------

  override render() {
    const t = this.t.validate;
    const previewRow = this.rows.find((r) => r.pending.id === this.previewId);
    const selected = this.rows.filter((r) => r.selected);
    return html`<section aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      <p class="banner" part="banner">${t.banner}</p>
      <div role="status">${this.notice ? html`<p class="notice success">${this.notice}</p>` : nothing}</div>
      ${this.problem
        ? html`<div class="notice error" role="alert">
            <p>${this.problem}</p>
            <button class="button secondary" @click=${() => this.serverPending.run()}>${this.t.common.retry}</button>
          </div>`
        : nothing}
      ${this.rows.length === 0
        ? this.serverPending.status === 1 && !this.pending.length
          ? html`<p role="status">${t.loading}</p>`
          : this.problem
            ? nothing
            : html`<div class="empty"><p><strong>${t.empty}</strong></p><p>${t.emptyHint}</p></div>`
        : html`<div class="layout ${previewRow ? '' : 'no-preview'}">
            <div class="main">
              ${this.rows.length > 1
                ? html`<div class="bulk">
                    <label
                      ><input
                        type="checkbox"
                        .checked=${this.rows.every((r) => r.selected)}
                        @change=${(e: Event) => this.selectAll((e.target as HTMLInputElement).checked)}
                      />
                      ${t.selectAll}</label
                    >
                    ${selected.length ? html`<button class="button" @click=${() => this.validateRows(selected)}>${t.validateSelected(selected.length)}</button>` : nothing}
                  </div>`
                : nothing}
              <table part="table">
                <caption>${t.caption(this.rows.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col" id="col-file">${t.fileColumn}</th>
                    ${FIELDS.map((f) => html`<th scope="col" id=${`col-${f}`}><span class="letter" aria-hidden="true">${LETTERS[f]} </span>${t.columns[f]}</th>`)}
                    <th scope="col">${t.columns.sentAt}</th>
                    <th scope="col"><span class="visually-hidden">${this.t.invoiceList.columns.actions}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(this.rows, (r) => r.pending.id, (r) => this.renderRow(r))}
                </tbody>
              </table>
            </div>
            ${previewRow
              ? html`<aside class="preview" part="preview" aria-labelledby="preview-title">
                  <h3 id="preview-title">${t.previewOf(previewRow.pending.fileName)}</h3>
                  ${this.pdf.render({
                    pending: () => html`<p role="status">${t.previewLoading}</p>`,
                    error: (error) => html`<div class="notice error" role="alert">
                      <p>${t.previewUnavailable} ${this.errorMessage(error)}</p>
                      <button class="button secondary" @click=${() => this.pdf.run()}>${this.t.common.retry}</button>
                    </div>`,
                    complete: (blob) => (blob ? html`<akto-pdf-preview .source=${blob} label=${previewRow.pending.fileName}></akto-pdf-preview>` : html`<p>${t.previewUnavailable}</p>`),
                  })}
                </aside>`
              : nothing}
          </div>`}
      <dialog
        aria-labelledby="confirm-title"
        @close=${() => {
          // A close event can arrive after the dialog was opened again for another row.
          if (!this.dialog?.open) this.confirming = null;
        }}
      >
        ${this.confirming
          ? html`<h3 id="confirm-title">${t.confirmRemove(this.confirming.pending.fileName)}</h3>
              <p>${t.confirmRemoveHint}</p>
              <div class="dialog-actions">
                <button class="button secondary" @click=${() => this.dialog?.close()}>${this.t.common.cancel}</button>
                <button class="button danger" @click=${this.deleteConfirmed}>${t.remove}</button>
              </div>`
          : nothing}
      </dialog>
    </section>`;
  }

  private renderRow(row: ValidationRow): TemplateResult {
    const t = this.t.validate;
    const id = row.pending.id;
    const errors = this.errors(row);
    return html`<tr class=${row.pending.id === this.previewId ? 'selected-preview' : ''}>
      <th scope="row" id=${`row-${id}`}>
        ${this.rows.length > 1
          ? html`<input type="checkbox" aria-label=${t.select(row.pending.fileName)} .checked=${row.selected} @change=${(e: Event) => this.change(row, { selected: (e.target as HTMLInputElement).checked })} />`
          : nothing}
        <span class="file-name">${row.pending.fileName}</span>
        ${row.pending.creditNote ? html`<span class="badge">${t.creditNote}</span>` : nothing}
      </th>
      ${this.renderInput(row, 'invoiceNumber', errors)} ${this.renderInput(row, 'amountHT', errors, 'num')} ${this.renderInput(row, 'amountTTC', errors, 'num')}
      ${this.renderDossiers(row, errors)} ${this.renderInput(row, 'invoiceDate', errors)} ${this.renderInput(row, 'siret', errors)}
      <td data-label=${t.columns.sentAt} class="sent">${formatDateTime(row.pending.sentAt, this.locale)}</td>
      <td>
        <div class="actions">
          <button class="button" aria-label=${t.validateLabel(row.pending.fileName)} ?disabled=${row.validating} @click=${() => this.validateRows([row])}>
            ${row.validating ? t.validating : t.validate}
          </button>
          ${row.pending.hasPdf
            ? html`<button class="button secondary" aria-label=${t.showPreview(row.pending.fileName)} aria-pressed=${String(row.pending.id === this.previewId)} @click=${() => (this.previewId = row.pending.id)}>
                ${t.previewButton}
              </button>`
            : nothing}
          <button class="button quiet" aria-label=${t.removeLabel(row.pending.fileName)} @click=${() => this.confirmDelete(row)}>${t.remove}</button>
          ${row.error ? html`<span class="row-error" role="alert">${row.error}</span>` : nothing}
        </div>
      </td>
    </tr>`;
  }

  private renderInput(row: ValidationRow, field: TextField, errors: Partial<Record<Field, string>>, className = ''): TemplateResult {
    const id = row.pending.id;
    const error = this.shown(row, field) ? errors[field] : undefined;
    return html`<td data-label=${this.t.validate.columns[field]} class=${className}>
      <input
        type="text"
        id=${`${field}-${id}`}
        inputmode=${field === 'siret' ? 'numeric' : field.startsWith('amount') ? 'decimal' : nothing}
        autocomplete="off"
        aria-labelledby=${`col-${field} row-${id}`}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${this.describedBy(row, field, error)}
        .value=${row.values[field]}
        @input=${(e: Event) => this.edit(row, field, (e.target as HTMLInputElement).value)}
        @blur=${() => this.touch(row, field)}
      />
      ${error ? html`<p class="error" id=${`${field}-${id}-error`}>${error}</p>` : nothing} ${this.renderNote(row, field)}
    </td>`;
  }

  /**
   * A note under a field, not an error: a value pre-filled from the PDF to check, the e-invoice's
   * own value when the server read another, or a SIRET INSEE could not be asked about.
   */
  private note(row: ValidationRow, field: Field): string {
    const t = this.t.validate;
    if (row.prefilled.includes(field)) return t.fromReading;
    if (field === 'siret' && row.siretStatus?.status === 'unchecked') {
      const siret = checkSiret(row.values.siret);
      if (siret.ok && siret.value === row.siretStatus.siret) return t.siretUnchecked;
    }
    const other = row.differs[field];
    if (other === undefined) return '';
    return t.differs[field as TextField](other);
  }

  private renderNote(row: ValidationRow, field: Field): TemplateResult | typeof nothing {
    const note = this.note(row, field);
    return note ? html`<p class="info" id=${`${field}-${row.pending.id}-note`}>${note}</p>` : nothing;
  }

  /** The error and the note under a field, for its aria-describedby. */
  private describedBy(row: ValidationRow, field: Field, error: string | undefined): string | typeof nothing {
    const ids = [error ? `${field}-${row.pending.id}-error` : '', this.note(row, field) ? `${field}-${row.pending.id}-note` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderDossiers(row: ValidationRow, errors: Partial<Record<Field, string>>): TemplateResult {
    const t = this.t.validate;
    const id = row.pending.id;
    const error = this.shown(row, 'dossiers') ? errors.dossiers : undefined;
    const newError = row.newDossier.trim() && row.touched.includes('dossiers') ? this.message(checkDossierNumber(row.newDossier)) : undefined;
    return html`<td data-label=${t.columns.dossiers}>
      <p class="found" id=${`found-${id}`}>${t.dossiersFound(row.pending.fields.dossiers.length)}</p>
      <ul class="dossiers" aria-labelledby=${`col-dossiers row-${id}`}>
        ${row.dossiers.map(
          (number) => html`<li>
            <span>${number}</span>
            <button class="mini" type="button" aria-label=${t.removeDossier(number)} @click=${() => this.removeDossier(row, number)}>−</button>
          </li>`,
        )}
      </ul>
      <div class="add">
        <input
          type="text"
          id=${`dossiers-${id}`}
          list=${`suggestions-${id}`}
          autocomplete="off"
          aria-label=${t.newDossier}
          aria-invalid=${error || newError ? 'true' : 'false'}
          aria-describedby=${this.describedBy(row, 'dossiers', error || newError)}
          .value=${row.newDossier}
          @input=${(e: Event) => this.typeDossier(row, (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), this.addDossier(row))}
        />
        <button class="mini" type="button" aria-label=${t.addDossierLabel(row.pending.fileName)} @click=${() => this.addDossier(row)}>+</button>
      </div>
      <datalist id=${`suggestions-${id}`}>${this.suggestions.map((s) => html`<option value=${s.number}>${s.title}</option>`)}</datalist>
      ${error || newError ? html`<p class="error" id=${`dossiers-${id}-error`}>${newError ?? error}</p>` : nothing} ${this.renderNote(row, 'dossiers')}
    </td>`;
  }

  // ---- editing ------------------------------------------------------------------------------------

  private change(row: ValidationRow, change: Partial<ValidationRow>): void {
    Object.assign(row, change);
    this.rows = [...this.rows];
  }

  private edit(row: ValidationRow, field: TextField, value: string): void {
    row.values[field] = value;
    const server = { ...row.server };
    delete server[field];
    if (field === 'amountHT' || field === 'amountTTC') {
      delete server.amountHT; // the two amounts are checked together (TTC ≥ HT)
      delete server.amountTTC;
    }
    this.change(row, { server, error: '' });
    if (field === 'siret') this.later(`siret-${row.pending.id}`, () => this.lookupSiret(row), 350);
  }

  private touch(row: ValidationRow, field: Field): void {
    if (!row.touched.includes(field)) this.change(row, { touched: [...row.touched, field] });
  }

  private later(key: string, run: () => void, delay: number): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(run, delay));
  }

  /** Asks INSEE (through the API) about a well-formed SIRET, to say « unknown » or « closed » before « Valider ». */
  private async lookupSiret(row: ValidationRow): Promise<void> {
    const checked = checkSiret(row.values.siret);
    if (!checked.ok || !this.client || (row.siretStatus?.siret === checked.value && row.siretStatus.status !== 'unchecked')) return;
    try {
      const found = await this.client.call('lookupSiret', { params: { siret: checked.value } });
      this.change(row, { siretStatus: { siret: checked.value, status: found.active ? 'active' : 'closed' } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.change(row, { siretStatus: { siret: checked.value, status: 'unknown' } });
      else {
        // Not a verdict (network, 500, 401…): say so, and let the server check it at « Valider ».
        this.reportError(error);
        this.change(row, { siretStatus: { siret: checked.value, status: 'unchecked' } });
      }
    }
  }

  private typeDossier(row: ValidationRow, value: string): void {
    this.change(row, { newDossier: value });
    this.later(`dossiers-${row.pending.id}`, () => void this.suggest(row.pending.entitySiren, value), 250);
  }

  /** Suggestions from the entity's dossiers, as the user types. */
  private async suggest(entity: string, q: string): Promise<void> {
    if (!this.client || q.trim().length < 2) return;
    try {
      const page = await this.client.call('listDossiers', { query: { entity, q: q.trim(), pageSize: 8 } });
      this.suggestions = page.items.filter((d) => d.number).map((d) => ({ number: d.number!, title: d.title }));
    } catch {
      this.suggestions = [];
    }
  }

  private addDossier(row: ValidationRow): void {
    const checked = checkDossierNumber(row.newDossier);
    if (!checked.ok) {
      this.touch(row, 'dossiers');
      return;
    }
    const server = { ...row.server };
    delete server.dossiers;
    this.change(row, { dossiers: row.dossiers.includes(checked.value) ? row.dossiers : [...row.dossiers, checked.value], newDossier: '', server });
  }

  private removeDossier(row: ValidationRow, number: string): void {
    const server = { ...row.server };
    delete server.dossiers;
    this.change(row, { dossiers: row.dossiers.filter((d) => d !== number), touched: [...new Set([...row.touched, 'dossiers' as const])], server });
    void this.updateComplete.then(() => this.shadowRoot?.getElementById(`dossiers-${row.pending.id}`)?.focus());
  }

  private selectAll(on: boolean): void {
    for (const row of this.rows) row.selected = on;
    this.rows = [...this.rows];
  }

  // ---- validating ---------------------------------------------------------------------------------

  /** « Valider »: the rules first (the fields say what is wrong), then the server, each row once. */
  private async validateRows(rows: ValidationRow[]): Promise<void> {
    const ready: ValidationRow[] = [];
    for (const row of rows) {
      if (row.validating) continue; // a double click validates once
      row.attempted = true;
      if (Object.keys(this.errors(row)).length === 0) ready.push(row);
    }
    this.rows = [...this.rows];
    const invalid = rows.find((r) => Object.keys(this.errors(r)).length);
    if (invalid) {
      const field = FIELDS.find((f) => this.errors(invalid)[f])!;
      this.notice = '';
      await this.updateComplete;
      this.shadowRoot?.getElementById(`${field}-${invalid.pending.id}`)?.focus();
    }
    const results = await Promise.all(ready.map((row) => this.validateRow(row)));
    const done = results.filter((r): r is InvoiceSummary => r !== null);
    if (done.length) {
      this.notice = this.t.validate.validatedCount(done.length);
      await this.updateComplete;
      const next = this.rows[0];
      (next ? this.shadowRoot?.getElementById(`invoiceNumber-${next.pending.id}`) : this.shadowRoot?.querySelector<HTMLElement>('h2'))?.focus();
      if (!this.rows.length) this.emit(AKTO_VALIDATION_COMPLETE, { validated: [...this.validated] });
    }
  }

  private async validateRow(row: ValidationRow): Promise<InvoiceSummary | null> {
    const client = this.client;
    if (!client) return null;
    const amounts = checkAmounts(row.values.amountHT, row.values.amountTTC, { creditNote: row.pending.creditNote });
    const date = checkInvoiceDate(row.values.invoiceDate, { depositDate: row.pending.sentAt.slice(0, 10) });
    const body: ValidationRequest = {
      invoiceNumber: row.values.invoiceNumber.trim(),
      amountHT: amounts.amountHT.ok ? amounts.amountHT.value : NaN,
      amountTTC: amounts.amountTTC.ok ? amounts.amountTTC.value : NaN,
      dossiers: row.dossiers,
      invoiceDate: date.ok ? date.value : row.values.invoiceDate,
      siret: row.values.siret.replace(/\s/g, ''),
      creditNote: row.pending.creditNote,
    };
    row.idempotencyKey ??= newIdempotencyKey();
    this.change(row, { validating: true, error: '' });
    try {
      const { invoice } = await client.call('validatePending', { params: { pendingId: row.pending.id }, body, idempotencyKey: row.idempotencyKey });
      this.rows = this.rows.filter((r) => r !== row);
      this.validated.push(invoice);
      this.emit(AKTO_INVOICE_VALIDATED, { invoice });
      return invoice;
    } catch (error) {
      // Every edit stays. A 422 lands on its fields; anything else on the row, with « Valider » to try again.
      this.reportError(error);
      if (error instanceof ApiError && error.kind === 'validation' && error.fieldErrors.length) {
        const server: Partial<Record<Field, string>> = {};
        for (const e of error.fieldErrors) if ((FIELDS as readonly string[]).includes(e.field)) server[e.field as Field] = e.message;
        // The same key would replay this 422: the corrected fields get a new one.
        this.change(row, { server, validating: false, idempotencyKey: undefined, error: Object.keys(server).length ? '' : this.errorMessage(error) });
        const field = FIELDS.find((f) => server[f]);
        if (field) {
          await this.updateComplete;
          this.shadowRoot?.getElementById(`${field}-${row.pending.id}`)?.focus();
        }
      } else {
        this.change(row, { validating: false, error: this.errorMessage(error) });
      }
      return null;
    }
  }

  // ---- deleting -----------------------------------------------------------------------------------

  private confirmDelete(row: ValidationRow): void {
    this.confirming = row;
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private deleteConfirmed = async (): Promise<void> => {
    const row = this.confirming;
    this.dialog?.close();
    if (!row || !this.client) return;
    try {
      await this.client.call('deletePending', { params: { pendingId: row.pending.id } });
      this.rows = this.rows.filter((r) => r !== row);
      this.notice = this.t.validate.removed(row.pending.fileName);
      this.emit(AKTO_PENDING_DELETED, { pending: row.pending });
      if (!this.rows.length) this.emit(AKTO_VALIDATION_COMPLETE, { validated: [...this.validated] });
    } catch (error) {
      this.reportError(error);
      this.change(row, { error: this.errorMessage(error) });
    }
  };
}
