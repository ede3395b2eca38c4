/** The one-tag widget: its views, deep links, narrow screens, English, and a host that listens. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../src/index.js';
import { findDeep, NARROW, narrowFrame, waitForText } from './support/index.js';

const meta = {
  title: 'Elements/Widget (une seule balise)',
  component: 'akto-invoice-widget',
  render: () => html`<akto-invoice-widget api-base="/api"></akto-invoice-widget>`,
  parameters: { docs: { story: { height: '900px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const Invoices: Story = {
  name: 'Mes factures',
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Liste de mes factures');
    await findDeep(canvasElement, 'tbody tr:not(.skeleton)');
  },
};

export const Dossiers: Story = {
  name: 'Mes dossiers',
  render: () => html`<akto-invoice-widget api-base="/api" view="dossiers"></akto-invoice-widget>`,
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Calcul mental');
  },
};

export const DossierDeepLink: Story = {
  name: 'Deep link: a dossier',
  render: () => html`<akto-invoice-widget api-base="/api" view="dossier/2206AF000578"></akto-invoice-widget>`,
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '2206AF000578');
    await waitForText(canvasElement, 'Retour');
  },
};

export const DepositDeepLink: Story = {
  name: 'Deep link: the deposit for a dossier',
  render: () => html`<akto-invoice-widget api-base="/api" view="deposit/2206AF000578"></akto-invoice-widget>`,
  play: async ({ canvasElement }) => {
    // The dossier's entity is chosen for the user: CASINO RESTAURATION SASU's dossier.
    await waitForText(canvasElement, 'CASINO RESTAURATION SASU (527 319 461)');
    await waitForText(canvasElement, 'Dépôt pour le dossier 2206AF000578');
  },
};

export const Error: Story = {
  name: 'Error (500 on the list)',
  parameters: { akto: { faults: [{ route: 'listInvoices', kind: 'server-error' }] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'erreur interne');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Mes dossiers');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'My invoices');
  },
};

const onView = fn();
export const Controlled: Story = {
  name: 'A host listening to the views',
  render: () => html`<akto-invoice-widget api-base="/api" @akto-view-change=${(e: CustomEvent) => onView(e.detail.view)}></akto-invoice-widget>`,
  play: async ({ canvasElement }) => {
    const tab = await findDeep<HTMLAnchorElement>(canvasElement, 'nav a:nth-of-type(1)');
    void tab;
    const links = [...canvasElement.querySelector('akto-invoice-widget')!.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
    links[1]!.click();
    await waitForText(canvasElement, 'Mes dossiers');
    await expect(onView).toHaveBeenCalledWith('dossiers');
  },
};
