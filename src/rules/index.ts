// Field rules, pure and shared: the elements give instant feedback with them, the mock server enforces them.
export * from './result.js';
export * from './siren.js';
export * from './dossier.js';
export * from './amount.js';
export * from './date.js';
export * from './invoice-number.js';
export * from './file.js';
