import { css } from 'lit';

/**
 * Design tokens: AKTO's look by default, every value themable with an `--akto-*` property set
 * anywhere above the element (on `:root`, a wrapper, `<akto-provider>` or the element itself).
 *
 * The defaults are declared on `:host` as private `--_akto-*` values that read the public
 * token first. Declaring the public `--akto-*` names themselves on `:host` would reset a value
 * the page set on an ancestor (a declaration beats inheritance), and would break theming of the
 * elements nested inside `<akto-invoice-widget>`.
 */
export const tokens = css`
  :host {
    --_akto-font: var(--akto-font-family, 'Marianne', system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_akto-font-size: var(--akto-font-size, 1rem);
    --_akto-primary: var(--akto-color-primary, #26235e);
    --_akto-primary-hover: var(--akto-color-primary-hover, #3a3690);
    --_akto-on-primary: var(--akto-color-on-primary, #ffffff);
    --_akto-accent: var(--akto-color-accent, #c8006d);
    --_akto-text: var(--akto-color-text, #1f2233);
    --_akto-muted: var(--akto-color-text-muted, #545a70);
    --_akto-surface: var(--akto-color-surface, #ffffff);
    --_akto-surface-alt: var(--akto-color-surface-alt, #f4f5fa);
    --_akto-border: var(--akto-color-border, #c9cddb);
    --_akto-focus: var(--akto-color-focus, #1565c0);
    --_akto-danger: var(--akto-color-danger, #b3261e);
    --_akto-danger-bg: var(--akto-color-danger-bg, #fdecea);
    --_akto-success: var(--akto-color-success, #1b6b2f);
    --_akto-success-bg: var(--akto-color-success-bg, #e7f4ea);
    --_akto-warning: var(--akto-color-warning, #7a4d00);
    --_akto-warning-bg: var(--akto-color-warning-bg, #fff4ce);
    --_akto-info: var(--akto-color-info, #0b4f8a);
    --_akto-info-bg: var(--akto-color-info-bg, #e6f0fa);
    --_akto-radius: var(--akto-radius, 6px);
    --_akto-space: var(--akto-space, 0.5rem);
    --_akto-shadow: var(--akto-shadow, 0 1px 3px rgb(0 0 0 / 0.12));

    display: block;
    box-sizing: border-box;
    font-family: var(--_akto-font);
    font-size: var(--_akto-font-size);
    color: var(--_akto-text);
    /* Text from the API may be one unbroken word of any length: it wraps, never widens the page. */
    overflow-wrap: break-word;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_akto-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** Buttons shared by every element: primary, secondary and quiet (link-like). */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.4rem 1rem;
    border: 2px solid var(--_akto-primary);
    border-radius: var(--_akto-radius);
    background: var(--_akto-primary);
    color: var(--_akto-on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button:hover {
    background: var(--_akto-primary-hover);
    border-color: var(--_akto-primary-hover);
  }
  .button.secondary {
    background: var(--_akto-surface);
    color: var(--_akto-primary);
  }
  .button.secondary:hover {
    background: var(--_akto-surface-alt);
  }
  .button.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_akto-primary);
    text-decoration: underline;
    padding-inline: 0.4rem;
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
