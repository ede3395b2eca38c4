import { css } from 'lit';

export const uploadStyles = css`
  section.step {
    position: relative;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.375rem;
    color: var(--_akto-primary);
  }
  .context {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-end: 1rem;
  }
  .entity {
    font-weight: 700;
  }
  .dossier {
    padding: 0.15rem 0.6rem;
    border-radius: 999px;
    background: var(--_akto-info-bg);
    color: var(--_akto-info);
    font-weight: 600;
  }
  .dropzone {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5rem;
    padding: 1.5rem 1rem;
    border: 2px dashed var(--_akto-muted);
    border-radius: var(--_akto-radius);
    background: var(--_akto-surface-alt);
    text-align: center;
    cursor: pointer;
  }
  .dropzone[data-dragging] {
    border-color: var(--_akto-primary);
    background: var(--_akto-info-bg);
  }
  .dropzone p {
    margin: 0;
  }
  .dropzone .lead {
    font-weight: 600;
  }
  .dropzone.small {
    flex-direction: row;
    flex-wrap: wrap;
    justify-content: flex-start;
    padding: 0.6rem 0.8rem;
    text-align: start;
  }
  .hint {
    font-size: 0.875rem;
    color: var(--_akto-muted);
  }
  .refusals {
    margin-block: 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_akto-danger);
    border-radius: var(--_akto-radius);
    background: var(--_akto-danger-bg);
    color: var(--_akto-danger);
  }
  .refusals h3 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .refusals ul {
    margin: 0 0 0.5rem;
    padding-inline-start: 1.25rem;
  }
  .invoices {
    list-style: none;
    margin: 1rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .invoice {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_akto-border);
    border-radius: var(--_akto-radius);
    background: var(--_akto-surface);
    /* 20 or 200 invoices at once: rows out of view are not laid out or painted until near it. */
    content-visibility: auto;
    contain-intrinsic-size: auto 22rem;
  }
  .invoice[data-incomplete] {
    border-inline-start: 4px solid var(--_akto-warning);
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .file .name {
    font-weight: 700;
    overflow-wrap: anywhere;
    flex: 1 1 12rem;
  }
  .size {
    color: var(--_akto-muted);
    font-size: 0.875rem;
  }
  .state {
    font-size: 0.875rem;
    font-weight: 600;
  }
  .state.done {
    color: var(--_akto-success);
  }
  .state.failed {
    color: var(--_akto-danger);
  }
  .row-refusal {
    flex: 1 1 16rem;
    color: var(--_akto-danger);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .invoice.refused {
    padding-block: 0.5rem;
    border-inline-start: 4px solid var(--_akto-danger);
    contain-intrinsic-size: auto 3rem;
  }
  .row-note {
    margin: 0.4rem 0 0;
    padding: 0.35rem 0.6rem;
    border-radius: var(--_akto-radius);
    background: var(--_akto-info-bg);
    color: var(--_akto-info);
    font-size: 0.875rem;
  }
  progress {
    width: 100%;
    height: 0.5rem;
    accent-color: var(--_akto-primary);
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2.5rem;
    height: 2.5rem;
    border: 1px solid var(--_akto-border);
    border-radius: var(--_akto-radius);
    background: var(--_akto-surface);
    color: var(--_akto-danger);
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_akto-danger-bg);
  }
  .checks {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-block: 0.5rem;
  }
  .checks label,
  .derogations label {
    display: inline-flex;
    align-items: flex-start;
    gap: 0.5rem;
    min-height: 1.75rem;
  }
  input[type='checkbox'] {
    width: 1.125rem;
    height: 1.125rem;
    margin-top: 0.2rem;
    accent-color: var(--_akto-primary);
    flex: none;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .supporting {
    margin-top: 0.5rem;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_akto-border);
  }
  .supporting h3 {
    font-size: 0.9375rem;
    margin: 0 0 0.4rem;
  }
  .supporting ul {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
    display: grid;
    gap: 0.35rem;
  }
  .supporting li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .supporting li .name {
    flex: 1 1 10rem;
    overflow-wrap: anywhere;
  }
  .derogations {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-top: 0.5rem;
  }
  .derogations legend {
    font-size: 0.875rem;
    color: var(--_akto-muted);
    padding: 0;
    margin-block-end: 0.25rem;
  }
  .missing {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    margin: 0.5rem 0 0;
    color: var(--_akto-warning);
    font-weight: 600;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.5rem;
    margin-top: 1.25rem;
  }
  .count {
    font-weight: 700;
    text-transform: uppercase;
  }
  .note {
    margin: 0.5rem 0 0;
    color: var(--_akto-muted);
  }
  .notice {
    margin-top: 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_akto-radius);
  }
  .notice.draft {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin: 0 0 1rem;
    border: 1px solid var(--_akto-info);
    background: var(--_akto-info-bg);
  }
  .notice.draft p {
    flex-basis: 100%;
    margin: 0;
    font-weight: 600;
    color: var(--_akto-info);
  }
  .notice.info {
    background: var(--_akto-info-bg);
    color: var(--_akto-info);
    font-weight: 600;
  }
  .notice.success {
    background: var(--_akto-success-bg);
    color: var(--_akto-success);
    font-weight: 600;
  }
  .notice.error {
    background: var(--_akto-danger-bg);
    color: var(--_akto-danger);
    border: 1px solid var(--_akto-danger);
  }
  .notice p {
    margin: 0 0 0.5rem;
  }
  .message {
    padding: 1rem;
    border: 1px solid var(--_akto-border);
    border-radius: var(--_akto-radius);
    background: var(--_akto-surface-alt);
  }
  a {
    color: var(--_akto-primary);
    font-weight: 600;
  }
`;
