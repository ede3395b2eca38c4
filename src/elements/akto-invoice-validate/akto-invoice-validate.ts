import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { InvoiceSummary, PendingInvoice } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { textAttribute } from '../../core/attributes.js';
import { DraftsController } from '../../core/drafts-controller.js';
import { AKTO_INVOICE_VALIDATED, AKTO_PENDING_DELETED, AKTO_VALIDATION_COMPLETE } from '../../core/events.js';
import { LatestLookupController } from '../../core/latest-lookup-controller.js';
import { readingSlot } from '../../core/limit.js';
import { buttons } from '../../core/tokens.js';
import { ValidationFormController, type FieldErrors } from '../../core/validation-form-controller.js';
import { ruleText, toLocale, type Locale, type Translation } from '../../i18n/index.js';
import { checkDossierNumber, checkSiret, FIELD_KEYS, type AmountLocale, type FieldKey, type RuleFailure, type TextFieldKey } from '../../rules/index.js';
import { AktoPdfPreview } from '../akto-pdf-preview/akto-pdf-preview.js';
import { confirmDialog, previewPanel } from './panels.js';
import { bulkBar, headerRow, renderRow, suggestionList, type RowActions } from './row-template.js';
import { askInsee, dossierKnown, dossierSuggestions, PreviewDownload } from './lookups.js';
import { contextOf, dossierProblems, inseeVerdict, prefill, relocalized, rowFor, validationRequest, valuesOf, type ValidationRow } from './rows.js';
import { validateStyles } from './styles.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { ApiController } from '../../core/api-controller.js';
import { Configurable } from '../../core/config.js';
import { afterNextPaint } from '../../core/after-paint.js';

/** The guide's fields A–F, in its order (the catalogue's, src/rules/fields.ts). */
export const FIELDS = FIELD_KEYS;
export type Field = FieldKey;
export type { ValidationRow } from './rows.js';

/** Resolves once the next frame was painted (see afterNextPaint: 100 ms at most, a hidden tab paints none). */
const afterPaint = () => new Promise<void>((resolve) => afterNextPaint(resolve));

/**
 * A long table's first frame draws the rows that reach the bottom of the window, the rest in the
 * next task: these first, then as many more as their height says the window still has room for
 * (see fillFirstScreen). Four rows are nearly a window at 1,280 × 900 (the table starts 230 px
 * down, a row is 135 px) and more than one on a phone, where a row is a card.
 */
const FIRST_ROWS = 4;
/** Rows drawn a task at a time after the first screen (traced: about 0.6 ms of script a row, so 40 in one task stay under 50 ms). */
const ROWS_PER_TASK = 40;

/** A new task, after those already queued. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

type SavedEdits = Record<string, { values: Record<TextFieldKey, string>; dossiers: string[] }>;

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
 * @csspart preview-toolbar - The PDF preview's toolbar (`<akto-pdf-preview>`'s `toolbar`; likewise `preview-canvas`).
 *
 * @cssproperty --akto-color-warning-bg - The banner.
 * @cssproperty --akto-preview-height - The preview's height (70vh).
 */
export class AktoInvoiceValidate extends Configurable(AktoElement) {
  static override styles = [...AktoElement.styles, buttons, validateStyles];
  static override dependencies = { 'akto-pdf-preview': AktoPdfPreview };

  private l10n = new LocalizeController(this, frSteps);
  private api = new ApiController(this, this.l10n);

  /** The entity (SIREN) whose pending invoices are shown. */
  @property({ reflect: true, converter: textAttribute }) entity = '';
  /** Pending invoices handed over by step 1, shown at once (the server's list is loaded too). */
  @property({ attribute: false }) pending: PendingInvoice[] = [];
  /** Accepted dossier letter prefixes (`AF,CA,DCA`); every well-formed number when empty. */
  @property({ attribute: 'dossier-prefixes', converter: textAttribute }) dossierPrefixes = '';

  @state() private rows: readonly ValidationRow[] = [];
  @state() private previewId = '';
  @state() private notice = '';
  @state() private problem = '';
  @state() private confirming: ValidationRow | null = null;
  @state() private suggestions: { number: string; title: string }[] = [];
  /**
   * How many of the rows are drawn: all of them, save in the frames just after a long table's
   * rows arrived (its first screen first, then the rest). Rows not drawn lose nothing: their
   * values and form state are data (`rows`, `form`); whatever needs one of them draws the rest at once.
   */
  private drawnRows = Infinity;
  /** Rows in the last render's table: 0 until rows arrive, and again once every row left. */
  private renderedRows = 0;
  /** The drawing of the rest that is current (drawAll or a newer arrival stops an older one). */
  private drawingRest = 0;
  @query('dialog') private dialog?: HTMLDialogElement;
  /** Where the focus goes when no invoice is left (focusable by script only). */
  @query('#heading') private heading?: HTMLElement;
  private validated: InvoiceSummary[] = [];
  private form = new ValidationFormController(this, { message: (failure) => this.ruleMessage(failure) });
  private lookups = new LatestLookupController(this);
  /** The language the rows' amounts are written in: they are written again when the user's changes. */
  private valuesLocale: AmountLocale = 'fr';
  /** SIRETs that arrived filled in (the server's reading, the PDF, a draft) and were asked of INSEE: once each. */
  private inseeAsked = new Set<string>();
  /** Rows whose SIRET the user typed: theirs is asked as they type, not as an arrival. */
  private siretTyped = new Set<string>();
  /** Rows whose PDF the browser read (or is reading): once each. */
  private readStarted = new Set<string>();
  /** The previewed PDF's download, which the reading of the same invoice takes instead of downloading it again. */
  private previewPdf = new PreviewDownload<Blob>();

  private serverPending = new Task(this, {
    task: async ([connection, entity], { signal }) => (connection && entity && this.api.client ? (await this.api.client.call('listPending', { params: { siren: entity }, signal })).items : undefined),
    args: () => [this.api.key, this.entity] as const,
    onComplete: (items) => items && this.merge(items, true),
    onError: (error) => {
      this.api.reportError(error);
      this.problem = this.api.errorMessage(error);
    },
  });

  private pdf = new Task(this, {
    task: async ([connection, id], { signal }) => {
      if (!connection || !this.row(id)?.pending.hasPdf || !this.api.client) return null;
      await afterPaint(); // the rows are drawn first: the download's request and pdf.js would delay that frame
      while (this.drawnRows !== Infinity && !signal.aborted) await afterPaint(); // a long table's rest too
      signal.throwIfAborted();
      return this.previewPdf.fetch(id, () => this.api.client!.call('getPendingPdf', { params: { pendingId: id }, signal }));
    },
    args: () => [this.api.key, this.previewId] as const,
    onError: this.api.reportError,
  });

  /** How many invoices are still to validate on screen. */
  get remaining(): number {
    return this.rows.length;
  }

  // ---- drafts: the edits kept in this browser until validated or deleted ----

  /** What an earlier visit left (after a reload), put back on rows the user has not touched since. */
  private savedEdits?: SavedEdits;

  private drafts = new DraftsController<SavedEdits>(this, {
    key: () => (this.api.draftScope && this.entity ? `validate|${this.api.draftScope}|${this.entity}` : undefined),
    maxAgeMs: () => this.api.draftsMaxAgeMs,
    onLoad: (saved = {}) => {
      this.savedEdits = saved;
      this.rows = this.rows.map((row) => this.withEdits(row));
    },
    // Nothing left once the server's list has come: the draft goes. Before it, an empty screen says nothing.
    value: () => {
      if (!this.savedEdits) return undefined;
      if (this.rows.length) return Object.fromEntries(this.rows.map((r) => [r.pending.id, { values: { ...r.values }, dossiers: [...r.dossiers] }]));
      return this.serverPending.status === TaskStatus.COMPLETE ? null : undefined;
    },
  });

  private withEdits(row: ValidationRow): ValidationRow {
    const edits = this.savedEdits?.[row.pending.id];
    if (!edits || this.form.isTouched(row.pending.id)) return row;
    return { ...row, values: { ...row.values, ...edits.values }, dossiers: [...edits.dossiers] };
  }

  // ---- rows -----------------------------------------------------------------------------------------

  private row(id: string): ValidationRow | undefined {
    return this.rows.find((r) => r.pending.id === id);
  }

  /** A row's change: a new row in a new list, never a change in place. */
  private patch(id: string, change: Partial<ValidationRow> | ((row: ValidationRow) => Partial<ValidationRow>)): void {
    this.rows = this.rows.map((r) => (r.pending.id === id ? { ...r, ...(typeof change === 'function' ? change(r) : change) } : r));
  }

  private drop(id: string): void {
    this.rows = this.rows.filter((r) => r.pending.id !== id);
    this.form.forget(id);
    this.siretTyped.delete(id);
  }

  /** Adds invoices not on screen yet; rows keep their edits. The server's list also drops what it no longer holds. */
  private merge(items: PendingInvoice[], authoritative: boolean): void {
    const ids = new Set(items.map((p) => p.id));
    const kept = authoritative ? this.rows.filter((r) => ids.has(r.pending.id) || r.validating) : this.rows;
    const added = items.filter((p) => !this.row(p.id)).map((p) => this.withEdits(rowFor(p, this.valuesLocale)));
    this.rows = [...kept, ...added];
    this.problem = '';
  }

  /** The language amounts are typed and shown in: the translation's on screen (French while English loads). */
  private get inputLocale(): AmountLocale {
    return toLocale(this.l10n.t.locale) === 'en' ? 'en' : 'fr';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const locale = this.inputLocale;
    if (locale !== this.valuesLocale) {
      const from = this.valuesLocale;
      this.valuesLocale = locale;
      this.rows = this.rows.map((row) => relocalized(row, from, locale));
    }
    if (changed.has('pending') && this.pending.length) this.merge(this.pending, false);
    // Rows arriving on an empty table: the first screen first.
    if (this.renderedRows === 0 && this.drawnRows === Infinity && this.rows.length > FIRST_ROWS) {
      this.drawnRows = FIRST_ROWS;
      void this.updateComplete.then(() => this.fillFirstScreen());
      this.drawRest();
    }
    if (!this.row(this.previewId)) this.previewId = this.rows.find((r) => r.pending.hasPdf)?.pending.id ?? '';
  }

  /**
   * The first rows drawn do not reach the bottom of the window: as many more as their height says
   * it has room for, before the frame. Reading their layout does early the layout the frame would
   * do; the rows added are laid out on top of it. (A window's worth guessed from its height alone
   * was 8 rows at 900 px high, where 5 were seen.)
   */
  private fillFirstScreen(): void {
    if (this.drawnRows === Infinity || !this.isConnected) return;
    const rows = this.renderRoot.querySelectorAll('tbody > tr');
    const top = rows[0]?.getBoundingClientRect().top ?? 0;
    const bottom = rows[rows.length - 1]?.getBoundingClientRect().bottom ?? 0;
    // Not laid out (hidden), or below the window: nothing of it is seen yet, the rest comes in the next task.
    if (bottom <= top || bottom >= innerHeight) return;
    const more = Math.ceil((innerHeight - bottom) / ((bottom - top) / rows.length));
    this.drawnRows = this.drawnRows + more >= this.rows.length ? Infinity : this.drawnRows + more;
    this.requestUpdate();
  }

  /**
   * The rows not drawn yet, after the frame that shows those drawn, ROWS_PER_TASK a task; a task
   * more to wait, so that what was queued at that frame (the user's input, the page's own work)
   * runs before it.
   */
  private drawRest(): void {
    const drawing = ++this.drawingRest;
    void afterPaint().then(nextTask).then(() => {
      if (drawing !== this.drawingRest || this.drawnRows === Infinity) return;
      const next = this.drawnRows + ROWS_PER_TASK;
      this.drawnRows = next >= this.rows.length ? Infinity : next;
      this.requestUpdate();
      if (this.drawnRows !== Infinity) this.drawRest();
    });
  }

  /** Every row drawn by the next update (a focus must reach a row not drawn yet). */
  private drawAll(): void {
    this.drawingRest++;
    if (this.drawnRows === Infinity) return;
    this.drawnRows = Infinity;
    this.requestUpdate();
  }

  /**
   * The readings and INSEE's questions wait for the frame that shows the rows (their requests and
   * work would delay it): every row's, a long table's rest included.
   */
  private arrivalsQueued = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.arrivalsQueued || !this.rows.length || this.drawnRows !== Infinity) return;
    this.arrivalsQueued = true;
    void afterPaint().then(nextTask).then(() => {
      this.arrivalsQueued = false;
      if (!this.isConnected) return; // read and asked when it is back (its next update)
      for (const row of this.rows) if (row.pending.hasPdf && !this.readStarted.has(row.pending.id)) void this.readPdf(row.pending.id);
      this.askInseeOnArrival();
    });
  }

  /**
   * A SIRET that arrived filled in is asked of INSEE at once, as a typed one is: « inconnu » or
   * « fermé » shows before « Valider ». One request a SIRET, whatever the rows that carry it.
   */
  private askInseeOnArrival(): void {
    for (const row of this.rows) {
      if (this.siretTyped.has(row.pending.id)) continue;
      const checked = checkSiret(row.values.siret);
      if (!checked.ok || row.siretStatus?.siret === checked.value || this.inseeAsked.has(checked.value)) continue;
      const siret = checked.value;
      this.inseeAsked.add(siret);
      this.lookups.later(`insee-${siret}`, 0, async (signal) => {
        const status = this.api.client && (await askInsee(this.api.client, siret, signal, (error) => this.api.reportError(error)));
        if (!status) return void this.inseeAsked.delete(siret); // aborted (the element left): asked again when it is back
        // Rows still showing that SIRET with no answer of their own (a typed one's answer is newer).
        this.rows = this.rows.map((r) => (checkSiret(r.values.siret).ok && r.values.siret.replace(/\s/g, '') === siret && r.siretStatus?.siret !== siret ? { ...r, siretStatus: { siret, status } } : r));
      });
    }
  }

  /** Reads the invoice's PDF in the browser (its own chunk): fills in what the server could not read, says where the e-invoice differs. */
  private async readPdf(id: string): Promise<void> {
    this.readStarted.add(id);
    if (!this.api.client) return;
    try {
      const reading = await readingSlot(async () => {
        const [pdf, { readInvoice }] = await Promise.all([this.previewPdf.take(id, () => this.api.client!.call('getPendingPdf', { params: { pendingId: id } })), import('../../reader/index.js')]);
        return readInvoice(pdf);
      });
      if (reading.status === 'ok') this.patch(id, (row) => prefill(row, reading, this.valuesLocale));
      else if (reading.status === 'scan') this.patch(id, { scanned: true });
    } catch {
      // No preview of the data: the fields stay as the server read them.
    }
  }

  // ---- rules ----------------------------------------------------------------------------------------

  /** A rule's failure in the user's language: the one place a failure code becomes text. */
  private ruleMessage(failure: RuleFailure): string {
    return ruleText(this.drawing?.t ?? this.l10n.t, failure);
  }

  /** The attribute read once a value, not once a row: the same list while it says the same. */
  private prefixesOf?: { attribute: string; list: string[] | undefined };

  private get prefixes(): string[] | undefined {
    if (this.prefixesOf?.attribute !== this.dossierPrefixes) {
      const list = this.dossierPrefixes ? this.dossierPrefixes.split(',').map((p) => p.trim().toUpperCase()).filter(Boolean) : undefined;
      this.prefixesOf = { attribute: this.dossierPrefixes, list };
    }
    return this.prefixesOf.list;
  }

  /** Every field's problem now: the catalogue's rules, then INSEE's answer, then the server's last word. */
  errors(row: ValidationRow): FieldErrors {
    return this.form.errors(row.pending.id, valuesOf(row), contextOf(row, this.prefixes, this.valuesLocale), { ...inseeVerdict(row), ...this.dossierVerdict(row) });
  }

  /** A listed dossier the entity does not have, as D's failure (the rules alone cannot know it). */
  private dossierVerdict(row: ValidationRow): { dossiers?: RuleFailure } {
    const unknown = [...dossierProblems(row, this.prefixes).values()].find((f) => f.code === 'dossierUnknown');
    return unknown ? { dossiers: unknown } : {};
  }

  // ---- rendering ----------------------------------------------------------------------------------

  /**
   * The language during one render, read once: each read of the controller's walks up the page
   * for a `lang`, and the rows would read it a few times each.
   */
  private drawing?: { t: Translation; locale: Locale };

  protected override update(changed: PropertyValues<this>): void {
    this.drawing = { t: this.l10n.t, locale: this.l10n.locale };
    try {
      super.update(changed);
    } finally {
      this.drawing = undefined;
    }
  }

  override render() {
    const { t: tr, locale } = this.drawing ?? { t: this.l10n.t, locale: this.l10n.locale };
    const t = tr.validate;
    const previewRow = this.row(this.previewId);
    const several = this.rows.length > 1;
    // The first rows only while the rest waits for the next task; the table's aria-rowcount counts them all.
    const drawn = this.drawnRows < this.rows.length ? this.rows.slice(0, this.drawnRows) : this.rows;
    this.renderedRows = drawn.length;
    return html`<section aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${t.heading}</h2>
      <p class="banner" part="banner">${t.banner}</p>
      <div role="status">${this.notice ? html`<p class="notice success">${this.notice}</p>` : nothing}</div>
      ${this.problem
        ? html`<div class="notice error" role="alert">
            <p>${this.problem}</p>
            <button class="button secondary" @click=${() => this.serverPending.run()}>${tr.common.retry}</button>
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
              ${several ? bulkBar(tr, this.rows, { selectAll: (on) => this.selectAll(on), validate: (ids) => void this.validateRows(ids) }) : nothing}
              <table part="table" aria-rowcount=${this.rows.length + 1}>
                <caption>${t.caption(this.rows.length)}</caption>
                <thead>${headerRow(tr)}</thead>
                <tbody>
                  ${repeat(
                    drawn,
                    (r) => r.pending.id,
                    // A row is drawn again only when something it shows changed: an edit draws one row, not 50.
                    (r) =>
                      guard([r, this.form.state(r.pending.id), r.pending.id === this.previewId, several, tr, locale, this.prefixes, this.valuesLocale], () =>
                        this.renderRow(r, tr, locale, several),
                      ),
                  )}
                </tbody>
              </table>
              ${suggestionList(this.suggestions)}
            </div>
            ${previewRow ? previewPanel(tr, previewRow.pending.fileName, this.pdf, (error) => this.api.errorMessage(error)) : nothing}
          </div>`}
      ${confirmDialog(tr, this.confirming?.pending.fileName, {
        closed: () => !this.dialog?.open && (this.confirming = null), // a close event can arrive after the dialog was opened again for another row
        cancel: () => this.dialog?.close(),
        confirm: this.deleteConfirmed,
      })}
    </section>`;
  }

  /** One row; everything it shows comes from the row, its form's state and what `render` hands it (see the guard there). */
  private renderRow(row: ValidationRow, t: Translation, locale: Locale, several: boolean) {
    const id = row.pending.id;
    const adding = row.newDossier.trim() && this.form.isTouched(id, 'dossiers') ? this.form.message(checkDossierNumber(row.newDossier)) : undefined;
    // INSEE's « inconnu » or « fermé » shows as soon as it is known, as any look-up's answer; a dossier the entity lacks likewise.
    const insee = Boolean(inseeVerdict(row).siret);
    const problems = dossierProblems(row, this.prefixes);
    const dossierErrors = new Map<string, string>();
    for (const [number, failure] of problems) if (failure.code === 'dossierUnknown' || this.form.shown(id, 'dossiers')) dossierErrors.set(number, this.ruleMessage(failure));
    // The rules run when a problem is to be shown (a field touched, « Valider », INSEE's word), not
    // for every row drawn: the 50 rows arriving, or typing in a field not yet left, check nothing.
    let errors: FieldErrors | undefined;
    const errorsNow = () => (errors ??= this.errors(row));
    return renderRow(row, {
      t,
      locale,
      several,
      previewId: this.previewId,
      get errors() {
        return errorsNow();
      },
      shown: (field) => this.form.shown(id, field) || (field === 'siret' && insee),
      newDossierError: adding,
      dossierErrors,
      on: this.actions,
    });
  }

  // ---- editing ------------------------------------------------------------------------------------

  private actions: RowActions = {
    select: (id, selected) => this.patch(id, { selected }),
    edit: (id, field, value) => {
      this.patch(id, (row) => ({ values: { ...row.values, [field]: value }, error: '' }));
      this.form.edited(id, field);
      if (field === 'siret') {
        this.siretTyped.add(id);
        this.lookups.later(`siret-${id}`, 350, (signal) => this.lookupSiret(id, signal));
      }
    },
    // A row leaving the page while one of its fields has the focus blurs it: that row is gone, not touched.
    touch: (id, field) => this.row(id) && this.form.touch(id, field),
    typeDossier: (id, value) => {
      this.patch(id, { newDossier: value });
      const entity = this.row(id)!.pending.entitySiren;
      this.lookups.later(`dossiers-${id}`, 250, (signal) => this.suggest(entity, value, signal));
    },
    addDossier: (id) => {
      const row = this.row(id)!;
      const checked = checkDossierNumber(row.newDossier);
      if (!checked.ok) return this.form.touch(id, 'dossiers');
      const number = checked.value;
      this.patch(id, { dossiers: row.dossiers.includes(number) ? row.dossiers : [...row.dossiers, number], newDossier: '' });
      this.form.edited(id, 'dossiers');
      // Whether the entity has it, asked at once: an unknown number is said beside it, before « Valider ».
      this.lookups.later(`dossier-${id}-${number}`, 0, async (signal) => {
        if (this.api.client && (await dossierKnown(this.api.client, row.pending.entitySiren, number, signal)) === false) this.markUnknown(id, [number]);
      });
    },
    removeDossier: (id, number) => {
      this.patch(id, (row) => ({ dossiers: row.dossiers.filter((d) => d !== number) }));
      this.form.edited(id, 'dossiers');
      this.form.touch(id, 'dossiers');
      void this.updateComplete.then(() => this.shadowRoot?.getElementById(`dossiers-${id}`)?.focus());
    },
    startSiret: (id, siren) => {
      this.actions.edit(id, 'siret', siren);
      void this.updateComplete.then(() => {
        // The caret after the SIREN: the user types the establishment's five digits.
        const input = this.shadowRoot?.getElementById(`siret-${id}`) as HTMLInputElement | null;
        input?.focus();
        input?.setSelectionRange(siren.length, siren.length);
      });
    },
    validate: (id) => void this.validateRows([id]),
    preview: (id) => (this.previewId = id),
    remove: (id) => {
      this.confirming = this.row(id) ?? null;
      void this.updateComplete.then(() => this.dialog?.showModal());
    },
  };

  private selectAll(selected: boolean): void {
    this.rows = this.rows.map((r) => ({ ...r, selected }));
  }

  /** Focus on a field with a problem; for D, on the first listed dossier that has one, else the add field. Draws its row first if need be. */
  private async focusField(id: string, field: FieldKey): Promise<void> {
    if (this.drawnRows !== Infinity && this.rows.findIndex((r) => r.pending.id === id) >= this.drawnRows) {
      this.drawAll();
      await this.updateComplete;
    }
    const row = this.row(id);
    const bad = field === 'dossiers' && row ? row.dossiers.findIndex((d) => dossierProblems(row, this.prefixes).has(d)) : -1;
    this.shadowRoot?.getElementById(bad >= 0 ? `dossier-${id}-${bad}` : `${field}-${id}`)?.focus();
  }

  private markUnknown(id: string, numbers: readonly string[]): void {
    this.patch(id, (row) => ({ unknownDossiers: [...new Set([...row.unknownDossiers, ...numbers])] }));
  }

  /** Asks INSEE (through the API) about a well-formed SIRET, to say « unknown » or « closed » before « Valider »; a newer one aborts it. */
  private async lookupSiret(id: string, signal: AbortSignal): Promise<void> {
    const row = this.row(id);
    const checked = checkSiret(row?.values.siret);
    // Asked again even when that SIRET had an answer: the user typed it, and INSEE's word may have changed.
    if (!row || !checked.ok || !this.api.client) return;
    const status = await askInsee(this.api.client, checked.value, signal, (error) => this.api.reportError(error));
    if (status) this.patch(id, { siretStatus: { siret: checked.value, status } });
  }

  /** Suggestions from the entity's dossiers, as the user types; a newer search aborts it. */
  private async suggest(entity: string, q: string, signal: AbortSignal): Promise<void> {
    if (!this.api.client || q.trim().length < 2) return;
    const found = await dossierSuggestions(this.api.client, entity, q.trim(), signal);
    if (found) this.suggestions = found;
  }

  // ---- validating ---------------------------------------------------------------------------------

  /** « Valider »: the rules first (the fields say what is wrong), then the server, each row once. */
  private async validateRows(ids: string[]): Promise<void> {
    const rows = ids.map((id) => this.row(id)).filter((r): r is ValidationRow => r !== undefined && !r.validating); // a double click validates once
    rows.forEach((row) => this.form.attempt(row.pending.id));
    const ready = rows.filter((r) => !Object.keys(this.errors(r)).length);
    const invalid = rows.find((r) => !ready.includes(r));
    if (invalid) {
      this.notice = '';
      await this.updateComplete;
      await this.focusField(invalid.pending.id, ValidationFormController.firstInvalid(this.errors(invalid))!);
    }
    const results = await Promise.all(ready.map((row) => this.validateRow(row)));
    const done = results.filter((r): r is InvoiceSummary => r !== null);
    if (done.length) {
      this.notice = this.l10n.t.validate.validatedCount(done.length);
      await this.updateComplete;
      const next = this.rows[0];
      (next ? this.shadowRoot?.getElementById(`invoiceNumber-${next.pending.id}`) : this.heading)?.focus();
      if (!this.rows.length) this.emit(AKTO_VALIDATION_COMPLETE, { validated: [...this.validated] });
    }
  }

  private async validateRow(row: ValidationRow): Promise<InvoiceSummary | null> {
    const client = this.api.client;
    if (!client) return null;
    const id = row.pending.id;
    const body = validationRequest(row, this.prefixes, this.valuesLocale);
    const idempotencyKey = row.idempotencyKey ?? newIdempotencyKey();
    this.patch(id, { validating: true, error: '', idempotencyKey });
    try {
      const { invoice } = await client.call('validatePending', { params: { pendingId: id }, body, idempotencyKey });
      this.drop(id);
      this.validated.push(invoice);
      this.emit(AKTO_INVOICE_VALIDATED, { invoice });
      return invoice;
    } catch (error) {
      // Every edit stays. A 422 lands on its fields; anything else on the row, with « Valider » to try again.
      this.api.reportError(error);
      if (error instanceof ApiError && error.kind === 'validation' && error.fieldErrors.length) {
        // « Ce dossier n'existe pas pour cette entité. » names no number: find which, to say it beside that one.
        if (error.fieldErrors.some((e) => e.field === 'dossiers')) await this.traceUnknownDossiers(row);
        const server = this.form.serverSaid(id, error.fieldErrors);
        // The same key would replay this 422: the corrected fields get a new one.
        this.patch(id, { validating: false, idempotencyKey: undefined, error: Object.keys(server).length ? '' : this.api.errorMessage(error) });
        const field = ValidationFormController.firstInvalid(server);
        if (field) {
          await this.updateComplete;
          await this.focusField(id, field);
        }
      } else {
        this.patch(id, { validating: false, error: this.api.errorMessage(error) });
      }
      return null;
    }
  }

  /** Which of the row's well-formed dossiers the entity does not have (each asked; what cannot be told stays unsaid). */
  private async traceUnknownDossiers(row: ValidationRow): Promise<void> {
    const client = this.api.client;
    const numbers = row.dossiers.filter((d) => checkDossierNumber(d, { prefixes: this.prefixes }).ok);
    if (!client || !numbers.length) return;
    const known = await Promise.all(numbers.map((n) => dossierKnown(client, row.pending.entitySiren, n)));
    const unknown = numbers.filter((_, i) => known[i] === false);
    if (unknown.length) this.markUnknown(row.pending.id, unknown);
  }

  // ---- deleting -----------------------------------------------------------------------------------

  private deleteConfirmed = async (): Promise<void> => {
    const row = this.confirming;
    this.dialog?.close();
    if (!row || !this.api.client) return;
    try {
      await this.api.client.call('deletePending', { params: { pendingId: row.pending.id } });
      // The work goes on at the next invoice (the previous one after the last), else at the heading.
      const index = this.rows.findIndex((r) => r.pending.id === row.pending.id);
      this.drop(row.pending.id);
      this.notice = this.l10n.t.validate.removed(row.pending.fileName);
      await this.updateComplete;
      const next = this.rows[Math.min(index, this.rows.length - 1)];
      (next ? this.shadowRoot?.getElementById(`invoiceNumber-${next.pending.id}`) : this.heading)?.focus();
      this.emit(AKTO_PENDING_DELETED, { pending: row.pending });
      if (!this.rows.length) this.emit(AKTO_VALIDATION_COMPLETE, { validated: [...this.validated] });
    } catch (error) {
      this.api.reportError(error);
      this.patch(row.pending.id, { error: this.api.errorMessage(error) });
    }
  };
}
