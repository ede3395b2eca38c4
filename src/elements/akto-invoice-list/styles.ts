import { css } from 'lit';

/**
 * What only « Liste de mes factures » has; the table, its grid rows, filters, states and cards are
 * shared (core/table-styles.ts). Below a wide screen (80rem), « Mes actions » moves above the table
 * and the table takes the full width; under 65rem a group of 20 cards is about 360rem high.
 * (No comments in the CSS: it ships as written.)
 */
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
  td.reference {
    overflow-wrap: anywhere;
  }
  .main {
    grid-column: 1;
    grid-row: 1;
  }
  .my-actions {
    grid-column: 2;
    grid-row: 1;
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
  @container (max-width: 80rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .main,
    .my-actions {
      grid-column: 1;
      grid-row: auto;
    }
    .my-actions {
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
      contain-intrinsic-size: auto 360rem;
    }
  }
`;
