import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import type { Entity } from '../../api/schemas.js';
import { AktoElement } from '../../core/akto-element.js';
import { AKTO_ENTITY_SELECT } from '../../core/events.js';
import { buttons } from '../../core/tokens.js';
import { formatSiren } from '../../i18n/index.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';

/** Above this many entities, the list gets a search box. */
const SEARCH_FROM = 6;

/**
 * @summary « Veuillez sélectionner une entité pour le dépôt de factures : » — one of the account's entities (SIREN), then « Déposer ».
 *
 * Presentational: the host gives it `entities` (the deposit elements fetch them).
 *
 * @event akto-entity-select - « Déposer » with an entity chosen.
 *
 * @csspart base - The form.
 */
export class AktoEntityPicker extends AktoElement {
  static override styles = [
    ...AktoElement.styles,
    buttons,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        font-weight: 700;
        font-size: 1.125rem;
        margin-block-end: 0.75rem;
        padding: 0;
      }
      .search {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        margin-block-end: 0.75rem;
        max-width: 28rem;
      }
      .search label {
        font-weight: 600;
      }
      .hint {
        font-size: 0.875rem;
        color: var(--_akto-muted);
      }
      input[type='search'] {
        min-height: 2.5rem;
        padding: 0.35rem 0.6rem;
        border: 1px solid var(--_akto-muted);
        border-radius: var(--_akto-radius);
        font: inherit;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
        max-height: 24rem;
        overflow-y: auto;
      }
      li label {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.6rem 0.8rem;
        border: 1px solid var(--_akto-border);
        border-radius: var(--_akto-radius);
        cursor: pointer;
      }
      li label:has(input:checked) {
        border-color: var(--_akto-primary);
        background: var(--_akto-surface-alt);
        box-shadow: inset 4px 0 0 var(--_akto-primary);
      }
      .name {
        font-weight: 600;
      }
      .siren {
        color: var(--_akto-muted);
        font-variant-numeric: tabular-nums;
      }
      .actions {
        margin-top: 1rem;
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .not-listed {
        margin: 1rem 0 0;
      }
      a {
        color: var(--_akto-primary);
        font-weight: 600;
      }
      .error {
        color: var(--_akto-danger);
        font-weight: 600;
      }
    `,
  ];

  private l10n = new LocalizeController(this, frSteps);

  /** The account's entities. */
  @property({ attribute: false }) entities: Entity[] = [];

  /** The SIREN selected at first. */
  @property({ converter: textAttribute }) value = '';

  /** Where the host's page attaches a company to the account, offered for a company missing from the list. */
  @property({ attribute: 'attach-href', converter: textAttribute }) attachHref = '';

  @state() private filter = '';
  @state() private showError = false;

  override render() {
    const t = this.l10n.t.entityPicker;
    const q = this.filter.trim().toLowerCase().replace(/\s/g, '');
    const shown = this.entities.filter((e) => !q || e.name.toLowerCase().replace(/\s/g, '').includes(q) || e.siren.includes(q));
    return html`<form part="base" @submit=${this.submit} novalidate>
      <fieldset aria-describedby=${this.showError ? 'error' : nothing}>
        <legend>${t.legend}</legend>
        ${this.entities.length > SEARCH_FROM
          ? html`<div class="search">
              <label for="filter">${t.search}</label>
              <span class="hint" id="filter-hint">${t.searchHint}</span>
              <input id="filter" type="search" autocomplete="off" aria-describedby="filter-hint" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
            </div>`
          : nothing}
        <ul>
          ${shown.map(
            (entity) => html`<li>
              <label>
                <input type="radio" name="entity" .value=${entity.siren} .checked=${this.value === entity.siren} @change=${() => ((this.value = entity.siren), (this.showError = false))} />
                <span><bdi class="name">${entity.name}</bdi> <span class="siren">${formatSiren(entity.siren)}</span></span>
              </label>
            </li>`,
          )}
        </ul>
        ${shown.length === 0 ? html`<p role="status">${t.noMatch}</p>` : nothing}
      </fieldset>
      <div class="actions">
        <button class="button" type="submit">${t.submit}</button>
        ${this.showError ? html`<span class="error" id="error" role="alert">${t.chooseFirst}</span>` : nothing}
      </div>
      <p class="hint not-listed">
        ${this.l10n.t.depositFlow.notListed} ${this.attachHref ? html`<a href=${this.attachHref}>${t.attach}</a>` : nothing}
      </p>
    </form>`;
  }

  /** Focuses the entity selected, else the first one (where the choice is made), else « Déposer ». */
  override focus(options?: FocusOptions): void {
    const root = this.shadowRoot;
    (root?.querySelector<HTMLElement>('input[type=radio]:checked') ?? root?.querySelector<HTMLElement>('input[type=radio], button'))?.focus(options);
  }

  private submit(event: Event): void {
    event.preventDefault();
    const entity = this.entities.find((e) => e.siren === this.value);
    if (!entity) {
      this.showError = true;
      return;
    }
    this.emit(AKTO_ENTITY_SELECT, { entity });
  }
}
