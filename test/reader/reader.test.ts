// The reader (`akto-invoice-widget/reader`) in real Chromium: the public corpus against its
// INDEX.tsv, the project's samples against samples.json, the refused fixtures, and e-invoices
// built here with pdf-lib (UBL, ZUGFeRD 1.0, odd names, BOMs, prefixes, type 751…).
import { expect } from '@open-wc/testing';
import { AFRelationship, PDFDocument, StandardFonts } from 'pdf-lib/dist/pdf-lib.esm.js';
import { readFieldsFromPdf } from '../../src/backend/read-fields.js';
import { decodeAttachmentName, parseTextDate, profileName, readInvoice, readInvoiceXml, scanInvoiceText, type InvoiceReading } from '../../src/reader/index.js';
import { DOSSIER_PATTERN } from '../../src/rules/dossier.js';
import { checkSiren, checkSiret } from '../../src/rules/siren.js';
import { sampleFile, samples, type SampleEntry } from '../helpers/mock.js';

const url = (file: string) => `/${file.split('/').map(encodeURIComponent).join('/')}`;
async function blobOf(file: string): Promise<Blob> {
  const response = await fetch(url(file));
  expect(response.ok, `${file} is served`).to.equal(true);
  return response.blob();
}
const read = async (file: string) => readInvoice(await blobOf(file), { name: file.split('/').pop()! });
const value = <T>(reading: InvoiceReading, key: Exclude<keyof InvoiceReading['fields'], 'seller' | 'buyer'>) => (reading.fields[key] as { value: unknown } | null)?.value as T | undefined;
/** Every field of a reading, the parties' ones included. */
const allFields = ({ fields }: { fields: InvoiceReading['fields'] }) => {
  const { seller, buyer, ...rest } = fields;
  return [...Object.values(rest), ...Object.values(seller), ...Object.values(buyer)];
};

// ---------------------------------------------------------------------------------------------
// The public corpus

const CORPUS = 'test/fixtures/corpus';
type Row = Record<string, string>;
async function corpusIndex(): Promise<Row[]> {
  const [header, ...lines] = (await (await fetch(`/${CORPUS}/INDEX.tsv`)).text()).split('\n').filter((l) => l.trim());
  const columns = header!.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((cell, i) => [columns[i]!, cell.trim()])));
}
const index = await corpusIndex();
const iso = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
/** The profile named in INDEX's kind_profile column, as the reader names it. */
function expectedProfile(kind: string): string | null {
  return ['BASIC WL', 'MINIMUM', 'XRECHNUNG', 'EXTENDED', 'EN 16931', 'BASIC'].find((p) => kind.includes(p)) ?? null;
}

describe('reader: the public corpus (test/fixtures/corpus/INDEX.tsv)', () => {
  it('lists the 8 files with their source and licence', () => {
    expect(index).to.have.length(8);
    for (const row of index) {
      expect(row.source_repo, row.filename).to.match(/@[0-9a-f]{7}$/);
      expect(row.repo_license, row.filename).to.match(/Apache-2\.0|BSD-3-Clause|MIT/);
    }
  });

  for (const row of index) {
    describe(row.filename!, () => {
      let reading: InvoiceReading;
      before(async () => {
        reading = await read(`${CORPUS}/${row.filename}`);
      });

      it('is read from its embedded XML (or its text), with the attachment named', () => {
        expect(reading.status).to.equal('ok');
        expect(reading.accepted).to.equal(true);
        if (row.embedded_xml === '(none)') {
          expect(reading.syntax).to.equal('text');
          expect(reading.attachment).to.equal(null);
          expect(reading.profile).to.equal(null);
        } else {
          expect(reading.syntax).to.equal('CII');
          // « factur-x.xml (+ Bon_de_livraison.pdf) »: the e-invoice among other attachments.
          expect(reading.attachment).to.equal(row.embedded_xml!.split(' ')[0]);
          expect(reading.profile).to.equal(expectedProfile(row.kind_profile!));
          const urn = /\((urn:[^)]+)\)/.exec(row.kind_profile!)?.[1];
          if (urn) expect(reading.profileId).to.equal(urn);
        }
      });

      it('gives the invoice number, type, date, totals and amount due', () => {
        const syntax = reading.syntax;
        expect(reading.fields.invoiceNumber).to.deep.equal({ value: row.invoice_number_BT1, syntax, confidence: 'high' });
        expect(reading.documentType).to.equal(row.type_code_BT3 || null);
        expect(value(reading, 'issueDate')).to.equal(iso(row.issue_date_BT2!));
        // One sign convention: a credit note's amounts are negative, the 381's positive ones too.
        const sign = row.type_code_BT3 === '381' ? -1 : 1;
        expect(value(reading, 'amountHT')).to.equal(sign * Number(row.total_ht_BT109));
        expect(value(reading, 'amountTVA')).to.equal(sign * Number(row.total_tva_BT110));
        expect(value(reading, 'amountTTC')).to.equal(sign * Number(row.total_ttc_BT112));
        expect(value(reading, 'currency')).to.equal('EUR');
        for (const key of ['issueDate', 'amountHT', 'amountTVA', 'amountTTC'] as const) {
          expect(reading.fields[key]?.syntax, key).to.equal(syntax);
          expect(reading.fields[key]?.confidence, key).to.equal('high');
        }
        if (syntax !== 'text') expect(value(reading, 'amountDue')).to.equal(sign * Number(row.due_payable_BT115));
        expect(reading.warnings).to.deep.equal([]);
      });

      it('reports a SIREN/SIRET only when it passes the checksum, and keeps the others aside', () => {
        const numbers = [...row.seller_id!.matchAll(/\b(\d{14}|\d{9})\b/g)].map((m) => m[1]!);
        const valid = row.seller_id_luhn_ok === 'yes';
        const siren = numbers.find((n) => n.length === 9);
        const siret = numbers.find((n) => n.length === 14);
        if (valid) {
          expect(reading.fields.seller.siren?.value).to.equal(siren ?? siret!.slice(0, 9));
          expect(reading.fields.seller.siret?.value ?? null).to.equal(siret ?? null);
        } else {
          expect(reading.fields.seller.siren).to.equal(null);
          expect(reading.fields.seller.siret).to.equal(null);
          for (const n of numbers) {
            expect(checkSiren(n).ok || checkSiret(n).ok, `${n} is one of the fake numbers`).to.equal(false);
            expect(reading.discarded.some((d) => d.value === n && d.reason === 'checksum' && (d.field === 'seller.siret' || d.field === 'seller.siren')), `${n} discarded`).to.equal(true);
          }
        }
        const buyer = [...row.buyer_legal_id!.matchAll(/\b(\d{14}|\d{9})\b/g)].map((m) => m[1]!);
        for (const n of buyer) {
          expect(reading.fields.buyer.siren?.value).not.to.equal(n);
          expect(reading.fields.buyer.siret?.value).not.to.equal(n);
          expect(reading.discarded.some((d) => d.value === n && d.field.startsWith('buyer') && d.reason === 'checksum'), `buyer ${n} discarded`).to.equal(true);
        }
      });

      it('takes buyer and order references as dossiers only when they are AKTO numbers', () => {
        const references = [row.buyer_reference_BT10, row.order_ref_BT13].filter((r): r is string => Boolean(r));
        for (const reference of references) {
          if (DOSSIER_PATTERN.test(reference)) expect(reading.fields.dossiers?.value).to.include(reference);
          else {
            expect(reading.fields.dossiers?.value ?? []).not.to.include(reference);
            expect(reading.discarded).to.deep.include({ field: 'dossiers', value: reference, syntax: 'CII', reason: 'pattern', from: row.buyer_reference_BT10 === reference ? 'BuyerReference' : 'BuyerOrderReferencedDocument' });
          }
        }
        // No public invoice carries an AKTO dossier number.
        expect(reading.fields.dossiers).to.equal(null);
      });

      it('tells a credit note from an invoice', () => {
        const negative = Number(row.total_ttc_BT112) < 0;
        expect(reading.creditNote).to.equal(row.type_code_BT3 === '381' || negative);
        expect(reading.notAnInvoice).to.equal(false);
        if (row.type_code_BT3 === '389') expect(reading.creditNote, 'self-billing is not an avoir').to.equal(false);
      });
    });
  }

  it('reads the plain French invoice from its text: 562044387, 02 Juillet 2015, 24.99 / 5.00 / 29.99, SIREN 421938861, no SIRET', async () => {
    const reading = await read(`${CORPUS}/plain_fr_free_fiber.pdf`);
    expect(reading).to.include({ status: 'ok', syntax: 'text', pages: 2, creditNote: false, documentType: null });
    const f = reading.fields;
    expect([f.invoiceNumber?.value, f.issueDate?.value, f.amountHT?.value, f.amountTVA?.value, f.amountTTC?.value]).to.deep.equal(['562044387', '2015-07-02', 24.99, 5, 29.99]);
    expect(f.seller.siren).to.deep.equal({ value: '421938861', syntax: 'text', confidence: 'high' });
    expect(f.seller.siret).to.equal(null);
    expect(f.dossiers).to.equal(null);
    expect(f.seller.name?.value).to.equal('Free');
  });

  it('finds the octal-escaped factur-x.xml of the MINIMUM sample and the xrechnung.xml of the XRechnung one', async () => {
    expect((await read(`${CORPUS}/fx_fnfe_Facture_FR_MINIMUM.pdf`)).attachment).to.equal('factur-x.xml');
    expect((await read(`${CORPUS}/xr_XRECHNUNG_Einfach.pdf`)).attachment).to.equal('xrechnung.xml');
  });
});

// ---------------------------------------------------------------------------------------------
// The project's samples

const manifest = await samples();
const invoices = manifest.filter((e): e is SampleEntry & { file: string } => e.kind !== 'fixture');

describe('reader: the project samples (demo/samples/samples.json)', () => {
  for (const entry of invoices) {
    it(`${entry.file}: the manifest's values, from ${entry.facturX ? 'its factur-x.xml' : 'its text'}`, async () => {
      const reading = await read(entry.file);
      const syntax = entry.facturX ? 'CII' : 'text';
      expect(reading).to.include({ status: 'ok', accepted: true, syntax, pages: entry.pages ?? null, creditNote: entry.kind === 'credit-note', notAnInvoice: false });
      const f = reading.fields;
      expect({
        invoiceNumber: f.invoiceNumber?.value,
        issueDate: f.issueDate?.value,
        amountHT: f.amountHT?.value,
        amountTVA: f.amountTVA?.value,
        amountTTC: f.amountTTC?.value,
        siret: f.seller.siret?.value,
        siren: f.seller.siren?.value,
        buyerSiren: f.buyer.siren?.value,
        sellerName: f.seller.name?.value,
        dossiers: f.dossiers?.value,
      }).to.deep.equal({
        invoiceNumber: entry.invoiceNumber,
        issueDate: entry.issueDate,
        amountHT: entry.amountHT,
        amountTVA: entry.amountTVA,
        amountTTC: entry.amountTTC,
        siret: entry.siret,
        siren: entry.siren,
        buyerSiren: entry.buyerSiren,
        sellerName: entry.sellerName,
        dossiers: entry.dossiers,
      });
      for (const got of allFields(reading)) if (got) expect(got.syntax).to.equal(syntax);
      // Totals confirmed by HT + TVA = TTC, the SIRET by its label and checksum.
      for (const key of ['invoiceNumber', 'amountHT', 'amountTVA', 'amountTTC', 'dossiers'] as const) expect(f[key]?.confidence, key).to.equal('high');
      expect(f.seller.siret?.confidence).to.equal('high');
      for (const decoy of (entry as { decoys?: string[] }).decoys ?? []) expect(f.dossiers?.value).not.to.include(decoy);
      expect(reading.warnings).to.deep.equal([]);
      if (entry.facturX) {
        const e = entry as SampleEntry & { facturXProfile?: string; facturXTypeCode?: number };
        expect(reading).to.include({ syntax: 'CII', attachment: 'factur-x.xml', profile: e.facturXProfile, documentType: String(e.facturXTypeCode), profileId: 'urn:cen.eu:en16931:2017' });
        expect(f.amountDue?.value).to.equal(entry.amountTTC);
      }
    });
  }

  it('takes a 380 with negative totals for an avoir (avoir-2607-calcul-mental-facturx.pdf)', async () => {
    const reading = await read('demo/samples/avoir-2607-calcul-mental-facturx.pdf');
    expect(reading).to.include({ documentType: '380', creditNote: true });
  });

  it('refuses the problem fixtures before upload, and takes a scan with a warning status', async () => {
    const expected: Record<string, { status: string; accepted: boolean; pages: number | null }> = {
      'not-pdf': { status: 'not-pdf', accepted: false, pages: null },
      empty: { status: 'empty', accepted: false, pages: null },
      damaged: { status: 'damaged', accepted: false, pages: null },
      encrypted: { status: 'encrypted', accepted: false, pages: null },
      scan: { status: 'scan', accepted: true, pages: 1 },
    };
    for (const entry of manifest.filter((e) => e.kind === 'fixture')) {
      const hostileName = (entry as { hostileName?: string }).hostileName!;
      const reading = await readInvoice(await sampleFile(entry.file, hostileName));
      expect(reading, entry.file).to.include({ ...expected[entry.problem!], syntax: null, name: hostileName });
      expect(allFields(reading).every((f) => f === null), `${entry.file}: nothing read`).to.equal(true);
    }
    expect((await read('test/fixtures/encrypted.pdf')).detail).to.match(/^PasswordException/);
    expect((await read('test/fixtures/damaged.pdf')).detail).to.match(/^InvalidPDFException/);
  });

  it('refuses a PNG named .pdf by its content, and reads a PDF whatever its name', async () => {
    expect((await readInvoice(await sampleFile('test/fixtures/not-a-pdf.pdf', 'facture.pdf'))).status).to.equal('not-pdf');
    const renamed = await readInvoice(await sampleFile('demo/samples/facture-2606-calcul-mental.pdf', 'scan.png'));
    expect(renamed).to.include({ status: 'ok', name: 'scan.png' });
  });

  it('also takes bytes (ArrayBuffer, Uint8Array), as the mock server does', async () => {
    const bytes = await (await blobOf('demo/samples/facture-2606-calcul-mental-facturx.pdf')).arrayBuffer();
    expect((await readInvoice(bytes)).fields.invoiceNumber?.value).to.equal('FA-2026-0612');
    expect((await readInvoice(new Uint8Array(bytes))).fields.invoiceNumber?.value).to.equal('FA-2026-0612');
    expect((await readInvoice(bytes)).name).to.equal(null);
  });
});

// ---------------------------------------------------------------------------------------------
// E-invoices built here: UBL, ZUGFeRD 1.0, odd attachment names, prefixes, type 751…

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

/** A one-page PDF, its text drawn line by line, with the given attachments. */
async function pdfWith(lines: string[], attachments: { name: string; content: string | Uint8Array; relationship?: AFRelationship }[]): Promise<Blob> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font }));
  for (const a of attachments) {
    const content = typeof a.content === 'string' ? new TextEncoder().encode(a.content) : a.content;
    await doc.attach(content, a.name, { mimeType: 'text/xml', afRelationship: a.relationship ?? AFRelationship.Data });
  }
  const bytes = await doc.save();
  return new Blob([bytes.slice().buffer], { type: 'application/pdf' });
}

const UBL_INVOICE = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
         xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
         xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>UBL-2026-0042</cbc:ID>
  <cbc:IssueDate>2026-09-15</cbc:IssueDate>
  <cbc:DueDate>2026-10-15</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:Note>Dossier AKTO N° 2206AF000358 – réf. client 365146</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>
  <cbc:BuyerReference>2205CA000799</cbc:BuyerReference>
  <cac:OrderReference><cbc:ID>365146</cbc:ID></cac:OrderReference>
  <cac:ContractDocumentReference><cbc:ID>2206CA000564</cbc:ID></cac:ContractDocumentReference>
  <cac:ProjectReference><cbc:ID>PRJ-7</cbc:ID></cac:ProjectReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0225">884884057_FACTURES</cbc:EndpointID>
      <cac:PartyIdentification><cbc:ID schemeID="0009">88488405700016</cbc:ID></cac:PartyIdentification>
      <cac:PartyName><cbc:Name>ICEP</cbc:Name></cac:PartyName>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>ICEP FORMATION</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">884884057</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>CASINO RESTAURATION SASU</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">527319461</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:TaxTotal><cbc:TaxAmount currencyID="USD">264.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">240.00</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">1200.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">240.00</cbc:TaxAmount></cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">1200.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">1200.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">1440.00</cbc:TaxInclusiveAmount>
    <cbc:PrepaidAmount currencyID="EUR">440.00</cbc:PrepaidAmount>
    <cbc:PayableAmount currencyID="EUR">1000.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="HUR">24</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">1200.00</cbc:LineExtensionAmount>
    <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">999.00</cbc:TaxAmount></cac:TaxTotal>
    <cac:Item><cbc:Name>Formation</cbc:Name></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="EUR">50.00</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
</Invoice>`;

const UBL_CREDIT_NOTE = `<?xml version="1.0" encoding="UTF-8"?>
<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
            xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ID>AV-UBL-9</cbc:ID>
  <cbc:IssueDate>2026-10-01</cbc:IssueDate>
  <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name>Vendeur</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">20.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:TaxExclusiveAmount currencyID="EUR">100.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">120.00</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">120.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
</CreditNote>`;

const ZUGFERD_1 = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15">
  <rsm:SpecifiedExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:ferd:CrossIndustryDocument:invoice:1p0:comfort</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:SpecifiedExchangedDocumentContext>
  <rsm:HeaderExchangedDocument>
    <ram:ID>ZF1-2014-007</ram:ID>
    <ram:Name>RECHNUNG</ram:Name>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20140512</udt:DateTimeString></ram:IssueDateTime>
    <ram:IncludedNote><ram:Content>Dossier AKTO 2103DCA22581</ram:Content></ram:IncludedNote>
  </rsm:HeaderExchangedDocument>
  <rsm:SpecifiedSupplyChainTradeTransaction>
    <ram:ApplicableSupplyChainTradeAgreement>
      <ram:BuyerReference>2105DCA45238</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:GlobalID schemeID="0009">82409268800236</ram:GlobalID>
        <ram:Name>AFPA ENTREPRISES NOUVELLE AQUITAINE</ram:Name>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>SNC KAVKAZ</ram:Name></ram:BuyerTradeParty>
      <ram:BuyerOrderReferencedDocument><ram:ID>PO-88</ram:ID></ram:BuyerOrderReferencedDocument>
    </ram:ApplicableSupplyChainTradeAgreement>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedSupplyChainTradeSettlement>
        <ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation>
      </ram:SpecifiedSupplyChainTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableSupplyChainTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementMonetarySummation>
        <ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount currencyID="EUR">198.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">37.62</ram:TaxTotalAmount>
        <ram:GrandTotalAmount currencyID="EUR">235.62</ram:GrandTotalAmount>
        <ram:DuePayableAmount currencyID="EUR">235.62</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementMonetarySummation>
    </ram:ApplicableSupplyChainTradeSettlement>
  </rsm:SpecifiedSupplyChainTradeTransaction>
</rsm:CrossIndustryDocument>`;

/** A CII invoice written with unusual prefixes (x:, a:, u:): only the namespaces count. */
function cii(o: { id: string; type: string; profile: string; sellerIds: string; ht: string; tva: string; ttc: string; extra?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<x:CrossIndustryInvoice xmlns:x="${NS.rsm}" xmlns:a="${NS.ram}" xmlns:u="${NS.udt}">
  <x:ExchangedDocumentContext><a:GuidelineSpecifiedDocumentContextParameter><a:ID>${o.profile}</a:ID></a:GuidelineSpecifiedDocumentContextParameter></x:ExchangedDocumentContext>
  <x:ExchangedDocument>
    <a:ID>${o.id}</a:ID><a:TypeCode>${o.type}</a:TypeCode>
    <a:IssueDateTime><u:DateTimeString format="102">20260201</u:DateTimeString></a:IssueDateTime>
  </x:ExchangedDocument>
  <x:SupplyChainTradeTransaction>
    <a:ApplicableHeaderTradeAgreement>
      <a:SellerTradeParty><a:Name>AFPA ENTREPRISES NOUVELLE AQUITAINE</a:Name>${o.sellerIds}</a:SellerTradeParty>
      <a:BuyerTradeParty><a:Name>CASINO</a:Name></a:BuyerTradeParty>
      ${o.extra ?? ''}
    </a:ApplicableHeaderTradeAgreement>
    <a:ApplicableHeaderTradeSettlement>
      <a:InvoiceCurrencyCode>EUR</a:InvoiceCurrencyCode>
      <a:SpecifiedTradeSettlementHeaderMonetarySummation>
        <a:TaxBasisTotalAmount>${o.ht}</a:TaxBasisTotalAmount>
        <a:TaxTotalAmount currencyID="CHF">-19.00</a:TaxTotalAmount>
        <a:TaxTotalAmount currencyID="EUR">${o.tva}</a:TaxTotalAmount>
        <a:GrandTotalAmount>${o.ttc}</a:GrandTotalAmount>
        <a:DuePayableAmount>${o.ttc}</a:DuePayableAmount>
      </a:SpecifiedTradeSettlementHeaderMonetarySummation>
    </a:ApplicableHeaderTradeSettlement>
  </x:SupplyChainTradeTransaction>
</x:CrossIndustryInvoice>`;
}
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const withBom = (xml: string) => new Uint8Array([...BOM, ...new TextEncoder().encode(xml)]);

describe('reader: e-invoices built with pdf-lib', () => {
  it('reads a UBL attachment as UBL, never as CII: the document totals, the invoice currency, AKTO numbers only', async () => {
    const reading = await readInvoice(await pdfWith([], [{ name: 'xrechnung.xml', content: UBL_INVOICE, relationship: AFRelationship.Alternative }]));
    expect(reading).to.include({ status: 'ok', syntax: 'UBL', attachment: 'xrechnung.xml', documentType: '380', creditNote: false, profile: 'XRECHNUNG', pages: 1 });
    const f = reading.fields;
    expect([f.invoiceNumber?.value, f.issueDate?.value, f.currency?.value, f.amountHT?.value, f.amountTVA?.value, f.amountTTC?.value, f.amountDue?.value]).to.deep.equal(['UBL-2026-0042', '2026-09-15', 'EUR', 1200, 240, 1440, 1000]);
    expect([f.seller.name?.value, f.seller.siren?.value, f.seller.siret?.value, f.buyer.siren?.value]).to.deep.equal(['ICEP FORMATION', '884884057', '88488405700016', '527319461']);
    expect(f.dossiers?.value).to.deep.equal(['2205CA000799', '2206CA000564', '2206AF000358']);
    expect(reading.discarded.filter((d) => d.field === 'dossiers').map((d) => [d.from, d.value])).to.deep.equal([
      ['OrderReference', '365146'],
      ['ProjectReference', 'PRJ-7'],
    ]);
  });

  it('reads a UBL CreditNote under any .xml name as an avoir (381)', async () => {
    const reading = await readInvoice(await pdfWith(['Avoir'], [{ name: 'Invoice_UBL.XML', content: UBL_CREDIT_NOTE }]));
    expect(reading).to.include({ syntax: 'UBL', attachment: 'Invoice_UBL.XML', documentType: '381', creditNote: true, profile: 'PEPPOL BIS 3' });
    expect(reading.creditNoteReasons).to.deep.equal(['type-code']);
    expect([reading.fields.amountHT?.value, reading.fields.amountTVA?.value, reading.fields.amountTTC?.value]).to.deep.equal([-100, -20, -120]);
  });

  it('reads ZUGFeRD 1.0 (ZUGFeRD-invoice.xml, with a BOM, AFRelationship Alternative) by its older paths', async () => {
    const reading = await readInvoice(await pdfWith([], [{ name: 'ZUGFeRD-invoice.xml', content: withBom(ZUGFERD_1), relationship: AFRelationship.Alternative }]));
    expect(reading).to.include({ status: 'ok', syntax: 'CII', attachment: 'ZUGFeRD-invoice.xml', profile: 'ZUGFeRD 1.0 COMFORT', profileId: 'urn:ferd:CrossIndustryDocument:invoice:1p0:comfort', documentType: '380' });
    const f = reading.fields;
    expect([f.invoiceNumber?.value, f.issueDate?.value, f.amountHT?.value, f.amountTVA?.value, f.amountTTC?.value, f.amountDue?.value]).to.deep.equal(['ZF1-2014-007', '2014-05-12', 198, 37.62, 235.62, 235.62]);
    expect([f.seller.siret?.value, f.seller.siren?.value, f.seller.name?.value]).to.deep.equal(['82409268800236', '824092688', 'AFPA ENTREPRISES NOUVELLE AQUITAINE']);
    expect(f.dossiers?.value).to.deep.equal(['2105DCA45238', '2103DCA22581']);
    expect(reading.discarded).to.deep.include({ field: 'dossiers', value: 'PO-88', syntax: 'CII', reason: 'pattern', from: 'BuyerOrderReferencedDocument' });
  });

  it('decodes an octal-escaped name, ignores the prefixes, takes the invoice-currency TVA, reports 751 as not an invoice (nor an avoir)', async () => {
    const xml = cii({
      id: 'INFO-2026-01',
      type: '751',
      profile: 'urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended',
      sellerIds: `<a:SpecifiedLegalOrganization><a:ID schemeID="0002">82409268800236</a:ID></a:SpecifiedLegalOrganization>`,
      ht: '-100.00',
      tva: '-20.00',
      ttc: '-120.00',
    });
    const reading = await readInvoice(await pdfWith([], [{ name: 'factur\\055x\\056xml', content: xml, relationship: AFRelationship.Source }]));
    expect(reading).to.include({ syntax: 'CII', attachment: 'factur-x.xml', profile: 'EXTENDED', documentType: '751', notAnInvoice: true, creditNote: false });
    // A 14-digit number under 0002 (older files) is a SIRET; its first 9 digits the SIREN.
    expect([reading.fields.seller.siret?.value, reading.fields.seller.siren?.value]).to.deep.equal(['82409268800236', '824092688']);
    expect(reading.fields.amountTVA?.value).to.equal(-20);
  });

  it('completes from the text what the XML lacks (the SIRET, the dossier), and nothing else', async () => {
    const xml = cii({ id: 'FA-MIN-1', type: '380', profile: 'urn:factur-x.eu:1p0:minimum', sellerIds: '', ht: '100.00', tva: '20.00', ttc: '120.00' });
    const lines = ['AFPA ENTREPRISES NOUVELLE AQUITAINE', 'SIRET : 82409268800236', 'FACTURE N° AUTRE-99', 'Dossier AKTO N° 2206AF000578', 'Total HT 999,00 €'];
    const reading = await readInvoice(await pdfWith(lines, [{ name: 'factur-x.xml', content: xml }]));
    const f = reading.fields;
    expect(reading.syntax).to.equal('CII');
    expect(f.invoiceNumber).to.deep.equal({ value: 'FA-MIN-1', syntax: 'CII', confidence: 'high' });
    expect(f.amountHT?.value).to.equal(100);
    expect(f.seller.siret).to.deep.equal({ value: '82409268800236', syntax: 'text', confidence: 'high' });
    expect(f.seller.siren).to.deep.equal({ value: '824092688', syntax: 'text', confidence: 'high' });
    expect(f.dossiers).to.deep.equal({ value: ['2206AF000578'], syntax: 'text', confidence: 'high' });
  });

  it('falls back to the text when the factur-x.xml cannot be parsed, and says so', async () => {
    const broken = `<?xml version="1.0"?><rsm:CrossIndustryInvoice xmlns:rsm="${NS.rsm}"><rsm:ExchangedDocument>`;
    const lines = ['FACTURE N° BRK-1', 'Date : 05/02/2026', 'Total HT 100,00 €', 'TVA 20 % 20,00 €', 'Total TTC 120,00 €'];
    const reading = await readInvoice(await pdfWith(lines, [{ name: 'factur-x.xml', content: broken }]));
    expect(reading).to.include({ status: 'ok', syntax: 'text', attachment: null, profile: null });
    expect(reading.warnings).to.deep.equal(['xml-unreadable']);
    expect([reading.fields.invoiceNumber?.value, reading.fields.issueDate?.value, reading.fields.amountTTC?.value]).to.deep.equal(['BRK-1', '2026-02-05', 120]);
  });

  it('reads an e-invoice whose PDF has no text layer (not a scan), and flags totals that do not add up', async () => {
    const xml = cii({ id: 'FA-X', type: '380', profile: 'urn:cen.eu:en16931:2017', sellerIds: '', ht: '100.00', tva: '20.00', ttc: '125.00' });
    const reading = await readInvoice(await pdfWith([], [{ name: 'factur-x.xml', content: xml }]));
    expect(reading).to.include({ status: 'ok', syntax: 'CII' });
    expect(reading.warnings).to.deep.equal(['totals-mismatch']);
    expect(reading.fields.amountTTC).to.deep.equal({ value: 125, syntax: 'CII', confidence: 'medium' });
  });

  it('gives a 381 with 218.48 and a 380 with -218.48 the same amounts and verdict, saying why', async () => {
    const avoir = (type: string, sign: string) =>
      cii({ id: 'AV-2017-0005', type, profile: 'urn:factur-x.eu:1p0:basic', sellerIds: '', ht: `${sign}218.48`, tva: `${sign}14.99`, ttc: `${sign}233.47` });
    const positive = await readInvoice(await pdfWith([], [{ name: 'factur-x.xml', content: avoir('381', '') }]));
    const negative = await readInvoice(await pdfWith([], [{ name: 'factur-x.xml', content: avoir('380', '-') }]));
    for (const reading of [positive, negative]) {
      const f = reading.fields;
      expect([reading.creditNote, f.amountHT?.value, f.amountTVA?.value, f.amountTTC?.value, f.amountDue?.value]).to.deep.equal([true, -218.48, -14.99, -233.47, -233.47]);
    }
    expect(positive.creditNoteReasons).to.deep.equal(['type-code']);
    expect(negative.creditNoteReasons).to.deep.equal(['negative-totals']);
  });

  it('takes a blank page without XML for a scan', async () => {
    expect((await readInvoice(await pdfWith([], []))).status).to.equal('scan');
  });
});

// ---------------------------------------------------------------------------------------------
// The pieces

describe('reader: text scanning', () => {
  it('reads the invoice number after « Facture n° », not the credited invoice of an avoir', () => {
    expect(scanInvoiceText('Facture n°562044387 du 02 Juillet 2015').fields.invoiceNumber?.value).to.equal('562044387');
    const avoir = scanInvoiceText('AVOIR N° AV-1\nDate : 03/07/2026\nAvoir sur la facture n° FA-9 du 26/06/2026');
    expect([avoir.fields.invoiceNumber?.value, avoir.fields.issueDate?.value, avoir.creditNote]).to.deep.equal(['AV-1', '2026-07-03', true]);
    expect(scanInvoiceText('Règlement de la facture n° FA-9').fields.invoiceNumber).to.equal(null);
    expect(scanInvoiceText('Numéro de facture : 2026/117').fields.invoiceNumber).to.deep.equal({ value: '2026/117', syntax: 'text', confidence: 'high' });
  });

  it('reads written and numeric dates, labelled or not, and no date that is not one', () => {
    const date = (text: string) => scanInvoiceText(text).fields.issueDate;
    expect(date('Émise le 1er août 2026')).to.deep.equal({ value: '2026-08-01', syntax: 'text', confidence: 'high' });
    expect(date('Date de facture : 13/11/2017\nDate d’échéance : 13/12/2017')?.value).to.equal('2017-11-13');
    expect(date('DATE DE FACTURE ASSOCIÉE : 01/01/2026\nDate : 31/01/2026')?.value).to.equal('2026-01-31');
    expect(date('Payé le 3 févr. 2026')).to.deep.equal({ value: '2026-02-03', syntax: 'text', confidence: 'low' });
    expect(date('Date : 31/02/2026')).to.equal(null);
  });

  it('reads amounts labelled HT / TVA / TTC in French formats or with a dot, confirmed by HT + TVA = TTC', () => {
    const totals = (text: string) => {
      const f = scanInvoiceText(text).fields;
      return [f.amountHT?.value, f.amountTVA?.value, f.amountTTC?.value, f.amountTTC?.confidence];
    };
    expect(totals('Total HT 1 440,00 €\nTVA 20 % 288,00 €\nTotal TTC 1 728,00 €')).to.deep.equal([1440, 288, 1728, 'high']);
    expect(totals('Total HT : 1.234,50 EUR\nTotal TVA : 246,90 EUR\nTotal TTC : 1.481,40 EUR')).to.deep.equal([1234.5, 246.9, 1481.4, 'high']);
    // Free's layout: column headers, then the amounts; « TVA 20% » is a rate, not an amount.
    // Plain text keeps its columns by character position (two spaces or more part cells).
    expect(totals('Montant EUR TTC    Montant TVA    Montant EUR HT\n          29.99           5.00            24.99    Abonnements\nTVA 20% payée sur les encaissements    5.00')).to.deep.equal([24.99, 5, 29.99, 'high']);
    expect(totals('Total HT -315,00 €\nTVA 20 % -63,00 €\nTotal TTC -378,00 €')).to.deep.equal([-315, -63, -378, 'high']);
    const unsure = scanInvoiceText('Total HT 100,00 €\nTVA 20 % 20,00 €\nTotal TTC 130,00 €');
    // Labelled totals that do not add up: none is given rather than a pick.
    expect([unsure.fields.amountHT, unsure.fields.amountTVA, unsure.fields.amountTTC, unsure.totalsMismatch]).to.deep.equal([null, null, null, true]);
    expect(scanInvoiceText('TVA 20% payée sur les encaissements').fields.amountTVA).to.equal(null);
  });

  it('reads a SIRET only when it passes the rule, the SIREN after RCS either side, the buyer’s under « CLIENT »', () => {
    const scan = scanInvoiceText('SIRET : 99999999800010\nFree SAS au capital de 3.441.812 Euros − B 421 938 861 RCS Paris\nCLIENT\nSNC KAVKAZ\nSIREN : 819109976');
    expect(scan.fields.seller.siret).to.equal(null);
    expect(scan.discarded).to.deep.include({ field: 'seller.siret', value: '99999999800010', syntax: 'text', reason: 'checksum', from: 'SIRET' });
    expect([scan.fields.seller.siren?.value, scan.fields.buyer.siren?.value, scan.fields.seller.name?.value]).to.deep.equal(['421938861', '819109976', 'Free']);
    expect(scanInvoiceText('RCS Paris B 421 938 861').fields.seller.siren?.value).to.equal('421938861');
    expect(scanInvoiceText('RCS Bayonne 843 162 702 – SIRET 84316270200016').fields.seller).to.deep.include({
      siren: { value: '843162702', syntax: 'text', confidence: 'high' },
      siret: { value: '84316270200016', syntax: 'text', confidence: 'high' },
    });
    // La Poste: its SIRETs follow a digit sum, not Luhn.
    expect(scanInvoiceText('SIRET : 35600000000048').fields.seller.siret?.value).to.equal('35600000000048');
    // A number with no label is nobody's: never the seller's.
    expect(scanInvoiceText('Réf. 88488405700016').fields.seller.siret).to.equal(null);
  });

  it('finds only AKTO dossier numbers: « 365146 » is not one', () => {
    const scan = scanInvoiceText('Réf. client : 365146 – Bon de commande n° 365146\nDossier AKTO N° 2206AF000358\nX2206AF000359');
    expect(scan.fields.dossiers).to.deep.equal({ value: ['2206AF000358'], syntax: 'text', confidence: 'high' });
  });

  it('gives one verdict on an avoir and one sign to its amounts, whatever was printed (scanInvoiceText, as readInvoice)', () => {
    const printed = (ht: string, tva: string, ttc: string, title = 'AVOIR N° AV-1') => scanInvoiceText(`${title}\nDate : 03/07/2026\nTotal HT ${ht} €\nTVA 20 % ${tva} €\nTotal TTC ${ttc} €\nSIRET : 82409268800236\nDossier 2206AF000578`);
    const positive = printed('10,00', '2,00', '12,00');
    const negative = printed('-10,00', '-2,00', '-12,00', 'FACTURE N° AV-1');
    for (const scan of [positive, negative]) {
      expect([scan.fields.amountHT?.value, scan.fields.amountTVA?.value, scan.fields.amountTTC?.value, scan.creditNote]).to.deep.equal([-10, -2, -12, true]);
      expect(scan.fields.dossiers?.value).to.deep.equal(['2206AF000578']);
    }
    expect(positive.creditNoteReasons).to.deep.equal(['text']);
    expect(negative.creditNoteReasons).to.deep.equal(['negative-totals']);
    // No dossier: null, never an empty list.
    expect(scanInvoiceText('FACTURE N° F-1').fields.dossiers).to.equal(null);
  });
});

describe('reader: text by layout', () => {
  it('reads dates as calendar days, never through a Date (no time zone can move them)', async () => {
    const cases: [string, string | null][] = [
      ['20 août 2018', '2018-08-20'],
      ['20 aou\u0302t 2018', '2018-08-20'],
      ['18 JUIN 2018', '2018-06-18'],
      ['vendredi 28 juin 2019', '2019-06-28'],
      ['1er janvier 2026', '2026-01-01'],
      ['31 décembre 2025', '2025-12-31'],
      ['10/09/18', '2018-09-10'],
      ['20260815', '2026-08-15'],
      ['29/02/2025', null],
      ['20261315', null],
    ];
    for (const [text, iso] of cases) expect(parseTextDate(text), text).to.equal(iso);
    // The reader's code parses no date with Date (a « 2018-08-20 » parsed as UTC is the 19th west of Greenwich).
    for (const file of ['index', 'text', 'layout', 'totals', 'parties', 'credit', 'fields', 'xml']) {
      const code = await (await fetch(`/src/reader/${file}.ts`)).text();
      expect(code, file).not.to.match(/new Date\(|Date\.parse|Date\.UTC|toISOString/);
    }
  });

  it('takes the issue date, not the due, order, delivery or « PDF généré le » dates', () => {
    const date = (text: string) => scanInvoiceText(text).fields.issueDate?.value;
    expect(date('PDF généré le 01/07/2019 à 10:32\nCommande du 2 juin 2019\nMARSEILLE, le 18 JUIN 2019')).to.equal('2019-06-18');
    expect(date('Échéance : 10/10/18\nDate : 10/09/18')).to.equal('2018-09-10');
    expect(date('À régler avant le 19 septembre 2018')).to.equal(undefined);
  });

  it('pairs a label with the value under it, and never takes a quote, order, customer or delivery number', () => {
    const number = (text: string) => scanInvoiceText(text).fields.invoiceNumber?.value;
    expect(number('FACTURE\nN° facture    Date          Client\nF2026-104     12/03/2026    CL-00042')).to.equal('F2026-104');
    expect(number('DEVIS n° D-2026-0040\nFacture # 2026-0042')).to.equal('2026-0042');
    expect(number('Réf. client : 365146\nRéf. commande : PO-9987\nRéf. : FAC/2026/117')).to.equal('FAC/2026/117');
    expect(number('Commande n° 4400123\nN° client : 365146\nBon de livraison n° BL-5512')).to.equal(undefined);
  });

  it('reads totals by arithmetic: fees after a first Total HT, an acompte, débours, per-rate VAT', () => {
    const totals = (text: string) => {
      const f = scanInvoiceText(text).fields;
      return [f.amountHT?.value, f.amountTVA?.value, f.amountTTC?.value, f.amountDue?.value];
    };
    expect(totals('Total HT    1 000,00\nFrais de dossier    30,00\nMontant HT    1 030,00\nTVA 20 %    206,00\nMontant TTC    1 236,00')).to.deep.equal([1030, 206, 1236, undefined]);
    expect(totals('Total HT    3 000,00\nTVA 20 %    600,00\nTotal TTC    3 600,00\nAcompte versé    -1 000,00\nReste à payer    2 600,00')).to.deep.equal([3000, 600, 3600, 2600]);
    expect(totals('Total HT    1 000,00\nTVA 20 %    200,00\nDébours (hors champ de TVA)    35,00\nNet à payer    1 235,00')).to.deep.equal([1000, 200, 1235, 1235]);
    expect(totals('Total HT    700,00\nTVA 20 % sur 500,00    100,00\nTVA 5,5 % sur 200,00    11,00\nTotal TTC    811,00')).to.deep.equal([700, 111, 811, undefined]);
    expect(totals('Hotline : 0,12€ TTC/min\nTotal : 10,95 € HT 12,22 € TTC')).to.deep.equal([10.95, undefined, 12.22, undefined]);
    // Two totals without the third, when they can go together; English labels.
    expect(totals('Total TTC : 120,00 € dont TVA 20 % : 20,00 €')).to.deep.equal([undefined, 20, 120, undefined]);
    expect(totals('Subtotal    100.00 €\nVAT 20%    20.00 €\nTotal    120.00 €')).to.deep.equal([100, 20, 120, undefined]);
    expect(scanInvoiceText('Total TTC : 120,00 €\nTVA 20 % : 45,00 €').totalsMismatch).to.equal(true);
  });

  it('tells the seller’s numbers from the buyer’s, takes a SIREN from a VAT number with its key, and no number without a label', () => {
    const ids = (text: string) => {
      const f = scanInvoiceText(text).fields;
      return [f.seller.siren?.value, f.seller.siret?.value, f.buyer.siren?.value, f.buyer.siret?.value];
    };
    expect(ids('Client\nSNC KAVKAZ\nSIRET 81910997600012\n\n\n\n\n\n\n\nFORMAPRO – SARL au capital de 10 000 € – SIRET 51234567900025')).to.deep.equal(['512345679', '51234567900025', '819109976', '81910997600012']);
    expect(ids('N° TVA intracommunautaire : FR71 333222115')).to.deep.equal(['333222115', undefined, undefined, undefined]);
    expect(ids('N° TVA intracommunautaire : FR72 333222115')).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(ids('Déclaration d’activité n° 11755432175\nIBAN FR76 3000 4003 1200 0123 4567 890 – BIC BNPAFRPPXXX\nCommande 51234567900025')).to.deep.equal([undefined, undefined, undefined, undefined]);
  });

  it('reads nothing from a text layer that is poor OCR', () => {
    const ocr = "F/\\CTUR£ N'' FA-2O2b-OO1Z ,,; ~ l\n5lRET : 8Z4 O9Z 688 OO2.3b\nDat3 : l2/O3/2O2b\nT0ta1 HT .: l 2b0,O0 TV/\\ ZO% : Z5Z,0O\nT0t@l TTC : l 5lZ,OO €";
    const scan = scanInvoiceText(ocr);
    expect(scan.legible).to.equal(false);
    expect(allFields(scan).every((f) => f === null)).to.equal(true);
    expect(scanInvoiceText('FACTURE N° FA-2026-0012\nDate : 12/03/2026\nTotal HT 1 260,00 €').legible).to.equal(true);
  });
});

describe('reader: XML and names', () => {
  it('decodes attachment names and names profiles', () => {
    expect(decodeAttachmentName('factur\\055x\\056xml')).to.equal('factur-x.xml');
    expect(decodeAttachmentName('C:\\Factures\\ZUGFeRD-invoice.xml')).to.equal('ZUGFeRD-invoice.xml');
    expect(['urn:factur-x.eu:1p0:basicwl', 'urn:zugferd.de:2p0:minimum', 'urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic', 'urn:ferd:CrossIndustryDocument:invoice:1p0:extended', 'urn:x:unknown'].map(profileName)).to.deep.equal([
      'BASIC WL',
      'MINIMUM',
      'BASIC',
      'ZUGFeRD 1.0 EXTENDED',
      null,
    ]);
  });

  it('refuses what is not an e-invoice: other XML, broken XML', () => {
    expect(readInvoiceXml('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>')).to.equal(null);
    expect(readInvoiceXml(`<rsm:CrossIndustryInvoice xmlns:rsm="${NS.rsm}">`)).to.equal(null);
    // The same local names in another namespace are not CII.
    expect(readInvoiceXml('<CrossIndustryInvoice><ExchangedDocument><ID>1</ID></ExchangedDocument></CrossIndustryInvoice>')).to.equal(null);
  });

  it('decodes UTF-16 and Latin-1 attachments', () => {
    const xml = cii({ id: 'FÉ-1', type: '380', profile: 'urn:cen.eu:en16931:2017', sellerIds: '', ht: '1', tva: '0', ttc: '1' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...xml].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(readInvoiceXml(utf16)?.fields.invoiceNumber?.value).to.equal('FÉ-1');
    const latin1 = Uint8Array.from(xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), (c) => c.charCodeAt(0));
    expect(readInvoiceXml(latin1)?.fields.invoiceNumber?.value).to.equal('FÉ-1');
  });
});

describe('reader: packaging and the mock server', () => {
  it('keeps pdf.js out of the static imports (the reader chunk loads it on first use)', async () => {
    for (const file of ['index', 'attachments', 'xml', 'text', 'fields', 'types', 'pdf-text']) {
      const code = await (await fetch(`/src/reader/${file}.ts`)).text();
      expect(code, file).not.to.match(/^\s*import\s[^;()]*?from\s*["'][^"']*pdfjs-dist/m);
      expect(code, file).not.to.match(/^\s*import\s*["'][^"']*pdfjs-dist/m);
    }
  });

  it('gives the mock server the embedded values first (readFieldsFromPdf)', async () => {
    const entry = invoices.find((e) => e.facturX && e.dossiers!.length > 1)!;
    const bytes = await (await blobOf(entry.file)).arrayBuffer();
    expect(await readFieldsFromPdf(bytes)).to.deep.equal({
      invoiceNumber: entry.invoiceNumber,
      amountHT: entry.amountHT,
      amountTTC: entry.amountTTC,
      invoiceDate: entry.issueDate,
      siret: entry.siret,
      dossiers: entry.dossiers,
      creditNote: false,
    });
    const avoir = await (await blobOf('demo/samples/avoir-2607-calcul-mental.pdf')).arrayBuffer();
    expect((await readFieldsFromPdf(avoir)).creditNote).to.equal(true);
  });
});
