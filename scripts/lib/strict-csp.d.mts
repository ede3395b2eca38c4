/** The Content-Security-Policy the README gives partners, read from README.md. */
export function readmeStrictCsp(): string;
