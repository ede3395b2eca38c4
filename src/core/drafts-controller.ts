import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterNextPaint } from './after-paint.js';
import { deleteDraft, loadDraft, saveDraft } from './drafts.js';

export interface DraftsOptions<T> {
  /** Where the draft is kept (`upload|endpoint|entity`…); undefined while it cannot be known yet. Read after each update. */
  key: () => string | undefined;
  /**
   * Called once per key with what an earlier visit kept under it (undefined: nothing). Nothing is
   * saved under a key before its draft was loaded: it would overwrite it.
   */
  onLoad: (draft: T | undefined, key: string) => void;
  /**
   * What to keep now, read after each update once the key's draft is loaded: a value is saved,
   * null deletes the draft (nothing left to keep), undefined saves nothing this time (an older
   * draft is still on offer, say). Right after onLoad, null deletes what was just loaded: return
   * undefined until it was put back or offered.
   */
  value: () => T | null | undefined;
  /**
   * The part of a value whose change is worth a write (by default the whole value). Compared as
   * JSON in which each File or Blob counts by identity, so a draft holding files is written only
   * when the user's choices change, not at each progress update.
   */
  signature?: (value: T) => unknown;
  /**
   * How long to wait after a change before writing (ms). With 0, the default, what to keep is
   * read and written once the host's next frame is painted (see afterNextPaint), not at the end
   * of each update: step 1's draft holds the Files chosen, and its IndexedDB write took about a
   * quarter of the task before 20 new rows' first frame; step 2's is every row's values, read
   * again at each edit. Either way, the host leaving the page, or the page being left or reloaded
   * (pagehide), writes at once.
   */
  delay?: number;
  /** How old a draft may be when loaded (ms); an older one is deleted, not offered. */
  maxAgeMs?: () => number;
}

const blobIds = new WeakMap<Blob, number>();
let nextBlobId = 0;
const blobAware = (_key: string, value: unknown) => {
  if (!(value instanceof Blob)) return value;
  if (!blobIds.has(value)) blobIds.set(value, ++nextBlobId);
  return `blob:${blobIds.get(value)}`;
};

/**
 * What the user is in the middle of, kept in this browser (see drafts.ts) under a key that
 * follows the host: loaded once per key, saved once a change's frame is painted (or after a
 * delay) when what it keeps changed, deleted when nothing is left or on discard(). One controller for step 1's files and step 2's edits.
 */
export class DraftsController<T> implements ReactiveController {
  /** The key whose draft has been loaded: only then is anything saved under it. */
  private loadedKey?: string;
  private loadingKey?: string;
  /** The signature last written (or found) under loadedKey. */
  private written?: string;
  private pending?: { key: string; value: T | null; signature: string };
  /** With no delay: an update happened since the last write, what to keep is read at the write. */
  private changed = false;
  private timer?: ReturnType<typeof setTimeout>;
  /** Cancels the write waiting for the next painted frame. */
  private cancelWrite?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftsOptions<T>,
  ) {
    host.addController(this);
  }

  /** True once the current key's draft was loaded (and onLoad called). */
  get ready(): boolean {
    const key = this.options.key();
    return key !== undefined && key === this.loadedKey;
  }

  hostUpdated(): void {
    const key = this.options.key();
    if (!key) return;
    if (key !== this.loadedKey) {
      if (key !== this.loadingKey) void this.load(key);
      return;
    }
    if (this.options.delay) {
      // Read now, so that an update that changes nothing worth keeping does not put the write off again.
      if (this.capture(key)) this.schedule();
      return;
    }
    // Read when written: building and comparing what to keep is work too, which would delay the
    // frame (step 2: 50 rows' values on each edit).
    this.changed = true;
    this.schedule();
  }

  /** Takes what to keep now as the write to come, when it differs from what was written; false when it does not. */
  private capture(key: string): boolean {
    const value = this.options.value();
    if (value === undefined) return false;
    const signature = value === null ? 'null' : JSON.stringify(this.options.signature ? this.options.signature(value) : value, blobAware);
    if (signature === (this.pending?.signature ?? this.written)) return false;
    this.pending = { key, value, signature };
    return true;
  }

  hostConnected(): void {
    addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.onPageHide);
    this.flush(); // a change just made is not lost when the element leaves the page
  }

  /** The page is being left or reloaded: a write still waiting (a delay, the next frame) is started now. */
  private onPageHide = (): void => {
    if (this.pending || this.changed) this.flush();
  };

  /** Forgets the current key's draft (sent, validated, abandoned): nothing of it is offered again. */
  discard(): void {
    this.cancel();
    const key = this.options.key();
    if (!key) return;
    if (key === this.loadedKey) this.written = 'null';
    void deleteDraft(key);
  }

  private async load(key: string): Promise<void> {
    this.cancel();
    this.loadingKey = key;
    const draft = await loadDraft<T>(key, this.options.maxAgeMs?.());
    if (this.loadingKey !== key) return; // another key since: its own load decides
    this.loadingKey = undefined;
    this.loadedKey = key;
    this.written = draft === undefined ? 'null' : undefined;
    this.options.onLoad(draft, key);
    this.host.requestUpdate(); // only now may the current choices be kept
  }

  private schedule(): void {
    const delay = this.options.delay ?? 0;
    if (delay > 0) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), delay);
    } else {
      this.cancelWrite ??= afterNextPaint(() => {
        this.cancelWrite = undefined;
        this.flush();
      });
    }
  }

  private cancel(): void {
    this.stopTimers();
    this.pending = undefined;
    this.changed = false;
  }

  private stopTimers(): void {
    clearTimeout(this.timer);
    this.cancelWrite?.();
    this.cancelWrite = undefined;
  }

  private flush(): void {
    this.stopTimers();
    if (this.changed) {
      this.changed = false;
      const key = this.options.key();
      if (key && key === this.loadedKey) this.capture(key);
    }
    const pending = this.pending;
    this.pending = undefined;
    if (!pending || pending.key !== this.loadedKey || pending.key !== this.options.key()) return;
    this.written = pending.signature;
    void (pending.value === null ? deleteDraft(pending.key) : saveDraft(pending.key, pending.value));
  }
}
