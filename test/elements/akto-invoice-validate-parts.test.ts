import { expect } from '@open-wc/testing';
import { PreviewDownload } from '../../src/elements/akto-invoice-validate/lookups.js';

describe('step 2’s preview download', () => {
  it('gives the reading of the previewed PDF the preview’s download, not a second one', async () => {
    const asked: string[] = [];
    const download = (id: string, fails = false) => async () => {
      asked.push(id);
      if (fails) throw new Error('offline');
      return new Blob([id]);
    };
    const pdf = new PreviewDownload<Blob>();
    const preview = pdf.fetch('p1', download('p1'));
    const reading = pdf.take('p1', download('p1'));
    expect(await reading).to.equal(await preview);
    expect(asked).to.deep.equal(['p1']);
    await pdf.take('p2', download('p2')); // another invoice's reading: its own
    await pdf.fetch('p1', download('p1')); // a preview always asks the server
    expect(asked).to.deep.equal(['p1', 'p2', 'p1']);
    // A failed (or aborted) preview: the reading downloads its own.
    await pdf.fetch('p3', download('p3', true)).catch(() => undefined);
    const again = pdf.fetch('p4', download('p4', true));
    await pdf.take('p4', download('p4')).then((blob) => blob.text()).then((t) => expect(t).to.equal('p4'));
    await again.catch(() => undefined);
    expect(asked).to.deep.equal(['p1', 'p2', 'p1', 'p3', 'p4', 'p4']);
  });
});
