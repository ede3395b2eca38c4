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
  /* Below the table until both fit side by side (see the container queries at the end). */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    align-items: start;
  }
  .preview {
    max-width: 44rem;
  }
  .preview h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
    overflow-wrap: anywhere;
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
  /*
   * A row out of sight is neither styled, laid out nor painted until it comes near the screen
   * (50 rows: the first frame draws the few in view). Its height until then: a row's, about.
   */
  tbody tr {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 7.5rem;
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
    gap: 0.35rem;
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
  .link {
    display: block;
    margin: 0.25rem 0 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_akto-primary);
    font: inherit;
    font-size: 0.8125rem;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .row-error {
    margin: 0;
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

  /*
   * Three layouts, by the width the page gives the element (not the window's):
   * - from 56.3rem (901 px; the demo's widget is 911 px wide on a 1024 px laptop screen): the
   *   table of the guide, A–F and « Envoyé le », with the preview beside it, sticky while the rows
   *   scroll;
   * - from 41.5rem: the same table, the preview under it;
   * - narrower: a card an invoice, each field under its letter.
   * Each row is a grid so that each invoice's file name takes a line above its fields and its
   * buttons a line under them. Each column's least width is what its value needs at 13 px (a
   * SIRET's 14 digits, « 28 043,28 », « 30/07/2021 »): A–F and « Envoyé le » fit in 41.5rem with
   * DejaVu Sans, the widest common sans-serif, and the cells stay in the header's columns for
   * screen readers. Wider, the columns share what is left. No column depends on what a cell
   * holds (fixed least widths, shares of the rest), so every row, the header's too, repeats the
   * same columns and they line up without a subgrid: a row can then be skipped while out of
   * sight (content-visibility), which a subgrid's row cannot.
   */
  @container (width >= 41.5rem) {
    table {
      display: block;
      font-size: 0.8125rem;
    }
    caption,
    thead,
    tbody {
      display: block;
    }
    caption {
      font-size: 1rem;
    }
    tr {
      display: grid;
      grid-template-columns:
        minmax(calc(10ch + 0.55rem), 1.3fr) minmax(calc(8ch + 0.55rem), 1fr) minmax(calc(8ch + 0.55rem), 1fr) minmax(calc(11ch + 2rem), 1.4fr)
        minmax(calc(9.2ch + 0.55rem), 1fr) minmax(calc(14ch + 0.6rem), 1.2fr) minmax(8.5ch, 0.8fr);
      column-gap: 0.2rem;
    }
    th,
    td {
      padding: 0.4rem 0;
      border: 0;
      min-width: 0;
    }
    thead tr {
      background: var(--_akto-primary);
      padding-inline: 0.3rem;
      border-radius: var(--_akto-radius) var(--_akto-radius) 0 0;
    }
    thead th {
      align-self: end;
      background: none;
      font-size: 0.75rem;
      line-height: 1.3;
    }
    /* The file and the actions have no column of their own here: their headers stay for screen readers. */
    thead .file-col,
    thead .actions-col {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    tbody tr {
      padding: 0.35rem 0.3rem 0.5rem;
      border-bottom: 1px solid var(--_akto-border);
    }
    tbody th[scope='row'] {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.6rem;
      padding-block: 0.1rem 0.25rem;
      min-width: 0;
      font-size: 0.9375rem;
    }
    tr.selected-preview th[scope='row'] {
      box-shadow: none;
    }
    tr.selected-preview {
      box-shadow: inset 4px 0 0 var(--_akto-accent);
    }
    .file-name {
      display: inline;
    }
    .badge {
      margin: 0;
    }
    .row-actions {
      grid-column: 1 / -1;
      padding-block: 0.25rem 0;
    }
    .actions {
      flex-direction: row;
      flex-wrap: wrap;
      justify-content: flex-end;
      align-items: center;
      min-width: 0;
    }
    .actions .row-error,
    .actions .row-note {
      flex: 1 1 16rem;
      margin: 0;
    }
    input[type='text'] {
      min-width: 0;
      min-height: 2.25rem;
      padding: 0.25rem 0.2rem;
      font-size: inherit;
    }
    input[id^='siret-'],
    input[id^='invoiceNumber-'] {
      min-width: 0;
    }
    .error,
    .info,
    .found {
      font-size: 0.75rem;
      overflow-wrap: anywhere;
    }
    .dossiers li {
      gap: 0.2rem;
      flex-wrap: wrap;
    }
    .dossiers .number {
      font-size: 0.75rem;
    }
    .dossiers .error {
      flex-basis: 100%;
      margin: 0 0 0.2rem;
    }
    .mini {
      width: 1.75rem;
      height: 1.75rem;
    }
    .dossiers .mini {
      width: 1.5rem;
      height: 1.5rem;
    }
    .add {
      gap: 0.2rem;
    }
    .sent {
      font-size: 0.75rem;
      min-width: 0;
      /* « 26/06/2022 » on one line, the time on the next: never a date cut in two. */
      overflow-wrap: normal;
    }
    akto-pdf-preview::part(toolbar) {
      gap: 0.25rem;
      font-size: 0.8125rem;
    }
  }
  @container (width >= 56.3rem) {
    .layout {
      grid-template-columns: minmax(min-content, 2fr) minmax(14rem, 1fr);
      column-gap: 0.75rem;
    }
    .layout.no-preview {
      grid-template-columns: minmax(0, 1fr);
    }
    .preview {
      position: sticky;
      top: 0.5rem;
    }
  }
  /* Narrower than the table needs: each invoice becomes a card, its fields one under the other, each under its letter. */
  @container (width < 41.5rem) {
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
      /* A card's height, about, while it is out of sight (its fields one under the other). */
      contain-intrinsic-block-size: auto 40rem;
    }
    td,
    th[scope='row'] {
      border: 0;
      padding: 0.35rem 0;
    }
    /* The selection box on the file name's first line, not on a line of its own above it. */
    th[scope='row'] {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.25rem 0.5rem;
    }
    th[scope='row'] input[type='checkbox'] {
      margin: 0.2rem 0 0;
    }
    th[scope='row'] .file-name {
      flex: 1 1 12rem;
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-weight: 600;
      font-size: 0.875rem;
      color: var(--_akto-muted);
    }
    /* The guide's letters, as in the table's header. */
    td[data-letter]::before {
      content: attr(data-letter) ' · ' attr(data-label);
    }
    .actions {
      flex-direction: row;
      flex-wrap: wrap;
    }
    .actions .row-error,
    .actions .row-note {
      flex-basis: 100%;
      margin: 0;
    }
  }
`;
