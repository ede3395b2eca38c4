/** The whole deposit: the entity, « 1. Dépôt », « 2. Validation », and the end. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../src/elements/akto-invoice-deposit/define.js';
import { deepQuery, findDeep, inProvider, NARROW, narrowFrame, waitForText } from './support/index.js';

const meta = {
  title: 'Elements/Déposer une facture (parcours complet)',
  component: 'akto-invoice-deposit',
  render: () => inProvider(html`<akto-invoice-deposit></akto-invoice-deposit>`),
  parameters: { docs: { story: { height: '900px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const ChooseEntity: Story = {
  name: 'Start: choose the entity',
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Veuillez sélectionner une entité pour le dépôt de factures');
    await expect(deepQuery(canvasElement, '.steps li[aria-current="step"]')?.textContent).toContain('1. Dépôt');
  },
};

export const FromDossier: Story = {
  name: 'Started from a dossier',
  render: () => inProvider(html`<akto-invoice-deposit entity="819109976" dossier="2509CA000412"></akto-invoice-deposit>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Dépôt pour le dossier 2509CA000412');
  },
};

export const PendingFirst: Story = {
  name: 'Pending invoices to validate first',
  render: () => inProvider(html`<akto-invoice-deposit entity="824092688"></akto-invoice-deposit>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '2 factures déposées attendent encore votre validation.');
    (await findDeep<HTMLButtonElement>(canvasElement, '.notice button')).click();
    await waitForText(canvasElement, 'VÉRIFIEZ les informations ci-dessous');
  },
};

export const Finished: Story = {
  name: 'The end: the guide’s confirmation, then what comes next',
  // Step 2 for the entity, as « Valider » in « Mes factures » opens it; one invoice to validate.
  parameters: { akto: { setup: (mock) => void mock.store.pending.delete('pending-seed-2') } },
  render: () => inProvider(html`<akto-invoice-deposit entity="824092688" step="validate"></akto-invoice-deposit>`),
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, 'button[aria-label="Valider la facture facture-202101085.pdf"]')).click();
    await waitForText(canvasElement, 'La validation de la facture a bien été effectuée. Votre facture a été transmise à AKTO. Voir mes factures');
    await expect(deepQuery(canvasElement, '.steps li.done + li.done')).not.toBeNull();
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  render: () => inProvider(html`<akto-invoice-deposit entity="819109976"></akto-invoice-deposit>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Déposez vos fichiers ici');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '1. Deposit');
  },
};

const onInvoices = fn();
/** A host that routes « Voir mes factures » itself. */
export const Controlled: Story = {
  name: 'Controlled by the host',
  render: () =>
    inProvider(
      html`<akto-invoice-deposit
        entity="824092688"
        @akto-invoices-request=${(e: Event) => {
          e.preventDefault();
          onInvoices();
        }}
      ></akto-invoice-deposit>`,
    ),
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, '.notice button')).click();
    await waitForText(canvasElement, 'facture-202101085.pdf');
    await expect(onInvoices).not.toHaveBeenCalled();
  },
};
