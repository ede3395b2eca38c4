import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { afterNextPaint } from '../../src/core/after-paint.js';
import { DraftsController } from '../../src/core/drafts-controller.js';
import { clearDrafts, loadDraft, saveDraft } from '../../src/core/drafts.js';
import { until } from '../helpers/mock.js';

type Draft = { files: File[]; note: string };

/** A host whose key and value the test sets, as step 1 and step 2 derive theirs from their state. */
class DraftsHost extends LitElement {
  static delay = 0;
  key?: string = 'k1';
  current: Draft | null | undefined = undefined;
  loads: [Draft | undefined, string][] = [];
  /** How many times the controller asked what to keep. */
  reads = 0;
  drafts = new DraftsController<Draft>(this, {
    key: () => this.key,
    onLoad: (draft, key) => this.loads.push([draft, key]),
    value: () => (this.reads++, this.current),
    signature: (draft) => [draft.files, draft.note.length > 8 ? 'long' : draft.note],
    delay: (this.constructor as typeof DraftsHost).delay,
  });
  async change(patch: Partial<Pick<DraftsHost, 'key' | 'current'>>): Promise<void> {
    Object.assign(this, patch);
    this.requestUpdate();
    await this.updateComplete;
    await new Promise((resolve) => afterNextPaint(() => setTimeout(resolve, 30))); // the write, once the frame is painted, and IndexedDB
  }
}
customElements.define('drafts-host', DraftsHost);

/** Counts IndexedDB writes (puts and deletes) while `work` runs. */
async function writes(work: () => Promise<void>): Promise<number> {
  const store = IDBObjectStore.prototype;
  const { put, delete: remove } = store;
  let count = 0;
  store.put = function (...args: Parameters<typeof put>) {
    count++;
    return put.apply(this, args);
  };
  store.delete = function (...args: Parameters<typeof remove>) {
    count++;
    return remove.apply(this, args);
  };
  try {
    await work();
  } finally {
    Object.assign(store, { put, delete: remove });
  }
  return count;
}

const file = (name: string) => new File(['%PDF-'], name);

describe('DraftsController', () => {
  beforeEach(clearDrafts);

  it('loads the draft once per key, hands it to onLoad, and only then saves (never over a draft not yet read)', async () => {
    await saveDraft('k1', { files: [], note: 'earlier' });
    const el = await fixture<DraftsHost>(html`<drafts-host></drafts-host>`);
    await until(() => el.loads.length === 1, 2000, 'the load');
    expect(el.loads[0]).to.deep.equal([{ files: [], note: 'earlier' }, 'k1']);
    expect(el.drafts.ready).to.equal(true);
    await el.change({ current: undefined }); // undefined: nothing new to keep (the earlier one is on offer)
    expect(await loadDraft('k1')).to.deep.equal({ files: [], note: 'earlier' });
    await el.change({ current: { files: [file('a.pdf')], note: 'now' } });
    expect((await loadDraft<Draft>('k1'))!.note).to.equal('now');
    await el.change({ key: 'k2', current: { files: [file('b.pdf')], note: 'other' } });
    await until(() => el.loads.length === 2, 2000, 'the second key loaded');
    expect(el.loads[1]).to.deep.equal([undefined, 'k2']);
    await el.change({});
    expect((await loadDraft<Draft>('k2'))!.note).to.equal('other');
    expect(el.loads).to.have.length(2);
  });

  it('writes only when the signature changes, a File counting by identity', async () => {
    const el = await fixture<DraftsHost>(html`<drafts-host></drafts-host>`);
    await until(() => el.drafts.ready, 2000, 'the load');
    const a = file('a.pdf');
    expect(await writes(() => el.change({ current: { files: [a], note: 'a long note' } }))).to.equal(1);
    expect(await writes(() => el.change({ current: { files: [a], note: 'progress, no write' } }))).to.equal(0);
    expect(await writes(() => el.change({ current: { files: [file('a.pdf')], note: 'a long note' } })), 'another File of the same name').to.equal(1);
    expect(await writes(() => el.change({ current: null }))).to.equal(1);
    expect(await loadDraft('k1')).to.equal(undefined);
    expect(await writes(() => el.change({ current: null })), 'nothing left, already deleted').to.equal(0);
  });

  it('discard() deletes the draft; a change made just before the host leaves is still written', async () => {
    const el = await fixture<DraftsHost>(html`<drafts-host></drafts-host>`);
    await until(() => el.drafts.ready, 2000, 'the load');
    await el.change({ current: { files: [file('a.pdf')], note: 'kept' } });
    el.drafts.discard();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await loadDraft('k1')).to.equal(undefined);
    el.current = { files: [file('b.pdf')], note: 'last' };
    el.requestUpdate();
    await el.updateComplete;
    el.remove();
    await until(async () => (await loadDraft<Draft>('k1'))?.note === 'last', 2000, 'the last change kept');
  });

  it('waits for a pause when given a delay: one write for a burst of changes', async () => {
    class Debounced extends DraftsHost {
      static override delay = 100;
    }
    customElements.define('drafts-host-debounced', Debounced);
    const el = await fixture<Debounced>(html`<drafts-host-debounced></drafts-host-debounced>`);
    await until(() => el.drafts.ready, 2000, 'the load');
    const count = await writes(async () => {
      for (const note of ['a', 'ab', 'abc']) await el.change({ current: { files: [], note } });
      expect(await loadDraft('k1'), 'nothing yet').to.equal(undefined);
      await new Promise((resolve) => setTimeout(resolve, 150));
    });
    expect(count).to.equal(1);
    expect((await loadDraft<Draft>('k1'))!.note).to.equal('abc');
  });

  it('reads what to keep when it writes, once for the updates before the frame, not at each update', async () => {
    const el = await fixture<DraftsHost>(html`<drafts-host></drafts-host>`);
    await until(() => el.drafts.ready, 2000, 'the load');
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 150))); // the load's own update has been written
    el.reads = 0;
    for (const note of ['a', 'ab', 'abc']) {
      el.current = { files: [], note };
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(el.reads, 'not read by the updates').to.equal(0);
    await until(async () => (await loadDraft<Draft>('k1'))?.note === 'abc', 2000, 'the write');
    expect(el.reads, 'read once, at the write').to.equal(1);
  });

  it('writes once the next frame is painted, not at the end of the update; at once when the host leaves the page', async () => {
    const el = await fixture<DraftsHost>(html`<drafts-host></drafts-host>`);
    await until(() => el.drafts.ready, 2000, 'the load');
    let painted = false;
    const count = await writes(async () => {
      const changed = performance.now();
      el.current = { files: [file('a.pdf')], note: 'first' };
      el.requestUpdate();
      await el.updateComplete;
      await Promise.resolve(); // where a write used to be made (a microtask after the update)
      // The frame's animation callbacks: the write waits for that frame (and then for an idle
      // moment, which may come before a timeout posted from here would: hence no task here).
      requestAnimationFrame(() => (painted = true));
      expect(await loadDraft('k1'), 'nothing before the frame').to.equal(undefined);
      await until(async () => (await loadDraft<Draft>('k1'))?.note === 'first', 2000, 'the write');
      // After the frame; or, where no frame came for 100 ms (a page the runner keeps in the background), after those 100 ms.
      expect(painted || performance.now() - changed >= 100, 'written after the frame').to.equal(true);
    });
    expect(count).to.equal(1);
    // A change and the page left (a reload) before the frame: written at once, not after the frame.
    el.current = { files: [file('c.pdf')], note: 'before the reload' };
    el.requestUpdate();
    await el.updateComplete;
    await Promise.resolve();
    const { put } = IDBObjectStore.prototype;
    const framePassed: boolean[] = []; // at each write: whether the next frame had come
    let frame = false;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      framePassed.push(frame);
      return put.apply(this, args);
    };
    try {
      dispatchEvent(new PageTransitionEvent('pagehide'));
      requestAnimationFrame(() => (frame = true));
      await until(async () => (await loadDraft<Draft>('k1'))?.note === 'before the reload', 2000, 'the write on pagehide');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(framePassed, 'written before the next frame').to.deep.equal([false]);
    // A change and the host gone in the same task: written all the same.
    el.current = { files: [file('b.pdf')], note: 'last' };
    el.requestUpdate();
    await el.updateComplete;
    el.remove();
    await until(async () => (await loadDraft<Draft>('k1'))?.note === 'last', 2000, 'the last change kept');
  });
});
