import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import { AktoElement } from '../../src/core/akto-element.js';
import { defineElement } from '../../src/core/define.js';
import { autoload, loadElement } from '../../src/core/autoload.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_UNAUTHORIZED, emit } from '../../src/core/events.js';
import '../../src/elements/akto-provider/define.js';
import type { AktoProvider } from '../../src/elements/akto-provider/akto-provider.js';
import { VERSION } from '../../src/version.js';
import { startMock } from '../helpers/mock.js';
import { whenLocaleReady } from '../../src/i18n/index.js';

/** A bare element on the shared base, to observe what the base gives every element. */
class ProbeElement extends AktoElement {
  override render() {
    return litHtml`<p>${this.t.common.retry}</p>`;
  }
  fail(error: unknown) {
    this.reportError(error);
    return this.errorMessage(error);
  }
}
defineElement('akto-test-probe', ProbeElement);

describe('core', () => {
  before(startMock);

  describe('defineElement', () => {
    it('registers once, ignores the same version again, warns on another version', () => {
      class First extends HTMLElement {
        static version = VERSION;
      }
      class SameVersion extends HTMLElement {
        static version = VERSION;
      }
      class Other extends HTMLElement {
        static version = '9.9.9';
      }
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        defineElement('akto-test-once', First);
        expect(() => defineElement('akto-test-once', First)).not.to.throw();
        expect(() => defineElement('akto-test-once', SameVersion)).not.to.throw();
        expect(warnings).to.have.length(0);
        expect(() => defineElement('akto-test-once', Other)).not.to.throw();
        expect(warnings).to.have.length(1);
        expect(String(warnings[0]![0])).to.contain('9.9.9');
        expect(customElements.get('akto-test-once')).to.equal(First);
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('autoload', () => {
    it('registers a lazy element when its tag first appears in the document, once', async () => {
      let loads = 0;
      autoload({
        'akto-test-lazy': async () => {
          loads++;
          await new Promise((r) => setTimeout(r, 20));
          defineElement('akto-test-lazy', class extends HTMLElement {});
        },
      });
      expect(customElements.get('akto-test-lazy')).to.equal(undefined);
      const host = await fixture<HTMLDivElement>(html`<div><section></section></div>`);
      host.querySelector('section')!.innerHTML = '<akto-test-lazy></akto-test-lazy><akto-test-lazy></akto-test-lazy>';
      await customElements.whenDefined('akto-test-lazy');
      await loadElement('akto-test-lazy');
      expect(loads).to.equal(1);
    });

    it('says which element does not exist', async () => {
      let message = '';
      await loadElement('akto-nope').catch((error: Error) => (message = error.message));
      expect(message).to.contain('<akto-nope>');
    });
  });

  describe('events', () => {
    it('bubble out of shadow roots, and a listener can cancel them', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const inner = document.createElement('span');
      root.append(inner);
      let seen: string | null = 'unset';
      document.addEventListener(AKTO_DEPOSIT_REQUEST, (event) => {
        seen = event.detail.dossier;
        event.preventDefault();
      }, { once: true });
      const proceed = emit(inner, AKTO_DEPOSIT_REQUEST, { dossier: '2206AF000578', entity: null }, { cancelable: true });
      expect(seen).to.equal('2206AF000578');
      expect(proceed).to.equal(false);
    });
  });

  describe('AktoElement', () => {
    it('passes axe and reads its configuration from its own attributes first', async () => {
      const el = await fixture<ProbeElement>(html`<akto-provider api-base="/from-provider" timeout="1234"><akto-test-probe api-base="/own"></akto-test-probe></akto-provider>`);
      await expect(el).to.be.accessible();
      const probe = el.querySelector<ProbeElement>('akto-test-probe')!;
      expect(probe.config.apiBase).to.equal('/own');
      expect(probe.config.timeoutMs).to.equal(1234);
    });

    it('takes the endpoint and token from the nearest provider, and follows its changes', async () => {
      const provider = await fixture<AktoProvider>(html`<akto-provider api-base="/api"><section><akto-test-probe></akto-test-probe></section></akto-provider>`);
      const probe = provider.querySelector<ProbeElement>('akto-test-probe')!;
      expect(probe.config.apiBase).to.equal('/api');
      const client = probe.client!;
      expect(probe.client).to.equal(client, 'the same client while the configuration stays');
      provider.token = 'abc';
      provider.apiBase = '/other';
      await provider.updateComplete;
      await probe.updateComplete;
      expect(probe.config.apiBase).to.equal('/other');
      expect(probe.client).not.to.equal(client);
      expect(probe.client!.options.token).to.equal('abc');
    });

    it('has no client without an endpoint', async () => {
      const probe = await fixture<ProbeElement>(html`<akto-test-probe></akto-test-probe>`);
      expect(probe.client).to.equal(undefined);
    });

    it('draws French while English loads, then English by itself once it is in', async () => {
      const probe = await fixture<ProbeElement>(html`<akto-test-probe lang="en"></akto-test-probe>`);
      const first = probe.shadowRoot!.textContent!;
      expect(first.includes('Réessayer') || first.includes('Try again'), 'French, or English if another test loaded it').to.equal(true);
      await whenLocaleReady('en');
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.contain('Try again');
    });

    it('speaks French by default, and follows its lang, the provider, an ancestor and <html lang>', async () => {
      const probe = await fixture<ProbeElement>(html`<akto-test-probe></akto-test-probe>`);
      expect(probe.shadowRoot!.textContent).to.contain('Réessayer');
      document.documentElement.lang = 'en';
      await whenLocaleReady('en'); // English is fetched when first asked for; the element renders again then
      await new Promise((r) => setTimeout(r));
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.contain('Try again');
      document.documentElement.lang = 'fr';
      await new Promise((r) => setTimeout(r));
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.contain('Réessayer');
      probe.lang = 'en-US';
      await probe.updateComplete;
      expect(probe.locale).to.equal('en');
      const nested = await fixture<HTMLElement>(html`<div lang="en"><akto-test-probe></akto-test-probe></div>`);
      expect(nested.querySelector<ProbeElement>('akto-test-probe')!.locale).to.equal('en');
      const provided = await fixture<AktoProvider>(html`<akto-provider lang="en"><akto-test-probe></akto-test-probe></akto-provider>`);
      expect(provided.querySelector<ProbeElement>('akto-test-probe')!.locale).to.equal('en');
    });

    it('fires the unauthorized event on a 401 and returns the message to show', async () => {
      const probe = await fixture<ProbeElement>(html`<akto-test-probe></akto-test-probe>`);
      let fired: ApiError | undefined;
      probe.addEventListener(AKTO_UNAUTHORIZED, (event) => (fired = event.detail.error));
      const message = probe.fail(new ApiError('unauthorized', { status: 401 }));
      expect(fired?.status).to.equal(401);
      expect(message).to.contain('session a expiré');
    });
  });
});
