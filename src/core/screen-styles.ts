import { css, unsafeCSS, type CSSResult } from 'lit';

// What the screens loaded later (an invoice's detail, a transfer, a dossier, the RIB deposit)
// share. Its own module, apart from table-styles.ts: only those screens use it, so it stays out of
// the first payload.

/** A message in place of a screen's content or beside a form: what is loading, a failure (`.error`). */
export const messageStyles = css`
  .message {
    padding: 1rem;
    border-radius: var(--_akto-radius);
  }
  .message p {
    margin: 0 0 0.75rem;
  }
  .message.error {
    color: var(--_akto-danger);
    background: var(--_akto-danger-bg);
    font-weight: 400;
  }
`;

/**
 * A file field in our words: the browser's own button says « Choose File » in the browser's
 * language, whatever the page's. The input stays (visually hidden, focusable, its id and label
 * kept) and a label after it, `.button.secondary.file-button`, is what the user sees and clicks;
 * the input's keyboard focus shows on it.
 */
export const fileButtonStyles = css`
  .file-button {
    justify-self: start;
    align-self: start;
    width: fit-content;
  }
  input[type='file']:focus-visible + .file-button {
    outline: 3px solid var(--_akto-focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    input[type='file']:focus-visible + .file-button {
      outline-color: Highlight;
    }
  }
`;

/** A small table (a transfer's invoices, an entity's RIBs, a dossier's documents): scrolls sideways rather than overflow. */
export const smallTableStyles = css`
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    padding-block-end: 0.5rem;
    color: var(--_akto-muted);
  }
  th,
  td {
    padding: 0.5rem 0.6rem;
    border-block-end: 1px solid var(--_akto-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  th {
    font-size: 0.875rem;
    color: var(--_akto-muted);
  }
`;

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
