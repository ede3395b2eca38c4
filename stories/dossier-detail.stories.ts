/**
 * One dossier (« Action de formation n° 2206AF000578 »): as the guide shows it, with funding, a
 * draft, failures, a phone, English, and a host that wires « Déposer une facture » and
 * « Déposer un document ».
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../src/elements/akto-dossier-detail/define.js';
import { deepQuery, deepQueryAll, findDeep, inProvider, mock, NARROW, narrowFrame, waitForText } from './support/index.js';

/** The guide's first draft: « Brouillon du 24/06/2022 », UNIVERS PROTEC FORMATION. */
const draft = () => mock.store.dossiers.find((d) => d.number === null && d.company === 'UNIVERS PROTEC FORMATION')!.id;
const actionButtons = (canvas: HTMLElement) => deepQueryAll<HTMLButtonElement>(canvas, '[part="actions"] button');

const meta = {
  title: 'Elements/Détail d’un dossier',
  component: 'akto-dossier-detail',
  render: () => inProvider(html`<akto-dossier-detail dossier-id="2206AF000578"></akto-dossier-detail>`),
  parameters: { docs: { story: { height: '560px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const Default: Story = {
  name: 'Action de formation (the guide)',
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Action de formation n° 2206AF000578');
    await waitForText(canvasElement, 'Calcul mental');
    await waitForText(canvasElement, 'Émis le 23/06/2022');
    await waitForText(canvasElement, 'du 19/06/2022 au 20/06/2022');
    await waitForText(canvasElement, 'Solde (HT) 0,00 €');
    await expect(actionButtons(canvasElement).map((b) => b.textContent?.trim())).toEqual(['Déposer un document', 'Déposer une facture']);
  },
};

export const WithFunding: Story = {
  name: 'Contract with funding paid in part',
  render: () => inProvider(html`<akto-dossier-detail dossier-id="2206CA000564"></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Contrat d'apprentissage n° 2206CA000564");
    await waitForText(canvasElement, 'Réglé (HT) 4 250,00 €');
  },
};

export const NoTrainee: Story = {
  name: 'No trainee yet (a draft)',
  render: () => inProvider(html`<akto-dossier-detail dossier-id=${draft()}></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Aucun stagiaire inscrit pour le moment.');
  },
};

export const Draft: Story = {
  name: 'Draft (no « Déposer une facture »)',
  render: () => inProvider(html`<akto-dossier-detail dossier-id=${draft()}></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Brouillon du 24/06/2022');
    await waitForText(canvasElement, 'Ce dossier est encore un brouillon');
    await expect(actionButtons(canvasElement).map((b) => b.textContent?.trim())).toEqual(['Déposer un document']);
  },
};

export const Loading: Story = {
  parameters: { akto: { latencyMs: 600_000 } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Chargement du dossier');
  },
};

export const NotFound: Story = {
  name: 'Error (unknown dossier)',
  render: () => inProvider(html`<akto-dossier-detail dossier-id="2299AF999999"></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Ce dossier n'existe pas pour cette entité.");
    await waitForText(canvasElement, 'Réessayer');
  },
};

export const ServerError: Story = {
  name: 'Error (500, then « Réessayer » works)',
  parameters: { akto: { faults: [{ route: 'getDossier', kind: 'server-error', times: 1 }] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'erreur interne');
    (await findDeep<HTMLButtonElement>(canvasElement, '[role="alert"] button')).click();
    await waitForText(canvasElement, 'Action de formation n° 2206AF000578');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  parameters: { docs: { story: { height: '900px' } } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Financements');
    const detail = canvasElement.querySelector('akto-dossier-detail')!;
    await expect(detail.scrollWidth).toBeLessThanOrEqual(detail.clientWidth + 1);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  render: () => inProvider(html`<akto-dossier-detail dossier-id="2206CA000564"></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Contrat d'apprentissage No. 2206CA000564");
    await waitForText(canvasElement, 'Balance (excl. VAT) €4,250.00');
    await waitForText(canvasElement, 'Deposit an invoice');
  },
};

const onDeposit = fn();
const onDocument = fn();

/** How a host wires the detail: « Déposer une facture » opens its deposit for this dossier, « Déposer un document » its own upload. */
export const Controlled: Story = {
  name: 'Controlled by the host',
  render: () =>
    inProvider(
      html`<akto-dossier-detail
        dossier-id="2206AF000578"
        heading-level="3"
        @akto-deposit-request=${(e: CustomEvent) => {
          e.preventDefault(); // the host shows <akto-invoice-upload dossier=… entity=…>
          onDeposit(e.detail);
        }}
        @akto-document-request=${(e: CustomEvent) => {
          e.preventDefault();
          onDocument(e.detail);
        }}
      ></akto-dossier-detail>`,
    ),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, 'h3#title');
    const [documentButton, depositButton] = actionButtons(canvasElement);
    depositButton!.click();
    await expect(onDeposit).toHaveBeenCalledWith({ dossier: '2206AF000578', entity: '527319461' });
    documentButton!.click();
    await expect(onDocument).toHaveBeenCalledWith({ dossierId: '2206AF000578', number: '2206AF000578' });
    await expect(deepQuery(canvasElement, 'h2')).toBeNull();
  },
};

// ---- issue 16: the guide's « Détails / Documents » tabs ---------------------------------------

export const Documents: Story = {
  name: 'Documents tab: the list and « Déposer un document »',
  render: () => inProvider(html`<akto-dossier-detail dossier-id="2206AF000578" tab="documents"></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Documents du dossier');
    await waitForText(canvasElement, "Feuille d'émargement");
    await waitForText(canvasElement, 'Envoyer le document');
  },
};

export const DocumentSent: Story = {
  name: 'Documents tab: a document sent',
  render: () => inProvider(html`<akto-dossier-detail dossier-id="2206AF000578" tab="documents"></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    const input = await findDeep<HTMLInputElement>(canvasElement, '#document-file');
    const pdf = await (await fetch('/demo/samples/facture-2606-calcul-mental.pdf')).blob();
    const data = new DataTransfer();
    data.items.add(new File([pdf], 'Programme Calcul mental v2.pdf', { type: 'application/pdf' }));
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    (await findDeep<HTMLButtonElement>(canvasElement, 'form > button[type="submit"]')).click();
    await waitForText(canvasElement, 'a bien été envoyé à AKTO.');
  },
};

export const FundingDetail: Story = {
  name: '« Consulter le détail »: the dossier’s invoices and transfers',
  render: () => inProvider(html`<akto-dossier-detail dossier-id="2206CA000564"></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, '.detail-toggle')).click();
    await waitForText(canvasElement, 'Factures déposées sur ce dossier');
  },
};

export const DocumentsEnglish: Story = {
  name: 'Documents tab, English',
  globals: { locale: 'en' },
  render: () => inProvider(html`<akto-dossier-detail dossier-id="2206AF000578" tab="documents"></akto-dossier-detail>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Documents of the training dossier');
    await waitForText(canvasElement, 'Attendance sheet');
  },
};
