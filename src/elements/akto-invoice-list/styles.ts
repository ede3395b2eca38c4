import { css } from 'lit';

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
  /* A safety net between the card layout and a table that fits: it scrolls, focusable and labelled. */
  .table-wrap {
    container-type: inline-size;
    position: relative;
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
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
  table {
    font-size: 0.875rem;
  }
  .badge {
    font-size: 0.8125rem;
  }
  thead th {
    background: var(--_akto-primary);
    color: var(--_akto-on-primary);
    font-size: 0.875rem;
  }
  .sort {
    text-align: start;
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
    cursor: pointer;
  }
  .sort svg {
    opacity: 0.6;
  }
  th[aria-sort] .sort svg {
    opacity: 1;
  }
  tbody tr:nth-child(even) {
    background: var(--_akto-surface-alt);
  }
  td.reference {
    overflow-wrap: break-word;
    min-width: 7.5rem;
    max-width: 14rem;
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
    background: linear-gradient(90deg, var(--_akto-surface-alt), var(--_akto-border), var(--_akto-surface-alt));
    background-size: 200% 100%;
    animation: shimmer 1.2s linear infinite;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
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
    align-items: center;
    gap: 0.5rem;
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
  /* Narrower than the table needs (a phone, a side column): each invoice becomes a card. */
  @container (max-width: 64rem) {
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
    td.empty-cell {
      display: none;
    }
    td.details::before {
      content: none;
    }
    td.details {
      display: block;
      padding-top: 0.5rem;
    }
    td.reference {
      min-width: 0;
    }
  }
  @media (forced-colors: active) {
    thead th {
      border: 1px solid CanvasText;
    }
  }
`;
