import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement, css, html as litHtml } from 'lit';
import { DropTargetController } from '../../src/core/drop-target.js';
import { dragIntoPage, dropFiles } from '../helpers/drop.js';
import { until } from '../helpers/mock.js';

/** Two drop zones in one area, as step 1 has the invoices' zone and a zone per row. */
class DropHost extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { position: relative; display: grid; gap: 16px; padding: 16px; }
    .dropzone { height: 80px; border: 1px dashed; }
  `;
  drops: [string[], string | undefined][] = [];
  drop = new DropTargetController(this, {
    area: () => this.shadowRoot?.querySelector('section'),
    zones: () => [...(this.shadowRoot?.querySelectorAll<HTMLElement>('.dropzone') ?? [])],
    onDrop: (files, zone) => this.drops.push([files.map((f) => f.name), zone?.id]),
  });
  override render() {
    return litHtml`<section>
      <div class="dropzone" id="first" @click=${this.drop.onZoneClick}><button>Choisir</button><input type="file" hidden /></div>
      <div class="dropzone" id="second"></div>
    </section>`;
  }
}
customElements.define('drop-target-host', DropHost);

const zone = (el: DropHost, id: string) => el.shadowRoot!.getElementById(id)!;
const file = (name: string) => new File(['%PDF-1.7'], name, { type: 'application/pdf' });

describe('DropTargetController', () => {
  it('imports FilePond once files are dragged into the page, not before (its painter then runs every frame), and attaches it to the area rendered anew', async () => {
    const el = await fixture<DropHost>(html`<drop-target-host></drop-target-host>`);
    // Every animation frame asked for while the page is idle (FilePond's painter asks for each one).
    let frames = 0;
    const request = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => (frames++, request.call(window, callback));
    try {
      await new Promise((resolve) => setTimeout(resolve, 500)); // time for the module to load, were it to be imported at once
      expect(frames, 'no frame asked for by an idle drop area').to.equal(0);
      expect('__framePainter' in window, "FilePond's painter not started").to.equal(false);
      expect(el.shadowRoot!.querySelector('.filepond--root'), 'no FilePond before a drag').to.equal(null);
      const text = new DataTransfer();
      text.setData('text/plain', 'not files');
      document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, composed: true, dataTransfer: text }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(el.shadowRoot!.querySelector('.filepond--root'), 'nor for text dragged').to.equal(null);
      dragIntoPage();
      await until(() => el.shadowRoot!.querySelector('.filepond--root'), 4000, 'FilePond attached');
      el.requestUpdate(); // the same area: FilePond stays
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('.filepond--root')).to.have.length(1);
    } finally {
      window.requestAnimationFrame = request;
    }
  });

  it('takes files dropped before FilePond is there (its module still loading), on the zone under them', async () => {
    const el = await fixture<DropHost>(html`<drop-target-host></drop-target-host>`);
    const second = zone(el, 'second');
    const transfer = new DataTransfer();
    transfer.items.add(file('early.pdf'));
    const box = second.getBoundingClientRect();
    const at = { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer, clientX: box.left + 10, clientY: box.top + 10 };
    // Straight onto the zone from outside the window, and dropped at once: one dragenter for the page and the zone.
    second.dispatchEvent(new DragEvent('dragenter', at));
    const over = new DragEvent('dragover', at);
    second.dispatchEvent(over);
    expect(over.defaultPrevented, 'the drop allowed').to.equal(true);
    expect(second.hasAttribute('data-dragging')).to.equal(true);
    const drop = new DragEvent('drop', at);
    second.dispatchEvent(drop);
    expect(drop.defaultPrevented, 'not opened by the browser in place of the page').to.equal(true);
    expect(el.shadowRoot!.querySelector('.filepond--root'), 'FilePond still loading').to.equal(null);
    await until(() => el.drops.length, 2000, 'the drop');
    expect(el.drops).to.deep.equal([[['early.pdf'], 'second']]);
    expect(second.hasAttribute('data-dragging')).to.equal(false);
    await until(() => el.shadowRoot!.querySelector('.filepond--root'), 4000, 'FilePond attached after');
  });

  it("takes files dropped where FilePond's layer does not yet cover (no dragenter on the area since it was attached)", async () => {
    const el = await fixture<DropHost>(html`<drop-target-host></drop-target-host>`);
    dragIntoPage();
    const pond = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.filepond--root'), 4000, 'FilePond attached');
    expect(pond.style.pointerEvents).to.equal('none');
    const first = zone(el, 'first');
    const transfer = new DataTransfer();
    transfer.items.add(file('late.pdf'));
    const box = first.getBoundingClientRect();
    const at = { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer, clientX: box.left + 10, clientY: box.top + 10 };
    const over = new DragEvent('dragover', at);
    first.dispatchEvent(over);
    expect(over.defaultPrevented, 'the drop allowed').to.equal(true);
    const drop = new DragEvent('drop', at);
    first.dispatchEvent(drop);
    expect(drop.defaultPrevented).to.equal(true);
    await until(() => el.drops.length, 2000, 'the drop');
    expect(el.drops).to.deep.equal([[['late.pdf'], 'first']]);
  });

  it('attaches FilePond to the area, hidden from assistive technology, and routes each drop to the zone under it', async function () {
    this.timeout(20_000); // FilePond's own pipeline is slow on a busy machine
    const el = await fixture<DropHost>(html`<drop-target-host></drop-target-host>`);
    dragIntoPage();
    const pond = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.filepond--root'), 4000, 'FilePond attached');
    await until(() => el.shadowRoot!.querySelector('.filepond--hopper'), 3000, 'FilePond listening');
    expect(pond.getAttribute('aria-hidden')).to.equal('true');
    await dropFiles(zone(el, 'second'), [file('a.pdf'), file('b.pdf')]);
    await until(() => el.drops.length === 1, 8000, 'the drop');
    expect(el.drops[0]).to.deep.equal([['a.pdf', 'b.pdf'], 'second']);
    await until(() => pond.style.pointerEvents === 'none', 3000, 'the layer gone');
    await dropFiles(zone(el, 'first'), [file('c.pdf')]);
    await until(() => el.drops.length === 2, 8000, 'the second drop');
    expect(el.drops[1]).to.deep.equal([['c.pdf'], 'first']);
  });

  it('marks the zone dragged over with data-dragging, only while dragging', async () => {
    const el = await fixture<DropHost>(html`<drop-target-host></drop-target-host>`);
    dragIntoPage();
    await until(() => el.shadowRoot!.querySelector('.filepond--root'), 4000, 'FilePond attached');
    const second = zone(el, 'second');
    const box = second.getBoundingClientRect();
    const transfer = new DataTransfer();
    transfer.items.add(file('a.pdf'));
    const at = { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer, clientX: box.left + 10, clientY: box.top + 10 };
    second.dispatchEvent(new DragEvent('dragenter', at));
    second.dispatchEvent(new DragEvent('dragover', at));
    expect(second.hasAttribute('data-dragging')).to.equal(true);
    expect(zone(el, 'first').hasAttribute('data-dragging')).to.equal(false);
    el.shadowRoot!.querySelector('section')!.dispatchEvent(new DragEvent('dragleave', { ...at, relatedTarget: document.body }));
    expect(second.hasAttribute('data-dragging')).to.equal(false);
  });

  it("opens the zone's file picker on a click anywhere in it but its own controls, and lets go of FilePond off the page", async () => {
    const el = await fixture<DropHost>(html`<drop-target-host></drop-target-host>`);
    dragIntoPage();
    await until(() => el.shadowRoot!.querySelector('.filepond--root'), 4000, 'FilePond attached');
    const input = zone(el, 'first').querySelector<HTMLInputElement>('input[hidden]')!;
    let clicks = 0;
    input.addEventListener('click', (event) => {
      event.preventDefault();
      clicks++;
    });
    zone(el, 'first').querySelector('button')!.click();
    expect(clicks, 'the button is its own control').to.equal(0);
    setTimeout(() => zone(el, 'first').click());
    await oneEvent(input, 'click');
    el.remove();
    expect(el.shadowRoot!.querySelector('.filepond--root'), 'FilePond destroyed').to.equal(null);
  });
});
