/**
 * Finds the e-invoice XML embedded in a PDF (`/Names/EmbeddedFiles`) through pdf.js, whatever
 * its AFRelationship (Data, Alternative, Source are all seen) and however its name is written.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { readInvoiceXml, type XmlReading } from './xml.js';

/** The e-invoice attachment names, most specific first (compared case-insensitively). */
export const EINVOICE_ATTACHMENTS: readonly string[] = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];

/**
 * An attachment's file name as meant: octal escapes some producers leave in the name decoded
 * (`factur\055x\056xml` → `factur-x.xml`), any folder dropped.
 */
export function decodeAttachmentName(raw: string): string {
  const decoded = raw.replace(/\\([0-7]{1,3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return (decoded.split(/[/\\]/).pop() ?? decoded).replace(/\0/g, '').trim();
}

/** The rank of a name among the e-invoice names (0 is `factur-x.xml`), or -1. */
export function einvoiceRank(name: string): number {
  return EINVOICE_ATTACHMENTS.indexOf(decodeAttachmentName(name).toLowerCase());
}

interface Attachment {
  key: string;
  name: string;
  rank: number;
  content?: Uint8Array | null;
}

export interface EmbeddedInvoice {
  /** The attachment's name, decoded. */
  attachment: string;
  reading: XmlReading;
}

export interface EmbeddedSearch {
  found: EmbeddedInvoice | null;
  /** An attachment had an e-invoice name but could not be read as one. */
  unreadable: string | null;
}

/** pdf.js 6 gives a Map of metadata (content fetched apart); older versions an object with the content. */
async function listAttachments(document: PDFDocumentProxy): Promise<Attachment[]> {
  let raw: unknown;
  try {
    raw = await document.getAttachments();
  } catch {
    return [];
  }
  if (!raw) return [];
  const entries: [string, unknown][] = raw instanceof Map ? [...raw.entries()] : Object.entries(raw as Record<string, unknown>);
  return entries.map(([key, value]) => {
    const meta = (value ?? {}) as { filename?: string; rawFilename?: string; content?: Uint8Array | null };
    const names = [key, meta.filename, meta.rawFilename].filter((n): n is string => typeof n === 'string' && n !== '');
    const ranks = names.map(einvoiceRank).filter((r) => r >= 0);
    const xmlName = names.map(decodeAttachmentName).find((n) => EINVOICE_ATTACHMENTS.includes(n.toLowerCase())) ?? decodeAttachmentName(meta.filename || key);
    return { key, name: xmlName, rank: ranks.length ? Math.min(...ranks) : -1, content: meta.content };
  });
}

async function contentOf(document: PDFDocumentProxy, attachment: Attachment): Promise<Uint8Array | null> {
  if (attachment.content) return attachment.content;
  const getContent = (document as { getAttachmentContent?: (id: string) => Promise<Uint8Array | null> }).getAttachmentContent;
  if (typeof getContent !== 'function') return null;
  try {
    return await getContent.call(document, attachment.key);
  } catch {
    return null;
  }
}

/**
 * The embedded invoice: the attachments with an e-invoice name first (factur-x.xml, then
 * zugferd-invoice.xml, then xrechnung.xml), then any other `.xml` attachment that turns out to be
 * an invoice (a PDF's other attachments, a delivery note, are skipped).
 */
export async function findEmbeddedInvoice(document: PDFDocumentProxy): Promise<EmbeddedSearch> {
  const attachments = await listAttachments(document);
  const named = attachments.filter((a) => a.rank >= 0).sort((a, b) => a.rank - b.rank);
  const others = attachments.filter((a) => a.rank < 0 && /\.xml$/i.test(a.name));
  let unreadable: string | null = null;
  for (const attachment of [...named, ...others]) {
    const content = await contentOf(document, attachment);
    const reading = content && content.length ? readInvoiceXml(content) : null;
    if (reading) return { found: { attachment: attachment.name, reading }, unreadable };
    if (attachment.rank >= 0) unreadable ??= attachment.name;
  }
  return { found: null, unreadable };
}
