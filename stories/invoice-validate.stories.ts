/** Step « 2. Validation »: pending invoices to check, correct and validate, with the PDF beside them. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn } from 'storybook/test';
import '../src/elements/akto-invoice-validate/define.js';
import { ApiClient } from '../src/api/client.js';
import scanPdf from '../test/fixtures/scan.pdf?url';
import { deepQuery, deepQueryAll, findDeep, inProvider, mock, NARROW, narrowFrame, waitForText } from './support/index.js';

const AFPA = '824092688';
/** The guide's two pending invoices of AFPA, as seeded. */
const FIRST = 'pending-seed-1';
const SECOND = 'pending-seed-2';

/** Deposits one of the sample invoices for AFPA, as step 1 would, so the PDF can be previewed. */
async function depositSample(name = 'facture-2507-diagnostiqueur-immobilier-3-dossiers.pdf', options: { url?: string; creditNote?: boolean } = {}): Promise<void> {
  const api = new ApiClient({ baseUrl: '/api' });
  const blob = await (await fetch(options.url ?? `/samples/${encodeURIComponent(name)}`)).blob();
  const upload = await api.upload(blob, 'invoice', name);
  await api.call('createDeposit', { params: { siren: AFPA }, body: { invoices: [{ uploadId: upload.id, creditNote: options.creditNote ?? false, salaryCosts: false, supportingUploadIds: [], derogation: 'cfa-of' }] } });
}

/** Changes what the server read of a seeded pending invoice, before the story renders. */
function seeded(id: string, fields: Partial<{ invoiceNumber: string; siret: string | null; dossiers: string[] }>) {
  return (m: typeof mock) => {
    const pending = m.store.pending.get(id)!;
    pending.fields = { ...pending.fields, ...fields };
  };
}

/** Clicks the button whose accessible name is `label`, once it is there. */
async function click(canvasElement: HTMLElement, label: string): Promise<void> {
  (await findDeep<HTMLButtonElement>(canvasElement, `button[aria-label="${label}"]`)).click();
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
    // Amounts as an English reader writes them.
    const amount = await findDeep<HTMLInputElement>(canvasElement, 'input[id^="amountHT-"]');
    await expect(amount.value).toBe('28,043.28');
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

export const ScannedInvoice: Story = {
  name: 'A scanned invoice (nothing read: the fields are typed from the preview)',
  beforeEach: async () => depositSample('facture-scannee.pdf', { url: scanPdf }),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Rien n’a pu être lu dans ce PDF (un scan ?) : saisissez les champs d’après l’aperçu.');
  },
};

export const CreditNote: Story = {
  name: 'A credit note (« Avoir »)',
  beforeEach: async () => depositSample('avoir-2607-calcul-mental.pdf', { creditNote: true }),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'avoir-2607-calcul-mental.pdf Avoir');
  },
};

export const SiretUnknown: Story = {
  name: 'SIRET unknown to INSEE (checked on arrival)',
  parameters: { akto: { setup: seeded(FIRST, { siret: '43819562000036' }) } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Ce SIRET n'est pas référencé dans la base INSEE.");
  },
};

export const SiretClosed: Story = {
  name: 'SIRET of a closed establishment (checked on arrival)',
  parameters: { akto: { setup: seeded(FIRST, { siret: '44556677100017' }) } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Cet établissement est fermé selon la base INSEE : indiquez le SIRET d'un établissement actif.");
  },
};

export const SiretUnknownEnglish: Story = {
  name: 'SIRET unknown to INSEE (English)',
  globals: { locale: 'en' },
  parameters: { akto: { setup: seeded(FIRST, { siret: '43819562000036' }) } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'This SIRET is not listed in the INSEE register.');
  },
};

export const SiretEmpty: Story = {
  name: 'No SIRET read: start from a SIREN',
  parameters: { akto: { setup: seeded(FIRST, { siret: null }) } },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Valider la facture facture-202101085.pdf');
    await waitForText(canvasElement, 'Indiquez le SIRET de l’émetteur de la facture (14 chiffres).');
    await waitForText(canvasElement, 'Partir du SIREN de l’entité, 824 092 688');
  },
};

export const UnknownDossier: Story = {
  name: 'A dossier the entity does not have (said beside it)',
  parameters: { akto: { setup: seeded(SECOND, { dossiers: ['2206AF000578', '2509CA000412'] }) } },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Valider la facture facture-zseflezzezf3z2123.pdf');
    await waitForText(canvasElement, "2509CA000412 − Ce dossier n'existe pas pour cette entité.");
  },
};

export const Duplicate: Story = {
  name: 'An invoice already deposited (duplicate)',
  beforeEach: async () => {
    // The first of the guide's two validated; the second then carries its number and SIRET.
    const api = new ApiClient({ baseUrl: '/api' });
    const first = mock.store.pending.get(FIRST)!.fields;
    await api.call('validatePending', { params: { pendingId: FIRST }, body: { invoiceNumber: first.invoiceNumber!, amountHT: first.amountHT!, amountTTC: first.amountTTC!, dossiers: first.dossiers, invoiceDate: first.invoiceDate!, siret: first.siret! } });
    seeded(SECOND, { invoiceNumber: first.invoiceNumber!, siret: first.siret, dossiers: ['2103DCA22581'] })(mock);
  },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Valider la facture facture-zseflezzezf3z2123.pdf');
    await waitForText(canvasElement, 'Une facture portant ce numéro et ce SIRET a déjà été déposée le');
  },
};

export const DeleteConfirmation: Story = {
  name: 'The confirmation before deleting',
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Supprimer la facture facture-zseflezzezf3z2123.pdf');
    await waitForText(canvasElement, 'Supprimer la facture facture-zseflezzezf3z2123.pdf ? Elle ne sera pas transmise à AKTO. Vous pourrez la déposer de nouveau plus tard.');
    await expect(deepQuery<HTMLDialogElement>(canvasElement, 'dialog')?.open).toBe(true);
  },
};

export const DeleteConfirmationEnglish: Story = {
  name: 'The confirmation before deleting (English)',
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Delete invoice facture-zseflezzezf3z2123.pdf');
    await waitForText(canvasElement, 'Delete invoice facture-zseflezzezf3z2123.pdf? It will not be sent to AKTO. You can deposit it again later.');
    await expect(deepQuery<HTMLDialogElement>(canvasElement, 'dialog')?.open).toBe(true);
  },
};
