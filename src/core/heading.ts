import { html, nothing, type TemplateResult } from 'lit';

/**
 * A heading at the level that fits the host page's outline (elements take a `heading-level`):
 * Lit cannot bind a tag name, so one template per level.
 */
export function heading(level: number, content: unknown, options: { className?: string; id?: string } = {}): TemplateResult {
  const className = options.className ?? nothing;
  const id = options.id ?? nothing;
  switch (Math.min(Math.max(Math.floor(level) || 2, 1), 6)) {
    case 1:
      return html`<h1 id=${id} class=${className}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} class=${className}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${className}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${className}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${className}>${content}</h5>`;
    default:
      return html`<h6 id=${id} class=${className}>${content}</h6>`;
  }
}
