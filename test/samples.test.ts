// Checks the generated sample invoices (scripts/make-samples.mjs) against their manifest, with pdf.js
// in the browser: what the manifest says each PDF carries must be in its text layer, or its Factur-X XML.
import { expect } from '@open-wc/testing';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

interface SampleEntry {
  file: string;
  kind: 'invoice' | 'credit-note' | 'fixture';
  size: number;
  pages: number | null;
  problem?: 'not-pdf' | 'empty' | 'damaged' | 'scan' | 'encrypted';
  invoiceNumber?: string;
  issueDate?: string;
  amountHT?: number;
  amountTVA?: number;
  amountTTC?: number;
  vatRate?: number;
  vatExempt?: boolean;
  siret?: string;
  siren?: string;
  nda?: string;
  sellerName?: string;
  buyerName?: string;
  buyerSiren?: string;
  dossiers?: string[];
  decoys?: string[];
  creditedInvoice?: string;
  facturX?: boolean;
  purpose?: string;
  source?: string;
  userPassword?: string;
  hostileName?: string;
}
type Invoice = Required<Pick<SampleEntry, 'invoiceNumber' | 'issueDate' | 'amountHT' | 'amountTVA' | 'amountTTC' | 'vatRate' | 'siret' | 'siren' | 'nda' | 'buyerSiren' | 'dossiers' | 'facturX'>> & SampleEntry;

const DOSSIER = /^\d{2}(0[1-9]|1[0-2])(?:[A-Z]{2}\d{6}|[A-Z]{3}\d{5})$/;
const RAM = 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100';
const RSM = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';
const UDT = 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100';

const manifest: SampleEntry[] = await (await fetch('/demo/samples/samples.json')).json();
const invoices = manifest.filter((e): e is Invoice => e.kind !== 'fixture');
const fixture = (problem: SampleEntry['problem']) => {
  const entry = manifest.find((e) => e.problem === problem);
  if (!entry) throw new Error(`no ${problem} fixture in the manifest`);
  return entry;
};

const urlOf = (file: string) => `/${file.split('/').map(encodeURIComponent).join('/')}`;
async function bytesOf(file: string): Promise<Uint8Array> {
  const response = await fetch(urlOf(file));
  expect(response.ok, `${file} is served`).to.equal(true);
  return new Uint8Array(await response.arrayBuffer());
}
function open(data: Uint8Array, password?: string) {
  return pdfjs.getDocument({
    data,
    password,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    standardFontDataUrl: '/node_modules/pdfjs-dist/standard_fonts/',
  });
}
async function pageTexts(doc: pdfjs.PDFDocumentProxy): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ').trim());
  }
  return texts;
}
/** 1234.5 → "1 234,50 €", the way the samples print amounts (plain spaces). */
function euros(amount: number): string {
  const cents = Math.round(amount * 100);
  const abs = Math.abs(cents);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${cents < 0 ? '-' : ''}${int},${String(abs % 100).padStart(2, '0')} €`;
}
const frDate = (iso: string) => iso.split('-').reverse().join('/');
const luhn = (digits: string) =>
  [...digits].reverse().reduce((sum, c, i) => {
    const d = Number(c) * (i % 2 ? 2 : 1);
    return sum + (d > 9 ? d - 9 : d);
  }, 0) %
    10 ===
  0;
/** Whether pdf.js refuses the file: it fails to load, has no pages, or its first page cannot be read. */
async function refuses(data: Uint8Array): Promise<{ refused: boolean; reason: string }> {
  const task = open(data);
  try {
    const doc = await task.promise;
    if (doc.numPages === 0) return { refused: true, reason: 'no pages' };
    try {
      const text = await pageTexts(doc);
      return { refused: false, reason: `${doc.numPages} page(s), text: ${text.join(' | ').slice(0, 80)}` };
    } catch (error) {
      return { refused: true, reason: `page unreadable: ${(error as Error).name}` };
    }
  } catch (error) {
    return { refused: true, reason: `load failed: ${(error as Error).name}: ${(error as Error).message}` };
  } finally {
    await task.destroy();
  }
}

describe('sample invoices (demo/samples/samples.json)', () => {
  it('lists every generated file with its exact size, and sane values', async () => {
    expect(invoices.length).to.be.greaterThanOrEqual(8);
    expect(manifest.filter((e) => e.kind === 'credit-note')).to.have.length.greaterThanOrEqual(1);
    expect(invoices.some((e) => e.dossiers.length >= 3)).to.equal(true);
    expect(invoices.some((e) => e.decoys?.length)).to.equal(true);
    for (const problem of ['not-pdf', 'empty', 'damaged', 'scan', 'encrypted'] as const) fixture(problem);
    for (const entry of manifest) {
      const bytes = await bytesOf(entry.file);
      expect(bytes.length, entry.file).to.equal(entry.size);
    }
    for (const e of invoices) {
      expect(e.siret, e.file).to.match(/^\d{14}$/);
      expect(luhn(e.siret), `${e.file}: SIRET ${e.siret} passes Luhn`).to.equal(true);
      expect(e.siret.startsWith(e.siren)).to.equal(true);
      expect(luhn(e.siren) && luhn(e.buyerSiren), `${e.file}: SIREN`).to.equal(true);
      expect(e.nda).to.match(/^\d{11}$/);
      expect(e.issueDate >= '2025-01-01' && e.issueDate <= '2026-11-27', `${e.file}: ${e.issueDate}`).to.equal(true);
      expect(Math.round((e.amountHT + e.amountTVA) * 100), `${e.file}: TTC = HT + TVA`).to.equal(Math.round(e.amountTTC * 100));
      expect(e.dossiers.length).to.be.greaterThan(0);
      for (const d of e.dossiers) expect(d, e.file).to.match(DOSSIER);
      for (const d of e.decoys ?? []) expect(d, e.file).not.to.match(DOSSIER);
      if (e.kind === 'credit-note') expect(e.amountTTC).to.be.lessThan(0);
      else expect(e.amountTTC).to.be.greaterThanOrEqual(e.amountHT);
    }
  });

  for (const entry of invoices) {
    describe(entry.file, () => {
      it('shows its values in the text layer', async () => {
        const task = open(await bytesOf(entry.file));
        try {
          const doc = await task.promise;
          expect(doc.numPages).to.equal(entry.pages);
          const text = (await pageTexts(doc)).join(' ');
          const must = [
            `${entry.kind === 'credit-note' ? 'AVOIR' : 'FACTURE'} N° ${entry.invoiceNumber}`,
            `Date : ${frDate(entry.issueDate)}`,
            `SIRET : ${entry.siret}`,
            `N° de déclaration d'activité (NDA) : ${entry.nda}`,
            `SIREN : ${entry.buyerSiren}`,
            ...entry.dossiers,
            'Total HT',
            euros(entry.amountHT),
            euros(entry.amountTVA),
            'Total TTC',
            euros(entry.amountTTC),
            entry.vatExempt ? 'Exonération de TVA – article 261-4-4° a du CGI' : `TVA ${entry.vatRate} %`,
            ...(entry.decoys ?? []),
            ...(entry.creditedInvoice ? [entry.creditedInvoice] : []),
          ];
          for (const s of must) expect(text, `${entry.file} shows « ${s} »`).to.include(s);
          // The amounts must not be written with narrow or non-breaking spaces.
          expect(text).not.to.match(/[\u202f\u00a0]/);
        } finally {
          await task.destroy();
        }
      });

      it(entry.facturX ? 'carries a factur-x.xml with the same values' : 'has no attachment', async () => {
        const task = open(await bytesOf(entry.file));
        try {
          const doc = await task.promise;
          const attachments = await doc.getAttachments();
          if (!entry.facturX) {
            expect(attachments).to.equal(null);
            return;
          }
          expect(attachments, 'attachments').not.to.equal(null);
          const attachment = attachments!.get('factur-x.xml');
          expect(attachment, 'factur-x.xml attachment').to.not.equal(undefined);
          const content = attachment!.content ?? (await doc.getAttachmentContent('factur-x.xml'));
          expect(content, 'factur-x.xml content').to.be.instanceOf(Uint8Array);
          const xml = new DOMParser().parseFromString(new TextDecoder().decode(content!), 'application/xml');
          expect(xml.getElementsByTagName('parsererror')).to.have.length(0);
          const ram = (name: string, root: Document | Element = xml) => [...root.getElementsByTagNameNS(RAM, name)];
          const one = (name: string, root: Document | Element = xml) => ram(name, root)[0]?.textContent?.trim();
          const amount = (name: string) => Number(one(name));

          const exchanged = xml.getElementsByTagNameNS(RSM, 'ExchangedDocument')[0]!;
          expect(one('ID', exchanged)).to.equal(entry.invoiceNumber);
          expect(one('TypeCode', exchanged)).to.equal('380');
          expect(xml.getElementsByTagNameNS(UDT, 'DateTimeString')[0]?.getAttribute('format')).to.equal('102');
          expect(xml.getElementsByTagNameNS(UDT, 'DateTimeString')[0]?.textContent).to.equal(entry.issueDate.replace(/-/g, ''));
          expect(one('ID', ram('GuidelineSpecifiedDocumentContextParameter')[0])).to.equal('urn:cen.eu:en16931:2017');
          expect(amount('GrandTotalAmount')).to.equal(entry.amountTTC);
          expect(amount('TaxBasisTotalAmount')).to.equal(entry.amountHT);
          expect(amount('TaxTotalAmount')).to.equal(entry.amountTVA);
          expect(entry.dossiers).to.include(one('BuyerReference'));
          const seller = ram('SellerTradeParty')[0]!;
          expect(seller.querySelector('[schemeID="0009"]')?.textContent).to.equal(entry.siret);
          expect(one('ID', ram('SpecifiedLegalOrganization', seller)[0])).to.equal(entry.siren);
          expect(ram('SpecifiedLegalOrganization', seller)[0]?.firstElementChild?.getAttribute('schemeID')).to.equal('0002');
          const buyer = ram('BuyerTradeParty')[0]!;
          expect(one('ID', ram('SpecifiedLegalOrganization', buyer)[0])).to.equal(entry.buyerSiren);
          const notes = ram('IncludedNote').map((n) => n.textContent ?? '').join(' ');
          for (const d of entry.dossiers) expect(notes, `notes name ${d}`).to.include(d);
        } finally {
          await task.destroy();
        }
      });
    });
  }

  it('large-factur-x.pdf is about 300 kB, for benchmarks', () => {
    const large = manifest.find((e) => e.purpose === 'benchmark');
    expect(large?.facturX).to.equal(true);
    expect(large!.size).to.be.within(250_000, 400_000);
  });
});

describe('hostile and edge fixtures (test/fixtures)', () => {
  it('scan.pdf has a page with an image and no text', async () => {
    const task = open(await bytesOf(fixture('scan').file));
    try {
      const doc = await task.promise;
      expect(doc.numPages).to.equal(1);
      const page = await doc.getPage(1);
      expect((await page.getTextContent()).items).to.have.length(0);
      const ops = await page.getOperatorList();
      expect(ops.fnArray).to.include(pdfjs.OPS.paintImageXObject);
      expect(ops.fnArray).not.to.include(pdfjs.OPS.showText);
    } finally {
      await task.destroy();
    }
  });

  it('encrypted.pdf needs a password, and opens with it', async () => {
    const entry = fixture('encrypted');
    const bytes = await bytesOf(entry.file);
    const task = open(bytes.slice());
    let error: unknown;
    try {
      await task.promise;
    } catch (e) {
      error = e;
    } finally {
      await task.destroy();
    }
    expect(error, 'opening without a password fails').to.be.instanceOf(pdfjs.PasswordException);
    expect((error as { code: number }).code).to.equal(pdfjs.PasswordResponses.NEED_PASSWORD);

    const source = manifest.find((e) => e.file === entry.source);
    const unlocked = open(bytes.slice(), entry.userPassword);
    try {
      const doc = await unlocked.promise;
      expect(doc.numPages).to.equal(entry.pages);
      expect((await pageTexts(doc)).join(' ')).to.include(`N° ${source?.invoiceNumber}`);
    } finally {
      await unlocked.destroy();
    }
  });

  for (const problem of ['damaged', 'not-pdf', 'empty'] as const) {
    it(`${problem}: pdf.js refuses it`, async () => {
      const entry = fixture(problem);
      const bytes = await bytesOf(entry.file);
      if (problem === 'empty') expect(bytes.length).to.equal(0);
      if (problem === 'not-pdf') expect([...bytes.slice(0, 4)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);
      const outcome = await refuses(bytes);
      expect(outcome.refused, `${entry.file}: ${outcome.reason}`).to.equal(true);
    });
  }

  it('gives some fixtures hostile upload names, for tests that build File objects', () => {
    const names = manifest.map((e) => e.hostileName).filter(Boolean);
    expect(names.some((n) => n!.includes('<img'))).to.equal(true);
    expect(names.some((n) => n!.includes('\u202e'))).to.equal(true);
  });
});
