import { encodeSegment } from '../api/uri.js';

/** Fills a host's URL template: `/dossiers/{number}` with `{ number: '2206AF000578' }`, values encoded. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encodeSegment(values[name]!) : whole));
}
