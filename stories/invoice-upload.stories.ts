/**
 * Step « 1. Dépôt »: the entity, the invoices, their supporting documents or derogation, sending.
 * Stories that need files hand the element real sample invoices, as the file picker would.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/elements/akto-invoice-upload/define.js';
import type { AktoInvoiceUpload } from '../src/elements/akto-invoice-upload/akto-invoice-upload.js';
import { saveDraft } from '../src/core/drafts.js';
import { deepQuery, deepQueryAll, findDeep, inProvider, mock, NARROW, narrowFrame, waitForText } from './support/index.js';

const KAVKAZ = '819109976';

async function sample(name: string, as = name): Promise<File> {
  const response = await fetch(`/samples/${encodeURIComponent(name)}`);
  return new File([await response.blob()], as, { type: 'application/pdf' });
}

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], 'attestation-de-presence.png', { type: 'image/png' });

/** The step, once mounted, with files handed over as the picker would. */
async function upload(canvas: HTMLElement): Promise<AktoInvoiceUpload> {
  await findDeep(canvas, '.dropzone');
  return canvas.querySelector('akto-invoice-upload')!;
}

async function withInvoice(canvas: HTMLElement, supporting = false): Promise<AktoInvoiceUpload> {
  const el = await upload(canvas);
  await el.addFiles([await sample('FACTURE KHATIB NABIL.pdf')]);
  await waitForText(canvas, 'Chargé');
  if (supporting) {
    const row = (el as unknown as { rows: Parameters<AktoInvoiceUpload['addFiles']>[1][] }).rows[0];
    await el.addFiles([png()], row);
    await waitFor(() => expect(deepQuery<HTMLButtonElement>(canvas, '[part="send"]')?.disabled).toBe(false), { timeout: 5000 });
  }
  return el;
}

const meta = {
  title: 'Elements/1. Dépôt',
  component: 'akto-invoice-upload',
  render: () => inProvider(html`<akto-invoice-upload entity=${KAVKAZ}></akto-invoice-upload>`),
  parameters: { docs: { story: { height: '720px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const SeveralEntities: Story = {
  name: 'Several entities (the choice)',
  render: () => inProvider(html`<akto-invoice-upload></akto-invoice-upload>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Veuillez sélectionner une entité pour le dépôt de factures');
    await waitForText(canvasElement, 'SNC KAVKAZ 819 109 976');
  },
};

export const OneEntity: Story = {
  name: 'One entity (no choice)',
  parameters: { akto: { entities: [KAVKAZ] } },
  render: () => inProvider(html`<akto-invoice-upload></akto-invoice-upload>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'SNC KAVKAZ (819 109 976)');
    await waitForText(canvasElement, 'Déposez vos fichiers ici ou cliquez pour sélectionner des fichiers');
  },
};

export const NoEntity: Story = {
  name: 'No entity',
  parameters: { akto: { entities: [] } },
  render: () => inProvider(html`<akto-invoice-upload attach-href="#rattachement"></akto-invoice-upload>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Aucune entreprise n'est rattachée à votre compte.");
    await findDeep(canvasElement, 'a[href="#rattachement"]');
  },
};

export const Empty: Story = {
  name: 'Empty (ready for files)',
  play: async ({ canvasElement }) => {
    await upload(canvasElement);
    await waitForText(canvasElement, '0 fichier chargé');
    await expect(deepQuery<HTMLButtonElement>(canvasElement, '[part="send"]')?.disabled).toBe(true);
  },
};

export const FromDossier: Story = {
  name: 'Started from a dossier',
  render: () => inProvider(html`<akto-invoice-upload entity=${KAVKAZ} dossier="2206AF000358"></akto-invoice-upload>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Dépôt pour le dossier 2206AF000358');
  },
};

export const Uploading: Story = {
  name: 'Files uploading',
  parameters: { akto: { uploadLatencyMs: 600_000 } },
  play: async ({ canvasElement }) => {
    const el = await upload(canvasElement);
    await el.addFiles([await sample('FACTURE KHATIB NABIL.pdf'), await sample('facture-2606-calcul-mental.pdf')]);
    await waitForText(canvasElement, 'Chargement…');
    await findDeep(canvasElement, 'progress');
  },
};

export const CreditNoteRead: Story = {
  name: 'A credit note, read in the browser',
  play: async ({ canvasElement }) => {
    const el = await upload(canvasElement);
    await el.addFiles([await sample('avoir-2607-calcul-mental.pdf')]);
    await waitForText(canvasElement, 'Avoir détecté dans le document');
    const box = await findDeep<HTMLInputElement>(canvasElement, 'li.invoice .checks input');
    await waitFor(() => expect(box.checked).toBe(true));
  },
};

export const ScanNote: Story = {
  name: 'A scan: nothing could be read',
  play: async ({ canvasElement }) => {
    const el = await upload(canvasElement);
    const scan = await fetch('/fixtures/scan.pdf');
    await el.addFiles([new File([await scan.blob()], 'facture-numerisee.pdf', { type: 'application/pdf' })]);
    await waitForText(canvasElement, "Aucun texte n'a pu être lu dans ce document");
  },
};

export const Refused: Story = {
  name: 'A file refused',
  play: async ({ canvasElement }) => {
    const el = await upload(canvasElement);
    await el.addFiles([await sample('facture-2606-calcul-mental.pdf'), new File(['pas un PDF'], 'devis.pdf', { type: 'application/pdf' }), new File([], 'vide.pdf')]);
    // File names are isolated (U+2068 … U+2069) inside the sentence: right-to-left names cannot reorder it.
    await waitForText(canvasElement, /« \u2068?devis\.pdf\u2069? » n'a pas été ajouté : ce fichier n'est pas un PDF\./);
    await waitForText(canvasElement, /« \u2068?vide\.pdf\u2069? » n'a pas été ajouté : le fichier est vide\./);
  },
};

export const MissingSupporting: Story = {
  name: 'Missing supporting document',
  play: async ({ canvasElement }) => {
    await withInvoice(canvasElement);
    await waitForText(canvasElement, 'Vous devez ajouter la pièce justificative pour ce document');
  },
};

export const ReadyToSend: Story = {
  name: 'Ready to send',
  play: async ({ canvasElement }) => {
    await withInvoice(canvasElement, true);
    await waitForText(canvasElement, '1 fichier chargé');
    await expect(deepQuery<HTMLButtonElement>(canvasElement, '[part="send"]')?.disabled).toBe(false);
  },
};

export const Sending: Story = {
  play: async ({ canvasElement }) => {
    await withInvoice(canvasElement, true);
    mock.faults.latencyMs = 600_000;
    deepQuery<HTMLButtonElement>(canvasElement, '[part="send"]')!.click();
    await waitForText(canvasElement, 'Envoi en cours…');
  },
};

export const SendFailed: Story = {
  name: 'Failed (500, everything kept)',
  parameters: { akto: { faults: [{ route: 'createDeposit', kind: 'server-error' }] } },
  play: async ({ canvasElement }) => {
    await withInvoice(canvasElement, true);
    deepQuery<HTMLButtonElement>(canvasElement, '[part="send"]')!.click();
    await waitForText(canvasElement, 'erreur interne');
    await expect(deepQueryAll(canvasElement, 'li.invoice')).toHaveLength(1);
  },
};

export const WrongEntity: Story = {
  name: 'Wrong entity for the dossier (« Changer d’entité »)',
  // 2206AF000578 is CASINO RESTAURATION SASU's dossier, deposited as SNC KAVKAZ: no « Réessayer », the way out instead.
  render: () => inProvider(html`<akto-invoice-upload entity=${KAVKAZ} dossier="2206AF000578"></akto-invoice-upload>`),
  play: async ({ canvasElement }) => {
    await withInvoice(canvasElement, true);
    deepQuery<HTMLButtonElement>(canvasElement, '[part="send"]')!.click();
    await waitForText(canvasElement, "Ce dossier n'existe pas pour cette entité.");
    await waitForText(canvasElement, "Ce dossier appartient peut-être à une autre de vos entités : choisissez-la avec « Changer d'entité », puis envoyez de nouveau les documents.");
    const error = await findDeep(canvasElement, '.notice.error');
    await expect([...error.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(["Changer d'entité"]);
  },
};

/** A deposit prepared earlier in this browser and not sent: what a reload finds (the same user, the same API). */
async function leaveDraft(): Promise<void> {
  // The key step 1 keeps it under: `upload|<api-base>|<credentials>|<timeout>|<user>|<SIREN>` (see ApiController.draftScope).
  await saveDraft(`upload|/api||||${KAVKAZ}`, {
    savedAt: '2026-05-04T09:41:00.000Z',
    rows: [{ file: await sample('FACTURE KHATIB NABIL.pdf'), creditNote: false, salaryCosts: true, derogation: null, supporting: [png()] }],
  });
}

export const ResumeDraft: Story = {
  name: 'After a reload: « Reprendre le dépôt »',
  // No entity given: the draft knows its own (SNC KAVKAZ), so the choice is not asked again.
  render: () => inProvider(html`<akto-invoice-upload></akto-invoice-upload>`),
  parameters: { akto: { setup: leaveDraft } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Un dépôt non envoyé a été retrouvé dans ce navigateur : 1 facture');
    await waitForText(canvasElement, 'SNC KAVKAZ (819 109 976)');
    await findDeep(canvasElement, '.notice.draft button');
    await expect(deepQuery(canvasElement, 'akto-entity-picker')).toBeNull();
  },
};

export const RefusedOneLine: Story = {
  name: 'A refused invoice (one line, the others go)',
  play: async ({ canvasElement }) => {
    const el = await withInvoice(canvasElement);
    // A file that says it is a PDF and is none: refused on its row once read (damaged).
    await el.addFiles([new File(['%PDF-1.7\n1 0 obj <<>>\n%%EOF'], 'facture-abimee.pdf', { type: 'application/pdf' })]);
    await waitForText(canvasElement, 'Refusé', 20_000);
    await waitForText(canvasElement, 'Les fichiers refusés ne seront pas envoyés : les autres factures partiront sans eux.');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  play: async ({ canvasElement }) => {
    await withInvoice(canvasElement, true);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Drop your files here or click to select files');
  },
};

const onSent = fn();
const onUploadRequest = fn();

/** A host that adds a header to each upload and routes to step 2 itself when the deposit is sent. */
export const Controlled: Story = {
  name: 'Controlled by the host',
  render: () =>
    inProvider(
      html`<akto-invoice-upload
        entity=${KAVKAZ}
        @akto-upload-request=${(e: CustomEvent<{ headers: Record<string, string>; file: File }>) => {
          e.detail.headers['X-Partner'] = 'formaction';
          onUploadRequest(e.detail.file.name);
        }}
        @akto-deposit-sent=${(e: CustomEvent<{ pending: unknown[] }>) => onSent(e.detail.pending.length)}
      ></akto-invoice-upload>`,
    ),
  play: async ({ canvasElement }) => {
    await withInvoice(canvasElement, true);
    await expect(onUploadRequest).toHaveBeenCalledWith('FACTURE KHATIB NABIL.pdf');
    deepQuery<HTMLButtonElement>(canvasElement, '[part="send"]')!.click();
    await waitForText(canvasElement, '1 facture envoyée');
    await expect(onSent).toHaveBeenCalledWith(1);
  },
};
