import { css } from 'lit';

export const validateStyles = css`
  :host {
    container-type: inline-size;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.375rem;
    color: var(--_akto-primary);
  }
  .banner {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_akto-warning);
    border-inline-start-width: 6px;
    border-radius: var(--_akto-radius);
    background: var(--_akto-warning-bg);
    color: var(--_akto-text);
    font-weight: 600;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(18rem, 26rem);
    gap: 1.25rem;
    align-items: start;
  }
  .layout.no-preview {
    grid-template-columns: minmax(0, 1fr);
  }
  .preview {
    position: sticky;
    top: 0.5rem;
  }
  .preview h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-end: 0.75rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    color: var(--_akto-muted);
    font-size: 0.875rem;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    padding: 0.5rem 0.35rem;
    border-bottom: 1px solid var(--_akto-border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_akto-primary);
    color: var(--_akto-on-primary);
    font-size: 0.8125rem;
    vertical-align: bottom;
  }
  thead th .letter {
    display: block;
    font-size: 0.75rem;
    opacity: 0.85;
  }
  th[scope='row'] {
    font-weight: 600;
    min-width: 9rem;
    overflow-wrap: anywhere;
  }
  tr.selected-preview th[scope='row'] {
    box-shadow: inset 4px 0 0 var(--_akto-accent);
  }
  .file-name {
    display: block;
  }
  input[type='text'] {
    width: 100%;
    min-width: 6rem;
    min-height: 2.25rem;
    padding: 0.3rem 0.45rem;
    border: 1px solid var(--_akto-muted);
    border-radius: var(--_akto-radius);
    font: inherit;
    font-size: 0.9375rem;
    color: inherit;
    background: var(--_akto-surface);
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_akto-danger);
    background: var(--_akto-danger-bg);
  }
  input[type='checkbox'] {
    width: 1.125rem;
    height: 1.125rem;
    accent-color: var(--_akto-primary);
  }
  input[id^='siret-'] {
    min-width: 9.5rem;
    font-variant-numeric: tabular-nums;
  }
  input[id^='invoiceNumber-'] {
    min-width: 7.5rem;
  }
  .num input {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .error {
    margin: 0.25rem 0 0;
    color: var(--_akto-danger);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .info {
    margin: 0.25rem 0 0;
    color: var(--_akto-info);
    font-size: 0.8125rem;
  }
  .found {
    margin: 0 0 0.25rem;
    font-size: 0.8125rem;
    color: var(--_akto-muted);
  }
  .dossiers {
    list-style: none;
    margin: 0 0 0.35rem;
    padding: 0;
    max-height: 9.5rem;
    overflow-y: auto;
  }
  .dossiers li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.35rem;
    font-variant-numeric: tabular-nums;
  }
  .add {
    display: flex;
    gap: 0.25rem;
  }
  .mini {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 1px solid var(--_akto-primary);
    border-radius: var(--_akto-radius);
    background: var(--_akto-surface);
    color: var(--_akto-primary);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  .actions {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    min-width: 7rem;
  }
  .actions .button {
    min-height: 2.25rem;
    padding-inline: 0.6rem;
  }
  .sent {
    font-size: 0.875rem;
    min-width: 5.5rem;
  }
  .badge {
    display: inline-block;
    margin-top: 0.25rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_akto-info);
    border-radius: 999px;
    color: var(--_akto-info);
    font-size: 0.75rem;
  }
  .row-error {
    color: var(--_akto-danger);
    font-weight: 600;
    font-size: 0.875rem;
  }
  .notice {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_akto-radius);
    font-weight: 600;
  }
  .notice.success {
    background: var(--_akto-success-bg);
    color: var(--_akto-success);
    border: 1px solid var(--_akto-success);
  }
  .notice.error {
    background: var(--_akto-danger-bg);
    color: var(--_akto-danger);
    border: 1px solid var(--_akto-danger);
  }
  .empty {
    padding: 1.5rem 1rem;
    border: 1px dashed var(--_akto-border);
    border-radius: var(--_akto-radius);
    text-align: center;
  }
  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    border: 0;
    border-radius: var(--_akto-radius);
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.3);
    padding: 1.5rem;
    color: inherit;
  }
  dialog::backdrop {
    background: rgb(20 20 40 / 0.55);
  }
  dialog h3 {
    margin: 0 0 0.5rem;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.75rem;
    margin-top: 1rem;
  }
  .button.danger {
    background: var(--_akto-danger);
    border-color: var(--_akto-danger);
  }

  /* The preview sits beside the table only where both fit; otherwise it goes under it. */
  @container (max-width: 96rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .preview {
      position: static;
      max-width: 44rem;
    }
  }
  /* Narrower than the table needs: each invoice becomes a card, its fields one under the other. */
  @container (max-width: 66rem) {
    /* The caption too: left a table caption in a block table, it shrank to one word a line. */
    table,
    caption,
    tbody,
    tr,
    td,
    th[scope='row'] {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tbody tr {
      border: 1px solid var(--_akto-border);
      border-radius: var(--_akto-radius);
      margin-block-end: 0.75rem;
      padding: 0.5rem 0.75rem;
    }
    td,
    th[scope='row'] {
      border: 0;
      padding: 0.35rem 0;
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-weight: 600;
      font-size: 0.875rem;
      color: var(--_akto-muted);
    }
    .actions {
      flex-direction: row;
      flex-wrap: wrap;
    }
  }
`;
