import { css } from 'lit';

/** What only « Liste de mes factures » has; the table, filters, states and cards are shared (core/table-styles.ts). */
export const listStyles = css`
  :host {
    container-type: inline-size;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 1.5rem;
    align-items: start;
  }
  /* The table lays its rows out one by one: each row is a grid with the same column tracks
     (fixed minimums, shares of what is left) instead of one table layout sizing every column from
     every cell. A row's layout then depends on nothing but itself, so the groups of rows away from
     the viewport (one <tbody> each) skip style, layout and paint (content-visibility), and a page of
     100 or 1,000 costs about what the rows on screen cost. The elements and their roles stay those
     of a table. */
  table,
  thead,
  tbody,
  caption {
    display: block;
  }
  tr {
    display: grid;
    grid-template-columns:
      minmax(7rem, 2fr) repeat(2, minmax(6rem, 1fr)) repeat(2, minmax(6.5rem, 1fr)) minmax(12rem, 1.2fr)
      minmax(9rem, 1fr) minmax(6rem, 1fr) 5.75rem;
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
    contain-intrinsic-size: auto 70rem; /* 20 rows of about 3.5rem, until a group has been seen */
  }
  td.reference {
    overflow-wrap: anywhere;
  }
  .my-actions {
    min-width: 14rem;
    padding: 1rem;
    border-radius: var(--_akto-radius);
    background: var(--_akto-surface-alt);
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }
  .my-actions h3 {
    margin: 0;
    font-size: 1.125rem;
  }
  dialog.deposit {
    width: min(90rem, calc(100vw - 2rem));
  }
  /* Below a wide screen, « Mes actions » moves above the table and the table takes the full width. */
  @container (max-width: 80rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .my-actions {
      order: -1;
      flex-direction: row;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-start;
      padding: 0.75rem 1rem;
    }
    .my-actions h3 {
      flex-basis: 100%;
    }
  }
  @container (max-width: 65rem) {
    tbody {
      contain-intrinsic-size: auto 360rem; /* 20 cards */
    }
  }
`;
