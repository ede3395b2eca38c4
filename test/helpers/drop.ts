/**
 * Files dragged into the page, as the browser says it first: a `dragenter` on whatever the pointer
 * enters, long before it reaches a drop zone. Step 1 attaches FilePond then (not before: its
 * painter runs every frame while attached).
 */
export function dragIntoPage(page: Document = document): void {
  const realm = page.defaultView as Window & typeof globalThis; // a frame's page takes its own realm's events
  const transfer = new realm.DataTransfer();
  transfer.items.add(new realm.File(['%PDF-1.7'], 'dragged.pdf', { type: 'application/pdf' }));
  page.body.dispatchEvent(new realm.DragEvent('dragenter', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
}

/** A drag and drop of files as the browser delivers it: to whatever is under the pointer. */
export async function dropFiles(zone: HTMLElement, files: File[]): Promise<void> {
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  zone.scrollIntoView({ block: 'center' });
  const box = zone.getBoundingClientRect();
  const at = { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer, clientX: box.left + 10, clientY: box.top + 10 };
  zone.dispatchEvent(new DragEvent('dragenter', at));
  const root = zone.getRootNode() as ShadowRoot | Document;
  const target = root.elementFromPoint(at.clientX, at.clientY)!;
  target.dispatchEvent(new DragEvent('dragenter', at));
  target.dispatchEvent(new DragEvent('dragover', at));
  target.dispatchEvent(new DragEvent('drop', at));
}

/** What a file input hands over when the user picks files in the browser's dialog. */
export function chooseFiles(element: HTMLElement, inputId: string, files: File[]): void {
  const input = element.shadowRoot!.getElementById(inputId) as HTMLInputElement;
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * What a user does to add supporting documents to an invoice's row: « Ajouter des pièces
 * justificatives » on that row (the step's one picker for them, opened for this row), then picks.
 */
export function chooseSupporting(element: HTMLElement, row: HTMLElement, files: File[]): void {
  row.querySelector<HTMLButtonElement>('.dropzone.small button')!.click();
  chooseFiles(element, 'supporting-input', files);
}
