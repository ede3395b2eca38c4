/**
 * Reads an invoice's fields from the text of its PDF (what pdf.js's text layer gives).
 * Only values that are really printed are returned: what cannot be found stays null.
 */
import { parseAmount } from '../rules/amount.js';
import { parseDate } from '../rules/date.js';
import { findDossierNumbers } from '../rules/dossier.js';
import { checkSiren, checkSiret } from '../rules/siren.js';

export interface TextReading {
  invoiceNumber: string | null;
  issueDate: string | null;
  amountHT: number | null;
  amountTVA: number | null;
  amountTTC: number | null;
  siret: string | null;
  siren: string | null;
  dossiers: string[];
  creditNote: boolean;
}

const AMOUNT = String.raw`(-?\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:[.,]\d{1,2})?|-?\d+(?:[.,]\d{1,2})?)\s*(?:€|EUR)?`;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export function readInvoiceText(text: string): TextReading {
  const flat = text.replace(/[ \t]+/g, ' ');
  return {
    invoiceNumber: findInvoiceNumber(flat),
    issueDate: findIssueDate(flat),
    amountHT: findAmount(flat, String.raw`total\s*(?:h\.?t\.?|hors\s*taxes?)`),
    amountTVA: findAmount(flat, String.raw`(?:total\s*)?t\.?v\.?a\.?(?:\s*\(?\d{1,2}(?:[.,]\d{1,2})?\s*%\)?)?`),
    amountTTC: findAmount(flat, String.raw`(?:total\s*)?(?:t\.?t\.?c\.?|toutes\s*taxes\s*comprises|net\s*à\s*payer)`),
    siret: findSiret(flat),
    siren: findSiren(flat),
    dossiers: findDossierNumbers(flat),
    creditNote: /\bavoir\s*(?:n[°o]|num)/i.test(flat),
  };
}

function findInvoiceNumber(text: string): string | null {
  const match = /\b(?:facture|avoir|invoice)\s*(?:n\s*[°o º]\.?|num[ée]ro|no\.?|#)\s*:?\s*([A-Z0-9][A-Z0-9\-_/.]{0,34})/i.exec(text);
  return match ? match[1]!.replace(/[.]+$/, '') : null;
}

function findIssueDate(text: string): string | null {
  const labelled = /\b(?:date(?:\s*de\s*(?:la\s*)?facture|\s*d['’]émission|\s*de\s*facturation)?|émise\s*le|du)\s*:?\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/i.exec(text);
  if (labelled) return parseDate(labelled[1]!);
  const written = new RegExp(String.raw`\b(\d{1,2})(?:er)?\s+(${MONTHS.join('|')})\s+(\d{4})\b`, 'i').exec(text);
  if (written) {
    const month = MONTHS.indexOf(written[2]!.toLowerCase()) + 1;
    return parseDate(`${written[1]}/${month}/${written[3]}`);
  }
  const any = /\b(\d{1,2}\/\d{1,2}\/\d{4})\b/.exec(text);
  return any ? parseDate(any[1]!) : null;
}

/** The last amount printed after a label (totals come after the line items). */
function findAmount(text: string, label: string): number | null {
  const pattern = new RegExp(String.raw`\b${label}\s*:?\s*${AMOUNT}`, 'gi');
  let found: number | null = null;
  for (const match of text.matchAll(pattern)) {
    const value = parseAmount(match[1]!);
    if (value !== null) found = value;
  }
  return found;
}

function findSiret(text: string): string | null {
  const candidates = [...text.matchAll(/\b(\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{5})\b/g)].map((m) => m[1]!.replace(/\D/g, ''));
  const valid = candidates.filter((c) => checkSiret(c).ok);
  // A SIRET printed next to its label is the seller's; otherwise the first valid one.
  const labelled = /siret\s*:?\s*(\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{5})/i.exec(text);
  const near = labelled?.[1]?.replace(/\D/g, '');
  return near && checkSiret(near).ok ? near : (valid[0] ?? null);
}

function findSiren(text: string): string | null {
  const labelled = /(?:siren|rcs[^\d]{0,20})\s*:?\s*(\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3})\b/i.exec(text);
  const digits = labelled?.[1]?.replace(/\D/g, '');
  return digits && checkSiren(digits).ok ? digits : null;
}
