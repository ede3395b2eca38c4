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
  td.reference {
    overflow-wrap: break-word;
    min-width: 7.5rem;
    max-width: 14rem;
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
  @container (max-width: 64rem) {
    td.reference {
      min-width: 0;
      max-width: none;
    }
  }
`;
