// The caps read from a file's bytes, slice by slice: what a slice's edge cuts is still counted once.
import { expect } from '@open-wc/testing';
import { overBytesCaps, READER_LIMITS } from '../../src/reader/limits.js';

const SLICE = 1 << 19; // limits.ts's INSPECT_SLICE
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** `count` objects, the `at`-th one's keyword cut by the first slice's end, padding between. */
function objectsAcross(count: number, at: number): Uint8Array {
  let text = '%PDF-1.7\n';
  for (let i = 1; i <= count; i++) {
    if (i === at) text += ' '.repeat(SLICE - text.length - 3); // « 12 0 o|bj »: the keyword straddles the edge
    text += `${i} 0 obj\n<< /Type /Page >>\nendobj\n`;
  }
  return latin1(text);
}

/** A FlateDecode stream of `inflated` zero bytes, its data starting just before the first slice's end. */
async function streamAcross(inflated: number): Promise<Uint8Array> {
  const data = new Uint8Array(await new Response(new Blob([new Uint8Array(inflated)]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
  const head = latin1(`1 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`);
  const pad = latin1('%'.repeat(SLICE - head.length - 20 - 9));
  const tail = latin1('\nendstream\nendobj\n%%EOF\n');
  const prefix = latin1('%PDF-1.7\n');
  const bytes = new Uint8Array(prefix.length + pad.length + head.length + data.length + tail.length);
  bytes.set(prefix, 0);
  bytes.set(pad, prefix.length);
  bytes.set(head, prefix.length + pad.length);
  bytes.set(data, prefix.length + pad.length + head.length);
  bytes.set(tail, prefix.length + pad.length + head.length + data.length);
  return bytes;
}

describe('reader: caps read from the bytes, slice by slice', () => {
  it('counts every object once, one cut by a slice’s edge included', async () => {
    const bytes = objectsAcross(20, 12);
    expect(bytes.length).to.be.above(SLICE);
    expect(await overBytesCaps(bytes, { ...READER_LIMITS, maxObjects: 20 })).to.equal(null);
    expect(await overBytesCaps(bytes, { ...READER_LIMITS, maxObjects: 19 })).to.equal('objects');
  });

  it('finds a compressed stream whose dictionary and data a slice’s edge separates, and counts it inflated', async () => {
    const bytes = await streamAcross(3_000_000);
    expect(await overBytesCaps(bytes, { ...READER_LIMITS, maxInflated: 2_999_999 })).to.equal('inflated');
    expect(await overBytesCaps(bytes, { ...READER_LIMITS, maxInflated: 3_000_000 })).to.equal(null);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const pending = overBytesCaps(objectsAcross(20, 12), { ...READER_LIMITS, maxObjects: 1 }, controller.signal);
    controller.abort();
    expect(await pending).to.equal(null);
  });
});
