/**
 * The partner page's own code, as a training body's extranet would write it around AKTO's tags,
 * plus what only a demo needs: the mock backend and its panel.
 *
 * The elements ask the API for nothing until they have an endpoint, so the page starts the mock
 * backend first and only then gives `<akto-invoice-widget>` its `api-base`.
 */
import type { AktoInvoiceWidget } from '../src/index.js';
import { createMockBackend } from '../src/mocks/index.js';
import { DEMO_BACKEND_RESET, type DemoFaultPanel } from './fault-panel.js';

const API_BASE = '/api';

const mock = createMockBackend({ baseUrl: API_BASE });
let provider = document.getElementById('akto') as AktoInvoiceWidget;
const banner = document.getElementById('session-banner')!;
const sessionStatus = document.getElementById('session-status')!;
const demoStatus = document.getElementById('demo-status')!;

// The partner's session: its sign-in gives a token, handed to AKTO's elements.
let session = 1;
const tokenFor = (n: number) => `jeton-formaction-${n}`;

function showProblem(message: string): void {
  demoStatus.textContent = message;
  demoStatus.hidden = false;
}

/** Re-creates the akto elements so they load again (after the mock's data was put back). */
function reloadWidgets(): void {
  // The widget's view stays (it is its attribute); its data is asked for again.
  const fresh = provider.cloneNode(true) as AktoInvoiceWidget;
  fresh.token = provider.token;
  provider.replaceWith(fresh);
  provider = fresh;
}

// A 401 from AKTO: the partner asks its user to sign in again.
document.addEventListener('akto-unauthorized', () => {
  banner.hidden = false;
});

document.getElementById('reconnect')!.addEventListener('click', () => {
  // The partner's sign-in would give a fresh token; the mock now accepts only that one.
  session += 1;
  mock.store.requiredToken = tokenFor(session);
  provider.token = tokenFor(session);
  banner.hidden = true;
  sessionStatus.textContent = 'Vous êtes reconnecté(e).';
  document.getElementById('akto-block')!.focus();
});

// The language of AKTO's elements.
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="akto-lang"]')) {
  radio.addEventListener('change', () => {
    if (radio.checked) provider.setAttribute('lang', radio.value);
  });
}

// The integration snippet, copied as text.
const copyStatus = document.getElementById('copy-status')!;
document.getElementById('copy-snippet')!.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(document.getElementById('snippet')!.textContent ?? '');
    copyStatus.textContent = 'Code copié.';
  } catch {
    copyStatus.textContent = 'Copie impossible : sélectionnez le code à la main.';
  }
});

// The demo's panel, outside the partner's layout.
const panel = document.createElement('demo-fault-panel') as DemoFaultPanel;
panel.mock = mock;
document.body.append(panel);
document.addEventListener(DEMO_BACKEND_RESET, () => {
  // mock.reset() forgets the required token: the current session stays the only valid one.
  mock.store.requiredToken = tokenFor(session);
  banner.hidden = true;
  reloadWidgets();
});

// The mock backend first, then the endpoint.
try {
  await mock.start();
} catch (error) {
  console.error(error);
  showProblem("Le serveur simulé n'a pas pu démarrer (service worker refusé ?) : rechargez la page. Les modules AKTO restent sans données.");
  throw error;
}

const defined = await Promise.race([
  customElements.whenDefined('akto-invoice-widget').then(() => true),
  new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000)),
]);
if (!defined) showProblem("Le script AKTO (/dist/akto-invoice-widget.js) ne s'est pas chargé : lancez la démo avec « npm start », qui le construit.");

mock.store.requiredToken = tokenFor(session);
provider.token = tokenFor(session);
provider.setAttribute('api-base', API_BASE);
