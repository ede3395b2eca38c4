import { Task } from '@lit/task';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Entity, Rib, RibStatus } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { ApiController } from '../../core/api-controller.js';
import { textAttribute } from '../../core/attributes.js';
import { badgeStyles, toneBadge, type Tone } from '../../core/badges.js';
import { Configurable } from '../../core/config.js';
import { AKTO_RIB_SENT } from '../../core/events.js';
import { heading } from '../../core/heading.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { SendOnce } from '../../core/send-once.js';
import { fileButtonStyles, messageStyles, smallTableCards, smallTableStyles } from '../../core/screen-styles.js';
import { buttons } from '../../core/tokens.js';
import { formatDateTime, formatFileSize, isolate } from '../../i18n/index.js';
import { bankRuleText, ScreensWords } from '../../i18n/screens/index.js';
import { checkBic, checkHolder, checkIban, normalizeBankCode, type BankResult } from '../../rules/bank.js';
import { checkFileSize, checkFileType, MAX_UPLOAD_BYTES, sniffBlob } from '../../rules/file.js';

type Field = 'holder' | 'iban' | 'bic';
const CHECKS: Record<Field, (value: string) => BankResult<string>> = { holder: checkHolder, iban: checkIban, bic: checkBic };
const TONES: Record<RibStatus, Tone> = { 'en-cours-verification': 'info', valide: 'success', refuse: 'danger' };

/**
 * @summary « Déposer un RIB » (the guide's « Mes actions »): the entity, the RIB as a PDF or an image, its holder, IBAN and BIC checked as the user types, the confirmation, and the entity's RIBs with where each stands (« En cours de vérification », « Validé », « Refusé »).
 *
 * The IBAN, BIC and holder are read from a PDF's text when it carries them (pdf.js, loaded then);
 * what the user typed is never replaced. The IBAN's check digits (modulo 97) and the BIC's format
 * are checked here and again by the server. A failed send keeps everything chosen and typed;
 * « Réessayer » sends the same RIB once.
 *
 * @event akto-rib-sent - The RIB was deposited, `{ rib }` (as GET /entities/{siren}/ribs lists it).
 * @event akto-unauthorized - The API answered 401: sign the user in again.
 *
 * @csspart base - The article holding the form and the list.
 * @csspart form - The form.
 * @csspart confirmation - The confirmation once sent.
 * @csspart list - The entity's RIBs.
 * @csspart badge - Each RIB's status badge.
 *
 * @cssproperty --akto-color-primary - Title and buttons.
 * @cssproperty --akto-color-danger - A field's error.
 */
export class AktoRibDeposit extends Configurable(AktoElement) {
  static override styles = [
    ...AktoElement.styles,
    buttons,
    badgeStyles,
    smallTableStyles,
    messageStyles,
    fileButtonStyles,
    css`
      .title {
        margin: 0 0 0.5rem;
        font-size: 1.375rem;
        color: var(--_akto-primary);
      }
      .section {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.125rem;
      }
      .intro {
        margin: 0 0 1rem;
        color: var(--_akto-muted);
      }
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 1rem;
        max-width: 36rem;
      }
      .field {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.3rem;
      }
      input,
      select {
        box-sizing: border-box;
        width: 100%;
        min-width: 0;
      }
      label {
        font-weight: 600;
      }
      input:not([type='file']),
      select {
        font: inherit;
        padding: 0.5rem 0.6rem;
        border: 1px solid var(--_akto-border);
        border-radius: var(--_akto-radius);
        background: var(--_akto-surface);
        color: var(--_akto-text);
        max-width: 100%;
      }
      input[aria-invalid='true'] {
        border-color: var(--_akto-danger);
        border-width: 2px;
      }
      #rib-iban,
      #rib-bic {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        letter-spacing: 0.04em;
      }
      .hint {
        margin: 0;
        font-size: 0.875rem;
        color: var(--_akto-muted);
        overflow-wrap: anywhere;
      }
      .error {
        margin: 0;
        color: var(--_akto-danger);
        font-weight: 600;
      }
      .confirmation {
        padding: 1rem;
        border-inline-start: 4px solid var(--_akto-success);
        border-radius: var(--_akto-radius);
        background: var(--_akto-success-bg);
      }
      .confirmation p {
        margin: 0 0 0.75rem;
      }
      .confirmation:focus {
        outline: 3px solid var(--_akto-focus);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
      }
      code {
        font-size: 0.95rem;
        white-space: nowrap;
      }
      .none {
        color: var(--_akto-muted);
      }
      [hidden] {
        display: none !important;
      }
      :host {
        container-type: inline-size;
      }
    `,
    // Last: in a narrow container, its rules win over the table's above.
    smallTableCards('36rem'),
  ];

  private l10n = new LocalizeController(this, frSteps);
  private api = new ApiController(this, this.l10n);
  private words = new ScreensWords(this, () => this.l10n.locale);

  /** The entity (SIREN) the RIB is for; the user chooses among the account's entities when unset or not theirs. */
  @property({ reflect: true, converter: textAttribute }) entity = '';

  /** The heading level of the title (2 by default), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private file: File | null = null;
  @state() private values: Record<Field, string> = { holder: '', iban: '', bic: '' };
  /** Fields the user left once (or every field after « Envoyer »): their errors show. */
  @state() private touched = new Set<Field | 'file' | 'entity'>();
  @state() private reading: '' | 'reading' | 'read' | 'not-read' = '';
  @state() private sending = false;
  @state() private problem = '';
  @state() private sent: Rib | null = null;
  private sender = new SendOnce();

  private entities = new Task(this, {
    task: async ([connection], { signal }) => (connection ? ((await this.api.listEntities(signal)) ?? []) : undefined),
    args: () => [this.api.key] as const,
    onError: this.api.reportError,
  });

  private ribs = new Task(this, {
    task: async ([connection, siren, _sent], { signal }) =>
      connection && siren && this.api.client ? (await this.api.client.call('listRibs', { params: { siren }, signal })).items : undefined,
    args: () => [this.api.key, this.chosenEntity()?.siren ?? '', this.sent?.id] as const,
    onError: this.api.reportError,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('entity') && changed.get('entity') !== undefined) this.sent = null;
  }

  /** The entity chosen: the `entity` attribute's when the account manages it, the only one when there is one. */
  private chosenEntity(): Entity | undefined {
    const list = this.entities.value ?? [];
    return list.find((e) => e.siren === this.entity) ?? (list.length === 1 ? list[0] : undefined);
  }

  override render() {
    const s = this.words.s.rib;
    return html`<article part="base" aria-labelledby="title">
      ${heading(this.headingLevel, s.title, { className: 'title', id: 'title' })}
      <p class="intro">${s.intro}</p>
      ${this.entities.render({
        pending: () => html`<p role="status">${this.l10n.t.common.loading}</p>`,
        error: (error) => html`<div class="message error" role="alert"><p>${this.api.errorMessage(error)}</p><button class="button secondary" @click=${() => this.entities.run()}>${this.l10n.t.common.retry}</button></div>`,
        complete: (list) => (list ? (this.sent ? this.renderSent(this.sent) : this.renderForm(list)) : nothing),
      })}
      ${this.chosenEntity() ? this.renderList(this.chosenEntity()!) : nothing}
    </article>`;
  }

  // ---- the form ---------------------------------------------------------------------------------

  private errorOf(field: Field): string {
    if (!this.touched.has(field)) return '';
    const result = CHECKS[field](this.values[field]);
    return result.ok ? '' : bankRuleText(this.words.s, result);
  }

  private fileError(): string {
    const s = this.words.s.rib;
    return this.touched.has('file') && !this.file ? s.fileRequired : '';
  }

  private renderForm(entities: readonly Entity[]): TemplateResult {
    const s = this.words.s.rib;
    const chosen = this.chosenEntity();
    const entityError = this.touched.has('entity') && !chosen ? s.chooseEntity : '';
    return html`<form part="form" novalidate @submit=${this.submit}>
      <div class="field">
        <label for="rib-entity">${s.entity}</label>
        <select id="rib-entity" aria-invalid=${entityError ? 'true' : 'false'} aria-describedby="rib-entity-error" @change=${(e: Event) => ((this.entity = (e.target as HTMLSelectElement).value), (this.sent = null))}>
          ${chosen ? nothing : html`<option value="" selected>${s.chooseEntity}</option>`}
          ${entities.map((e) => html`<option value=${e.siren} ?selected=${e.siren === chosen?.siren}>${isolate(e.name)} (${e.siren})</option>`)}
        </select>
        <p id="rib-entity-error" class="error">${entityError}</p>
      </div>
      <div class="field">
        <label for="rib-file">${s.file}</label>
        <input id="rib-file" class="visually-hidden" type="file" accept="application/pdf,.pdf,image/png,.png,image/jpeg,.jpg,.jpeg" aria-invalid=${this.fileError() ? 'true' : 'false'} aria-describedby="rib-file-hint rib-file-error" @change=${this.onFile} />
        <label for="rib-file" class="button secondary file-button">${this.words.s.chooseFile}</label>
        <p id="rib-file-hint" class="hint">${this.file ? html`<bdi>${this.file.name}</bdi>` : s.fileHint}</p>
        <p id="rib-file-error" class="error">${this.fileError()}</p>
        <p class="hint" role="status">${this.reading === 'reading' ? s.reading : this.reading === 'read' ? s.read : this.reading === 'not-read' ? s.notRead : ''}</p>
      </div>
      ${this.input('holder', s.holder, '', 'organization')} ${this.input('iban', s.iban, s.ibanHint, 'off')} ${this.input('bic', s.bic, s.bicHint, 'off')}
      ${this.problem
        ? html`<div class="message error" role="alert">
            <p>${this.problem}</p>
            ${this.file ? html`<button class="button secondary" type="submit">${this.l10n.t.common.retry}</button>` : nothing}
          </div>`
        : nothing}
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.sending}>${s.send}</button>
        <span class="hint" role="status">${this.sending ? s.sending : ''}</span>
      </div>
    </form>`;
  }

  private input(field: Field, label: string, hint: string, autocomplete: string): TemplateResult {
    const error = this.errorOf(field);
    const describedBy = [hint ? `rib-${field}-hint` : '', `rib-${field}-error`].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${`rib-${field}`}>${label}</label>
      <input
        id=${`rib-${field}`}
        name=${field}
        .value=${this.values[field]}
        autocomplete=${autocomplete}
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${(e: Event) => (this.values = { ...this.values, [field]: (e.target as HTMLInputElement).value })}
        @blur=${() => this.touch(field)}
      />
      ${hint ? html`<p id=${`rib-${field}-hint`} class="hint">${hint}</p>` : nothing}
      <p id=${`rib-${field}-error`} class="error">${error}</p>
    </div>`;
  }

  private touch(...fields: (Field | 'file' | 'entity')[]): void {
    this.touched = new Set([...this.touched, ...fields]);
  }

  /** The last file's check (its type, then reading it): « Envoyer » waits for it. */
  private fileCheck: Promise<void> = Promise.resolve();

  private onFile = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.fileCheck = this.checkFile(input, file); // no file: the picker cancelled, what was chosen stays
  };

  private async checkFile(input: HTMLInputElement, file: File): Promise<void> {
    this.touch('file');
    this.problem = '';
    const type = await sniffBlob(file).catch(() => null);
    const refusal = checkFileSize(file.size) ?? checkFileType('supporting', type);
    if (refusal) {
      this.file = null;
      input.value = '';
      this.problem = refusal === 'upload-too-large' ? this.l10n.t.problems['upload-too-large']({ max: formatFileSize(MAX_UPLOAD_BYTES, this.l10n.locale) }) : this.words.s.rib.badType;
      return;
    }
    this.file = file;
    this.reading = '';
    if (type !== 'application/pdf') return;
    this.reading = 'reading';
    this.fileCheck = Promise.resolve(); // the reading is help, not a condition: « Envoyer » need not wait for it
    try {
      const { readRib } = await import('./read-rib.js');
      const found = await readRib(file);
      if (this.file !== file) return; // another file chosen meanwhile
      const read = Object.fromEntries(Object.entries(found ?? {}).filter(([, value]) => value)) as Partial<Record<Field, string>>;
      // Only the fields still empty: what the user typed stays.
      const values = { ...this.values };
      for (const field of ['holder', 'iban', 'bic'] as const) if (!values[field].trim() && read[field]) values[field] = field === 'holder' ? read[field]! : normalizeBankCode(read[field]!).replace(/(.{4})(?=.)/g, '$1 ');
      this.values = values;
      this.reading = read.iban || read.bic ? 'read' : 'not-read';
      if (this.reading === 'read') this.touch(...(['holder', 'iban', 'bic'] as const).filter((f) => values[f]));
    } catch {
      if (this.file === file) this.reading = 'not-read';
    }
  }

  private submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    await this.fileCheck;
    this.touch('holder', 'iban', 'bic', 'file', 'entity');
    await this.updateComplete;
    const entity = this.chosenEntity();
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid || !entity || !this.file) {
      (invalid ?? this.renderRoot.querySelector<HTMLElement>('#rib-entity'))?.focus();
      return;
    }
    const client = this.api.client;
    if (!client || this.sending) return;
    const body = { holder: this.values.holder, iban: this.values.iban, bic: this.values.bic };
    this.sending = true;
    this.problem = '';
    try {
      const rib = await this.sender.send(client, this.file, { ...body, entity: entity.siren }, (uploadId, idempotencyKey) =>
        client.call('createRib', { params: { siren: entity.siren }, body: { uploadId, ...body }, idempotencyKey }),
      );
      this.sent = rib;
      this.emit(AKTO_RIB_SENT, { rib });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="confirmation"]')?.focus(); // the work goes on from the confirmation
    } catch (error) {
      this.api.reportError(error);
      this.problem = this.api.errorMessage(error);
    } finally {
      this.sending = false;
    }
  };

  // ---- once sent --------------------------------------------------------------------------------

  private renderSent(rib: Rib): TemplateResult {
    const s = this.words.s.rib;
    return html`<div class="confirmation" part="confirmation" role="status" tabindex="-1">
      <p>${s.sent}</p>
      <p>${toneBadge(TONES[rib.status], s.statuses[rib.status])}</p>
      <button class="button secondary" @click=${this.another}>${s.another}</button>
    </div>`;
  }

  private another = async (): Promise<void> => {
    this.sent = null;
    this.file = null;
    this.values = { holder: '', iban: '', bic: '' };
    this.touched = new Set();
    this.reading = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#rib-file')?.focus();
  };

  // ---- the entity's RIBs ----------------------------------------------------------------------------

  private renderList(entity: Entity): TemplateResult {
    const s = this.words.s.rib;
    return html`<section part="list" aria-labelledby="ribs">
      ${heading(this.headingLevel + 1, s.list, { className: 'section', id: 'ribs' })}
      ${this.ribs.render({
        pending: () => html`<p role="status">${s.loading}</p>`,
        error: (error) => html`<div class="message error" role="alert"><p>${this.api.errorMessage(error)}</p><button class="button secondary" @click=${() => this.ribs.run()}>${this.l10n.t.common.retry}</button></div>`,
        complete: (ribs) =>
          !ribs
            ? nothing
            : !ribs.length
              ? html`<p class="none">${s.none}</p>`
              : html`<div class="scroll">
                  <table>
                    <caption>${s.listCaption(isolate(entity.name))}</caption>
                    <thead>
                      <tr><th scope="col">${s.holder}</th><th scope="col">${s.iban}</th><th scope="col">${s.sentOn}</th><th scope="col">${s.status}</th></tr>
                    </thead>
                    <tbody>
                      ${ribs.map(
                        (rib) => html`<tr>
                          <td><bdi>${rib.holder}</bdi></td>
                          <td data-label=${s.iban}><code aria-label=${s.ibanMasked(rib.iban.slice(0, 4), rib.iban.slice(-4))}>${rib.iban.slice(0, 4)} •••• ${rib.iban.slice(-4)}</code></td>
                          <td data-label=${s.sentOn}>${formatDateTime(rib.sentAt, this.l10n.locale)}</td>
                          <td data-label=${s.status}>${toneBadge(TONES[rib.status], s.statuses[rib.status])}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`,
      })}
    </section>`;
  }
}
