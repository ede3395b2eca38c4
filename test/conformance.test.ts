/**
 * The conformance suite (test/conformance/suite.ts) against the mock backend in this page: the
 * same cases scripts/conformance.ts runs against the reference server over HTTP.
 */
import { expect } from '@open-wc/testing';
import { devSignIn, SAMPLE_INVOICE, SEED_ACCOUNTS, SEED_FIXTURES, type Target } from './conformance/http.js';
import { conformanceSuite, uncoveredRoutes } from './conformance/suite.js';
import { mock, startMock } from './helpers/mock.js';

let pdf: Uint8Array | undefined;

async function target(): Promise<Target> {
  const baseUrl = `${location.origin}/api`;
  const [token, otherToken] = [await devSignIn(baseUrl, SEED_ACCOUNTS.a), await devSignIn(baseUrl, SEED_ACCOUNTS.b)];
  // As a real server: a request without a valid token is refused.
  mock.store.requiredToken = 'conformance-only';
  return {
    name: 'mock',
    baseUrl,
    token,
    otherToken,
    fixtures: { ...SEED_FIXTURES, invoicePdf: async () => (pdf ??= new Uint8Array(await (await fetch(`/${SAMPLE_INVOICE}`)).arrayBuffer())) },
  };
}

describe('conformance suite, against the mock backend', function () {
  this.timeout(30_000);
  beforeEach(startMock);

  it('covers every route of the contract', () => {
    expect(uncoveredRoutes()).to.deep.equal([]);
  });

  for (const testCase of conformanceSuite) {
    it(testCase.name, async () => testCase.run(await target()));
  }
});
