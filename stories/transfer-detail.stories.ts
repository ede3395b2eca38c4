/**
 * One transfer from AKTO (« Virement N° … »), where « Voir le virement » in an invoice's detail
 * leads: its date, amount and account, and the invoices it paid, each a link.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../src/elements/akto-transfer-detail/define.js';
import { deepQueryAll, findDeep, inProvider, mock, NARROW, narrowFrame, waitForText } from './support/index.js';

/** The seed's transfer that paid the most invoices. */
const transfer = () => {
  const counts = new Map<string, number>();
  for (const i of mock.store.invoices) if (i.transferNumber) counts.set(i.transferNumber, (counts.get(i.transferNumber) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
};

const meta = {
  title: 'Elements/Détail d’un virement',
  component: 'akto-transfer-detail',
  render: () => inProvider(html`<akto-transfer-detail transfer-id=${transfer()}></akto-transfer-detail>`),
  parameters: { docs: { story: { height: '520px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const Default: Story = {
  name: 'A transfer that paid several invoices',
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, `Virement N° ${transfer()}`);
    await waitForText(canvasElement, 'Factures payées par ce virement');
    await waitForText(canvasElement, 'Montant versé');
    await expect(deepQueryAll(canvasElement, 'tbody tr').length).toBeGreaterThan(1);
  },
};

const onOpen = fn();

export const WithLinks: Story = {
  name: 'Invoices as links (invoice-href)',
  render: () => inProvider(html`<akto-transfer-detail transfer-id=${transfer()} invoice-href="/mes-factures/{id}"></akto-transfer-detail>`),
  play: async ({ canvasElement }) => {
    const link = await findDeep<HTMLAnchorElement>(canvasElement, 'tbody a');
    await expect(link.getAttribute('href')).toMatch(/^\/mes-factures\/inv-\d+$/);
  },
};

export const Controlled: Story = {
  name: 'Invoices as events (akto-invoice-open)',
  render: () => inProvider(html`<akto-transfer-detail transfer-id=${transfer()} heading-level="3" @akto-invoice-open=${(e: CustomEvent) => (e.preventDefault(), onOpen(e.detail))}></akto-transfer-detail>`),
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, 'tbody button')).click();
    await expect(onOpen).toHaveBeenCalled();
  },
};

export const NotFound: Story = {
  name: 'Unknown transfer (no « Réessayer »)',
  render: () => inProvider(html`<akto-transfer-detail transfer-id="VIR-INCONNU"></akto-transfer-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Ce virement n'existe pas ou ne concerne aucune de vos entités.");
  },
};

export const ServerError: Story = {
  name: 'Error (500, then « Réessayer » works)',
  parameters: { akto: { faults: [{ route: 'getTransfer', kind: 'server-error', times: 1 }] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'erreur interne');
    (await findDeep<HTMLButtonElement>(canvasElement, '[role="alert"] button')).click();
    await waitForText(canvasElement, 'Factures payées par ce virement');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px): one card an invoice',
  globals: NARROW,
  decorators: [narrowFrame],
  parameters: { docs: { story: { height: '900px' } } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Payé par ce virement');
    const detail = canvasElement.querySelector('akto-transfer-detail')!;
    await expect(detail.scrollWidth).toBeLessThanOrEqual(detail.clientWidth + 1);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, `Transfer No. ${transfer()}`);
    await waitForText(canvasElement, 'Invoices paid by this transfer');
  },
};
