/**
 * The partner page's own code, as a training body's extranet would write it around AKTO's tags,
 * plus what only a demo needs: its back end (the reference server or the mock in the page) and
 * the panel that drives it.
 *
 * The elements ask the API for nothing until they have an endpoint, so the page readies the back
 * end and signs in first, and only then gives `<akto-invoice-widget>` its token and `api-base`.
 */
import type { AktoInvoiceWidget } from '../src/index.js';
import type { DemoBackend } from './backend.js';
import { DEMO_BACKEND_RESET, type DemoFaultPanel } from './fault-panel.js';

/**
 * Which back end: `/demo/backend.json`, written by the command that serves the page (`npm start`:
 * the server and its address; `npm run start:mock`: the mock). Without it, the mock.
 */
async function chooseBackend(): Promise<DemoBackend> {
  const config = (await fetch('/demo/backend.json')
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)) as { mode?: string; apiUrl?: string } | null;
  if (config?.mode === 'server' && config.apiUrl) {
    // The mock's service worker may still be registered from an earlier `start:mock`: it would sit
    // between the page and the server.
    for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) {
      if (registration.active?.scriptURL.endsWith('/mockServiceWorker.js')) await registration.unregister();
    }
    const { ServerDemoBackend } = await import('./server-backend.js');
    return new ServerDemoBackend(config.apiUrl);
  }
  // MSW is loaded only for the mock.
  const [{ MockDemoBackend }, { createMockBackend }] = await Promise.all([import('./mock-backend.js'), import('../src/mocks/index.js')]);
  return new MockDemoBackend(createMockBackend({ baseUrl: '/api' }));
}

const backend = await chooseBackend();
let provider = document.getElementById('akto') as AktoInvoiceWidget;
const banner = document.getElementById('session-banner')!;
const sessionStatus = document.getElementById('session-status')!;
const demoStatus = document.getElementById('demo-status')!;

function showProblem(message: string): void {
  demoStatus.textContent = message;
  demoStatus.hidden = false;
}

/** Re-creates the akto elements so they load again (after the mock's data was put back). */
function reloadWidgets(): void {
  // The widget's view stays (it is its attribute); its data is asked for again.
  const fresh = provider.cloneNode(true) as AktoInvoiceWidget;
  fresh.token = backend.token;
  provider.replaceWith(fresh);
  provider = fresh;
}

// A 401 from AKTO: the partner asks its user to sign in again.
document.addEventListener('akto-unauthorized', () => {
  banner.hidden = false;
});

document.getElementById('reconnect')!.addEventListener('click', async () => {
  // The partner's sign-in gives a fresh token, handed to AKTO's elements.
  try {
    provider.token = await backend.signIn();
  } catch (error) {
    sessionStatus.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
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
panel.backend = backend;
document.body.append(panel);
document.addEventListener(DEMO_BACKEND_RESET, () => {
  // The back end's data or account changed: the session it holds now is the page's.
  banner.hidden = true;
  reloadWidgets();
});

// The back end and the session first, then the endpoint.
try {
  await backend.start();
} catch (error) {
  console.error(error);
  showProblem(backend.unreachable);
  throw error;
}

const defined = await Promise.race([
  customElements.whenDefined('akto-invoice-widget').then(() => true),
  new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000)),
]);
if (!defined) showProblem("Le script AKTO (/dist/akto-invoice-widget.js) ne s'est pas chargé : lancez la démo avec « npm start », qui le construit.");

provider.token = backend.token;
provider.setAttribute('api-base', backend.apiBase);
