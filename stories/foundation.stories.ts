/**
 * The foundation in Storybook: `<akto-provider>` gives its configuration to an element built on
 * `AktoElement`, whose API client talks to the mock backend; the language follows the toolbar;
 * faults and authentication are set per story with `parameters.akto`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import { expect, fn } from 'storybook/test';
import { AktoElement } from '../src/core/akto-element.js';
import { AKTO_UNAUTHORIZED } from '../src/core/events.js';
import { errorText } from '../src/i18n/index.js';
import { ENTITIES } from '../src/mocks/index.js';
import { deepQueryAll, inProvider, NARROW, NARROW_WIDTH, narrowFrame, VALID_TOKEN, waitForText, type ProviderOptions } from './support/index.js';

/** A demo element, for these stories only: the entities of the signed-in account. */
class AktoFoundationDemo extends AktoElement {
  static override styles = [
    ...AktoElement.styles,
    css`
      :host {
        display: block;
        font-family: var(--akto-font-family, system-ui, sans-serif);
      }
      ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 0.5rem;
      }
      [role='alert'] {
        color: #b00020;
      }
    `,
  ];

  private entities = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) throw new Error('api-base is missing');
      try {
        return (await client.call('listEntities', { signal })).items;
      } catch (error) {
        // Once per failure, not at each render: a 401 tells the host (akto-unauthorized).
        this.reportError(error);
        throw error;
      }
    },
    args: () => [this.client] as const,
  });

  protected override render(): unknown {
    const t = this.t;
    return html`<h2>${t.invoiceList.allEntities}</h2>
      ${this.entities.render({
        pending: () => html`<p role="status">${t.common.loading}</p>`,
        complete: (items) => html`<ul>
          ${items.map((entity) => html`<li data-siren=${entity.siren}>${entity.name} <small>(${entity.siren})</small></li>`)}
        </ul>`,
        error: (error) => html`<p role="alert">${errorText(t, error)}</p>`,
      })}`;
  }
}
if (!customElements.get('akto-foundation-demo')) customElements.define('akto-foundation-demo', AktoFoundationDemo);

declare global {
  interface HTMLElementTagNameMap {
    'akto-foundation-demo': AktoFoundationDemo;
  }
}

type Args = ProviderOptions & { onUnauthorized: (event: Event) => void };

const meta = {
  title: 'Foundation/Provider and mock backend',
  component: 'akto-provider',
  args: { token: undefined, onUnauthorized: fn() },
  argTypes: { onUnauthorized: { table: { disable: true } } },
  render: ({ onUnauthorized, ...options }) => html`<div @akto-unauthorized=${onUnauthorized}>${inProvider(html`<akto-foundation-demo></akto-foundation-demo>`, options)}</div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const FRENCH_SERVER_ERROR = 'Le serveur a rencontré une erreur interne. Réessayez dans un instant.';

/** The guide's eight entities, from the mock's seed, in French. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const text = await waitForText(canvasElement, 'SNC KAVKAZ');
    await expect(text).toContain('Toutes les entités');
    const items = deepQueryAll(canvasElement, 'li[data-siren]');
    await expect(items.map((li) => li.getAttribute('data-siren'))).toEqual(ENTITIES.map((e) => e.siren));
    await expect(document.documentElement.lang).toBe('fr');
  },
};

/** The toolbar's language, pinned to English with `globals`: the element's text follows `<html lang>`. */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const text = await waitForText(canvasElement, 'SNC KAVKAZ');
    await expect(text).toContain('All entities');
    await expect(document.documentElement.lang).toBe('en');
  },
};

/** The server's problem details are in the user's language too (the client sends Accept-Language). */
export const EnglishServerError: Story = {
  globals: { locale: 'en' },
  parameters: { akto: { faults: [{ route: 'listEntities', kind: 'server-error' }] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'The server ran into an internal error. Try again in a moment.');
  },
};

/** `listEntities` answers 500: the element shows the server's problem detail, in French. */
export const ServerError: Story = {
  parameters: { akto: { faults: [{ route: 'listEntities', kind: 'server-error' }] } },
  play: async ({ canvasElement }) => {
    const text = await waitForText(canvasElement, FRENCH_SERVER_ERROR);
    await expect(text).not.toContain('SNC KAVKAZ');
  },
};

/** The mock requires a token the page did not give: 401, the session message, and an `akto-unauthorized` event. */
export const Unauthorized: Story = {
  parameters: { akto: { requiredToken: VALID_TOKEN } },
  play: async ({ canvasElement, args }) => {
    await waitForText(canvasElement, 'Votre session a expiré. Reconnectez-vous pour continuer.');
    await expect(args.onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ type: AKTO_UNAUTHORIZED }));
  },
};

/** The same backend with the right token on the provider: the list shows. */
export const WithToken: Story = {
  args: { token: VALID_TOKEN },
  parameters: { akto: { requiredToken: VALID_TOKEN, entities: ['824092688'] } },
  play: async ({ canvasElement }) => {
    const text = await waitForText(canvasElement, 'AFPA ENTREPRISES NOUVELLE AQUITAINE');
    await expect(text).not.toContain('SNC KAVKAZ');
  },
};

/** A 360 px screen (`globals: NARROW`), in a 360 px frame (`narrowFrame`) so docs pages show it narrow too. */
export const Narrow: Story = {
  globals: NARROW,
  decorators: [narrowFrame],
  parameters: { akto: { entities: ['520134784', '509871232'] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'CFA DES METIERS DE LA RESTAURATION');
    const demo = canvasElement.querySelector('akto-foundation-demo')!;
    await expect(demo.getBoundingClientRect().width).toBeLessThanOrEqual(NARROW_WIDTH);
  },
};
