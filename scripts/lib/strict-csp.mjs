// The Content-Security-Policy the README gives partners, read from the README itself, so the
// tests that prove it (test/strict.test.ts, test/http/strict-page.test.ts) use it word for word.
import { readFileSync } from 'node:fs';

const MARKER = '<!-- strict-csp: the test reads the next line -->';

export function readmeStrictCsp() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const after = readme.split(MARKER)[1];
  const line = after?.split('\n').find((l) => l.startsWith('Content-Security-Policy: '));
  if (!line) throw new Error(`README.md: no « Content-Security-Policy: » line after ${MARKER}`);
  return line.slice('Content-Security-Policy: '.length).trim();
}
