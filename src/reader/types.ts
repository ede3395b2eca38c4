/**
 * What `readInvoice` tells about one file: whether it can be deposited, and the invoice's values
 * with where each one was read and how sure the reader is. Values are never invented: what
 * cannot be read is null.
 */

/**
 * What a value was read from: the embedded e-invoice in its syntax — `CII` (Factur-X, ZUGFeRD 1.0
 * and 2.x, XRechnung CII: the profile says which), `UBL` (XRechnung UBL, Peppol) — or the PDF's
 * `text` layer.
 */
export type Syntax = 'CII' | 'UBL' | 'text';

/**
 * How sure the reader is of a value.
 * - `high`: from the embedded XML and passing its checks; or from the text, after an explicit
 *   label and confirmed by an independent check (HT + TVA = TTC, a SIRET after « SIRET » that
 *   passes its checksum, the number after « Facture n° »).
 * - `medium`: from the text after a label, not confirmed; or from the XML but failing a
 *   consistency check (totals that do not add up).
 * - `low`: a guess from the text (no label, or found by position): offer it, do not trust it.
 */
export type Confidence = 'high' | 'medium' | 'low';

/** One value read from the file. */
export interface ReadField<T> {
  value: T;
  syntax: Syntax;
  confidence: Confidence;
}

/** A party's French company numbers. */
export interface PartyNumbers {
  /** SIREN (9 digits), only when it passes its checksum (given from a valid SIRET when not printed). */
  siren: ReadField<string> | null;
  /** SIRET (14 digits), only when it passes its checksum (or La Poste's rule). */
  siret: ReadField<string> | null;
}

/** The seller (BG-4): its name and numbers. */
export interface SellerFields extends PartyNumbers {
  /** BT-27, the seller's name. */
  name: ReadField<string> | null;
}

/** The invoice's values; each is null when the file does not carry it (or it could not be read). */
export interface InvoiceFields {
  /** BT-1, « Facture n° ». */
  invoiceNumber: ReadField<string> | null;
  /** BT-2, ISO `YYYY-MM-DD`. */
  issueDate: ReadField<string> | null;
  /** BT-5, ISO 4217 (`EUR`). */
  currency: ReadField<string> | null;
  /** BT-109, total HT (in the invoice currency; negative on a credit note, see `creditNote`). */
  amountHT: ReadField<number> | null;
  /** BT-110, total TVA; from the text, the total line or the sum of the per-rate lines when they add up. */
  amountTVA: ReadField<number> | null;
  /** BT-112, total TTC. */
  amountTTC: ReadField<number> | null;
  /** BT-115, amount due (TTC less what was prepaid). */
  amountDue: ReadField<number> | null;
  /** The seller's name and numbers (`seller.siret`: step 2's field F). */
  seller: SellerFields;
  /** The buyer's numbers, only when valid. */
  buyer: PartyNumbers;
  /** AKTO dossier numbers (`2206AF000358`, `2103DCA22581`), in order of appearance; null when none. */
  dossiers: ReadField<string[]> | null;
}

import type { ReaderLimit, ReaderLimits } from './limits.js';

/**
 * - `ok`: a readable PDF (values in `fields`, possibly none);
 * - `scan`: a PDF with no text layer and no embedded XML: accepted, but nothing could be read automatically;
 * - `over-limit`: a PDF over one of the reader's caps (`limit`: time, pages, bytes, inflated size):
 *   accepted, not read here (the server reads it);
 * - `unavailable`: the reader itself could not load (pdf.js's import failed): accepted, not read;
 *   the next reading tries to load it again. Never a reason to refuse a file;
 * - refusals: `not-pdf` (by content, whatever its name), `empty`, `encrypted` (needs a password:
 *   AKTO cannot read it), `damaged` (pdf.js cannot open it, or it has no pages).
 */
export type ReadingStatus = 'ok' | 'scan' | 'over-limit' | 'unavailable' | 'not-pdf' | 'empty' | 'encrypted' | 'damaged';

/** The statuses that refuse the file before upload. */
export type RefusalStatus = Exclude<ReadingStatus, 'ok' | 'scan' | 'over-limit' | 'unavailable'>;

/**
 * What the reading as a whole was read from: an embedded e-invoice's syntax (`CII`, `UBL`; with
 * text to complete it, if needed), the `text` alone, or nothing (`null`).
 */
export type ReadingSyntax = Syntax | null;

/** An embedded e-invoice's syntax: CII (Factur-X, ZUGFeRD 1.0 and 2.x, XRechnung CII) or UBL. */
export type XmlSyntax = Exclude<Syntax, 'text'>;

/**
 * Why a document is a credit note: its type code (381 and the other credit-note types), its text
 * (« AVOIR N° … »), its totals below zero.
 */
export type CreditNoteReason = 'type-code' | 'text' | 'negative-totals';

/** Something the reader noticed that the user may need to know. */
export type ReadingWarning =
  /** An e-invoice attachment was there but could not be parsed: the text was read instead. */
  | 'xml-unreadable'
  /**
   * The totals do not add up (HT + TVA ≠ TTC, EN 16931 BR-CO-15). From the XML, they are given
   * with `confidence: 'medium'`; from the text, none is given.
   */
  | 'totals-mismatch';

/**
 * A value found in the file but not reported in `fields`, and why: a SIREN or SIRET that fails
 * its checksum (the public samples' fake ones), a reference that is not an AKTO dossier number.
 */
export interface DiscardedValue {
  field: 'seller.siren' | 'seller.siret' | 'buyer.siren' | 'buyer.siret' | 'dossiers';
  value: string;
  syntax: Syntax;
  /** `checksum`: fails Luhn; `format`: not 9 or 14 digits; `pattern`: not an AKTO dossier number. */
  reason: 'checksum' | 'format' | 'pattern';
  /** Where it was, e.g. `SpecifiedLegalOrganization/ID@0002`, `BuyerReference`, `SIRET` (a text label). */
  from: string;
}

export interface InvoiceReading {
  status: ReadingStatus;
  /** Whether the file may be deposited: true for `ok`, `scan`, `over-limit` and `unavailable`, false for the refusals. */
  accepted: boolean;
  /** The file's name (`options.name`, else `File.name`), for messages; null when unknown. */
  name: string | null;
  /** What it was read from: `CII`, `UBL` (an embedded e-invoice), `text`, or null (nothing read). */
  syntax: ReadingSyntax;
  /**
   * The profile's usual name: `MINIMUM`, `BASIC WL`, `BASIC`, `EN 16931`, `EXTENDED`, `XRECHNUNG`,
   * `ZUGFeRD 1.0 BASIC` / `COMFORT` / `EXTENDED`, `PEPPOL BIS 3`; null when unknown (see `profileId`).
   */
  profile: string | null;
  /** The guideline identifier as written (`urn:cen.eu:en16931:2017`, `urn:factur-x.eu:1p0:minimum`…). */
  profileId: string | null;
  /** The name of the embedded file read (`factur-x.xml`, `xrechnung.xml`…), decoded. */
  attachment: string | null;
  /** UNTDID 1001 document type (BT-3): `380` invoice, `381` credit note, `389` self-billing, `751`… */
  documentType: string | null;
  /**
   * An avoir: a credit-note type (81, 83, 261, 262, 296, 308, 381, 396, 420, 458, 532), « AVOIR N° » in
   * the text, or negative totals (TTC, else HT). 389 (self-billing) and 751 are not. A credit note's
   * amounts are always negative, whatever the file wrote (see `creditNoteReasons`).
   */
  creditNote: boolean;
  /** Why it is a credit note (several reasons may hold); empty when it is not one. */
  creditNoteReasons: CreditNoteReason[];
  /** Type 751, « invoice information for accounting purposes »: not an invoice. */
  notAnInvoice: boolean;
  fields: InvoiceFields;
  /** Values seen but not reported, with the reason. */
  discarded: DiscardedValue[];
  warnings: ReadingWarning[];
  /** Page count; null when the PDF could not be opened. */
  pages: number | null;
  /** With `over-limit`, the cap the file went over; null otherwise. */
  limit: ReaderLimit | null;
  /** A technical detail on a refusal or an unreadable attachment (the pdf.js error), for logs; not for users. */
  detail: string | null;
}

export interface ReadInvoiceOptions {
  /** The file's name, for `reading.name`; `File.name` by default. */
  name?: string;
  /** Stops the reading (its worker terminated): `readInvoice` rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** The reading's time limit in ms (10 s in a worker, 3 s without one): past it, `over-limit` (`limit: 'time'`). */
  timeLimit?: number;
  /** Other caps than the defaults (`READER_LIMITS`, or `PAGE_THREAD_LIMITS` when pdf.js has no worker). */
  limits?: Partial<ReaderLimits>;
}
