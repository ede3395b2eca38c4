/**
 * The project's invoice reader (src/reader, pdf.js) on Node, so deposits on the server get their
 * fields read as in the mock. Two things the browser has and Node lacks are supplied here, and
 * only here, so the browser bundle does not change:
 * - pdf.js's default build wants a browser (on Node 22 it fails on `Promise.try`); its `legacy`
 *   build is the one meant for Node. A resolve hook sends the reader's imports there.
 * - the Factur-X/UBL reader parses XML with `DOMParser`; @xmldom/xmldom provides one, with the
 *   `children` list the reader walks.
 */
import { registerHooks } from 'node:module';
import { DOMParser as XmlDomParser, Element as XmlElement } from '@xmldom/xmldom';
import { readFieldsFromPdf } from '../src/backend/read-fields.js';
import type { FieldReader } from '../src/backend/service.js';

const LEGACY: Record<string, string> = {
  'pdfjs-dist': 'pdfjs-dist/legacy/build/pdf.mjs',
  'pdfjs-dist/build/pdf.worker.min.mjs': 'pdfjs-dist/legacy/build/pdf.worker.min.mjs',
};

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  registerHooks({ resolve: (specifier, context, next) => next(LEGACY[specifier] ?? specifier, context) });

  const globals = globalThis as { DOMParser?: unknown };
  if (globals.DOMParser) return;
  if (!Object.getOwnPropertyDescriptor(XmlElement.prototype, 'children')) {
    Object.defineProperty(XmlElement.prototype, 'children', {
      get(this: XmlElement) {
        return Array.from(this.childNodes).filter((node) => node.nodeType === 1);
      },
    });
  }
  // The browser's DOMParser never throws: a malformed document comes back as <parsererror>.
  globals.DOMParser = class DOMParser {
    parseFromString(text: string, type: string) {
      const parser = (onError: () => void) => new XmlDomParser({ onError: (level: string) => level !== 'warning' && onError() });
      try {
        return parser(() => {
          throw new Error('malformed XML');
        }).parseFromString(text, type as 'application/xml');
      } catch {
        return parser(() => {}).parseFromString('<parsererror/>', 'application/xml');
      }
    }
  };
}

/** The reader for the service, with Node's missing pieces supplied on first use. */
export function nodeFieldReader(): FieldReader {
  install();
  return readFieldsFromPdf;
}
