import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The look every paged list shares (« Liste de mes factures », « Mes dossiers »): heading,
 * search toolbar, filters panel, sortable table, skeleton rows, empty / error states, footer
 * with page size and pager, and the detail dialog. An element adds its own columns' rules and
 * the card layout for narrow screens (`cardStyles`) at the width its columns need.
 *
 * Why some rules are there (kept out of the CSS, which ships as written):
 * - `.filters > *`: a long entity name must not push its select out of the panel on a phone;
 * - `.table-wrap`: a safety net between the card layout and a table that fits: it scrolls,
 *   focusable and labelled;
 * - `.loading tbody::after`: while the first page loads, one highlight sweeps over the
 *   placeholder rows. It moves by transform alone, so the compositor animates it and the main
 *   thread stays free to read the answer (a moving gradient in every placeholder cell was
 *   repainted by the main thread every frame). A class, not :has(.skeleton): inserting 100 rows
 *   would make the browser check :has again;
 * - `@media (max-width: 40rem)`: a phone: the dialog takes the screen, « Fermer » on its own line
 *   above the detail's title (floated, it would squeeze the title into a narrow column).
 */
export const tableStyles = css`
  h2 {
    margin: 0 0 1rem;
    font-size: 1.5rem;
    color: var(--_akto-primary);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin-block-end: 0.75rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .field.grow {
    flex: 1 1 16rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    font-size: 0.875rem;
    color: var(--_akto-muted);
  }
  input,
  select {
    min-height: 2.5rem;
    padding: 0.35rem 0.6rem;
    border: 1px solid var(--_akto-muted);
    border-radius: var(--_akto-radius);
    font: inherit;
    color: inherit;
    background: var(--_akto-surface);
    max-width: 100%;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem 1.5rem;
    padding: 1rem;
    margin-block-end: 1rem;
    border: 1px solid var(--_akto-border);
    border-radius: var(--_akto-radius);
    background: var(--_akto-surface-alt);
  }
  .filters[hidden] {
    display: none;
  }
  .filters > * {
    min-width: 0;
    max-width: 100%;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .checks label {
    font-weight: 400;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 2rem;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .range label {
    font-weight: 400;
    display: flex;
    flex-direction: column;
  }
  .table-wrap {
    container-type: inline-size;
    position: relative;
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 0.875rem;
  }
  caption {
    text-align: start;
    padding-block-end: 0.5rem;
    color: var(--_akto-muted);
    font-size: 0.875rem;
  }
  th,
  td {
    padding: 0.5rem 0.3rem;
    border-bottom: 1px solid var(--_akto-border);
    text-align: start;
    vertical-align: middle;
  }
  table .badge {
    font-size: 0.8125rem;
  }
  thead th {
    background: var(--_akto-primary);
    color: var(--_akto-on-primary);
    font-size: 0.875rem;
  }
  th.num,
  td.num {
    text-align: end;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.2rem;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .sort svg {
    flex: none;
    opacity: 0.6;
  }
  th[aria-sort] .sort svg {
    opacity: 1;
  }
  tbody tr:nth-child(even) {
    background: var(--_akto-surface-alt);
  }
  td.num,
  td.date {
    white-space: nowrap;
  }
  td.details .button {
    min-height: 2.25rem;
    padding-inline: 0.6rem;
  }
  table[aria-busy='true'] tbody {
    opacity: 0.55;
  }
  .skeleton span {
    display: block;
    height: 1rem;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_akto-border) 60%, transparent);
  }
  .table-wrap.loading {
    overflow: hidden;
  }
  .loading tbody {
    position: relative;
  }
  .loading tbody::after {
    content: '';
    position: absolute;
    inset: 0;
    pointer-events: none;
    background: linear-gradient(90deg, transparent, color-mix(in srgb, var(--_akto-surface) 70%, transparent), transparent);
    transform: translateX(-100%);
    animation: shimmer 1.2s linear infinite;
  }
  @keyframes shimmer {
    to {
      transform: translateX(100%);
    }
  }
  @media (prefers-reduced-motion: reduce), (forced-colors: active) {
    .loading tbody::after {
      display: none;
    }
  }
  .state {
    padding: 2rem 1rem;
    text-align: center;
    border: 1px dashed var(--_akto-border);
    border-radius: var(--_akto-radius);
    margin-block: 1rem;
  }
  .state.error {
    border: 1px solid var(--_akto-danger);
    color: var(--_akto-danger);
    background: var(--_akto-danger-bg);
  }
  .state p {
    margin: 0 0 0.75rem;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: center;
    justify-content: space-between;
    margin-block-start: 0.75rem;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  dialog {
    width: min(56rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 1.5rem;
    border: 0;
    border-radius: var(--_akto-radius);
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.3);
    color: inherit;
  }
  dialog::backdrop {
    background: rgb(20 20 40 / 0.55);
  }
  .dialog-close {
    float: inline-end;
  }
  @media (max-width: 40rem) {
    dialog {
      width: calc(100vw - 1rem);
      max-height: calc(100vh - 1rem);
      padding: 1rem;
    }
    .dialog-close {
      float: none;
      display: flex;
      margin-inline-start: auto;
      margin-block-end: 0.5rem;
    }
  }
  @media (forced-colors: active) {
    thead th {
      border: 1px solid CanvasText;
    }
  }
`;

/**
 * Below `maxWidth` (the table's container narrower than its columns need: a phone, a side
 * column), each row becomes a card: one line a cell, its column's name (`data-label`) before
 * it, empty cells left out, the row's « Détails » at the bottom.
 */
export function cardStyles(maxWidth: string): CSSResult {
  return css`
    @container (max-width: ${unsafeCSS(maxWidth)}) {
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      caption {
        display: block;
      }
      tbody tr {
        border: 1px solid var(--_akto-border);
        border-radius: var(--_akto-radius);
        margin-block-end: 0.75rem;
        padding: 0.5rem 0.75rem;
      }
      .badge {
        white-space: normal;
        justify-self: start;
      }
      td {
        display: grid;
        grid-template-columns: 8.5rem minmax(0, 1fr);
        gap: 0.5rem;
        border: 0;
        padding: 0.3rem 0;
        text-align: start;
      }
      td.num {
        text-align: start;
      }
      td::before {
        content: attr(data-label);
        font-weight: 600;
        color: var(--_akto-muted);
      }
      td:empty {
        display: none;
      }
      td.details::before {
        content: none;
      }
      td.details {
        display: block;
        padding-top: 0.5rem;
      }
    }
  `;
}

/**
 * A list whose rows are grids, with the tracks its columns declare (listTable's `tracks`): each
 * row has the same column tracks (fixed minimums, shares of what is left) instead of one table
 * layout sizing every column from every cell. A row's layout then depends on nothing but itself,
 * so the groups of rows away from the viewport (one <tbody> each) skip style, layout and paint
 * (content-visibility), and a page of 100 or 1,000 costs about what the rows on screen cost. The
 * elements and their roles stay those of a table. `contain-intrinsic-size`: 20 rows of about
 * 3.5rem, until a group has been seen.
 */
export function gridRowStyles(tracks: string): CSSResult {
  return css`
    table,
    thead,
    tbody,
    caption {
      display: block;
    }
    tr {
      display: grid;
      grid-template-columns: ${unsafeCSS(tracks)};
      align-items: center;
      border-bottom: 1px solid var(--_akto-border);
    }
    th,
    td {
      display: block;
      min-width: 0;
      border-bottom: 0;
    }
    thead tr {
      align-items: stretch;
      background: var(--_akto-primary);
    }
    thead th {
      display: flex;
      align-items: center;
    }
    thead th.num {
      justify-content: flex-end;
    }
    tbody {
      content-visibility: auto;
      contain-intrinsic-size: auto 70rem;
    }
    /* A group not drawn yet: always the size a group is given until it is seen, on screen too,
       lined as its rows will be should the page be scrolled there before they are drawn. */
    tbody.to-come {
      content-visibility: hidden;
      background: repeating-linear-gradient(transparent 0 calc(3.5rem - 1px), var(--_akto-border) calc(3.5rem - 1px) 3.5rem);
    }
  `;
}
