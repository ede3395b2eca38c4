/**
 * Whose numbers: the seller's SIREN/SIRET and name, the buyer's numbers, from a plain PDF's layout.
 *
 * The buyer's block (under « Client », « Facturé à », « Destinataire »…) is a region of the page: a
 * column from its heading down, so its SIRET is the buyer's even when the seller's block stands on
 * the same rows beside it. Every other labelled number is the seller's: « SIRET », « SIREN »,
 * « RCS <ville> <SIREN> », and the SIREN inside a French VAT number (FR + key + SIREN, the key
 * checked). Numbers must pass their checksum; the others are discarded, so when only the buyer's
 * number is valid the seller has none. A number without a label is nobody's: an order, an IBAN, a
 * « déclaration d'activité » (11 digits) are never taken for the seller's.
 */
import { checkSiren, checkSiret } from '../rules/siren.js';
import { field, withSirenFromSiret } from './fields.js';
import { cellAt, type Row, type TextLayout } from './layout.js';
import type { DiscardedValue, PartyNumbers, ReadField } from './types.js';

const SIRET_DIGITS = String.raw`(\d{3} ?\d{3} ?\d{3} ?\d{5})(?! ?\d)`;
const SIREN_DIGITS = String.raw`(\d{3} ?\d{3} ?\d{3})(?! ?\d)`;
const SIRET_LABELLED = new RegExp(String.raw`(?<![\p{L}])SIRET\s*(?:n\s*[°º]\s*|no\.?\s*)?:?\s*${SIRET_DIGITS}`, 'giu');
const SIREN_LABELLED = new RegExp(String.raw`(?<![\p{L}])SIREN\s*(?:n\s*[°º]\s*|no\.?\s*)?:?\s*${SIREN_DIGITS}`, 'giu');
/** « RCS Paris B 421 938 861 », « RCS Bordeaux 824 092 688 », « B 421 938 861 RCS Paris ». */
const RCS_THEN_NUMBER = new RegExp(String.raw`(?<![\p{L}])R\.? ?C\.? ?S\.?(?![\p{L}])[^\d\n\t]{0,40}?${SIREN_DIGITS}`, 'giu');
const NUMBER_THEN_RCS = new RegExp(String.raw`(?<![\d.,])${SIREN_DIGITS} R\.? ?C\.? ?S(?![\p{L}])`, 'giu');
/** A French VAT number: FR, a two-digit key, the SIREN; spaces anywhere (« FR 604 219 388 61 »). */
const FRENCH_VAT = /(?<![\p{L}\d])FR ?((?:\d ?){10}\d)(?! ?\d)/giu;
/** The heading of the buyer's block: the numbers in the column below it are the buyer's. */
const BUYER_HEADING = /^(?:client|factur[ée]e? [àa]|adress[ée]e? [àa]|adresse de facturation|destinataire|acheteur|bill to|customer|donneur d['’]ordre)(?![\p{L}])\s*:?/iu;
/** A number said to be the buyer's where it stands (« SIRET client », « votre SIRET »). */
const BUYER_SAID = /(?:client|acheteur|votre|customer)\s*$/i;

/** The buyer's regions: for each heading, its page, rows and column. */
interface Region {
  page: number;
  from: number;
  to: number;
  x0: number;
  x1: number;
}

function buyerRegions(layout: TextLayout): Region[] {
  const regions: Region[] = [];
  for (const row of layout.rows) {
    row.cells.forEach((cell, i) => {
      if (!BUYER_HEADING.test(cell.text)) return;
      const next = row.cells[i + 1];
      let to = row.index;
      for (let j = row.index + 1; j < layout.rows.length && j <= row.index + 7; j++) {
        const below = layout.rows[j]!;
        if (below.page !== row.page || below.top - layout.rows[j - 1]!.top > row.size * 3) break;
        to = j;
      }
      regions.push({ page: row.page, from: row.index, to, x0: cell.x0 - 6, x1: next ? next.x0 : cell.x0 + 260 });
    });
  }
  return regions;
}

const inRegion = (regions: Region[], row: Row, x: number) => regions.some((r) => r.page === row.page && row.index >= r.from && row.index <= r.to && x >= r.x0 && x < r.x1);

/** SIREN from a French VAT number when its key is right: key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function sirenFromVat(digits: string): string | null {
  if (!/^\d{11}$/.test(digits)) return null;
  const siren = digits.slice(2);
  const key = Number(digits.slice(0, 2));
  return (12 + 3 * (Number(siren) % 97)) % 97 === key && checkSiren(siren).ok ? siren : null;
}

type Key = 'seller.siren' | 'seller.siret' | 'buyer.siren' | 'buyer.siret';

/** The seller's and the buyer's numbers found in the text. */
export interface CompanyNumbers {
  seller: PartyNumbers;
  buyer: PartyNumbers;
}

export function findCompanyNumbers(layout: TextLayout, discarded: DiscardedValue[]): CompanyNumbers {
  const regions = buyerRegions(layout);
  const found: Record<Key, ReadField<string> | null> = { 'seller.siren': null, 'seller.siret': null, 'buyer.siren': null, 'buyer.siret': null };
  const take = (key: Key, digits: string, valid: boolean, from: string) => {
    if (!valid) {
      if (!discarded.some((d) => d.field === key && d.value === digits)) discarded.push({ field: key, value: digits, syntax: 'text', reason: 'checksum', from });
      return;
    }
    found[key] ??= { value: digits, syntax: 'text', confidence: key.startsWith('buyer') ? 'medium' : 'high' };
  };
  const whose = (row: Row, index: number) => inRegion(regions, row, cellAt(row, index).x0) || BUYER_SAID.test(row.text.slice(Math.max(0, index - 12), index));

  for (const row of layout.rows) {
    for (const match of row.text.matchAll(SIRET_LABELLED)) {
      const digits = match[1]!.replace(/\D/g, '');
      const buyer = whose(row, match.index) || /^SIRET\s+(?:client|acheteur)/i.test(match[0]);
      take(buyer ? 'buyer.siret' : 'seller.siret', digits, checkSiret(digits).ok, 'SIRET');
    }
    for (const match of row.text.matchAll(SIREN_LABELLED)) {
      const digits = match[1]!.replace(/\D/g, '');
      take(whose(row, match.index) ? 'buyer.siren' : 'seller.siren', digits, checkSiren(digits).ok, 'SIREN');
    }
    // The RCS registration is a legal mention of the issuer.
    for (const pattern of [RCS_THEN_NUMBER, NUMBER_THEN_RCS]) {
      for (const match of row.text.matchAll(pattern)) {
        const digits = match[1]!.replace(/\D/g, '');
        take(whose(row, match.index) ? 'buyer.siren' : 'seller.siren', digits, checkSiren(digits).ok, 'RCS');
      }
    }
  }
  // The SIREN inside a VAT number, only when nothing else named the party's SIREN.
  for (const row of layout.rows) {
    for (const match of row.text.matchAll(FRENCH_VAT)) {
      const siren = sirenFromVat(match[1]!.replace(/\D/g, ''));
      if (!siren) continue;
      const key = whose(row, match.index) ? 'buyer.siren' : 'seller.siren';
      found[key] ??= { value: siren, syntax: 'text', confidence: key === 'seller.siren' ? 'high' : 'medium' };
    }
  }
  return {
    seller: withSirenFromSiret({ siren: found['seller.siren'], siret: found['seller.siret'] }),
    buyer: withSirenFromSiret({ siren: found['buyer.siren'], siret: found['buyer.siret'] }),
  };
}

// ---- the seller's name ----------------------------------------------------------------------------

const LEGAL_FORM = String.raw`(?:SASU|SAS|SARL|EURL|SA|SNC|SCS|SCA|SCOP|SCIC|SELARL|SELAS|SCM|SCI|GIE|Association)`;
const NAME_BEFORE_FORM = new RegExp(String.raw`^\s*(.{2,80}?)\s*[-–—,]?\s*\(?\b${LEGAL_FORM}\b\)?`, 'u');
const FORM_FIRST = new RegExp(String.raw`^\s*${LEGAL_FORM}\b.{0,20}(?:capital|RCS)`, 'iu');
const LEGAL_MENTION = /capital|R\.? ?C\.? ?S\b|SIRE[NT]|\bRNA\b|loi 1901/i;
const NAME = /^[\p{L}\d][\p{L}\d &'’.\-]{1,79}$/u;
const plausibleName = (name: string | undefined) => Boolean(name && NAME.test(name) && /\p{L}{2}/u.test(name) && !/^\d/.test(name));

/**
 * The issuer's name from its legal mention: « UNIVERS PROTEC FORMATION – SASU au capital de 5 000 € –
 * RCS Bayonne … », or the name on the row above a mention that starts with the legal form
 * (« FORMAPRO CONSEIL » then « Sarl au capital de 10 000 € … »).
 */
export function findSellerName(layout: TextLayout): ReadField<string> | null {
  const regions = buyerRegions(layout);
  for (const row of layout.rows) {
    if (inRegion(regions, row, row.cells[0]!.x0)) continue; // the buyer's own legal form
    const text = row.cells.map((c) => c.text).join(' ');
    if (!LEGAL_MENTION.test(text)) continue;
    if (FORM_FIRST.test(text)) {
      const above = layout.rows[row.index - 1];
      const name = above?.cells[0]?.text.replace(/[\s\-–—,]+$/, '');
      if (above && above.page === row.page && row.top - above.top <= row.size * 2.5 && above.cells.length === 1 && plausibleName(name)) return field(name, 'text', 'medium');
      continue;
    }
    const name = NAME_BEFORE_FORM.exec(text)?.[1]?.replace(/[\s\-–—,]+$/, '');
    if (plausibleName(name) && !/[:@]/.test(name!)) return field(name, 'text', 'medium');
  }
  return null;
}
