import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { ApiClient } from '../../src/api/client.js';
import type { Upload, UploadKind } from '../../src/api/schemas.js';
import { AKTO_UPLOAD_REQUEST } from '../../src/core/events.js';
import { UploadQueueController, UploadTakenOver, type QueuedUpload, type ReadVerdict, type UploadQueueOptions } from '../../src/core/upload-queue.js';
import { until } from '../helpers/mock.js';

/** An upload the test ends when it wants, as a slow network would. */
interface Call {
  file: File;
  signal: AbortSignal;
  headers: Record<string, string>;
  idempotencyKey: string;
  progress: (fraction: number) => void;
  finish: () => void;
  fail: (error: unknown) => void;
}

const stored = (file: File, kind: UploadKind, id = `u-${file.name}`): Upload => ({ id, name: file.name, size: file.size, type: 'application/pdf', kind, createdAt: '2026-11-27T10:00:00Z' });

function fakeClient() {
  const calls: Call[] = [];
  const deleted: string[] = [];
  const client = {
    upload: (file: File, kind: UploadKind, _name: string, options: { signal: AbortSignal; headers: Record<string, string>; idempotencyKey: string; onProgress: (f: number) => void }) =>
      new Promise<Upload>((resolve, reject) => {
        options.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        calls.push({ file, signal: options.signal, headers: options.headers, idempotencyKey: options.idempotencyKey, progress: options.onProgress, finish: () => resolve(stored(file, kind)), fail: reject });
      }),
    call: async (name: string, options: { params: { uploadId: string } }) => {
      if (name === 'deleteUpload') deleted.push(options.params.uploadId);
    },
  };
  return { client: client as unknown as ApiClient, calls, deleted };
}

class QueueHost extends LitElement {
  fake = fakeClient();
  errors: unknown[] = [];
  failed: QueuedUpload[] = [];
  reader?: (item: QueuedUpload, signal: AbortSignal) => Promise<ReadVerdict>;
  queue = new UploadQueueController(this, {
    client: () => this.fake.client,
    read: (item, signal) => this.reader!(item, signal),
    describe: (error) => (error instanceof UploadTakenOver ? 'taken over' : error instanceof Error ? error.message : 'failed'),
    onError: (error) => this.errors.push(error),
    onFailed: (item) => this.failed.push(item),
    parallel: 2,
  } satisfies UploadQueueOptions);
}
customElements.define('upload-queue-host', QueueHost);

const pdf = (name: string) => new File(['%PDF-1.7'], name);
const states = (el: QueueHost) => el.queue.all.map((item) => item.state);

describe('UploadQueueController', () => {
  it('uploads a few at a time, in the order added, each step replacing the entry (progress, done)', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    const keys = ['a', 'b', 'c'].map((name) => el.queue.add(pdf(`${name}.pdf`), 'invoice'));
    expect(states(el)).to.deep.equal(['uploading', 'uploading', 'waiting']);
    expect(el.fake.calls.map((c) => c.file.name)).to.deep.equal(['a.pdf', 'b.pdf']);
    const before = el.queue.get(keys[0]!)!;
    el.fake.calls[0]!.progress(0.5);
    const after = el.queue.get(keys[0]!)!;
    expect(after.progress).to.equal(0.5);
    expect(before.progress, 'never changed in place').to.equal(0);
    el.fake.calls[0]!.finish();
    await until(() => el.fake.calls.length === 3, 1000, 'the third upload started');
    expect(el.queue.get(keys[0]!)).to.include({ state: 'done', progress: 1 });
    expect(el.queue.get(keys[0]!)!.upload!.id).to.equal('u-a.pdf');
    expect(states(el)).to.deep.equal(['done', 'uploading', 'uploading']);
  });

  it('with afterPaint, starts the uploads once the next frame is painted, not in add() (the rows added with them paint first)', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    const keys = ['a', 'b', 'c'].map((name) => el.queue.add(pdf(`${name}.pdf`), 'invoice', { afterPaint: true }));
    let painted = false;
    requestAnimationFrame(() => setTimeout(() => (painted = true)));
    expect(el.fake.calls, 'no request built in the task that added them').to.have.length(0);
    expect(states(el)).to.deep.equal(['waiting', 'waiting', 'waiting']);
    // One removed before its start never uploads.
    el.queue.remove(keys[0]!);
    await until(() => el.fake.calls.length === 2, 1000, 'the uploads started');
    expect(painted, 'after the frame').to.equal(true);
    expect(el.fake.calls.map((c) => c.file.name)).to.deep.equal(['b.pdf', 'c.pdf']);
    expect(states(el)).to.deep.equal(['uploading', 'uploading']);
  });

  it('marks a failure with its reason, tells the host, and retries with the same idempotency key', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    const key = el.queue.add(pdf('a.pdf'), 'invoice');
    const first = el.fake.calls[0]!;
    first.fail(new Error('erreur interne'));
    await until(() => el.queue.get(key)!.state === 'failed', 1000, 'the failure');
    expect(el.queue.get(key)!.error).to.equal('erreur interne');
    expect(el.errors).to.have.length(1);
    expect(el.failed.map((f) => f.key)).to.deep.equal([key]);
    el.queue.retry(key);
    expect(el.queue.get(key)!.state).to.equal('uploading');
    expect(el.fake.calls[1]!.idempotencyKey).to.equal(first.idempotencyKey);
    el.fake.calls[1]!.finish();
    await until(() => el.queue.get(key)!.state === 'done', 1000, 'the retry');
  });

  it('removing a file aborts its upload, or deletes it once stored, and starts the next', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    const [a, b] = ['a', 'b', 'c'].map((name) => el.queue.add(pdf(`${name}.pdf`), 'supporting'));
    el.queue.remove(a!);
    expect(el.fake.calls[0]!.signal.aborted).to.equal(true);
    expect(el.queue.get(a!)).to.equal(undefined);
    expect(el.fake.calls.map((c) => c.file.name), 'the next one started').to.deep.equal(['a.pdf', 'b.pdf', 'c.pdf']);
    el.fake.calls[1]!.finish();
    await until(() => el.queue.get(b!)!.state === 'done', 1000, 'b stored');
    el.queue.remove(b!);
    await until(() => el.fake.deleted.length, 1000, 'the deletion');
    expect(el.fake.deleted).to.deep.equal(['u-b.pdf']);
    expect(el.errors, 'an abort is no failure').to.have.length(0);
  });

  it('uploads a file to be read at once, before its reading ends: refused on its verdict (its upload deleted once it ends), kept otherwise, dropped when removed meanwhile', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    const verdicts = new Map<string, (verdict: ReadVerdict) => void>();
    const signals = new Map<string, AbortSignal>();
    el.reader = (item, signal) => {
      signals.set(item.file.name, signal);
      return new Promise((resolve) => verdicts.set(item.file.name, resolve));
    };
    const locked = el.queue.add(pdf('locked.pdf'), 'invoice', { read: true });
    const fine = el.queue.add(pdf('fine.pdf'), 'invoice', { read: true });
    // The uploads start in add(), before any reading (which waits for the host's paint).
    expect(el.fake.calls.map((c) => c.file.name)).to.deep.equal(['locked.pdf', 'fine.pdf']);
    expect(el.queue.all.map((item) => [item.state, item.reading])).to.deep.equal([['uploading', true], ['uploading', true]]);
    expect(el.queue.settled(fine), 'not settled while read').to.equal(false);
    await until(() => signals.size === 2, 1000, 'the readings started');
    // A refusal while its upload is under way: refused at once; the upload is left to end (aborted,
    // a server with its whole body could keep it under an id never learnt), then deleted. It never uploads again.
    verdicts.get('locked.pdf')!({ refused: 'protégé' });
    await until(() => el.queue.get(locked)!.state === 'refused', 1000, 'the refusal');
    expect(el.queue.get(locked)).to.include({ error: 'protégé', reading: false });
    expect(el.fake.calls[0]!.signal.aborted, 'its upload not aborted').to.equal(false);
    expect(el.fake.deleted).to.deep.equal([]);
    el.fake.calls[0]!.finish();
    await until(() => el.fake.deleted.length, 1000, 'the refused upload deleted once stored');
    expect(el.fake.deleted).to.deep.equal(['u-locked.pdf']);
    expect(el.queue.get(locked)).to.include({ state: 'refused', upload: undefined });
    // Stored before its verdict: settled only once read.
    el.fake.calls[1]!.finish();
    await until(() => el.queue.get(fine)!.state === 'done', 1000, 'fine.pdf stored');
    expect(el.queue.settled(fine)).to.equal(false);
    verdicts.get('fine.pdf')!(null);
    await until(() => el.queue.settled(fine), 1000, 'fine.pdf read');
    // Removed while read: the reading stops.
    const gone = el.queue.add(pdf('gone.pdf'), 'invoice', { read: true });
    await until(() => signals.has('gone.pdf'), 1000, 'its reading started');
    el.queue.remove(gone);
    expect(signals.get('gone.pdf')!.aborted).to.equal(true);
    expect(el.fake.calls.filter((c) => c.file.name === 'locked.pdf'), 'the refused file uploaded once').to.have.length(1);
    expect(el.errors, 'an abort is no failure').to.have.length(0);
    // A reader that cannot load lets the file go on (the server checks it).
    el.reader = () => Promise.reject(new Error('the reader did not load'));
    const unread = el.queue.add(pdf('unread.pdf'), 'invoice', { read: true });
    el.fake.calls.at(-1)!.finish();
    await until(() => el.queue.settled(unread), 1000, 'settled all the same');
  });

  it('deletes on the server a file its reading refuses after it was stored', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    let refuse!: (verdict: ReadVerdict) => void;
    el.reader = () => new Promise((resolve) => (refuse = resolve));
    const key = el.queue.add(pdf('damaged.pdf'), 'invoice', { read: true });
    el.fake.calls[0]!.finish();
    await until(() => el.queue.get(key)!.state === 'done' && refuse, 1000, 'stored, its reading running');
    refuse({ refused: 'endommagé' });
    await until(() => el.fake.deleted.length, 1000, 'the deletion');
    expect(el.fake.deleted).to.deep.equal(['u-damaged.pdf']);
    expect(el.queue.get(key)).to.include({ state: 'refused', error: 'endommagé', upload: undefined });
    el.queue.remove(key);
    expect(el.fake.deleted, 'deleted once').to.have.length(1);
  });

  it('reads a few files at a time, in the order added (200 dropped do not start 200 readings in one frame)', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    const started: string[] = [];
    const verdicts: ((verdict: ReadVerdict) => void)[] = [];
    el.reader = (item) => {
      started.push(item.file.name);
      return new Promise((resolve) => verdicts.push(resolve));
    };
    for (let i = 1; i <= 10; i++) el.queue.add(pdf(`${i}.pdf`), 'invoice', { read: true });
    await until(() => started.length === 4, 1000, 'the first readings');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(started).to.deep.equal(['1.pdf', '2.pdf', '3.pdf', '4.pdf']);
    verdicts[0]!(null);
    await until(() => started.length === 5, 1000, 'the next reading');
    expect(started.at(-1)).to.equal('5.pdf');
  });

  it('asks for one animation frame, not one per file, when many are added at once, and reads them after it', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    let read = 0;
    el.reader = () => (read++, new Promise(() => {}));
    const requestFrame = window.requestAnimationFrame;
    let frames = 0;
    window.requestAnimationFrame = (callback) => (frames++, requestFrame(callback));
    try {
      for (let i = 1; i <= 20; i++) el.queue.add(pdf(`${i}.pdf`), 'invoice', { read: true, afterPaint: true });
    } finally {
      window.requestAnimationFrame = requestFrame;
    }
    expect(frames, 'one for the readings, one for the uploads').to.equal(2);
    // The readings too start after the frame.
    let painted = false;
    requestAnimationFrame(() => setTimeout(() => (painted = true)));
    await until(() => read > 0, 1000, 'the readings started');
    expect(painted, 'after the frame').to.equal(true);
  });

  it('asks the host first (akto-upload-request): headers, its own upload, or none', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    let mode: 'headers' | 'own' | 'none' = 'headers';
    el.addEventListener(AKTO_UPLOAD_REQUEST, (event) => {
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      if (mode === 'headers') event.detail.headers['X-Partner'] = 'formaction';
      else event.preventDefault();
      if (mode === 'own') event.detail.respondWith(Promise.resolve(stored(event.detail.file, event.detail.kind, 'host-1')));
    });
    el.queue.add(pdf('a.pdf'), 'invoice');
    expect(el.fake.calls[0]!.headers).to.deep.equal({ 'X-Partner': 'formaction' });
    mode = 'own';
    const own = el.queue.add(pdf('b.pdf'), 'supporting');
    await until(() => el.queue.get(own)!.state === 'done', 1000, 'the host upload');
    expect(el.queue.get(own)!.upload!.id).to.equal('host-1');
    mode = 'none';
    const none = el.queue.add(pdf('c.pdf'), 'invoice');
    await until(() => el.queue.get(none)!.state === 'failed', 1000, 'nobody uploads it');
    expect(el.queue.get(none)!.error).to.equal('taken over');
    expect(el.fake.calls, 'the client uploaded only the first').to.have.length(1);
  });

  it('pauses off the page (uploads back to waiting) and goes on when the host comes back; clear() forgets all', async () => {
    const el = await fixture<QueueHost>(html`<upload-queue-host></upload-queue-host>`);
    const key = el.queue.add(pdf('a.pdf'), 'invoice');
    const parent = el.parentElement!;
    el.remove();
    expect(el.fake.calls[0]!.signal.aborted).to.equal(true);
    expect(el.queue.get(key)).to.include({ state: 'waiting', progress: 0 });
    el.queue.add(pdf('b.pdf'), 'invoice');
    expect(el.fake.calls, 'nothing starts off the page').to.have.length(1);
    parent.append(el);
    expect(el.fake.calls.map((c) => c.file.name), 'a.pdf again, then b.pdf').to.deep.equal(['a.pdf', 'a.pdf', 'b.pdf']);
    expect(states(el)).to.deep.equal(['uploading', 'uploading']);
    el.queue.clear();
    expect(el.queue.all).to.have.length(0);
    expect(el.fake.calls[1]!.signal.aborted).to.equal(true);
    expect(el.fake.deleted, 'clear() deletes nothing stored').to.have.length(0);
  });
});
