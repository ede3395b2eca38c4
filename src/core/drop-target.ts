import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DropPoint, DropTarget } from './filepond-drop.js';
import { droppedFiles } from './dropped-files.js';
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
 * FilePond's drag and drop in a shadow root (filepond-drop.ts, its own chunk). The chunk is
 * imported when files are first dragged into the page (a `dragenter` anywhere, long before they
 * reach the area), not before: importing FilePond starts its painter, a callback on every
 * animation frame for as long as the page lives, attached or not. A user who picks files with the
 * button never pays for it, and the page's frames stay idle. Files dropped on the area before
 * FilePond is there (a slow link, a quick drop) are taken all the same, folders included.
 * Once attached, FilePond follows the area when it is rendered again, and is destroyed when the
 * host leaves the page. Each drop goes to the zone under the pointer, which carries
 * `data-dragging` while files are dragged over it.
 */
export class DropTargetController implements ReactiveController {
  private attached?: { area: HTMLElement; target: DropTarget };
  private loaded?: typeof import('./filepond-drop.js');
  /** Files were dragged into the page: FilePond is loaded, and stays attached from then on. */
  private dragged = false;
  /** Ends the page's drag listeners. */
  private listening?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DropTargetOptions,
  ) {
    host.addController(this);
  }

  /** Whether files can be dropped here: not where the page refuses our Trusted Types policy (see attach). */
  get available(): boolean {
    return ownMarkupAllowed();
  }

  hostConnected(): void {
    this.listening = new AbortController();
    const options = { capture: true, signal: this.listening.signal };
    document.addEventListener('dragenter', this.onPageDrag, options);
    document.addEventListener('dragover', this.onUncoveredDrag, options);
    document.addEventListener('drop', this.onUncoveredDrag, options);
  }

  hostUpdated(): void {
    // The area rendered anew: FilePond moves to it.
    if (this.attached && this.attached.area !== this.options.area()) this.detach();
    this.attach();
  }

  hostDisconnected(): void {
    this.listening?.abort();
    this.detach();
  }

  /** Files dragged into the page (their first `dragenter`, whatever its target): FilePond now. */
  private readonly onPageDrag = (event: DragEvent): void => {
    if (!isFiles(event) || this.dragged || !this.available) return;
    this.dragged = true;
    void import('./filepond-drop.js').then((module) => {
      this.loaded = module;
      this.attach();
    });
  };

  /**
   * Files over the area where FilePond's layer is not (its module still loading, or the pointer not
   * yet moved into the area since it was attached): they may be dropped there too, and such a drop
   * is taken (folders read through, as FilePond does) rather than opening a file in place of the
   * page.
   */
  private readonly onUncoveredDrag = (event: DragEvent): void => {
    const area = this.options.area();
    const path = event.composedPath();
    if (!this.dragged || !area || !isFiles(event) || !path.includes(area) || (this.attached && path.includes(this.attached.target.layer))) return;
    event.preventDefault();
    const point = { x: event.clientX, y: event.clientY };
    if (event.type === 'dragover') return this.highlight(point);
    this.highlight(null);
    const zone = this.zoneAt(point);
    const named = [...(event.dataTransfer?.files ?? [])]; // what the drop names, if a folder cannot be read
    if (event.dataTransfer)
      void droppedFiles(event.dataTransfer)
        .catch(() => named)
        .then((files) => files.length && this.options.onDrop(files, zone));
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

  /** Attaches FilePond to the area, once its module is there. */
  private attach(): void {
    const area = this.options.area() ?? null;
    // A page that refuses our Trusted Types policy gets no drag and drop (the buttons still work),
    // rather than a violation at each render.
    if (this.attached || !area?.isConnected || !this.loaded || !this.available) return;
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

const isFiles = (event: DragEvent): boolean => Boolean(event.dataTransfer?.types.includes('Files'));
