/** Step « 2. Validation »: pending invoices to check, correct and validate, with the PDF beside them. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../src/elements/akto-invoice-validate/define.js';
import { ApiClient } from '../src/api/client.js';
import { deepQuery, deepQueryAll, findDeep, inProvider, mock, NARROW, narrowFrame, waitForText } from './support/index.js';

const AFPA = '824092688';

/** Deposits one of the sample invoices for AFPA, as step 1 would, so the PDF can be previewed. */
async function depositSample(name = 'facture-2507-diagnostiqueur-immobilier-3-dossiers.pdf'): Promise<void> {
  const api = new ApiClient({ baseUrl: '/api' });
  const blob = await (await fetch(`/samples/${encodeURIComponent(name)}`)).blob();
  const upload = await api.upload(blob, 'invoice', name);
  await api.call('createDeposit', { params: { siren: AFPA }, body: { invoices: [{ uploadId: upload.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'cfa-of' }] } });
}

const meta = {
  title: 'Elements/2. Validation',
  component: 'akto-invoice-validate',
  render: () => inProvider(html`<akto-invoice-validate entity=${AFPA}></akto-invoice-validate>`),
  parameters: { docs: { story: { height: '900px' } }, layout: 'fullscreen' },
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const Pending: Story = {
  name: 'Pending invoices (the guide’s two)',
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'VÉRIFIEZ les informations ci-dessous, puis VALIDEZ les factures.');
    await waitForText(canvasElement, '6 dossiers trouvés automatiquement');
  },
};

export const WithPreview: Story = {
  name: 'With the PDF preview',
  beforeEach: async () => depositSample(),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, 'akto-pdf-preview');
    await findDeep(canvasElement, 'canvas:not([hidden])', 8000);
  },
};

export const Errors: Story = {
  name: 'Rule messages after « Valider »',
  play: async ({ canvasElement }) => {
    const button = await findDeep<HTMLButtonElement>(canvasElement, 'button[aria-label="Valider la facture facture-zseflezzezf3z2123.pdf"]');
    button.click();
    await waitForText(canvasElement, 'ne correspond pas à un dossier AKTO');
  },
};

export const Validated: Story = {
  name: 'Validated (success message)',
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, 'button[aria-label="Valider la facture facture-202101085.pdf"]')).click();
    await waitForText(canvasElement, 'La validation de la facture a bien été effectuée.');
  },
};

export const Failed: Story = {
  name: 'Failed validation (500, edits kept)',
  parameters: { akto: { faults: [{ route: 'validatePending', kind: 'server-error' }] } },
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, 'button[aria-label="Valider la facture facture-202101085.pdf"]')).click();
    await waitForText(canvasElement, 'erreur interne');
    await expect(deepQueryAll(canvasElement, 'tbody tr')).toHaveLength(2);
  },
};

export const Empty: Story = {
  name: 'Nothing to validate',
  render: () => inProvider(html`<akto-invoice-validate entity="819109976"></akto-invoice-validate>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Aucune facture à valider.');
  },
};

export const Loading: Story = {
  parameters: { akto: { latencyMs: 600_000 } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Chargement des factures à valider');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'facture-202101085.pdf');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'CHECK the information below');
  },
};

const onValidated = fn();
export const Controlled: Story = {
  name: 'Controlled by the host',
  render: () => inProvider(html`<akto-invoice-validate entity=${AFPA} @akto-invoice-validated=${(e: CustomEvent) => onValidated(e.detail.invoice.reference)}></akto-invoice-validate>`),
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, 'button[aria-label="Valider la facture facture-202101085.pdf"]')).click();
    await waitForText(canvasElement, 'La validation de la facture a bien été effectuée.');
    await expect(onValidated).toHaveBeenCalledWith('202101085');
    void deepQuery;
    void mock;
  },
};
