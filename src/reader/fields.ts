/** Helpers shared by the XML and text readers: building fields, sorting SIREN/SIRET from other identifiers. */
import { checkSiren, checkSiret, SIREN_PATTERN, SIRET_PATTERN } from '../rules/siren.js';
import type { Confidence, DiscardedValue, InvoiceFields, ReadField, Syntax } from './types.js';

export function emptyFields(): InvoiceFields {
  return {
    invoiceNumber: null,
    issueDate: null,
    currency: null,
    amountHT: null,
    amountTVA: null,
    amountTTC: null,
    amountDue: null,
    seller: { name: null, siren: null, siret: null },
    buyer: { siren: null, siret: null },
    dossiers: null,
  };
}

export function field<T>(value: T | null | undefined, syntax: Syntax, confidence: Confidence): ReadField<T> | null {
  return value === null || value === undefined ? null : { value, syntax, confidence };
}

/** Collapses white space; null for nothing. */
export function clean(text: string | null | undefined): string | null {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

/** An identifier of a party as written, with its scheme (ISO 6523 ICD: 0002 SIREN, 0009 SIRET). */
export interface PartyId {
  value: string;
  scheme: string | null;
  /** Where it was, for `discarded`. */
  from: string;
}

export interface PartyIds {
  siren: ReadField<string> | null;
  siret: ReadField<string> | null;
  discarded: DiscardedValue[];
}

/**
 * The SIREN and SIRET of one party from its identifiers. Scheme 0002 carries a SIREN (9 digits)
 * or, in older files, a SIRET (14 digits); scheme 0009 a SIRET. Other schemes (GLN, DUNS, VAT)
 * are not French company numbers and are ignored. Only numbers passing their checksum are
 * reported; the others go to `discarded`. A missing SIREN is taken from a valid SIRET's first
 * 9 digits (a SIRET is the SIREN plus the establishment's number).
 */
export function partyIds(ids: readonly PartyId[], role: 'seller' | 'buyer', syntax: Syntax, confidence: Confidence = 'high'): PartyIds {
  const sirenField = `${role}.siren` as const;
  const siretField = `${role}.siret` as const;
  const result: PartyIds = { siren: null, siret: null, discarded: [] };
  for (const id of ids) {
    const scheme = id.scheme?.trim() ?? '';
    if (scheme !== '0002' && scheme !== '0009') continue;
    const digits = id.value.replace(/[\s.]/g, '');
    const from = `${id.from}@${scheme}`;
    if (SIRET_PATTERN.test(digits)) {
      if (checkSiret(digits).ok) result.siret ??= { value: digits, syntax, confidence };
      else result.discarded.push({ field: siretField, value: digits, syntax, reason: 'checksum', from });
    } else if (scheme === '0002' && SIREN_PATTERN.test(digits)) {
      if (checkSiren(digits).ok) result.siren ??= { value: digits, syntax, confidence };
      else result.discarded.push({ field: sirenField, value: digits, syntax, reason: 'checksum', from });
    } else {
      result.discarded.push({ field: scheme === '0009' ? siretField : sirenField, value: id.value.trim(), syntax, reason: 'format', from });
    }
  }
  return withSirenFromSiret(result);
}

/** Fills a missing SIREN from the SIRET; lowers both when they belong to different companies. */
export function withSirenFromSiret<T extends { siren: ReadField<string> | null; siret: ReadField<string> | null }>(ids: T): T {
  const { siren, siret } = ids;
  if (siret && !siren) {
    const head = siret.value.slice(0, 9);
    if (checkSiren(head).ok) ids.siren = { value: head, syntax: siret.syntax, confidence: siret.confidence };
  } else if (siret && siren && !siret.value.startsWith(siren.value)) {
    ids.siren = { ...siren, confidence: 'medium' };
    ids.siret = { ...siret, confidence: 'medium' };
  }
  return ids;
}
