import { aTimeout, expect } from '@open-wc/testing';
import '../../src/elements/akto-pdf-preview/define.js';
import type { AktoPdfPreview } from '../../src/elements/akto-pdf-preview/akto-pdf-preview.js';
import { sampleFile, until } from '../helpers/mock.js';

/** The pdf.js document the preview holds (private): a removed preview must hold none. */
const held = (el: AktoPdfPreview) => (el as unknown as { document?: unknown }).document;
const drawn = (el: AktoPdfPreview) => el.shadowRoot?.querySelector('canvas:not([hidden])');

describe('<akto-pdf-preview>', () => {
  it('removed while its PDF opens, drops the document when it arrives (no pdf.js document kept), and opens it again when put back', async () => {
    const el = document.createElement('akto-pdf-preview') as AktoPdfPreview;
    el.source = await sampleFile('demo/samples/facture-2606-calcul-mental.pdf');
    el.label = 'facture-2606-calcul-mental.pdf';
    document.body.append(el);
    await el.updateComplete; // the PDF is opening
    el.remove();
    await aTimeout(1500); // pdf.js has long opened it by now
    expect(held(el)).to.equal(undefined);

    document.body.append(el);
    await until(() => drawn(el), 5000, 'the page drawn again');
    expect(held(el)).to.not.equal(undefined);
    el.remove();
    await until(() => held(el) === undefined, 2000, 'the document closed');
  });
});
