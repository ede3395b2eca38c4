import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LatestLookupController } from '../../src/core/latest-lookup-controller.js';
import { ValidationFormController } from '../../src/core/validation-form-controller.js';
import { fail, type FieldValues } from '../../src/rules/index.js';
import { FIELD_KEYS, FIELD_SPECS, type FieldKey } from '../../src/rules/fields.js';

/** A host that counts the renders asked of it and can be disconnected. */
class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  updateComplete = Promise.resolve(true);
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  disconnect() {
    this.controllers.forEach((c) => c.hostDisconnected?.());
  }
}

const values: FieldValues = { invoiceNumber: 'FA-1', amountHT: '100', amountTTC: '120', dossiers: ['2206AF000358'], invoiceDate: '26/06/2026', siret: '82409268800236' };
const context = { creditNote: false, depositDate: '2026-07-01' };
const messages = (host = new Host()) => new ValidationFormController(host, { message: (failure) => `msg:${failure.code}` });

describe('ValidationFormController', () => {
  it('gives every field’s problem by the catalogue’s rules, through one message function', () => {
    const form = messages();
    expect(form.errors('a', values, context)).to.deep.equal({});
    expect(form.errors('a', { ...values, invoiceNumber: '', amountTTC: '10', dossiers: [] }, context)).to.deep.equal({
      invoiceNumber: 'msg:invoiceNumberRequired',
      amountTTC: 'msg:amountTtcBelowHt',
      dossiers: 'msg:dossierRequired',
    });
  });

  it('puts a look-up’s verdict over the rule, and the server’s word over both', () => {
    const form = messages();
    expect(form.errors('a', values, context, { siret: fail('siretClosed') })).to.deep.equal({ siret: 'msg:siretClosed' });
    const landed = form.serverSaid('a', [
      { field: 'dossiers', message: "Ce dossier n'existe pas pour cette entité." },
      { field: 'creditNote', message: 'not a field A–F' },
    ]);
    expect(landed).to.deep.equal({ dossiers: "Ce dossier n'existe pas pour cette entité." });
    expect(form.errors('a', values, context)).to.deep.equal(landed);
    expect(form.errors('b', values, context)).to.deep.equal({}); // each form its own
  });

  it('shows a problem once touched, after « Valider », or when the server named the field', () => {
    const host = new Host();
    const form = messages(host);
    expect(form.shown('a', 'siret')).to.equal(false);
    form.touch('a', 'siret');
    expect(form.shown('a', 'siret')).to.equal(true);
    expect(form.shown('a', 'invoiceNumber')).to.equal(false);
    expect(form.isTouched('a')).to.equal(true);
    expect(form.isTouched('a', 'dossiers')).to.equal(false);
    form.serverSaid('a', [{ field: 'dossiers', message: 'x' }]);
    expect(form.shown('a', 'dossiers')).to.equal(true);
    form.attempt('a');
    expect(form.shown('a', 'invoiceNumber')).to.equal(true);
    expect(host.updates).to.equal(3);
    form.touch('a', 'siret'); // already: nothing changes, nothing to draw
    expect(host.updates).to.equal(3);
  });

  it('forgets the server’s word on an edited field, and on the fields checked with it (HT and TTC)', () => {
    const form = messages();
    form.serverSaid('a', [
      { field: 'amountHT', message: 'ht' },
      { field: 'amountTTC', message: 'ttc' },
      { field: 'siret', message: 'siret' },
    ]);
    const before = form.state('a');
    form.edited('a', 'amountTTC');
    expect(form.state('a').server).to.deep.equal({ siret: 'siret' });
    expect(before.server).to.have.keys('amountHT', 'amountTTC', 'siret'); // replaced, not changed in place
    form.forget('a');
    expect(form.state('a')).to.deep.equal({ touched: [], attempted: false, server: {} });
  });

  it('checks again only the field edited and the one checked with it (HT and TTC), not the others', () => {
    const form = messages();
    const calls: string[] = [];
    const specs = FIELD_SPECS as unknown as Record<FieldKey, { check: (...args: unknown[]) => unknown }>;
    const originals = Object.fromEntries(FIELD_KEYS.map((key) => [key, specs[key].check])) as Record<FieldKey, (...args: unknown[]) => unknown>;
    for (const key of FIELD_KEYS) specs[key].check = (...args) => (calls.push(key), originals[key](...args));
    try {
      form.errors('a', values, context);
      expect(calls).to.have.length(6);
      calls.length = 0;
      expect(form.errors('a', { ...values, invoiceNumber: '' }, { ...context })).to.deep.equal({ invoiceNumber: 'msg:invoiceNumberRequired' });
      expect(calls).to.deep.equal(['invoiceNumber']);
      calls.length = 0;
      expect(form.errors('a', { ...values, invoiceNumber: '', amountTTC: '10' }, context)).to.deep.equal({ invoiceNumber: 'msg:invoiceNumberRequired', amountTTC: 'msg:amountTtcBelowHt' });
      expect(calls).to.deep.equal(['amountHT', 'amountTTC']);
      // Another form, or the same with another context (an avoir), is checked whole.
      calls.length = 0;
      form.errors('b', values, context);
      form.errors('a', { ...values, invoiceNumber: '', amountTTC: '10' }, { ...context, creditNote: true });
      expect(calls).to.have.length(12);
    } finally {
      for (const key of FIELD_KEYS) specs[key].check = originals[key];
    }
  });

  it('names the first field with a problem in the guide’s order', () => {
    expect(ValidationFormController.firstInvalid({ siret: 'x', amountTTC: 'y' })).to.equal('amountTTC');
    expect(ValidationFormController.firstInvalid({})).to.equal(undefined);
  });
});

describe('LatestLookupController', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('waits for the typing to stop: only the last of quick calls runs', async () => {
    const lookups = new LatestLookupController(new Host());
    const ran: string[] = [];
    for (const q of ['2', '21', '210']) lookups.later('d', 20, async () => void ran.push(q));
    await wait(60);
    expect(ran).to.deep.equal(['210']);
  });

  it('aborts the older request when a newer one starts, per key only', async () => {
    const lookups = new LatestLookupController(new Host());
    const signals: Record<string, AbortSignal> = {};
    const hang = (name: string) => (signal: AbortSignal) => ((signals[name] = signal), new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())));
    lookups.later('siret-a', 0, hang('first'));
    lookups.later('siret-b', 0, hang('other'));
    await wait(10);
    lookups.later('siret-a', 0, hang('second'));
    await wait(10);
    expect(signals.first!.aborted).to.equal(true);
    expect(signals.second!.aborted).to.equal(false);
    expect(signals.other!.aborted).to.equal(false);
    expect(lookups.pending).to.equal(2);
  });

  it('cancels the waits and aborts the requests when the host leaves', async () => {
    const host = new Host();
    const lookups = new LatestLookupController(host);
    let started = false;
    let signal: AbortSignal | undefined;
    lookups.later('a', 0, (s) => ((signal = s), new Promise<void>(() => {})));
    lookups.later('b', 30, async () => void (started = true));
    await wait(10);
    host.disconnect();
    await wait(50);
    expect(signal!.aborted).to.equal(true);
    expect(started).to.equal(false);
    expect(lookups.pending).to.equal(0);
  });
});
