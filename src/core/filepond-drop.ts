/**
 * Drag and drop through FilePond, loaded lazily (its own chunk) when a drop area first renders.
 * FilePond does what is hard to get right across browsers: the drag-over state of the page,
 * drops anywhere inside the area, folders read recursively. Everything else stays ours: the rows
 * render at once (FilePond's item list would be about twice as slow as Uppy's), files are checked
 * by content, uploads go through the API client. FilePond's own UI stays invisible and inert.
 */
import { create, type FilePond } from 'filepond';
import { widgetPolicy } from './trusted-types.js';

const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;

/**
 * Runs `build` with every element it creates writing its innerHTML through our policy.
 * `document.createElement` is wrapped only for the synchronous call and restored right after.
 */
function withTrustedMarkup<T>(build: () => T): T {
  // FilePond only ever writes its own constant markup (empty labels, its icons): nothing from users or the API.
  const trusted = widgetPolicy();
  if (!trusted) return build();
  const original = document.createElement;
  document.createElement = function (this: Document, ...args: Parameters<Document['createElement']>) {
    const element = original.apply(this, args);
    Object.defineProperty(element, 'innerHTML', {
      configurable: true,
      get: () => innerHTML.get!.call(element),
      set: (value: string) => innerHTML.set!.call(element, trusted.createHTML(String(value))),
    });
    return element;
  } as Document['createElement'];
  try {
    return build();
  } finally {
    document.createElement = original;
  }
}

export interface DropTarget {
  /** FilePond's invisible layer: the drag events that reach it are FilePond's. */
  layer: HTMLElement;
  destroy(): void;
}

/** Where the files were dropped, in viewport coordinates, to route them to the zone under it. */
export interface DropPoint {
  x: number;
  y: number;
}

/**
 * Makes `area` a drop target: dropped files (folders included) are handed to `onFiles` in one
 * batch per drop, with the point they were dropped at. The area keeps its own content, buttons
 * and styles. One FilePond instance serves a whole element, however many drop zones it shows:
 * instances are not cheap to create nor entirely freed when destroyed.
 */
export function attachDrop(area: HTMLElement, onFiles: (files: File[], point: DropPoint) => void, onDrag?: (point: DropPoint | null) => void): DropTarget {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  area.append(input);
  const batch = new Set<File>();
  let point: DropPoint = { x: 0, y: 0 };
  const pond: FilePond = withTrustedMarkup(() =>
    create(input, {
      allowMultiple: true,
      allowBrowse: false, // the area's own <button> opens the picker
      allowPaste: false,
      allowReplace: false,
      allowRevert: false,
      instantUpload: false,
      dropOnElement: true,
      dropOnPage: false,
      dropValidation: true,
      credits: false,
      labelIdle: '',
      // FilePond asks twice about each dropped file once its hopper has read the drop (folders
      // included): first whether the drop is allowed, then before adding. We say yes the first
      // time and keep the file, no the second time, so FilePond never builds its own item (nor its
      // markup): the element renders the row itself, at once.
      beforeDropFile: (item) => {
        if (!(item instanceof File)) return true; // still dragging: only the items' kinds are known
        if (batch.has(item)) return false;
        if (!batch.size)
          queueMicrotask(() => {
            const files = [...batch];
            batch.clear();
            cover(false);
            onFiles(files, point);
          });
        batch.add(item);
        return true;
      },
    }),
  );
  const root = area.querySelector<HTMLElement>('.filepond--root')!;
  // Hidden from assistive technology and out of the tab order (not `inert`: that would also hide it
  // from the hit-testing FilePond's drop relies on). The area's own button is the way in.
  root.setAttribute('aria-hidden', 'true');
  for (const focusable of root.querySelectorAll<HTMLElement>('input, [tabindex]')) focusable.tabIndex = -1;
  Object.assign(root.style, { position: 'absolute', inset: '0', margin: '0', opacity: '0', height: 'auto', zIndex: '1', pointerEvents: 'none' });
  // FilePond's layer covers the area only while something is dragged over it, so the area's own
  // button stays clickable the rest of the time.
  const cover = (on: boolean) => {
    root.style.pointerEvents = on ? 'auto' : 'none';
    if (!on) onDrag?.(null);
  };
  const onEnter = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) cover(true);
  };
  const onOver = (event: DragEvent) => {
    point = { x: event.clientX, y: event.clientY };
    onDrag?.(point);
  };
  const onLeave = (event: DragEvent) => {
    if (!area.contains(event.relatedTarget as Node | null)) cover(false);
  };
  // FilePond reads a drop asynchronously (folders…) and then checks what is under the pointer:
  // the layer stays until it has handed the files over, or a moment at most.
  const onEnd = () => setTimeout(() => cover(false), 1500);
  const listening = new AbortController(); // destroy() removes every listener at once
  const { signal } = listening;
  area.addEventListener('dragenter', onEnter, { signal });
  area.addEventListener('dragover', onOver, { capture: true, signal });
  area.addEventListener('drop', onOver, { capture: true, signal });
  area.addEventListener('dragleave', onLeave, { signal });
  area.addEventListener('drop', onEnd, { signal });
  document.addEventListener('dragend', onEnd, { signal });
  return {
    layer: root,
    destroy: () => {
      listening.abort();
      // FilePond puts its input back beside its root a moment later: give the root a detached
      // parent, so that works even when the area has already left the page.
      document.createElement('div').append(root);
      pond.destroy();
    },
  };
}
