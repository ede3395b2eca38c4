/**
 * « Liste de mes factures »: every state, both languages, a phone, and a host that wires the events.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/elements/akto-invoice-list/define.js';
import { AKTO_DEPOSIT_REQUEST, AKTO_INVOICE_OPEN, AKTO_RIB_REQUEST } from '../src/core/events.js';
import { deepQuery, deepQueryAll, findDeep, inProvider, NARROW, narrowFrame, waitForText } from './support/index.js';

const meta = {
  title: 'Elements/Liste de mes factures',
  component: 'akto-invoice-list',
  render: () => inProvider(html`<akto-invoice-list></akto-invoice-list>`),
  parameters: { docs: { story: { height: '640px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const rows = (canvas: HTMLElement) => deepQueryAll(canvas, 'tbody tr:not(.skeleton)');

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Liste de mes factures');
    await findDeep(canvasElement, 'tbody tr:not(.skeleton)');
    await expect(rows(canvasElement)).toHaveLength(20);
    await waitForText(canvasElement, '20 factures max.');
  },
};

export const Loading: Story = {
  parameters: { akto: { latencyMs: 600_000 } },
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, 'tbody tr.skeleton');
    await expect(deepQuery(canvasElement, 'table')?.getAttribute('aria-busy')).toBe('true');
  },
};

export const Empty: Story = {
  name: 'Empty (no invoice yet)',
  parameters: { akto: { entities: ['509871232'] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Vous n'avez encore déposé aucune facture.");
  },
};

export const NoMatch: Story = {
  name: 'No match',
  render: () => inProvider(html`<akto-invoice-list search="introuvable-2099"></akto-invoice-list>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Aucune facture ne correspond à votre recherche.');
    await waitForText(canvasElement, 'Effacer les filtres');
  },
};

export const ServerError: Story = {
  name: 'Error (500, then « Réessayer » works)',
  parameters: { akto: { faults: [{ route: 'listInvoices', kind: 'server-error', times: 1 }] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'erreur interne');
    const retry = await findDeep<HTMLButtonElement>(canvasElement, '[role="alert"] button');
    retry.click();
    await findDeep(canvasElement, 'tbody tr:not(.skeleton)');
  },
};

export const NetworkDown: Story = {
  name: 'Error (network down)',
  parameters: { akto: { faults: [{ route: 'listInvoices', kind: 'network' }] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Le serveur est injoignable');
  },
};

export const LongList: Story = {
  name: 'Long list (100 a page)',
  parameters: { akto: { invoiceCount: 600 } },
  render: () => inProvider(html`<akto-invoice-list page-size="100"></akto-invoice-list>`),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, 'tbody tr:not(.skeleton)');
    // The rows that fill the screen paint first, the rest a task later.
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(100));
  },
};

export const ManyEntities: Story = {
  name: 'Many entities (filter open)',
  play: async ({ canvasElement }) => {
    const toggle = await findDeep<HTMLButtonElement>(canvasElement, '[aria-controls="filters"]');
    toggle.click();
    const select = await findDeep<HTMLSelectElement>(canvasElement, '#entity');
    await expect(select.options.length).toBe(9);
  },
};

export const DeepLink: Story = {
  name: 'Deep link (paid and rejected, by TTC, page 2)',
  render: () => inProvider(html`<akto-invoice-list status="payee,rejetee" sort="amountTTC" order="asc" page="2"></akto-invoice-list>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Page 2 sur');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, 'tbody tr:not(.skeleton)');
    const list = canvasElement.querySelector('akto-invoice-list')!;
    await expect(list.scrollWidth).toBeLessThanOrEqual(list.clientWidth + 1);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'My invoices');
    await waitForText(canvasElement, 'Deposit an invoice');
  },
};

const onOpen = fn();
const onDeposit = fn();
const onRib = fn();

/** How a host wires the list: it shows invoices on its own page and routes the actions itself. */
export const Controlled: Story = {
  name: 'Controlled by the host',
  render: () =>
    inProvider(
      html`<akto-invoice-list
        search="5302381"
        @akto-invoice-open=${(e: CustomEvent) => {
          e.preventDefault(); // no dialog: the host shows the invoice on its own page
          onOpen(e.detail);
        }}
        @akto-deposit-request=${(e: CustomEvent) => {
          e.preventDefault();
          onDeposit(e.detail);
        }}
        @akto-rib-request=${(e: CustomEvent) => {
          e.preventDefault();
          onRib(e.detail);
        }}
      ></akto-invoice-list>`,
    ),
  play: async ({ canvasElement }) => {
    const details = await findDeep<HTMLButtonElement>(canvasElement, 'button[aria-label="Détails de la facture 5302381"]');
    details.click();
    await expect(onOpen).toHaveBeenCalledWith({ invoiceId: 'inv-0005', reference: '5302381' });
    await expect(deepQuery<HTMLDialogElement>(canvasElement, 'dialog.detail')?.open).toBe(false);
    const [deposit, rib] = deepQueryAll<HTMLButtonElement>(canvasElement, '.my-actions button');
    deposit!.click();
    rib!.click();
    await expect(onDeposit).toHaveBeenCalledTimes(1);
    await expect(onRib).toHaveBeenCalledTimes(1);
    void [AKTO_INVOICE_OPEN, AKTO_DEPOSIT_REQUEST, AKTO_RIB_REQUEST];
  },
};
