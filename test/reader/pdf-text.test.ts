import { expect } from '@open-wc/testing';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { pdfText } from '../../src/reader/pdf-text.js';

/**
 * A document whose page's text stream gives one item, then nothing more, ever: what a stream
 * read looks like once pdf.js's document is destroyed in the middle of a reading.
 */
function stalledDocument(): PDFDocumentProxy {
  const page = {
    streamTextContent: () =>
      new ReadableStream({
        start(controller) {
          controller.enqueue({ items: [{ str: 'FACTURE', transform: [1, 0, 0, 1, 10, 20], width: 40, height: 10 }] });
        },
      }),
  };
  return { numPages: 1, getPage: async () => page } as unknown as PDFDocumentProxy;
}

describe('pdfText', () => {
  it('ends with what it read when its signal aborts, though the stream would never end: a stalled read must not hold the reading (and its element) for good', async () => {
    const stop = new AbortController();
    const reading = pdfText(stalledDocument(), { first: 1, last: 0, maxChars: 1000, signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    const ended = await Promise.race([reading, new Promise((resolve) => setTimeout(() => resolve('still pending'), 3000))]);
    expect(ended).to.deep.equal([{ items: [{ str: 'FACTURE', x: 10, y: 20, width: 40, size: 10, rotated: false }] }]);
  });
});
