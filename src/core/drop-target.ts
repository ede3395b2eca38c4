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
 * first renders): attached to the area after each update it is (re)rendered, destroyed when the
 * host leaves the page. Each drop goes to the zone under the pointer, which carries
 * `data-dragging` while files are dragged over it.
 */
export class DropTargetController implements ReactiveController {
  private attached?: { area: HTMLElement; target: DropTarget };
  private module?: Promise<typeof import('./filepond-drop.js')>;

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

  hostUpdated(): void {
    void this.sync();
  }

  hostDisconnected(): void {
    this.detach();
  }

  /** A click anywhere in a drop zone opens its file picker, as « cliquez pour sélectionner » says. */
  readonly onZoneClick = (event: Event): void => {
    if ((event.target as HTMLElement).closest('button, input, a')) return;
    (event.currentTarget as HTMLElement).querySelector<HTMLInputElement>('input[type=file]:not(.filepond--browser)')?.click();
  };

  private detach(): void {
    this.attached?.target.destroy();
    this.attached = undefined;
  }

  private async sync(): Promise<void> {
    const area = this.options.area() ?? null;
    if (this.attached && this.attached.area !== area) this.detach();
    if (!area || this.attached) return;
    // A page that refuses our Trusted Types policy gets no drag and drop (the buttons still work),
    // rather than a violation at each render.
    if (!ownMarkupAllowed()) return;
    this.module ??= import('./filepond-drop.js');
    const { attachDrop } = await this.module;
    if (!area.isConnected || this.attached) return;
    const target = attachDrop(area, (files, point) => this.options.onDrop(files, this.zoneAt(point)), (point) => this.highlight(point));
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
