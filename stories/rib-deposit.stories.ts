/**
 * « Déposer un RIB » (the guide's « Mes actions »): the form, its checks, the confirmation and the
 * entity's RIBs with where each stands.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../src/elements/akto-rib-deposit/define.js';
import { deepQuery, findDeep, inProvider, NARROW, narrowFrame, waitForText } from './support/index.js';

const CASINO = '527319461';

function typeInto(root: HTMLElement, selector: string, value: string): void {
  const input = deepQuery<HTMLInputElement>(root, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('blur'));
}
function chooseFile(root: HTMLElement, file: File): void {
  const input = deepQuery<HTMLInputElement>(root, '#rib-file')!;
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'RIB CASINO 2026.png', { type: 'image/png' });

const meta = {
  title: 'Elements/Déposer un RIB',
  component: 'akto-rib-deposit',
  render: () => inProvider(html`<akto-rib-deposit entity=${CASINO}></akto-rib-deposit>`),
  parameters: { docs: { story: { height: '820px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const Default: Story = {
  name: 'The form and the entity’s RIBs',
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Déposer un RIB');
    await waitForText(canvasElement, 'RIB déposés pour CASINO RESTAURATION SASU');
    await waitForText(canvasElement, 'En cours de vérification');
  },
};

export const ChooseEntity: Story = {
  name: 'No entity given: the account’s to choose from',
  render: () => inProvider(html`<akto-rib-deposit></akto-rib-deposit>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Choisissez une entité');
  },
};

export const WrongIban: Story = {
  name: 'Checks: IBAN mod 97, BIC, holder',
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '#rib-iban');
    typeInto(canvasElement, '#rib-holder', ' ');
    typeInto(canvasElement, '#rib-iban', 'FR76 3000 6000 0112 3456 7890 188');
    typeInto(canvasElement, '#rib-bic', 'AGRI');
    await waitForText(canvasElement, 'sa clé de contrôle (modulo 97) ne correspond pas');
    await waitForText(canvasElement, 'Un BIC compte 8 ou 11 lettres et chiffres');
    await waitForText(canvasElement, 'Saisissez le nom du titulaire du compte.');
  },
};

export const Sent: Story = {
  name: 'Sent: « En cours de vérification »',
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '#rib-file');
    chooseFile(canvasElement, png());
    typeInto(canvasElement, '#rib-holder', 'CASINO RESTAURATION SASU');
    typeInto(canvasElement, '#rib-iban', 'FR76 3000 6000 0112 3456 7890 189');
    typeInto(canvasElement, '#rib-bic', 'AGRIFRPP');
    (await findDeep<HTMLButtonElement>(canvasElement, '.actions button[type="submit"]')).click();
    await waitForText(canvasElement, 'Votre RIB a bien été déposé. Il est en cours de vérification par AKTO.');
    await expect(deepQuery(canvasElement, '[part="confirmation"]')).not.toBeNull();
  },
};

export const NetworkError: Story = {
  name: 'Network error: everything kept, « Réessayer »',
  parameters: { akto: { faults: [{ route: 'createRib', kind: 'network', times: 1 }] } },
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '#rib-file');
    chooseFile(canvasElement, png());
    typeInto(canvasElement, '#rib-holder', 'CASINO RESTAURATION SASU');
    typeInto(canvasElement, '#rib-iban', 'FR7630006000011234567890189');
    typeInto(canvasElement, '#rib-bic', 'AGRIFRPP');
    (await findDeep<HTMLButtonElement>(canvasElement, '.actions button[type="submit"]')).click();
    await waitForText(canvasElement, 'Le serveur est injoignable');
    await expect(deepQuery<HTMLInputElement>(canvasElement, '#rib-iban')!.value).toBe('FR7630006000011234567890189');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  parameters: { docs: { story: { height: '1100px' } } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'RIB déposés');
    const el = canvasElement.querySelector('akto-rib-deposit')!;
    await expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Upload bank details (RIB)');
    await waitForText(canvasElement, 'Being checked');
  },
};
