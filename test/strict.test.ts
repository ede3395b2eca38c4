/**
 * The single script's elements on a page served with a strict CSP and Trusted Types required:
 * every flow used, and not one violation or page error.
 */
import { expect } from '@open-wc/testing';
import { sampleFile, startMock, until } from './helpers/mock.js';
import { text } from './helpers/dom.js';
import { dragIntoPage } from './helpers/drop.js';

type StrictWindow = Window & { strict: { violations: string[]; errors: string[]; ready: Promise<void> } };

describe('strict partner page (CSP + Trusted Types)', () => {
  let frame: HTMLIFrameElement;
  let win: StrictWindow;

  before(async () => {
    // MSW's worker is registered by this (non-strict) test page: registering a service worker
    // under Trusted Types needs a TrustedScriptURL, which msw cannot take. The strict page then
    // finds it registered. This concerns the mock only; the widget registers no worker.
    await startMock();
    frame = document.createElement('iframe');
    frame.style.width = '1280px';
    frame.style.height = '900px';
    frame.src = '/test/strict/strict.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    win = frame.contentWindow as StrictWindow;
    await until(() => win.strict, 5000, 'the page script');
    await win.strict.ready;
  });

  after(() => frame.remove());

  afterEach(() => {
    expect(win.strict.violations, 'CSP violations').to.deep.equal([]);
    expect(win.strict.errors, 'page errors').to.deep.equal([]);
  });

  it('is served with the strict policy', async () => {
    const response = await fetch('/test/strict/strict.html');
    const policy = response.headers.get('Content-Security-Policy');
    expect(policy).to.contain("require-trusted-types-for 'script'");
    // The README's policy, so policy names are restricted: Lit's and ours, nothing else.
    expect(policy).to.contain('trusted-types lit-html akto-invoice-widget');
  });

  it('shows « Mes factures », a detail and « Mes dossiers »', async () => {
    const doc = frame.contentDocument!;
    const widget = await until(() => doc.querySelector('akto-invoice-widget')?.shadowRoot, 5000, 'the widget');
    const list = await until(() => widget.querySelector('akto-invoice-list')?.shadowRoot, 5000, 'the list');
    const details = await until(() => list.querySelector<HTMLButtonElement>('tbody tr:not(.skeleton) button'), 5000, 'the rows');
    details.click();
    const detail = await until(() => widget.querySelector('akto-invoice-detail')?.shadowRoot?.querySelector('article'), 5000, 'the detail');
    expect(text(detail)).to.contain('Facture N°');
    [...widget.querySelectorAll<HTMLAnchorElement>('nav a')][1]!.click();
    await until(() => text(widget.querySelector('akto-dossier-list')?.shadowRoot).includes('Calcul mental'), 5000, 'the dossiers');
  });

  it('deposits an invoice: drag and drop (FilePond), reading, upload, validation with the PDF preview', async () => {
    const doc = frame.contentDocument!;
    const widget = doc.querySelector('akto-invoice-widget')!;
    widget.setAttribute('view', 'deposit');
    const deposit = await until(() => widget.shadowRoot!.querySelector('akto-invoice-deposit')?.shadowRoot, 5000, 'the deposit');
    const upload = await until(() => deposit.querySelector('akto-invoice-upload'), 5000, 'step 1');
    const picker = await until(() => upload.shadowRoot?.querySelector('akto-entity-picker')?.shadowRoot, 5000, 'the entities');
    const kavkaz = await until(() => [...picker.querySelectorAll('label')].find((l) => text(l).startsWith('SNC KAVKAZ')), 5000, 'SNC KAVKAZ');
    kavkaz.querySelector('input')!.click();
    [...picker.querySelectorAll('button')].find((b) => text(b) === 'Déposer')!.click();
    const root = upload.shadowRoot!;
    dragIntoPage(doc);
    await until(() => root.querySelector('.filepond--hopper'), 5000, 'FilePond');
    // A drop, built in the page's own realm.
    const file = await sampleFile('demo/samples/FACTURE KHATIB NABIL.pdf');
    const zone = root.querySelector<HTMLElement>('.dropzone[data-kind="invoice"]')!;
    const FrameDataTransfer = (frame.contentWindow as unknown as { DataTransfer: typeof DataTransfer }).DataTransfer;
    const FrameDragEvent = (frame.contentWindow as unknown as { DragEvent: typeof DragEvent }).DragEvent;
    const FrameFile = (frame.contentWindow as unknown as { File: typeof File }).File;
    const transfer = new FrameDataTransfer();
    transfer.items.add(new FrameFile([await file.arrayBuffer()], file.name, { type: 'application/pdf' }));
    const box = zone.getBoundingClientRect();
    const at = { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer, clientX: box.left + 10, clientY: box.top + 10 };
    zone.dispatchEvent(new FrameDragEvent('dragenter', at));
    const target = root.elementFromPoint(at.clientX, at.clientY)!;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new FrameDragEvent(type, at));
    const row = await until(() => root.querySelector('li.invoice'), 5000, 'the row');
    await until(() => text(row.querySelector('.file .state')) === 'Chargé', 5000, 'uploaded');
    [...row.querySelectorAll('label')].find((l) => text(l).includes("en tant qu'adhérent"))!.querySelector('input')!.click();
    const send = root.querySelector<HTMLButtonElement>('[part="send"]')!;
    await until(() => !send.disabled, 3000, 'ready');
    send.click();
    const validate = await until(() => deposit.querySelector('akto-invoice-validate')?.shadowRoot, 5000, 'step 2');
    await until(() => validate.querySelector('tbody tr'), 5000, 'the pending invoice');
    const preview = await until(() => validate.querySelector('akto-pdf-preview')?.shadowRoot, 5000, 'the preview');
    const canvas = await until(() => preview.querySelector<HTMLCanvasElement>('canvas:not([hidden])'), 8000, 'the page drawn');
    await until(() => canvas.width > 0, 5000, 'a drawn page');
    [...validate.querySelectorAll<HTMLButtonElement>('tbody button')].find((b) => text(b) === 'Valider')!.click();
    await until(() => (deposit.host as HTMLElement & { step: string }).step === 'done', 5000, 'validated');
  });
});
