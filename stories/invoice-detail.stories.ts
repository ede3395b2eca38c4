/** One invoice: in progress, paid with its transfer, links wired to the host, failures, English. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../src/elements/akto-invoice-detail/define.js';
import { mock } from './support/index.js';
import { findDeep, inProvider, NARROW, narrowFrame, waitForText } from './support/index.js';

const paid = () => mock.store.invoices.find((i) => i.status === 'payee' && i.transferNumber)!.id;

const meta = {
  title: 'Elements/Détail d’une facture',
  component: 'akto-invoice-detail',
  render: () => inProvider(html`<akto-invoice-detail invoice-id="inv-0004"></akto-invoice-detail>`),
  parameters: { docs: { story: { height: '560px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const InProgress: Story = {
  name: "En cours d'analyse",
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Facture N° TESFCTFB');
    await waitForText(canvasElement, 'Dossier N° 2205CA000799');
  },
};

export const Paid: Story = {
  name: 'Paid, with its transfer and IBAN',
  render: () => inProvider(html`<akto-invoice-detail invoice-id=${paid()}></akto-invoice-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Virement N°');
    await waitForText(canvasElement, 'Copier l');
  },
};

const onDossier = fn();

export const Controlled: Story = {
  name: 'Links wired by the host',
  render: () =>
    inProvider(
      html`<akto-invoice-detail
        invoice-id=${paid()}
        transfer-href="/mes-virements/{number}"
        @akto-dossier-open=${(e: CustomEvent) => onDossier(e.detail)}
      ></akto-invoice-detail>`,
    ),
  play: async ({ canvasElement }) => {
    const link = await findDeep<HTMLAnchorElement>(canvasElement, 'a[href^="/mes-virements/"]');
    await expect(link.getAttribute('href')).toMatch(/^\/mes-virements\/VIR\d+$/);
    (await findDeep<HTMLButtonElement>(canvasElement, '.dossier button')).click();
    await expect(onDossier).toHaveBeenCalledTimes(1);
  },
};

export const Loading: Story = {
  parameters: { akto: { latencyMs: 600_000 } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Chargement de la facture');
  },
};

export const NotFound: Story = {
  name: 'Error (unknown invoice)',
  render: () => inProvider(html`<akto-invoice-detail invoice-id="inv-9999"></akto-invoice-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Cette facture n'existe pas.");
    await waitForText(canvasElement, 'Réessayer');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Facture N° TESFCTFB');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Invoice No. TESFCTFB');
  },
};
