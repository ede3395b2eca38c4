import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DropPoint, DropTarget } from './filepond-drop.js';
import { ownMarkupAllowed } from './trusted-types.js';

export interface DropTargetOptions {
  /** The element FilePond covers (one instance for the whole host), once rendered. */
  area: () => HTMLElement | null | undefined;
  /** The drop zones inside it; the first is where files dropped elsewhere in the area go. */
  zones: () => HTMLElement[];
  /** The files of one drop, and the zone they were dropped on. */
  onDrop: (files: File[], zone: HTMLElement | null) => void;
}

/**
 * FilePond's drag and drop in a shadow root (filepond-drop.ts, its own chunk, loaded when the area
 * first renders). FilePond is attached to the area when files are first dragged into the page
 * (a `dragenter` anywhere, long before they reach the area), not before: its painter runs every
 * animation frame while it is attached, a cost that a user who picks files with the button never
 * needs to pay. Once attached, it follows the area when it is rendered again, and is destroyed when
 * the host leaves the page. Each drop goes to the zone under the pointer, which carries
 * `data-dragging` while files are dragged over it.
 */
export class DropTargetController implements ReactiveController {
  private attached?: { area: HTMLElement; target: DropTarget };
  private module?: Promise<typeof import('./filepond-drop.js')>;
  private loaded?: typeof import('./filepond-drop.js');
  /** Files were dragged into the page: FilePond stays attached from then on. */
  private dragged = false;
  /** Ends the page's `dragenter` listener. */
  private listening?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DropTargetOptions,
  ) {
    host.addController(this);
  }

  /** Whether files can be dropped here: not where the page refuses our Trusted Types policy (see sync). */
  get available(): boolean {
    return ownMarkupAllowed();
  }

  hostConnected(): void {
    this.listening = new AbortController();
    document.addEventListener('dragenter', this.onPageDrag, { capture: true, signal: this.listening.signal });
  }

  hostUpdated(): void {
    void this.sync();
  }

  hostDisconnected(): void {
    this.listening?.abort();
    this.detach();
  }

  /** Files dragged into the page (their first `dragenter`, whatever its target): FilePond now. */
  private readonly onPageDrag = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    this.dragged = true;
    this.attach();
  };

  /** A click anywhere in a drop zone opens its file picker, as « cliquez pour sélectionner » says. */
  readonly onZoneClick = (event: Event): void => {
    if ((event.target as HTMLElement).closest('button, input, a')) return;
    (event.currentTarget as HTMLElement).querySelector<HTMLInputElement>('input[type=file]:not(.filepond--browser)')?.click();
  };

  private detach(): void {
    this.attached?.target.destroy();
    this.attached = undefined;
  }

  /** After each update: the module loaded ahead of a drag, FilePond moved if the area was rendered anew. */
  private async sync(): Promise<void> {
    const area = this.options.area() ?? null;
    if (this.attached && this.attached.area !== area) this.detach();
    if (!area || this.attached) return;
    // A page that refuses our Trusted Types policy gets no drag and drop (the buttons still work),
    // rather than a violation at each render.
    if (!ownMarkupAllowed()) return;
    this.module ??= import('./filepond-drop.js');
    this.loaded = await this.module;
    if (this.dragged) this.attach();
  }

  /** Attaches FilePond to the area, synchronously once its module is there (within the drag's own event). */
  private attach(): void {
    const area = this.options.area() ?? null;
    if (this.attached || !area?.isConnected || !this.loaded) return;
    const target = this.loaded.attachDrop(area, (files, point) => this.options.onDrop(files, this.zoneAt(point)), (point) => this.highlight(point));
    this.attached = { area, target };
  }

  /** The zone under a point (beneath FilePond's invisible layer). */
  private zoneAt(point: DropPoint): HTMLElement | null {
    const root = this.host.shadowRoot ?? document;
    const zones = this.options.zones();
    return (root.elementsFromPoint(point.x, point.y).find((e) => zones.includes(e as HTMLElement)) as HTMLElement | undefined) ?? null;
  }

  private highlight(point: DropPoint | null): void {
    const zones = this.options.zones();
    const zone = point && (this.zoneAt(point) ?? zones[0]);
    for (const area of zones) area.toggleAttribute('data-dragging', area === zone);
  }
}
