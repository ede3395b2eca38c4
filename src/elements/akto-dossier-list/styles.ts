import { css, unsafeCSS } from 'lit';
import { cardStyles, tableStyles } from '../../core/table-styles.js';

/** Below this width the dossiers' seven columns no longer fit: each dossier becomes a card. */
const CARDS_BELOW = '46rem';

export const dossierListStyles = [
  tableStyles,
  css`
    :host {
      container-type: inline-size;
    }
    td.number {
      min-width: 8rem;
      font-weight: 600;
    }
    td.number .draft {
      font-weight: 400;
      font-style: italic;
    }
    td.title,
    td.company {
      overflow-wrap: anywhere;
      min-width: 8rem;
    }
  `,
  cardStyles(CARDS_BELOW),
  css`
    @container (max-width: ${unsafeCSS(CARDS_BELOW)}) {
      td.number,
      td.title,
      td.company {
        min-width: 0;
      }
    }
  `,
];
