import { html, nothing, svg, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DepositRequest, Derogation } from '../../api/schemas.js';
import type { QueuedUpload } from '../../core/upload-queue.js';
import { formatFileSize, type Locale, type Translation } from '../../i18n/index.js';

/**
 * An invoice of the deposit: what the user chose for it, nothing else. Its file and upload are in
 * the queue under the same key; its supporting documents are queue keys too. Never changed in
 * place: a change replaces the row.
 */
export interface InvoiceRow {
  readonly key: string;
  readonly creditNote: boolean;
  readonly salaryCosts: boolean;
  readonly derogation: Derogation | null;
  /** The queue keys of its supporting documents. */
  readonly supporting: readonly string[];
  /** What reading the file in the browser found worth saying (a scan, a credit note…). */
  readonly notes: readonly string[];
}

export const invoiceRow = (key: string): InvoiceRow => ({ key, creditNote: false, salaryCosts: false, derogation: null, supporting: [], notes: [] });

/**
 * What step 1 keeps in this browser until the deposit is sent or abandoned (files included), with
 * the idempotency keys its files were uploaded under and its last send's: after a reload, the same
 * files upload again under the same keys (the server gives back the same uploads), so a send
 * whose answer was lost, made again, is the same request and is deposited once.
 */
export interface UploadDraft {
  savedAt: string;
  rows: { file: File; uploadKey?: string; creditNote: boolean; salaryCosts: boolean; derogation: Derogation | null; supporting: File[]; supportingKeys?: string[] }[];
  deposit?: { key: string; request: string };
}

/** A row as its draft keeps it: what the user chose and its files' keys (upload states change often and are not saved). */
export function savedRow({ key, creditNote, salaryCosts, derogation, supporting }: InvoiceRow, item: (key: string) => QueuedUpload): UploadDraft['rows'][number] {
  return {
    file: item(key).file,
    uploadKey: item(key).idempotencyKey,
    creditNote,
    salaryCosts,
    derogation,
    supporting: supporting.map((k) => item(k).file),
    supportingKeys: supporting.map((k) => item(k).idempotencyKey),
  };
}

/** Whether `file` is a saved invoice come back (the same File, or one of the same name and size). */
export const isSavedFile = (saved: UploadDraft['rows'][number], file: File): boolean => file === saved.file || (file.name === saved.file.name && file.size === saved.file.size);

/** A row as the deposit names it: its upload, its boxes, its stored supporting documents or derogation. */
export function depositedInvoice(row: InvoiceRow, uploadId: (key: string) => string | undefined): DepositRequest['invoices'][number] {
  return {
    uploadId: uploadId(row.key)!,
    creditNote: row.creditNote,
    salaryCosts: row.salaryCosts,
    supportingUploadIds: row.supporting.map(uploadId).filter((id): id is string => Boolean(id)),
    derogation: row.derogation,
  };
}

/** What a row's template reads and calls back. */
export interface RowContext {
  t: Translation;
  locale: Locale;
  item: (key: string) => QueuedUpload;
  hasProof: (row: InvoiceRow) => boolean;
  /** Whether files can be dropped (not on a page that refuses our Trusted Types policy): the hints say so only then. */
  canDrop: boolean;
  /** A click on a row's supporting documents' zone (its button included): the step's one picker for them, for this row. */
  pickSupporting: (event: Event, row: InvoiceRow) => void;
  setFlag: (row: InvoiceRow, flag: 'creditNote' | 'salaryCosts', event: Event) => void;
  setDerogation: (row: InvoiceRow, derogation: Derogation, event: Event) => void;
  remove: (row: InvoiceRow, supporting?: string) => void;
  retry: (key: string) => void;
}

/**
 * An invoice's row. Written as few templates as it can be: each nested template is one more clone
 * and walk per row, and 20 rows chosen at once are rendered before their first frame (the icons
 * are static markup in it, the state a class and a text; only what comes and goes is nested).
 * Its supporting documents are chosen with the step's one file input (a file input is the
 * costliest element of a row to create: about 60 % of a row's clone and insertion).
 */
export function renderRow(row: InvoiceRow, context: RowContext): TemplateResult {
  const { t: { upload: t }, locale } = context;
  const item = context.item(row.key);
  const name = item.file.name;
  const proof = context.hasProof(row);
  const percent = Math.round(item.progress * 100);
  const state = stateOf(item, context.t);
  // A refused file is one line: its name (in the reason), why, and the trash; it is not sent, and does not hold the others back.
  if (item.state === 'refused')
    return html`<li class="invoice refused" part="invoice">
      <div class="file"><span class=${state.className}>${state.text}</span> <span class="row-refusal">${item.error}</span> <button class="icon-button" type="button" aria-label=${t.remove(name)} @click=${() => context.remove(row)}>${TRASH}</button></div>
    </li>`;
  return html`<li class="invoice" part="invoice" ?data-incomplete=${!proof}>
    <div class="file">
      <bdi class="name">${name}</bdi>
      <span class="size">${t.fileSize} ${formatFileSize(item.file.size, locale)}</span>
      <span class=${state.className}>${state.text}</span> ${item.state === 'failed' ? retryButton(item, context) : nothing}
      <button class="icon-button" type="button" aria-label=${t.remove(name)} @click=${() => context.remove(row)}><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" fill="none" stroke="currentColor" stroke-width="2"/></svg></button>
    </div>
    ${row.notes.length ? row.notes.map((note) => html`<p class="row-note">${note}</p>`) : nothing}
    ${item.state === 'uploading' ? html`<progress max="100" .value=${percent} aria-label=${t.uploading(percent)}></progress>` : nothing}
    <div class="checks">
      <label><input type="checkbox" .checked=${row.creditNote} @change=${(e: Event) => context.setFlag(row, 'creditNote', e)} />${t.creditNote}</label>
      <label><input type="checkbox" .checked=${row.salaryCosts} @change=${(e: Event) => context.setFlag(row, 'salaryCosts', e)} />${t.salaryCosts}</label>
    </div>
    <div class="supporting">
      <h3 id="supporting-${row.key}">${t.supporting}</h3>
      <div class="dropzone small" data-kind="supporting" data-row=${row.key} @click=${(e: Event) => context.pickSupporting(e, row)}>
        <button class="button secondary" type="button" aria-describedby="supporting-hint-${row.key}">${t.addSupporting}</button>
        <span class="hint" id="supporting-hint-${row.key}">${context.canDrop ? `${t.dropSupporting} · ` : ''}${t.supportingHint}</span>
      </div>
      ${row.supporting.length
        ? html`<ul aria-labelledby=${`supporting-${row.key}`}>
            ${repeat(row.supporting, (key) => key, (key) => renderSupporting(row, context.item(key), context))}
          </ul>`
        : nothing}
      <fieldset class="derogations">
        <legend>${t.derogationLegend}</legend>
        <label><input type="checkbox" .checked=${row.derogation === 'adherent'} @change=${(e: Event) => context.setDerogation(row, 'adherent', e)} />${t.derogationAdherent}</label>
        <label><input type="checkbox" .checked=${row.derogation === 'cfa-of'} @change=${(e: Event) => context.setDerogation(row, 'cfa-of', e)} />${t.derogationCfaOf}</label>
      </fieldset>
      ${proof
        ? nothing
        : html`<p class="missing"><svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M8 2l6.5 12h-13z" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 6.5v3.5M8 11.5v1.2" stroke="currentColor" stroke-width="1.6"/></svg>${t.missingSupporting}</p>`}
    </div>
  </li>`;
}

function renderSupporting(row: InvoiceRow, item: QueuedUpload, context: RowContext): TemplateResult {
  const name = item.file.name;
  const state = stateOf(item, context.t);
  return html`<li>
    <bdi class="name">${name}</bdi>
    <span class="size">${formatFileSize(item.file.size, context.locale)}</span>
    <span class=${state.className}>${state.text}</span> ${item.state === 'failed' ? retryButton(item, context) : nothing}
    <button class="icon-button" type="button" aria-label=${context.t.upload.remove(name)} @click=${() => context.remove(row, item.key)}>${TRASH}</button>
  </li>`;
}

/** What a file's state reads, and its class (`state`, plus `done` or `failed`). */
function stateOf(item: QueuedUpload, t: Translation): { text: string; className: string } {
  switch (item.state) {
    case 'refused':
      return { text: t.upload.refused, className: 'state failed' };
    case 'waiting':
      return { text: t.upload.waiting, className: 'state' };
    case 'uploading':
      return { text: t.upload.uploading(Math.round(item.progress * 100)), className: 'state' };
    case 'done':
      // Stored, but « Chargé » only once its reading found nothing to refuse.
      return item.reading ? { text: t.upload.checking, className: 'state' } : { text: t.upload.uploaded, className: 'state done' };
    case 'failed':
      return { text: t.upload.uploadFailed(item.error ?? ''), className: 'state failed' };
  }
}

/** « Réessayer », after a failed upload's state. */
const retryButton = (item: QueuedUpload, { t, retry }: RowContext): TemplateResult =>
  html`<button class="button secondary" type="button" aria-label=${t.upload.retry(item.file.name)} @click=${() => retry(item.key)}>${t.common.retry}</button>`;

export const uploadIcon = html`<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">${svg`<path d="M12 16V4m0 0l-5 5m5-5l5 5M4 20h16" fill="none" stroke="currentColor" stroke-width="2"/>`}</svg>`;

/** The trash icon where it is not written out in the row's own template (a refused row, a supporting document). */
const TRASH = html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" fill="none" stroke="currentColor" stroke-width="2" /></svg>`;
