import { expect } from '@open-wc/testing';
import { decodeSegment, encodeSegment } from '../../src/api/uri.js';
import { fillPath } from '../../src/api/contract.js';
import { fillTemplate } from '../../src/core/href.js';

describe('URI components that never throw', () => {
  it('encodes a lone surrogate as U+FFFD instead of throwing « URI malformed »', () => {
    expect(() => encodeURIComponent('2206AF\uD83D')).to.throw(URIError); // what the browser does
    expect(encodeSegment('2206AF\uD83D')).to.equal('2206AF%EF%BF%BD');
    expect(encodeSegment('\uDE00x')).to.equal('%EF%BF%BDx');
    expect(encodeSegment('a/b é 😀')).to.equal(encodeURIComponent('a/b é 😀')); // well-formed text as before
  });

  it('decodes, or says null for a stray %', () => {
    expect(decodeSegment('invoice%2Finv-1')).to.equal('invoice/inv-1');
    expect(decodeSegment('%')).to.equal(null);
    expect(decodeSegment('%E0%A4%A')).to.equal(null);
  });

  it('is what the API paths and the host link templates use', () => {
    expect(fillPath('/dossiers/{dossierId}', { dossierId: 'X\uD800' })).to.equal('/dossiers/X%EF%BF%BD');
    expect(fillTemplate('/dossiers/{number}', { number: 'X\uD800' })).to.equal('/dossiers/X%EF%BF%BD');
  });
});
