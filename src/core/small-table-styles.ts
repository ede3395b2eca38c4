import { css, unsafeCSS, type CSSResult } from 'lit';

// Its own module, apart from table-styles.ts: only the lazily loaded screens use it, so it stays
// out of the first payload.

/**
 * A small table (a transfer's invoices, an entity's RIBs, a dossier's documents) in a container
 * narrower than `maxWidth`: each row a card, a cell a line, after its column's name (`data-label`).
 */
export function smallTableCards(maxWidth: string): CSSResult {
  return css`
    @container (max-width: ${unsafeCSS(maxWidth)}) {
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tr,
      td {
        display: block;
      }
      tr {
        padding: 0.5rem 0;
        border-block-end: 1px solid var(--_akto-border);
      }
      td {
        border: 0;
        padding: 0.2rem 0;
      }
      td[data-label]::before {
        content: attr(data-label) ' : ';
        color: var(--_akto-muted);
      }
    }
  `;
}
