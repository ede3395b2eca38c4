import { css } from 'lit';

export const dossierDetailStyles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1rem 1.5rem;
    margin-block-end: 1.25rem;
  }
  .identity {
    flex: 1 1 20rem;
    min-width: 0;
  }
  .title {
    margin: 0;
    font-size: 1.375rem;
    color: var(--_akto-primary);
    overflow-wrap: break-word;
  }
  .subtitle {
    margin: 0.25rem 0 0;
    font-size: 1.125rem;
    font-weight: 600;
    overflow-wrap: break-word;
  }
  .scheme {
    margin: 0.25rem 0 0;
    color: var(--_akto-muted);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    margin: 0.5rem 0 0;
  }
  .facts div {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .facts dt {
    color: var(--_akto-muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    flex: 0 1 auto;
  }
  .note {
    margin: 0;
    flex: 1 1 100%;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_akto-info);
    border-radius: var(--_akto-radius);
    background: var(--_akto-info-bg);
    color: var(--_akto-text);
  }
  .panels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    gap: 1rem;
  }
  .panel {
    padding: 1rem;
    border: 1px solid var(--_akto-border);
    border-radius: var(--_akto-radius);
    min-width: 0;
  }
  .panel.funding {
    background: var(--_akto-surface-alt);
  }
  .section {
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
  }
  .panel dl {
    display: grid;
    gap: 0.6rem;
    margin: 0;
  }
  .panel dt {
    font-size: 0.875rem;
    color: var(--_akto-muted);
  }
  .panel dd {
    margin: 0.1rem 0 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .funding dl > div {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: baseline;
    gap: 0 1rem;
  }
  .funding dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    text-align: end;
  }
  .funding .balance {
    padding-block-start: 0.6rem;
    border-block-start: 1px solid var(--_akto-border);
  }
  .trainees {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .trainees li + li {
    margin-block-start: 0.25rem;
  }
  .none {
    margin: 0;
    color: var(--_akto-muted);
  }
  .loading {
    color: var(--_akto-muted);
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    margin-block-end: 1rem;
    border-block-end: 1px solid var(--_akto-border);
  }
  [role='tab'] {
    padding: 0.6rem 1rem;
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_akto-muted);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_akto-primary);
    border-block-end-color: var(--_akto-primary);
  }
  [role='tab']:focus-visible {
    outline: 3px solid var(--_akto-focus);
    outline-offset: -3px;
  }
  [hidden] {
    display: none !important;
  }
  .detail-toggle {
    margin-block-start: 0.75rem;
  }
  .sub {
    margin: 0.75rem 0 0.5rem;
    font-size: 1rem;
  }
  .invoices {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5rem;
  }
  .invoices li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    padding-block-end: 0.5rem;
    border-block-end: 1px solid var(--_akto-border);
  }
  .invoices .reference {
    font-weight: 600;
    overflow-wrap: anywhere;
    flex: 1 1 100%;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_akto-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  a {
    color: var(--_akto-primary);
  }
  .documents {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: 1.5rem;
    align-items: start;
  }
  .deposit {
    padding: 1rem;
    border: 1px solid var(--_akto-border);
    border-radius: var(--_akto-radius);
  }
  .deposit .section,
  .documents .section {
    margin-block-start: 0;
  }
  .field {
    display: grid;
    gap: 0.3rem;
    margin-block-end: 1rem;
  }
  .field label {
    font-weight: 600;
  }
  .field input,
  .field select {
    font: inherit;
    max-width: 100%;
  }
  .field select {
    padding: 0.45rem;
    border: 1px solid var(--_akto-border);
    border-radius: var(--_akto-radius);
    background: var(--_akto-surface);
    color: var(--_akto-text);
  }
  .hint {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_akto-muted);
    overflow-wrap: anywhere;
  }
  form .message {
    margin-block-end: 1rem;
  }
  .sent {
    margin: 0.75rem 0 0;
    color: var(--_akto-success);
    font-weight: 600;
  }
  .sent:empty {
    display: none;
  }
  .documents > section {
    container-type: inline-size;
  }
  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border-block-end-color: Highlight;
    }
    .note {
      border: 1px solid CanvasText;
    }
  }
`;
