/**
 * Reads an e-invoice's XML with the browser's DOMParser: CII (Factur-X, ZUGFeRD 2.x, XRechnung
 * CII), ZUGFeRD 1.0's older CII, and UBL (Invoice, CreditNote). Every lookup is by namespace and
 * local name, child by child from the root, so prefixes do not matter and a line item's
 * totals are never taken for the document's.
 */
import { parseDate } from '../rules/date.js';
import { findDossierNumbers } from '../rules/dossier.js';
import { clean, emptyFields, field, partyIds, type PartyId } from './fields.js';
import type { DiscardedValue, InvoiceFields, ReadField, XmlSyntax } from './types.js';

/** What an e-invoice XML gives: the fields (their `syntax` the XML's), the document's type and profile. */
export interface XmlReading {
  syntax: XmlSyntax;
  profile: string | null;
  profileId: string | null;
  documentType: string | null;
  fields: InvoiceFields;
  discarded: DiscardedValue[];
}

const UNECE = 'urn:un:unece:uncefact:data:standard:';
const CII = { rsm: `${UNECE}CrossIndustryInvoice:100`, ram: `${UNECE}ReusableAggregateBusinessInformationEntity:100`, udt: `${UNECE}UnqualifiedDataType:100` };
const ZUGFERD1 = { rsm: 'urn:ferd:CrossIndustryDocument:invoice:1p0', ram: `${UNECE}ReusableAggregateBusinessInformationEntity:12`, udt: `${UNECE}UnqualifiedDataType:15` };
const UBL_SCHEMA = 'urn:oasis:names:specification:ubl:schema:xsd:';
const UBL = {
  inv: `${UBL_SCHEMA}Invoice-2`,
  cn: `${UBL_SCHEMA}CreditNote-2`,
  cac: `${UBL_SCHEMA}CommonAggregateComponents-2`,
  cbc: `${UBL_SCHEMA}CommonBasicComponents-2`,
};

type Namespaces = Record<string, string>;

/**
 * Child-by-child lookups: `all(el, 'ram:A/ram:B|ram:C')` gives the B or C children of the A
 * children of `el`, matched by namespace URI and local name.
 */
function query(ns: Namespaces) {
  const steps = new Map<string, { uri: string; local: string }[]>();
  const parse = (step: string) => {
    let alternatives = steps.get(step);
    if (!alternatives) {
      alternatives = step.split('|').map((name) => {
        const [prefix, local] = name.split(':') as [string, string];
        const uri = ns[prefix];
        if (!uri) throw new Error(`reader: unknown prefix ${prefix}`);
        return { uri, local };
      });
      steps.set(step, alternatives);
    }
    return alternatives;
  };
  const all = (from: Element | null | undefined, path: string): Element[] => {
    let current: Element[] = from ? [from] : [];
    for (const step of path.split('/')) {
      const alternatives = parse(step);
      const next: Element[] = [];
      for (const element of current) {
        for (const child of element.children) {
          if (alternatives.some((a) => a.local === child.localName && a.uri === child.namespaceURI)) next.push(child);
        }
      }
      current = next;
    }
    return current;
  };
  const one = (from: Element | null | undefined, path: string): Element | null => all(from, path)[0] ?? null;
  const text = (from: Element | null | undefined, path: string): string | null => clean(one(from, path)?.textContent);
  const texts = (from: Element | null | undefined, path: string): string[] =>
    all(from, path)
      .map((e) => clean(e.textContent))
      .filter((t): t is string => t !== null);
  return { all, one, text, texts };
}

/** An XML decimal (`624.90`, `-378.00`); null for anything else. */
function decimal(element: Element | null | undefined): number | null {
  const text = element?.textContent?.trim();
  return text && /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? Number(text) + 0 : null;
}

/** Of several amounts (a TVA total given in two currencies), the one in the invoice's currency. */
function inCurrency(elements: Element[], currency: string | null): Element | null {
  return (
    elements.find((e) => currency && e.getAttribute('currencyID') === currency) ??
    elements.find((e) => !e.hasAttribute('currencyID')) ??
    elements[0] ??
    null
  );
}

/** CII's date: `udt:DateTimeString` with format 102 (`YYYYMMDD`); other formats are not a day. */
function ciiDate(element: Element | null): string | null {
  const text = element?.textContent?.trim() ?? '';
  const format = element?.getAttribute('format') ?? '102';
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return format === '102' && match ? parseDate(`${match[1]}-${match[2]}-${match[3]}`) : null;
}

/** The usual name of a profile from its guideline identifier; null when unknown. */
export function profileName(id: string | null): string | null {
  if (!id) return null;
  const s = id.toLowerCase();
  if (s.startsWith('urn:ferd:crossindustrydocument:invoice:1p0')) {
    const level = /1p0:([a-z]+)/.exec(s)?.[1];
    return level ? `ZUGFeRD 1.0 ${level.toUpperCase()}` : 'ZUGFeRD 1.0';
  }
  if (s.includes('xrechnung')) return 'XRECHNUNG';
  if (s.includes('extended')) return 'EXTENDED';
  if (s.includes('basicwl') || s.includes('basic-wl')) return 'BASIC WL';
  if (s.includes('minimum')) return 'MINIMUM';
  if (s.includes('basic')) return 'BASIC';
  if (s.includes('peppol')) return 'PEPPOL BIS 3';
  if (s.includes('en16931')) return 'EN 16931';
  return null;
}

/** Text of an attachment: UTF-8 unless a BOM or the XML declaration says otherwise; BOM and leading blanks removed. */
export function decodeXml(bytes: Uint8Array): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    encoding = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? 'utf-8';
  }
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(bytes);
  } catch {
    text = new TextDecoder().decode(bytes);
  }
  return text.replace(/^[\uFEFF\s]+/, '');
}

/** Parses XML text; null when it is not well-formed. */
function parse(text: string): Document | null {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  return document.getElementsByTagName('parsererror').length > 0 || !document.documentElement ? null : document;
}

/**
 * Reads an e-invoice XML (bytes as embedded, or text). Null when it is not well-formed or not an
 * invoice this reader knows (CII, ZUGFeRD 1.0, UBL Invoice/CreditNote).
 */
export function readInvoiceXml(xml: Uint8Array | string): XmlReading | null {
  const document = parse(typeof xml === 'string' ? xml.replace(/^[\uFEFF\s]+/, '') : decodeXml(xml));
  const root = document?.documentElement;
  if (!root) return null;
  if (root.namespaceURI === CII.rsm && root.localName === 'CrossIndustryInvoice') return readCii(root, CII, false);
  if (root.namespaceURI === ZUGFERD1.rsm && root.localName === 'CrossIndustryDocument') return readCii(root, ZUGFERD1, true);
  if ((root.namespaceURI === UBL.inv && root.localName === 'Invoice') || (root.namespaceURI === UBL.cn && root.localName === 'CreditNote')) return readUbl(root);
  return null;
}

/** Dossier numbers from structured references (kept or discarded) and from free notes. */
function dossiers(syntax: XmlSyntax, references: [from: string, value: string | null][], notes: string[], discarded: DiscardedValue[]): ReadField<string[]> | null {
  const found: string[] = [];
  const add = (numbers: string[]) => {
    for (const n of numbers) if (!found.includes(n)) found.push(n);
  };
  for (const [from, value] of references) {
    if (!value) continue;
    const numbers = findDossierNumbers(value);
    if (numbers.length) add(numbers);
    else discarded.push({ field: 'dossiers', value, syntax, reason: 'pattern', from });
  }
  for (const note of notes) add(findDossierNumbers(note));
  return field(found.length ? found : null, syntax, 'high');
}

function readCii(root: Element, ns: Namespaces, old: boolean): XmlReading {
  const { all, one, text, texts } = query(ns);
  const syntax = 'CII';
  const context = one(root, old ? 'rsm:SpecifiedExchangedDocumentContext' : 'rsm:ExchangedDocumentContext');
  const header = one(root, old ? 'rsm:HeaderExchangedDocument' : 'rsm:ExchangedDocument');
  const transaction = one(root, old ? 'rsm:SpecifiedSupplyChainTradeTransaction' : 'rsm:SupplyChainTradeTransaction');
  const agreement = one(transaction, old ? 'ram:ApplicableSupplyChainTradeAgreement' : 'ram:ApplicableHeaderTradeAgreement');
  const settlement = one(transaction, old ? 'ram:ApplicableSupplyChainTradeSettlement|ram:SpecifiedSupplyChainTradeSettlement' : 'ram:ApplicableHeaderTradeSettlement');
  const totals = one(settlement, old ? 'ram:SpecifiedTradeSettlementMonetarySummation' : 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  const seller = one(agreement, 'ram:SellerTradeParty');
  const buyer = one(agreement, 'ram:BuyerTradeParty');
  const documentId = old ? 'ram:ID' : 'ram:IssuerAssignedID|ram:ID';

  const profileId = text(context, 'ram:GuidelineSpecifiedDocumentContextParameter/ram:ID');
  const currency = text(settlement, 'ram:InvoiceCurrencyCode');
  const amount = (name: string) => field(decimal(inCurrency(all(totals, `ram:${name}`), currency)), syntax, 'high');
  const ids = (party: Element | null): PartyId[] => [
    ...all(party, 'ram:SpecifiedLegalOrganization/ram:ID').map((e) => ({ value: e.textContent ?? '', scheme: e.getAttribute('schemeID'), from: 'SpecifiedLegalOrganization/ID' })),
    ...all(party, 'ram:GlobalID').map((e) => ({ value: e.textContent ?? '', scheme: e.getAttribute('schemeID'), from: 'GlobalID' })),
  ];
  const sellerIds = partyIds(ids(seller), 'seller', syntax);
  const buyerIds = partyIds(ids(buyer), 'buyer', syntax);
  const discarded = [...sellerIds.discarded, ...buyerIds.discarded];

  const fields: InvoiceFields = {
    ...emptyFields(),
    invoiceNumber: field(text(header, 'ram:ID'), syntax, 'high'),
    issueDate: field(ciiDate(one(header, 'ram:IssueDateTime/udt:DateTimeString')), syntax, 'high'),
    currency: field(currency, syntax, 'high'),
    amountHT: amount('TaxBasisTotalAmount'),
    amountTVA: amount('TaxTotalAmount'),
    amountTTC: amount('GrandTotalAmount'),
    amountDue: amount('DuePayableAmount'),
    seller: { name: field(text(seller, 'ram:Name'), syntax, 'high'), siren: sellerIds.siren, siret: sellerIds.siret },
    buyer: { siren: buyerIds.siren, siret: buyerIds.siret },
  };
  fields.dossiers = dossiers(
    syntax,
    [
      ['BuyerReference', text(agreement, 'ram:BuyerReference')],
      ['BuyerOrderReferencedDocument', text(agreement, `ram:BuyerOrderReferencedDocument/${documentId}`)],
      ['ContractReferencedDocument', text(agreement, `ram:ContractReferencedDocument/${documentId}`)],
      ['SpecifiedProcuringProject', text(agreement, 'ram:SpecifiedProcuringProject/ram:ID')],
    ],
    texts(header, 'ram:IncludedNote/ram:Content'),
    discarded,
  );
  return { syntax, profile: profileName(profileId), profileId, documentType: text(header, 'ram:TypeCode'), fields, discarded };
}

function readUbl(root: Element): XmlReading {
  const { all, one, text, texts } = query(UBL);
  const syntax = 'UBL';
  const creditNote = root.localName === 'CreditNote';
  const profileId = text(root, 'cbc:CustomizationID');
  const currency = text(root, 'cbc:DocumentCurrencyCode');
  const totals = one(root, 'cac:LegalMonetaryTotal');
  const amount = (elements: Element[]) => field(decimal(inCurrency(elements, currency)), syntax, 'high');
  const seller = one(root, 'cac:AccountingSupplierParty/cac:Party');
  const buyer = one(root, 'cac:AccountingCustomerParty/cac:Party');
  const ids = (party: Element | null): PartyId[] => [
    ...all(party, 'cac:PartyLegalEntity/cbc:CompanyID').map((e) => ({ value: e.textContent ?? '', scheme: e.getAttribute('schemeID'), from: 'PartyLegalEntity/CompanyID' })),
    ...all(party, 'cac:PartyIdentification/cbc:ID').map((e) => ({ value: e.textContent ?? '', scheme: e.getAttribute('schemeID'), from: 'PartyIdentification/ID' })),
    ...all(party, 'cbc:EndpointID').map((e) => ({ value: e.textContent ?? '', scheme: e.getAttribute('schemeID'), from: 'EndpointID' })),
  ];
  const sellerIds = partyIds(ids(seller), 'seller', syntax);
  const buyerIds = partyIds(ids(buyer), 'buyer', syntax);
  const discarded = [...sellerIds.discarded, ...buyerIds.discarded];
  const issued = text(root, 'cbc:IssueDate');

  const fields: InvoiceFields = {
    ...emptyFields(),
    invoiceNumber: field(text(root, 'cbc:ID'), syntax, 'high'),
    issueDate: field(issued ? parseDate(issued) : null, syntax, 'high'),
    currency: field(currency, syntax, 'high'),
    amountHT: amount(all(totals, 'cbc:TaxExclusiveAmount')),
    amountTVA: amount(all(root, 'cac:TaxTotal/cbc:TaxAmount')),
    amountTTC: amount(all(totals, 'cbc:TaxInclusiveAmount')),
    amountDue: amount(all(totals, 'cbc:PayableAmount')),
    seller: { name: field(text(seller, 'cac:PartyLegalEntity/cbc:RegistrationName') ?? text(seller, 'cac:PartyName/cbc:Name'), syntax, 'high'), siren: sellerIds.siren, siret: sellerIds.siret },
    buyer: { siren: buyerIds.siren, siret: buyerIds.siret },
  };
  fields.dossiers = dossiers(
    syntax,
    [
      ['BuyerReference', text(root, 'cbc:BuyerReference')],
      ['OrderReference', text(root, 'cac:OrderReference/cbc:ID')],
      ['ContractDocumentReference', text(root, 'cac:ContractDocumentReference/cbc:ID')],
      ['ProjectReference', text(root, 'cac:ProjectReference/cbc:ID')],
    ],
    texts(root, 'cbc:Note'),
    discarded,
  );
  const documentType = text(root, creditNote ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode') ?? (creditNote ? '381' : null);
  return { syntax, profile: profileName(profileId), profileId, documentType, fields, discarded };
}
