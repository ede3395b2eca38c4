/**
 * Step 2's table drawn from the field catalogue: the header (« A Numéro de facture »…) and one row
 * an invoice, its inputs A–F with their problem and note tied by aria-describedby. Templates only:
 * the row's data comes in, the user's acts go out through `on`, by the row's id.
 *
 * One <tr> an invoice, its cells in the header's order (file, A–F, « Envoyé le », actions), so the
 * table's semantics hold whatever the layout: the styles put the file on a line of its own above
 * the fields, and the actions under them, so A–F and « Envoyé le » fit beside the preview.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldErrors } from '../../core/validation-form-controller.js';
import { formatAmount, formatDateTime, formatSiren, type Locale, type Translation } from '../../i18n/index.js';
import { FIELD_SPECS, FIELDS, type FieldKey, type TextFieldKey } from '../../rules/fields.js';
import { checkSiret } from '../../rules/siren.js';
import { foundCount, sirenOffer, type ValidationRow } from './rows.js';

/** What a row can ask of the element. */
export interface RowActions {
  select(id: string, on: boolean): void;
  edit(id: string, field: TextFieldKey, value: string): void;
  touch(id: string, field: FieldKey): void;
  typeDossier(id: string, value: string): void;
  addDossier(id: string): void;
  removeDossier(id: string, number: string): void;
  /** « Partir du SIREN … »: an empty SIRET starts from these 9 digits. */
  startSiret(id: string, siren: string): void;
  validate(id: string): void;
  preview(id: string): void;
  remove(id: string): void;
}

export interface RowView {
  t: Translation;
  locale: Locale;
  /** More than one row: each gets its selection box. */
  several: boolean;
  previewId: string;
  /** The row's problems now (read only for a field whose problem shows: it may run the rules), and whether each one shows yet. */
  readonly errors: FieldErrors;
  shown: (field: FieldKey) => boolean;
  /** The problem of the dossier being typed in D's add field, once D was touched. */
  newDossierError?: string;
  /** Each listed dossier's own problem, by number, shown beside it (D's error under the add field is then not repeated). */
  dossierErrors: ReadonlyMap<string, string>;
  on: RowActions;
}

/** Above a table of several: « Tout sélectionner », and « Valider les N factures sélectionnées » once some are. */
export function bulkBar(t: Translation, rows: readonly ValidationRow[], on: { selectAll: (on: boolean) => void; validate: (ids: string[]) => void }): TemplateResult {
  const v = t.validate;
  const selected = rows.filter((r) => r.selected).map((r) => r.pending.id);
  return html`<div class="bulk">
    <label><input type="checkbox" .checked=${rows.every((r) => r.selected)} @change=${(e: Event) => on.selectAll((e.target as HTMLInputElement).checked)} /> ${v.selectAll}</label>
    ${selected.length ? html`<button class="button" @click=${() => on.validate(selected)}>${v.validateSelected(selected.length)}</button>` : nothing}
  </div>`;
}

/** D's suggestions from the entity's dossiers as the user types, one list for every row's add field (the rows are the entity's). */
export function suggestionList(suggestions: readonly { number: string; title: string }[]): TemplateResult {
  return html`<datalist id="suggestions">${suggestions.map((s) => html`<option value=${s.number}>${s.title}</option>`)}</datalist>`;
}

/** The header: the file, A–F from the catalogue, « Envoyé le », the actions. */
export function headerRow(t: Translation): TemplateResult {
  const v = t.validate;
  return html`<tr>
    <th scope="col" id="col-file" class="file-col">${v.fileColumn}</th>
    ${FIELDS.map((f) => html`<th scope="col" id=${`col-${f.key}`}><span class="letter" aria-hidden="true">${f.letter} </span>${v.columns[f.label]}</th>`)}
    <th scope="col" class="sent-col">${v.columns.sentAt}</th>
    <th scope="col" class="actions-col"><span class="visually-hidden">${t.invoiceList.columns.actions}</span></th>
  </tr>`;
}

/** What a text field's cell shows: its problem once shown, its note, and the two tied to the input. */
interface CellView {
  /** From the catalogue (FIELD_SPECS): its letter, its input mode, `num` for an amount. */
  letter: string;
  inputMode: string | typeof nothing;
  className: string;
  label: string;
  error: string | undefined;
  note: string;
  invalid: 'true' | 'false';
  describedBy: string | typeof nothing;
}

function cellView(row: ValidationRow, field: TextFieldKey, view: RowView): CellView {
  const error = view.shown(field) ? view.errors[field] : undefined;
  const text = note(row, field, view);
  const id = row.pending.id;
  const ids = [error ? `${field}-${id}-error` : '', text ? `${field}-${id}-note` : ''].filter(Boolean);
  const spec = FIELD_SPECS[field];
  return {
    letter: spec.letter,
    inputMode: spec.inputMode ?? nothing,
    className: spec.kind === 'amount' ? 'num' : '',
    label: view.t.validate.columns[spec.label],
    error,
    note: text,
    invalid: error ? 'true' : 'false',
    describedBy: ids.length ? ids.join(' ') : nothing,
  };
}

/** A cell's problem and note under its input. */
function below(field: FieldKey, id: string, cell: { error?: string; note: string }): TemplateResult | typeof nothing {
  if (!cell.error && !cell.note) return nothing;
  return html`${cell.error ? html`<p class="error" id=${`${field}-${id}-error`}>${cell.error}</p>` : nothing}${cell.note ? html` <p class="info" id=${`${field}-${id}-note`}>${cell.note}</p>` : nothing}`;
}

/** The cells of renderRow's template, in order: the catalogue's (FIELDS), checked by a test. */
export const ROW_CELLS = ['invoiceNumber', 'amountHT', 'amountTTC', 'dossiers', 'invoiceDate', 'siret'] as const satisfies readonly FieldKey[];

/**
 * One invoice's row. Its cells A–F are written out in one template, in the catalogue's order
 * (ROW_CELLS), each cell's letter, input mode and label read from the catalogue: one template a row
 * to clone, not one a cell, which was most of the time 50 rows took to draw.
 */
export function renderRow(row: ValidationRow, view: RowView): TemplateResult {
  const t = view.t.validate;
  const { id, fileName } = row.pending;
  const { on } = view;
  const [a, b, c, e, f] = (['invoiceNumber', 'amountHT', 'amountTTC', 'invoiceDate', 'siret'] as const).map((field) => cellView(row, field, view)) as [CellView, CellView, CellView, CellView, CellView];
  const value = (field: TextFieldKey) => (event: Event) => on.edit(id, field, (event.target as HTMLInputElement).value);
  const touch = (field: FieldKey) => () => on.touch(id, field);
  const offer = sirenOffer(row);
  return html`<tr class=${id === view.previewId ? 'selected-preview' : ''}>
    <th scope="row" id=${`row-${id}`}>
      ${view.several ? html`<input type="checkbox" aria-label=${t.select(fileName)} .checked=${row.selected} @change=${(e: Event) => on.select(id, (e.target as HTMLInputElement).checked)} />` : nothing}
      <span class="file-name" id=${`name-${id}`}>${fileName}</span>
      ${row.pending.creditNote ? html`<span class="badge">${t.creditNote}</span>` : nothing}
    </th>
    <td data-letter=${a.letter} data-label=${a.label} class=${a.className}>
      <input type="text" id=${`invoiceNumber-${id}`} inputmode=${a.inputMode} autocomplete="off" aria-labelledby=${`col-invoiceNumber name-${id}`} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} .value=${row.values.invoiceNumber} @input=${value('invoiceNumber')} @blur=${touch('invoiceNumber')} />
      ${below('invoiceNumber', id, a)}
    </td>
    <td data-letter=${b.letter} data-label=${b.label} class=${b.className}>
      <input type="text" id=${`amountHT-${id}`} inputmode=${b.inputMode} autocomplete="off" aria-labelledby=${`col-amountHT name-${id}`} aria-invalid=${b.invalid} aria-describedby=${b.describedBy} .value=${row.values.amountHT} @input=${value('amountHT')} @blur=${touch('amountHT')} />
      ${below('amountHT', id, b)}
    </td>
    <td data-letter=${c.letter} data-label=${c.label} class=${c.className}>
      <input type="text" id=${`amountTTC-${id}`} inputmode=${c.inputMode} autocomplete="off" aria-labelledby=${`col-amountTTC name-${id}`} aria-invalid=${c.invalid} aria-describedby=${c.describedBy} .value=${row.values.amountTTC} @input=${value('amountTTC')} @blur=${touch('amountTTC')} />
      ${below('amountTTC', id, c)}
    </td>
    ${renderDossiers(row, view)}
    <td data-letter=${e.letter} data-label=${e.label} class=${e.className}>
      <input type="text" id=${`invoiceDate-${id}`} inputmode=${e.inputMode} autocomplete="off" aria-labelledby=${`col-invoiceDate name-${id}`} aria-invalid=${e.invalid} aria-describedby=${e.describedBy} .value=${row.values.invoiceDate} @input=${value('invoiceDate')} @blur=${touch('invoiceDate')} />
      ${below('invoiceDate', id, e)}
    </td>
    <td data-letter=${f.letter} data-label=${f.label} class=${f.className}>
      <input type="text" id=${`siret-${id}`} inputmode=${f.inputMode} autocomplete="off" aria-labelledby=${`col-siret name-${id}`} aria-invalid=${f.invalid} aria-describedby=${f.describedBy} .value=${row.values.siret} @input=${value('siret')} @blur=${touch('siret')} />
      ${below('siret', id, f)}
      ${offer
        ? html`<button class="link offer" type="button" @click=${() => on.startSiret(id, offer.siren)}>
            ${offer.fromPdf ? t.sirenFromPdf(formatSiren(offer.siren)) : t.sirenOfEntity(formatSiren(offer.siren))}
          </button>`
        : nothing}
    </td>
    <td data-label=${t.columns.sentAt} class="sent">${sentAt(row, view.locale)}</td>
    <td class="row-actions">
      <div class="actions">
        ${row.error ? html`<p class="row-error" role="alert">${row.error}</p>` : row.scanned ? html`<p class="info row-note">${t.scanned}</p>` : nothing}
        ${row.pending.hasPdf
          ? html`<button class="button secondary" aria-label=${t.showPreview(fileName)} aria-pressed=${String(id === view.previewId)} @click=${() => on.preview(id)}>${t.previewButton}</button>`
          : nothing}
        <button class="button quiet" aria-label=${t.removeLabel(fileName)} @click=${() => on.remove(id)}>${t.remove}</button>
        <button class="button" aria-label=${t.validateLabel(fileName)} aria-disabled=${row.validating ? 'true' : 'false'} @click=${() => on.validate(id)}>${row.validating ? t.validating : t.validate}</button>
      </div>
    </td>
  </tr>`;
}

/** « Envoyé le » written once an invoice and language: it never changes, and Intl's date formatting was the largest piece of drawing a row again (profiled). */
const sentAtText = new WeakMap<ValidationRow['pending'], { locale: Locale; text: string }>();

function sentAt(row: ValidationRow, locale: Locale): string {
  const known = sentAtText.get(row.pending);
  if (known?.locale === locale) return known.text;
  const text = formatDateTime(row.pending.sentAt, locale);
  sentAtText.set(row.pending, { locale, text });
  return text;
}

function renderDossiers(row: ValidationRow, view: RowView): TemplateResult {
  const t = view.t.validate;
  const { id, fileName } = row.pending;
  const { on } = view;
  // A listed dossier's problem shows beside it; under the add field, only what is the field's (none listed, the number typed there).
  const error = view.shown('dossiers') && !view.dossierErrors.size ? view.errors.dossiers : undefined;
  const shownError = view.newDossierError ?? error;
  const found = foundCount(row);
  return html`<td data-letter=${FIELD_SPECS.dossiers.letter} data-label=${t.columns.dossiers}>
    ${found === null ? nothing : html`<p class="found" id=${`found-${id}`}>${t.dossiersFound(found)}</p>`}
    <ul class="dossiers" aria-labelledby=${`col-dossiers name-${id}`}>
      ${row.dossiers.map((number, index) => {
        const problem = view.dossierErrors.get(number);
        const errorId = `dossier-${id}-${index}-error`;
        return html`<li class=${problem ? 'invalid' : ''}>
          <span class="number">${number}</span>
          <button class="mini" type="button" id=${`dossier-${id}-${index}`} aria-label=${t.removeDossier(number)} aria-describedby=${problem ? errorId : nothing} @click=${() => on.removeDossier(id, number)}>−</button>
          ${problem ? html`<p class="error" id=${errorId}>${problem}</p>` : nothing}
        </li>`;
      })}
    </ul>
    <div class="add">
      <input
        type="text"
        id=${`dossiers-${id}`}
        list="suggestions"
        autocomplete="off"
        aria-label=${t.newDossier}
        aria-invalid=${shownError ? 'true' : 'false'}
        aria-describedby=${describedBy(row, 'dossiers', shownError, view)}
        .value=${row.newDossier}
        @input=${(e: Event) => on.typeDossier(id, (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), on.addDossier(id))}
      />
      <button class="mini" type="button" aria-label=${t.addDossierLabel(fileName)} @click=${() => on.addDossier(id)}>+</button>
    </div>
    ${shownError ? html`<p class="error" id=${`dossiers-${id}-error`}>${shownError}</p>` : nothing} ${renderNote(row, 'dossiers', view)}
  </td>`;
}

/**
 * A note under a field, not an error: a value pre-filled from the PDF to check, the e-invoice's
 * own value when the server read another, or a SIRET INSEE could not be asked about.
 */
function note(row: ValidationRow, field: FieldKey, view: RowView): string {
  const t = view.t.validate;
  if (row.prefilled.includes(field)) return t.fromReading;
  if (field === 'siret' && row.siretStatus?.status === 'unchecked') {
    const siret = checkSiret(row.values.siret);
    if (siret.ok && siret.value === row.siretStatus.siret) return t.siretUnchecked;
  }
  const other = row.differs[field];
  if (other === undefined) return '';
  const spec = FIELD_SPECS[field];
  const shown = spec.kind === 'amount' ? formatAmount(other.value as number, view.locale) : String((spec.format as (v: unknown) => unknown)(other.value));
  return t.differs[field as TextFieldKey](shown);
}

function renderNote(row: ValidationRow, field: FieldKey, view: RowView): TemplateResult | typeof nothing {
  const text = note(row, field, view);
  return text ? html`<p class="info" id=${`${field}-${row.pending.id}-note`}>${text}</p>` : nothing;
}

/** The error and the note under a field, for its aria-describedby. */
function describedBy(row: ValidationRow, field: FieldKey, error: string | undefined, view: RowView): string | typeof nothing {
  const id = row.pending.id;
  const ids = [error ? `${field}-${id}-error` : '', note(row, field, view) ? `${field}-${id}-note` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}
