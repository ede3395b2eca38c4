import { expect } from '@open-wc/testing';
import { SharedDownloads } from '../../src/elements/akto-invoice-validate/lookups.js';

describe('step 2’s shared PDF downloads', () => {
  it('downloads a PDF once for the reading and the preview, again after a failure or once forgotten', async () => {
    const asked: string[] = [];
    let failNext = false;
    const pdfs = new SharedDownloads(async (id) => {
      asked.push(id);
      if (failNext) throw ((failNext = false), new Error('offline'));
      return new Blob([id]);
    });
    const [reading, preview] = await Promise.all([pdfs.get('p1'), pdfs.get('p1')]);
    expect(reading).to.equal(preview);
    expect(asked).to.deep.equal(['p1']);
    failNext = true;
    pdfs.forget('p1');
    await pdfs.get('p1').catch(() => undefined);
    await Promise.resolve();
    await pdfs.get('p1');
    expect(asked).to.deep.equal(['p1', 'p1', 'p1']);
  });
});
