/**
 * « Mes dossiers » (the guide's « Accès N°2 »): every state, drafts, both languages, a phone, the
 * dossier's dialog, and a host that wires the events.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import '../src/elements/akto-dossier-list/define.js';
import type { MockBackend } from '../src/mocks/index.js';
import { deepQuery, deepQueryAll, deepText, findDeep, inProvider, NARROW, narrowFrame, waitForText } from './support/index.js';

const meta = {
  title: 'Elements/Mes dossiers',
  component: 'akto-dossier-list',
  render: () => inProvider(html`<akto-dossier-list></akto-dossier-list>`),
  parameters: { docs: { story: { height: '640px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const ROW = 'tbody tr:not(.skeleton)';
const rows = (canvas: HTMLElement) => deepQueryAll(canvas, ROW);

/** More dossiers than the guide's twenty: `count` numbered ones, in every state but the draft. */
const moreDossiers = (count: number) => (mock: MockBackend) => {
  const model = mock.store.dossiers.find((d) => d.number === '2206AF000578')!;
  const states = ['transmis', 'accorde', 'cloture', 'refuse'] as const;
  for (let i = 0; i < count; i++) {
    const number = `23${String((i % 12) + 1).padStart(2, '0')}AF${String(100000 + i)}`;
    const month = String((i % 12) + 1).padStart(2, '0');
    mock.store.dossiers.push({ ...model, id: number, number, title: `Formation ${i + 1}`, state: states[i % states.length]!, start: `2023-${month}-01`, end: `2023-${month}-28` });
  }
};

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Mes dossiers');
    await findDeep(canvasElement, ROW);
    await expect(rows(canvasElement)).toHaveLength(20);
    await waitForText(canvasElement, 'Calcul mental');
    await waitForText(canvasElement, 'Brouillon du 24/06/2022');
    await waitForText(canvasElement, '20 dossiers max.');
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
  name: 'Empty (no dossier yet)',
  parameters: { akto: { entities: [] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, "Vous n'avez encore aucun dossier.");
  },
};

export const NoMatch: Story = {
  name: 'No match',
  render: () => inProvider(html`<akto-dossier-list search="introuvable-2099"></akto-dossier-list>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Aucun dossier ne correspond à votre recherche.');
    await waitForText(canvasElement, 'Effacer les filtres');
  },
};

export const Drafts: Story = {
  name: 'Drafts only (« Brouillon du … »)',
  render: () => inProvider(html`<akto-dossier-list state="brouillon"></akto-dossier-list>`),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, ROW);
    await waitFor(() => expect(rows(canvasElement).every((row) => deepText(row).startsWith('Brouillon du'))).toBe(true));
    await findDeep(canvasElement, 'button[aria-label="Détails du brouillon du 24/06/2022, Formation sécurité incendie"]');
  },
};

export const ServerError: Story = {
  name: 'Error (500, then « Réessayer » works)',
  parameters: { akto: { faults: [{ route: 'listDossiers', kind: 'server-error', times: 1 }] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'erreur interne');
    const retry = await findDeep<HTMLButtonElement>(canvasElement, '[role="alert"] button');
    retry.click();
    await findDeep(canvasElement, ROW);
  },
};

export const NetworkDown: Story = {
  name: 'Error (network down)',
  parameters: { akto: { faults: [{ route: 'listDossiers', kind: 'network' }] } },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Le serveur est injoignable');
    await waitForText(canvasElement, 'Réessayer');
  },
};

export const LongList: Story = {
  name: 'Long list (100 a page, 3 pages)',
  parameters: { akto: { setup: moreDossiers(230) } },
  render: () => inProvider(html`<akto-dossier-list page-size="100"></akto-dossier-list>`),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, ROW);
    await expect(rows(canvasElement)).toHaveLength(100);
    await waitForText(canvasElement, '250 dossiers');
    await waitForText(canvasElement, 'Page 1 sur 3');
  },
};

export const ManyEntities: Story = {
  name: 'Many entities (filters open)',
  play: async ({ canvasElement }) => {
    const toggle = await findDeep<HTMLButtonElement>(canvasElement, '[aria-controls="filters"]');
    toggle.click();
    const select = await findDeep<HTMLSelectElement>(canvasElement, '#entity');
    await expect(select.options.length).toBe(9);
    await waitForText(canvasElement, 'Clôturé');
  },
};

export const OneEntity: Story = {
  name: 'One entity (no entity filter)',
  parameters: { akto: { entities: ['527319461'] } },
  play: async ({ canvasElement }) => {
    const toggle = await findDeep<HTMLButtonElement>(canvasElement, '[aria-controls="filters"]');
    toggle.click();
    await waitForText(canvasElement, 'Brouillon');
    await expect(deepQuery(canvasElement, '#entity')).toBeNull();
  },
};

export const DeepLink: Story = {
  name: 'Deep link (granted and submitted, by number, page 2)',
  parameters: { akto: { setup: moreDossiers(40) } },
  render: () => inProvider(html`<akto-dossier-list state="transmis,accorde" sort="number" order="asc" page="2"></akto-dossier-list>`),
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'Page 2 sur');
    await expect(deepQuery(canvasElement, 'th[aria-sort="ascending"]')?.textContent).toContain('N°');
  },
};

export const DetailOpen: Story = {
  name: 'Dossier open in its dialog',
  render: () => inProvider(html`<akto-dossier-list search="2206AF000578"></akto-dossier-list>`),
  parameters: { docs: { story: { height: '760px' } } },
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, 'button[aria-label="Détails du dossier 2206AF000578"]')).click();
    await waitFor(() => expect(deepQuery<HTMLDialogElement>(canvasElement, 'dialog')?.open).toBe(true));
    await waitForText(canvasElement, 'Action de formation n° 2206AF000578');
    await waitForText(canvasElement, 'Solde (HT)');
  },
};

export const Narrow: Story = {
  name: 'Phone (360 px)',
  globals: NARROW,
  decorators: [narrowFrame],
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, ROW);
    const list = canvasElement.querySelector('akto-dossier-list')!;
    await expect(list.scrollWidth).toBeLessThanOrEqual(list.clientWidth + 1);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'My dossiers');
    await waitForText(canvasElement, 'Draft of 24/06/2022');
    await findDeep(canvasElement, 'button[aria-label="Details of dossier 2206AF000578"]');
  },
};

const onOpen = fn();
const onQuery = fn();

/**
 * How a host wires the list: « Détails » shows the dossier on the host's own page (no dialog), and
 * the host keeps the query (search, filters, sort, page) in its URL.
 */
export const Controlled: Story = {
  name: 'Controlled by the host',
  render: () =>
    inProvider(
      html`<akto-dossier-list
        search="Calcul"
        @akto-dossier-open=${(e: CustomEvent) => {
          e.preventDefault(); // no dialog: the host shows the dossier on its own page
          onOpen(e.detail);
        }}
        @akto-query-change=${(e: CustomEvent) => onQuery(e.detail.query)}
      ></akto-dossier-list>`,
    ),
  play: async ({ canvasElement }) => {
    const details = await findDeep<HTMLButtonElement>(canvasElement, 'button[aria-label="Détails du dossier 2206AF000578"]');
    details.click();
    await expect(onOpen).toHaveBeenCalledWith({ dossierId: '2206AF000578', number: '2206AF000578' });
    await expect(deepQuery<HTMLDialogElement>(canvasElement, 'dialog')?.open).toBe(false);
    const title = deepQueryAll<HTMLTableCellElement>(canvasElement, 'th').find((th) => th.textContent?.includes('Intitulé'))!;
    title.querySelector('button')!.click();
    await expect(onQuery).toHaveBeenCalledWith(expect.objectContaining({ q: 'Calcul', sort: 'title', order: 'asc', page: 1 }));
    await waitFor(() => expect(deepQuery(canvasElement, 'table')?.getAttribute('aria-busy')).toBe('false'));
  },
};
