import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey, type ApiClient } from '../api/client.js';
import { isAbort } from '../api/errors.js';
import type { Upload, UploadKind } from '../api/schemas.js';
import { afterNextPaint } from './after-paint.js';
import { emit, AKTO_UPLOAD_REQUEST } from './events.js';

/**
 * A file's way through the queue (one state machine, the upload's):
 *
 *     waiting ─→ uploading ─→ done
 *        ↑           │          │
 *        └─ retry ── failed     │
 *                               │
 *     refused ←── the reading's verdict, from any state (its upload deleted once stored)
 *
 * A file added with `read` uploads at once and is read beside it (`reading` true until its
 * verdict): the reading never delays the first byte. Until the verdict the file is not settled:
 * a deposit must not name it (see `settled`). An upload under way when the host leaves the page
 * goes back to `waiting`, and starts again when it comes back; so does a reading.
 */
export type UploadState = 'refused' | 'waiting' | 'uploading' | 'done' | 'failed';

/** One file of the queue. Never changed in place: each step replaces it. */
export interface QueuedUpload {
  readonly key: string;
  readonly file: File;
  readonly kind: UploadKind;
  readonly state: UploadState;
  /** Its in-browser reading is still running (beside the upload): it may yet be refused. */
  readonly reading: boolean;
  /** 0 to 1, while uploading. */
  readonly progress: number;
  /** What the server (or the host) stored, once done. */
  readonly upload?: Upload;
  /** Why it was refused or failed, in the user's words. */
  readonly error?: string;
  /** Kept across retries, so a retried upload is not stored twice. */
  readonly idempotencyKey: string;
}

/** What reading a file beside its upload decided: a refusal to show on its row, or nothing (keep it). */
export type ReadVerdict = { refused: string } | null | undefined | void;

/** The host cancelled `akto-upload-request` without `respondWith`: nobody uploads the file. */
export class UploadTakenOver extends Error {}

export interface UploadQueueOptions {
  /** The API client (the host's, which may change with its configuration). */
  client: () => ApiClient | undefined;
  /**
   * Reads a file added with `read: true`, while it uploads. `signal` aborts when the file is
   * removed meanwhile. A refusal deletes its upload once stored (now, or when it ends). A reading that
   * throws lets the file go on (the server checks it).
   */
  read?: (item: QueuedUpload, signal: AbortSignal) => Promise<ReadVerdict>;
  /** How a failure reads to the user. */
  describe: (error: unknown) => string;
  /** A request failed (an upload, a deletion): the host tells its page (a 401…). */
  onError: (error: unknown) => void;
  /** An upload failed (after onError): the host may announce it. */
  onFailed?: (item: QueuedUpload) => void;
  /** An upload is done: the host may announce it. */
  onUploaded?: (item: QueuedUpload) => void;
  /** Uploads at a time (200 files do not open 200 connections); 3 by default. */
  parallel?: number;
}

let keys = 0;

/** Readings under way at a time for one queue: enough to keep the page's two reading slots busy. */
const READ_AHEAD = 4;

/**
 * The uploads of an element: one state machine per file (see UploadState), a few uploads at a
 * time, abort on removal, retry, and the host's say before each upload (`akto-upload-request`:
 * add headers, or cancel and `respondWith` its own upload). Uploads pause off the page.
 */
export class UploadQueueController implements ReactiveController {
  private items = new Map<string, QueuedUpload>();
  /** The uploads under way, and the readings: what a removal aborts. */
  private running = new Map<string, AbortController>();
  private readings = new Map<string, AbortController>();
  /**
   * Refused files whose upload was under way: it is left to end, then deleted. Aborted, it could
   * still be stored by a server that had its whole body, under an id we would never learn.
   */
  private deleteWhenStored = new Set<string>();
  /** Files to read, in the order added: a few readings at a time (200 files dropped start 4, not 200 in one frame). */
  private toRead: string[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: UploadQueueOptions,
  ) {
    host.addController(this);
  }

  get(key: string): QueuedUpload | undefined {
    return this.items.get(key);
  }

  /** Every file, in the order added. */
  get all(): QueuedUpload[] {
    return [...this.items.values()];
  }

  /** Whether a file may go into a deposit: stored, and its reading (if any) over without a refusal. */
  settled(key: string): boolean {
    const item = this.items.get(key);
    return item?.state === 'done' && !item.reading;
  }

  /**
   * Queues a file and returns its key; its upload starts at once (within `parallel`), or with
   * `afterPaint` once the host's next frame is painted (see startAfterPaint). With `read`, it is
   * read beside its upload, once the host's next frame is painted (rows added with it show first).
   * `idempotencyKey`: the key the file was uploaded under before a reload (a draft's), so that the
   * server gives back the upload it already stored rather than storing it again.
   */
  add(file: File, kind: UploadKind, { read = false, afterPaint = false, idempotencyKey = newIdempotencyKey() }: { read?: boolean; afterPaint?: boolean; idempotencyKey?: string } = {}): string {
    const key = `f${++keys}`;
    const reading = read && Boolean(this.options.read);
    this.items.set(key, { key, file, kind, state: 'waiting', reading, progress: 0, idempotencyKey });
    this.host.requestUpdate();
    if (afterPaint) this.startAfterPaint();
    else this.pump();
    if (reading) {
      this.toRead.push(key);
      // Once the rows added with it are painted (after their uploads start), one schedule for all
      // the files added at once: 20 chosen once ran 40 animation-frame callbacks, and their first
      // readings' work (a slice of each file…) could land before the rows' frame was done.
      if (!this.readScheduled) {
        this.readScheduled = true;
        afterNextPaint(() => {
          this.readScheduled = false;
          this.readNext();
        });
      }
    }
    return key;
  }

  /**
   * Takes a file off the queue: cancels its reading or its upload, or deletes what was stored.
   * The removal is the user's and is done whatever the server answers (an upload no deposit names
   * is never sent to AKTO); only the failure is reported.
   */
  remove(key: string): void {
    const item = this.items.get(key);
    if (!item) return;
    this.items.delete(key);
    for (const map of [this.running, this.readings]) {
      map.get(key)?.abort();
      map.delete(key);
    }
    if (item.upload) this.deleteStored(item.upload);
    this.host.requestUpdate();
    this.pump();
    this.readNext();
  }

  /** Forgets every file without deleting anything stored (a deposit now uses them). */
  clear(): void {
    for (const map of [this.running, this.readings]) {
      for (const controller of map.values()) controller.abort();
      map.clear();
    }
    this.items.clear();
    this.host.requestUpdate();
  }

  /** « Réessayer » on a failed upload. */
  retry(key: string): void {
    if (this.items.get(key)?.state !== 'failed') return;
    this.set(key, { state: 'waiting' });
    this.pump();
  }

  hostConnected(): void {
    // Readings stopped by a disconnection start again; uploads paused by it go on.
    this.toRead = this.all.filter((item) => item.reading && !this.readings.has(item.key)).map((item) => item.key);
    this.readNext();
    this.pump();
  }

  hostDisconnected(): void {
    // Off the page, nothing uploads: what was under way waits to start again if the host comes back.
    for (const [key, controller] of this.running) {
      controller.abort();
      this.set(key, { state: 'waiting', progress: 0 });
    }
    this.running.clear();
    // Nor is anything read: queued readings would hold up other elements' (one reading queue for the page).
    for (const controller of this.readings.values()) controller.abort();
    this.readings.clear();
  }

  /** Replaces a file's entry (if it is still queued) and asks the host to render. */
  private set(key: string, change: Partial<QueuedUpload>): void {
    const item = this.items.get(key);
    if (!item) return;
    this.items.set(key, { ...item, ...change });
    this.host.requestUpdate();
  }

  /** Starts the next readings, up to READ_AHEAD at a time (the reader itself reads two PDFs at a time, see readingSlot). */
  private readNext(): void {
    while (this.readings.size < READ_AHEAD && this.toRead.length && this.host.isConnected) void this.read(this.toRead.shift()!);
  }

  private async read(key: string): Promise<void> {
    const item = this.items.get(key);
    if (!item?.reading || this.readings.has(key) || !this.host.isConnected) return; // hostConnected starts it
    const reading = new AbortController();
    this.readings.set(key, reading);
    let verdict: ReadVerdict;
    try {
      verdict = await this.options.read!(item, reading.signal);
    } catch {
      verdict = null; // the reader could not load: the server checks the file
    }
    if (reading.signal.aborted || this.readings.get(key) !== reading) return; // removed, or the host left, meanwhile
    this.readings.delete(key);
    if (verdict) this.refuse(key, verdict.refused);
    else this.set(key, { reading: false });
    this.readNext();
  }

  /**
   * The reading refused a file: its upload is deleted once stored, now or when under way it ends
   * (no deposit names it), and it will not upload again. A failed deletion is only reported.
   */
  private refuse(key: string, error: string): void {
    const item = this.items.get(key);
    if (!item) return;
    if (this.running.delete(key)) this.deleteWhenStored.add(key);
    if (item.upload) this.deleteStored(item.upload);
    this.set(key, { state: 'refused', reading: false, error, progress: 0, upload: undefined });
    this.pump();
  }

  /** Deletes an upload the server stored that no deposit will name (removed, refused); a failure is only reported. */
  private deleteStored(upload: Upload): void {
    void this.options.client()?.call('deleteUpload', { params: { uploadId: upload.id } }).catch(this.options.onError);
  }

  /**
   * Starts the uploads once the frame that shows their rows is painted: building and sending a
   * request (FormData, XMLHttpRequest) costs a few ms per file, which the rows' first frame would
   * otherwise wait for (20 files chosen: 3 requests, ~8 ms of the change's task). See
   * afterNextPaint: the first byte still leaves within a frame or two.
   */
  private startAfterPaint(): void {
    if (this.startScheduled) return;
    this.startScheduled = true;
    afterNextPaint(() => {
      this.startScheduled = false;
      this.pump();
    });
  }

  private startScheduled = false;
  private readScheduled = false;

  /** Starts waiting uploads, a few at a time. */
  private pump(): void {
    // Files just added start after the frame that shows them (startAfterPaint), with any others then.
    if (!this.host.isConnected || this.startScheduled) return;
    const parallel = this.options.parallel ?? 3;
    let uploading = this.all.filter((item) => item.state === 'uploading').length;
    for (const item of this.items.values()) {
      if (uploading >= parallel) break;
      if (item.state !== 'waiting') continue;
      uploading++;
      void this.upload(item);
    }
  }

  private async upload(item: QueuedUpload): Promise<void> {
    const client = this.options.client();
    if (!client) return;
    const { key, file, kind } = item;
    const controller = new AbortController();
    this.running.set(key, controller);
    this.set(key, { state: 'uploading', progress: 0, error: undefined });
    const current = () => this.running.get(key) === controller;
    const headers: Record<string, string> = {};
    let hosted: Promise<Upload> | undefined;
    const ours = emit(this.host, AKTO_UPLOAD_REQUEST, { file, kind, headers, respondWith: (upload) => (hosted = upload) }, { cancelable: true });
    try {
      let upload: Upload;
      if (ours) {
        const onProgress = (progress: number) => current() && this.set(key, { progress });
        upload = await client.upload(file, kind, file.name, { signal: controller.signal, headers, idempotencyKey: item.idempotencyKey, onProgress });
      } else if (hosted) upload = await hosted;
      else throw new UploadTakenOver();
      if (this.deleteWhenStored.delete(key)) this.deleteStored(upload);
      if (!current()) return; // removed or refused meanwhile
      this.set(key, { state: 'done', progress: 1, upload });
      this.options.onUploaded?.(this.items.get(key)!);
    } catch (error) {
      this.deleteWhenStored.delete(key); // refused meanwhile, and never stored
      if ((isAbort(error) && controller.signal.aborted) || !current()) return; // removed by the user, refused by its reading, or the host left the page
      this.set(key, { state: 'failed', error: this.options.describe(error) });
      this.options.onError(error);
      this.options.onFailed?.(this.items.get(key)!);
    } finally {
      if (current()) this.running.delete(key);
      this.pump();
    }
  }
}
