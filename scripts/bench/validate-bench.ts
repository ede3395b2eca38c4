/**
 * Runs in scripts/bench/validate.html on the production script: 50 pending invoices (deposited
 * through the mock API beforehand, not timed), then three times: the table's first screen painted
 * (rows down to the bottom of the window, or every row: the element draws a long table's first
 * screen first, the rest in the next task), every row drawn and painted, an edit of every row
 * painted (at once, then again with the page at rest), and « Valider » on all 50 until the table
 * is empty.
 *
 * Beside each run, its floor (issue 18), in the same page: the same 50 rows as plain HTML written
 * with one `innerHTML` in a shadow root carrying the element's own stylesheets, from the same
 * request (JSON parsing included, no schema check) to the painted table (`floorRender`); then the
 * same 50 invoice numbers typed into it, to the painted frame, as ours is typed: right after a
 * painted frame (`floorEdit`), and at rest (`floorEditAtRest`). Nothing in it checks a rule, looks
 * anything up or reads a PDF: that is the point of a floor.
 *
 * Each edit and its floor start at the same point of the frame interval. An edit made right after
 * a frame is painted waits for the next one, about 16.7 ms at 60 Hz, whoever makes it; made at a
 * random point (at rest), it waits less than that. The floor's edit used to start right after its
 * heavy first frame, which had run into the next interval: the next frame came at once (an
 * animation frame 0.3 ms later, against 11–21 ms after our rows' last, light frame), and the floor
 * looked three times as fast as ours. Started, as ours, after a light frame, it took 20.6 ms.
 *
 * Those are 50 edits at once, a stress. An edit as a user makes it is one key: `keystrokeMount`,
 * `keystrokeArm` and `keystrokePainted` let bench.mjs press it for real (see below), in ours and in
 * the floor.
 */
import { ApiClient } from '../../src/api/client.js';
import type { PendingInvoice } from '../../src/api/schemas.js';
import { createMockBackend } from '../../src/mocks/index.js';
import { nextPaint, when } from './page-tools.js';

declare global {
  interface Window {
    benchValidate: (runs: number) => Promise<{ render: number[]; drawn: number[]; edit: number[]; editAtRest: number[]; validate: number[]; floorRender: number[]; floorEdit: number[]; floorEditAtRest: number[] }>;
    keystrokeMount: (side: 'ours' | 'floor') => Promise<void>;
    keystrokeArm: () => Promise<void>;
    keystrokePainted: () => Promise<number>;
    keystrokeValue: () => string;
  }
}

const ENTITY = '527319461';
const mock = createMockBackend({ baseUrl: '/api' });
const ready = mock.start();
const api = new ApiClient({ baseUrl: '/api' });

async function fiftyPending(): Promise<void> {
  mock.reset();
  const pdf = await (await fetch('/demo/samples/facture-2606-calcul-mental.pdf')).blob();
  const uploads = await Promise.all(Array.from({ length: 50 }, (_, i) => api.upload(pdf, 'invoice', `facture-${i + 1}.pdf`)));
  await api.call('createDeposit', { params: { siren: ENTITY }, body: { invoices: uploads.map((u) => ({ uploadId: u.id, creditNote: false, salaryCosts: false, supportingUploadIds: [], derogation: 'adherent' as const })) } });
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
const FIELDS = [
  ['invoiceNumber', 'A', 'Numéro de facture'],
  ['amountHT', 'B', 'Montant HT'],
  ['amountTTC', 'C', 'Montant TTC'],
  ['dossiers', 'D', 'Dossier(s)'],
  ['invoiceDate', 'E', 'Date facture'],
  ['siret', 'F', 'SIRET'],
] as const;

/** Step 2's table as one string: the same cells, inputs, classes and buttons, the values as the server gave them. */
function floorTable(items: PendingInvoice[]): string {
  const input = (field: string, id: string, value: unknown) => `<input type="text" id="${field}-${id}" autocomplete="off" aria-labelledby="col-${field} name-${id}" aria-invalid="false" value="${escape(value === null || value === undefined ? '' : String(value))}" />`;
  const head = `<tr><th scope="col" id="col-file" class="file-col">Fichier</th>${FIELDS.map(([key, letter, label]) => `<th scope="col" id="col-${key}"><span class="letter" aria-hidden="true">${letter} </span>${label}</th>`).join('')}<th scope="col" class="sent-col">Envoyé le</th><th scope="col" class="actions-col"><span class="visually-hidden">Actions</span></th></tr>`;
  const rows = items.map((p) => {
    const f = p.fields as unknown as Record<string, unknown>;
    const cells = FIELDS.map(([key, letter, label]) =>
      key === 'dossiers'
        ? `<td data-letter="D" data-label="${label}"><ul class="dossiers">${(f.dossiers as string[]).map((d, i) => `<li><span class="number">${escape(d)}</span><button class="mini" type="button" id="dossier-${p.id}-${i}">−</button></li>`).join('')}</ul><div class="add"><input type="text" id="dossiers-${p.id}" autocomplete="off" aria-label="Ajouter un dossier" /><button class="mini" type="button">+</button></div></td>`
        : `<td data-letter="${letter}" data-label="${label}" class="${key.startsWith('amount') ? 'num' : ''}">${input(key, p.id, f[key])}</td>`,
    ).join('');
    return `<tr><th scope="row" id="row-${p.id}"><input type="checkbox" aria-label="Sélectionner ${escape(p.fileName)}" /> <span class="file-name" id="name-${p.id}">${escape(p.fileName)}</span></th>${cells}<td data-label="Envoyé le" class="sent">${escape(p.sentAt)}</td><td class="row-actions"><div class="actions"><button class="button secondary">Aperçu</button><button class="button quiet">Supprimer</button><button class="button">Valider</button></div></td></tr>`;
  });
  return `<section><h2>2. Validation</h2><div class="layout no-preview"><div class="main"><table part="table"><caption>${items.length} factures</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div></div></section>`;
}

/** The rows drawn reach the bottom of the window, or every row is drawn: what a user sees first is there. */
function firstScreen(rows: NodeListOf<Element>, count: number): boolean {
  return rows.length >= count || (rows.length > 0 && rows[rows.length - 1]!.getBoundingClientRect().bottom >= innerHeight);
}

/**
 * Resolves once the page is at rest: five idle periods in a row with (nearly) their whole 50 ms
 * to spare, i.e. no task of this page for about 250 ms (10 s at most).
 */
async function atRest(): Promise<void> {
  const end = performance.now() + 10_000;
  for (let quiet = 0; quiet < 5 && performance.now() < end; ) {
    const deadline = await new Promise<IdleDeadline>((resolve) => requestIdleCallback(resolve));
    quiet = deadline.timeRemaining() >= 45 ? quiet + 1 : 0;
  }
}

/**
 * Types a new invoice number in each row (unique: the 50 share one PDF, hence one number), an
 * input event each, and gives the time to the painted frame. The inputs are found as the floor's
 * are, with one query; that the element kept every value typed is checked after the timing (the
 * check is the bench's work, not the element's).
 */
async function typeInEveryRow(root: ShadowRoot, prefix: string): Promise<number> {
  const inputs = () => root.querySelectorAll<HTMLInputElement>('input[id^="invoiceNumber-"]');
  const value = (i: number) => `${prefix}-${String(i + 1).padStart(4, '0')}`;
  const started = performance.now();
  inputs().forEach((input, i) => {
    input.value = value(i);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
  const painted = (await nextPaint()) - started;
  if (![...inputs()].every((input, i) => input.value === value(i))) throw new Error('bench: step 2 lost a value typed');
  return painted;
}

/** Types the invoice numbers into the floor's inputs (no rule, no event) and gives the time to the painted frame. */
async function typeInFloor(root: ShadowRoot, prefix: string): Promise<number> {
  const started = performance.now();
  root.querySelectorAll<HTMLInputElement>('input[id^="invoiceNumber-"]').forEach((input, i) => (input.value = `${prefix}-${String(i + 1).padStart(4, '0')}`));
  return (await nextPaint()) - started;
}

/** Step 2 on the stage, for the entity of the 50 pending invoices; its shadow root once defined. */
async function mountStep(stage: HTMLElement): Promise<ShadowRoot> {
  const step = document.createElement('akto-invoice-validate');
  step.setAttribute('api-base', '/api');
  step.setAttribute('entity', ENTITY);
  stage.replaceChildren(step);
  await customElements.whenDefined('akto-invoice-validate');
  return step.shadowRoot!;
}

/** The floor's empty shadow root on the stage, carrying the element's own stylesheets (its definition loaded for them, as ours loads it). */
async function floorRoot(stage: HTMLElement): Promise<ShadowRoot> {
  const script = '/dist/akto-invoice-widget.js';
  await ((await import(/* @vite-ignore */ script)) as { loadElement(tag: string): Promise<void> }).loadElement('akto-invoice-validate');
  const styles = (customElements.get('akto-invoice-validate') as unknown as { elementStyles: (CSSStyleSheet | { styleSheet: CSSStyleSheet })[] }).elementStyles;
  const host = document.createElement('div');
  stage.replaceChildren(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = styles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet));
  return root;
}

/** The floor's table: the pending invoices asked for, their JSON parsed (no schema check), written as one string. */
async function drawFloor(root: ShadowRoot): Promise<void> {
  const { items } = (await (await fetch(`/api/entities/${ENTITY}/pending-invoices`)).json()) as { items: PendingInvoice[] };
  root.innerHTML = floorTable(items);
}

/** The floor of one run: the same answer drawn as plain HTML, then the same edits, each to its painted frame. */
async function floorRun(stage: HTMLElement): Promise<{ render: number; edit: number; editAtRest: number }> {
  const root = await floorRoot(stage);
  const started = performance.now();
  await drawFloor(root);
  const render = (await nextPaint()) - started;
  // As ours: right after a light frame (the rows' first frame, heavy, ends in the next interval).
  await nextPaint();
  const edit = await typeInFloor(root, 'FA-2026');
  await atRest();
  const editAtRest = await typeInFloor(root, 'FB-2026');
  stage.replaceChildren();
  return { render, edit, editAtRest };
}

window.benchValidate = async (runs) => {
  await ready;
  await customElements.whenDefined('akto-invoice-list'); // the script is loaded
  const render: number[] = [];
  const drawn: number[] = [];
  const edit: number[] = [];
  const editAtRest: number[] = [];
  const validate: number[] = [];
  const floorRender: number[] = [];
  const floorEdit: number[] = [];
  const floorEditAtRest: number[] = [];
  const stage = document.getElementById('stage')!;
  for (let run = 0; run < runs; run++) {
    await fiftyPending();
    const started = performance.now();
    performance.mark('render-start');
    const root = await mountStep(stage);
    const rows = () => root.querySelectorAll('tbody tr');
    await when(root, () => firstScreen(rows(), 50));
    render.push((await nextPaint()) - started);
    performance.mark('render-end');
    await when(root, () => rows().length === 50);
    drawn.push((await nextPaint()) - started);

    // An edit in every row at once: its frames are shared with the start of the background work
    // that waits for every row (the 50 PDF readings, the preview's download, INSEE).
    performance.mark('edit-start');
    edit.push(await typeInEveryRow(root, 'FA-2026'));
    performance.mark('edit-end');
    // The same once that work is over: the edit alone.
    await atRest();
    editAtRest.push(await typeInEveryRow(root, 'FB-2026'));

    const validateStart = performance.now();
    root.querySelector<HTMLInputElement>('.bulk input[type=checkbox]')!.click();
    await when(root, () => Boolean([...root.querySelectorAll<HTMLButtonElement>('.bulk button')].length));
    root.querySelector<HTMLButtonElement>('.bulk button')!.click();
    await when(root, () => rows().length === 0);
    validate.push((await nextPaint()) - validateStart);

    // The floor, on the same invoices (deposited again: « Valider » took them).
    await fiftyPending();
    const floor = await floorRun(stage);
    floorRender.push(floor.render);
    floorEdit.push(floor.edit);
    floorEditAtRest.push(floor.editAtRest);
  }
  stage.replaceChildren();
  return { render, drawn, edit, editAtRest, validate, floorRender, floorEdit, floorEditAtRest };
};

/*
 * One keystroke, as a user types it: the key is pressed by bench.mjs through the browser's own
 * input pipeline (Playwright's keyboard, CDP Input.dispatchKeyEvent), into the first row's
 * invoice number, the page at rest, and timed from the keydown's timestamp to the painted frame.
 * The floor: the same key in the same input of the plain table (no rule, no handler).
 */
let keystrokeInput: HTMLInputElement | null = null;
let keystrokeTimed: Promise<number> | null = null;

/** Step 2 (or its floor) with the 50 pending invoices, every row drawn and every reading over; the focus in the first invoice number. */
window.keystrokeMount = async (side) => {
  await ready;
  await fiftyPending();
  const stage = document.getElementById('stage')!;
  let root: ShadowRoot;
  if (side === 'ours') {
    root = await mountStep(stage);
    await when(root, () => root.querySelectorAll('tbody tr').length === 50);
  } else {
    root = await floorRoot(stage);
    await drawFloor(root);
  }
  keystrokeInput = root.querySelector<HTMLInputElement>('input[id^="invoiceNumber-"]')!;
  keystrokeInput.focus();
  keystrokeInput.setSelectionRange(keystrokeInput.value.length, keystrokeInput.value.length);
};

/** Waits for the page to be at rest, then times the next keydown to the frame painted after it. */
window.keystrokeArm = async () => {
  await atRest();
  keystrokeTimed = new Promise((resolve) =>
    addEventListener('keydown', (event) => void nextPaint().then((painted) => resolve(painted - event.timeStamp)), { capture: true, once: true }),
  );
};

/** The last keystroke's time to its painted frame; fails if the input lost the focus (the next key would go elsewhere). */
window.keystrokePainted = async () => {
  const time = await keystrokeTimed!;
  await nextPaint();
  if ((keystrokeInput?.getRootNode() as ShadowRoot | undefined)?.activeElement !== keystrokeInput) throw new Error('bench: the keystroke input lost the focus');
  return time;
};

/** What the first row's invoice number holds now: bench.mjs checks that every key typed was kept. */
window.keystrokeValue = () => keystrokeInput?.value ?? '';
