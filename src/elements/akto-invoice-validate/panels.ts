/** Step 2's two panels beside the table: the PDF preview and the confirmation before deleting. */
import type { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.js';
import { PDF_PREVIEW_PARTS, exportParts } from '../parts.js';

const PREVIEW_PARTS = exportParts('preview', PDF_PREVIEW_PARTS);

/** The previewed invoice's PDF: loading, failed (with « Réessayer »), or shown in <akto-pdf-preview>. */
export function previewPanel(t: Translation, fileName: string, pdf: Task<readonly unknown[], Blob | null>, errorMessage: (error: unknown) => string): TemplateResult {
  const v = t.validate;
  return html`<aside class="preview" part="preview" aria-labelledby="preview-title">
    <h3 id="preview-title">${v.previewOf(fileName)}</h3>
    ${pdf.render({
      pending: () => html`<p role="status">${v.previewLoading}</p>`,
      error: (error) => html`<div class="notice error" role="alert">
        <p>${v.previewUnavailable} ${errorMessage(error)}</p>
        <button class="button secondary" @click=${() => pdf.run()}>${t.common.retry}</button>
      </div>`,
      complete: (blob) => (blob ? html`<akto-pdf-preview exportparts=${PREVIEW_PARTS} .source=${blob} label=${fileName}></akto-pdf-preview>` : html`<p>${v.previewUnavailable}</p>`),
    })}
  </aside>`;
}

export interface ConfirmActions {
  /** The dialog closed (by « Annuler », Escape or after « Supprimer »). */
  closed: () => void;
  cancel: () => void;
  confirm: () => void;
}

/** « Supprimer la facture … ? »: the dialog's content while a row is being deleted (`fileName`), empty otherwise. */
export function confirmDialog(t: Translation, fileName: string | undefined, on: ConfirmActions): TemplateResult {
  const v = t.validate;
  return html`<dialog aria-labelledby="confirm-title" @close=${on.closed}>
    ${fileName !== undefined
      ? html`<h3 id="confirm-title">${v.confirmRemove(fileName)}</h3>
          <p>${v.confirmRemoveHint}</p>
          <div class="dialog-actions">
            <button class="button secondary" @click=${on.cancel}>${t.common.cancel}</button>
            <button class="button danger" @click=${on.confirm}>${v.remove}</button>
          </div>`
      : nothing}
  </dialog>`;
}
