import { css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { textAttribute } from '../../core/attributes.js';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { AktoElement } from '../../core/akto-element.js';
import { buttons } from '../../core/tokens.js';
import { frSteps } from '../../i18n/fr-steps.js';
import { LocalizeController } from '../../core/localize-controller.js';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/**
 * @summary A PDF, one page at a time, with previous/next page and zoom (pdf.js, loaded on first use).
 *
 * @csspart canvas - The rendered page.
 * @csspart toolbar - Page and zoom buttons.
 */
export class AktoPdfPreview extends AktoElement {
  static override styles = [
    ...AktoElement.styles,
    buttons,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        min-width: 0;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
      }
      .toolbar .button {
        min-height: 2.25rem;
        padding-inline: 0.6rem;
      }
      .sheet {
        overflow: auto;
        max-height: var(--akto-preview-height, 70vh);
        border: 1px solid var(--_akto-border);
        border-radius: var(--_akto-radius);
        background: var(--_akto-surface-alt);
      }
      canvas {
        display: block;
        margin: 0 auto;
        background: #fff;
      }
      .status {
        padding: 1rem;
        color: var(--_akto-muted);
      }
    `,
  ];

  private l10n = new LocalizeController(this, frSteps);

  /** The PDF to show. */
  @property({ attribute: false }) source: Blob | null = null;
  /** What the PDF is (its file name), for the accessible name of the page. */
  @property({ converter: textAttribute }) label = '';

  @state() private page = 1;
  @state() private pages = 0;
  @state() private zoom = 1;
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @query('canvas') private canvas?: HTMLCanvasElement;
  private document?: PDFDocumentProxy;
  private rendering?: RenderTask;
  private loadId = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back in a page (moved): its document was closed on removal, open it again.
    if (this.source && this.status !== 'idle' && !this.document) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A PDF still opening is destroyed when it arrives (see load), not kept by a removed element.
    this.loadId++;
    void this.close();
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    super.updated(changed);
    if (changed.has('source')) await this.load();
    else if ((changed.has('page') || changed.has('zoom')) && this.status === 'ready') await this.draw();
  }

  override render() {
    const t = this.l10n.t.pdfPreview;
    if (!this.source) return nothing;
    if (this.status === 'error') return html`<p class="status" role="status">${t.unavailable}</p>`;
    return html`<div class="toolbar" part="toolbar">
        <button class="button secondary" ?disabled=${this.page <= 1} @click=${() => this.page--}>${t.previousPage}</button>
        <span>${this.pages ? t.page(this.page, this.pages) : ''}</span>
        <button class="button secondary" ?disabled=${this.page >= this.pages} @click=${() => this.page++}>${t.nextPage}</button>
        <button class="button secondary" aria-label=${t.zoomOut} ?disabled=${this.zoom <= ZOOMS[0]!} @click=${() => this.zoomBy(-1)}>−</button>
        <span>${t.zoom(Math.round(this.zoom * 100))}</span>
        <button class="button secondary" aria-label=${t.zoomIn} ?disabled=${this.zoom >= ZOOMS.at(-1)!} @click=${() => this.zoomBy(1)}>+</button>
      </div>
      <div class="sheet" tabindex="0" role="region" aria-label=${t.previewOf(this.label)}>
        ${this.status === 'loading' ? html`<p class="status" role="status">${t.loading}</p>` : nothing}
        <canvas part="canvas" role="img" aria-label=${`${t.previewOf(this.label)}, ${t.page(this.page, this.pages || 1)}`} ?hidden=${this.status !== 'ready'}></canvas>
      </div>`;
  }

  private zoomBy(step: number): void {
    const index = ZOOMS.indexOf(this.zoom);
    this.zoom = ZOOMS[Math.min(Math.max(index + step, 0), ZOOMS.length - 1)]!;
  }

  private async close(): Promise<void> {
    this.rendering?.cancel();
    const document = this.document;
    this.document = undefined;
    await document?.loadingTask.destroy();
  }

  private async load(): Promise<void> {
    const id = ++this.loadId;
    await this.close();
    if (!this.source) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    this.page = 1;
    try {
      const { openPdf } = await import('../../reader/pdf-text.js');
      const document = await openPdf(await this.source.arrayBuffer());
      if (id !== this.loadId) return void document.loadingTask.destroy(); // another PDF was chosen meanwhile, or the element removed
      this.document = document;
      this.pages = document.numPages;
      this.status = 'ready';
      await this.updateComplete;
      await this.draw();
    } catch {
      if (id === this.loadId) this.status = 'error';
    }
  }

  /** Draws the current page at the zoom, the page fitting the width at 100 %. */
  private async draw(): Promise<void> {
    const document = this.document;
    const canvas = this.canvas;
    if (!document || !canvas) return;
    this.rendering?.cancel();
    const page = await document.getPage(this.page);
    const natural = page.getViewport({ scale: 1 });
    const width = Math.max(canvas.parentElement?.clientWidth ?? natural.width, 240) - 2;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (width / natural.width) * this.zoom * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    this.rendering = page.render({ canvas, viewport });
    try {
      await this.rendering.promise;
    } catch {
      // cancelled by a newer draw
    }
  }
}
