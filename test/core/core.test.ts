import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import { AktoElement } from '../../src/core/akto-element.js';
import { ApiController } from '../../src/core/api-controller.js';
import { Configurable } from '../../src/core/config.js';
import { LocalizeController } from '../../src/core/localize-controller.js';
import { defineElement } from '../../src/core/define.js';
import { autoload, loadElement } from '../../src/core/autoload.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_UNAUTHORIZED, emit } from '../../src/core/events.js';
import '../../src/elements/akto-provider/define.js';
import type { AktoProvider } from '../../src/elements/akto-provider/akto-provider.js';
import { VERSION } from '../../src/version.js';
import { mock, startMock, until } from '../helpers/mock.js';
import { Connection } from '../../src/core/connection.js';
import { whenLocaleReady } from '../../src/i18n/index.js';

/** A bare element on the thin base with the two controllers, to observe what they give every element. */
class ProbeElement extends Configurable(AktoElement) {
  readonly l10n = new LocalizeController(this);
  readonly api = new ApiController(this, this.l10n);
  get config() {
    return this.api.config;
  }
  get client() {
    return this.api.client;
  }
  get locale() {
    return this.l10n.locale;
  }
  override render() {
    return litHtml`<p>${this.l10n.t.common.retry}</p>`;
  }
  fail(error: unknown) {
    this.api.reportError(error);
    return this.api.errorMessage(error);
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
    it('asks again for a chunk that failed (offline) when the browser is back online', async () => {
      let attempts = 0;
      const errors: unknown[] = [];
      const realError = console.error;
      console.error = (error: unknown) => void errors.push(error);
      try {
        autoload({
          'akto-test-offline': async () => {
            attempts++;
            if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
            defineElement('akto-test-offline', class extends HTMLElement {});
          },
        });
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        host.innerHTML = '<akto-test-offline></akto-test-offline>';
        await until(() => errors.length === 1, 2000, 'the failed load');
        expect(customElements.get('akto-test-offline')).to.equal(undefined);
        window.dispatchEvent(new Event('online'));
        await customElements.whenDefined('akto-test-offline');
        expect(attempts).to.equal(2);
      } finally {
        console.error = realError;
      }
    });

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

  describe('one connection per provider', () => {
    /** Counts the requests to `/api/entities` while `run` runs. */
    async function entityRequests(run: () => Promise<void>): Promise<number> {
      let count = 0;
      const realFetch = window.fetch;
      window.fetch = (input, init) => {
        if (new URL(input instanceof Request ? input.url : String(input), location.href).pathname === '/api/entities') count++;
        return realFetch(input, init);
      };
      try {
        await run();
      } finally {
        window.fetch = realFetch;
      }
      return count;
    }

    it('asks for the entities once for every element under a provider (both lists and step 1)', async () => {
      await import('../../src/elements/akto-invoice-list/define.js');
      await import('../../src/elements/akto-dossier-list/define.js');
      await import('../../src/elements/akto-invoice-upload/define.js');
      const count = await entityRequests(async () => {
        const provider = await fixture<AktoProvider>(html`<akto-provider api-base="/api">
          <akto-invoice-list></akto-invoice-list><akto-dossier-list></akto-dossier-list><akto-invoice-upload></akto-invoice-upload>
        </akto-provider>`);
        const upload = provider.querySelector('akto-invoice-upload')!;
        await until(() => upload.shadowRoot?.querySelector('akto-entity-picker'), 4000, 'step 1 has the entities');
        for (const tag of ['akto-invoice-list', 'akto-dossier-list']) {
          const list = provider.querySelector(tag)!;
          await until(() => list.shadowRoot?.querySelector('select#entity, [aria-controls="filters"]'), 4000, `${tag} has drawn`);
        }
        await new Promise((r) => setTimeout(r, 50));
      });
      expect(count).to.equal(1);
    });

    it('gives nested elements the same client, and a new one when the token changes', async () => {
      const provider = await fixture<AktoProvider>(html`<akto-provider api-base="/api"><akto-test-probe></akto-test-probe><akto-test-probe></akto-test-probe></akto-provider>`);
      const [a, b] = [...provider.querySelectorAll<ProbeElement>('akto-test-probe')];
      expect(a!.client).to.equal(b!.client);
      const before = a!.client;
      provider.token = 'refreshed';
      await provider.updateComplete;
      expect(a!.client).not.to.equal(before);
      expect(a!.client).to.equal(b!.client);
      expect(a!.client!.options.token).to.equal('refreshed');
    });

    it('a failed entities request is not kept: the next ask goes to the server again', async () => {
      const connection = new Connection({ apiBase: '/api' });
      const client = connection.client('fr', null);
      mock.faults.fail('listEntities', 'server-error', { times: 1 });
      const failed = await connection.listEntities(client).then(() => 'ok', () => 'failed');
      expect(failed).to.equal('failed');
      expect((await connection.listEntities(client)).length).to.be.greaterThan(0);
    });

    it('one caller giving up does not cancel the request for the others', async () => {
      const connection = new Connection({ apiBase: '/api' });
      const client = connection.client('fr', null);
      const giveUp = new AbortController();
      const first = connection.listEntities(client, giveUp.signal);
      const second = connection.listEntities(client);
      giveUp.abort(new Error('left'));
      expect(await first.then(() => 'ok', (e: Error) => e.message)).to.equal('left');
      expect((await second).length).to.be.greaterThan(0);
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
