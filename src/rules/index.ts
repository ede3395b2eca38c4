// Field rules, pure and shared: the elements give instant feedback with them, the back end enforces them;
// fields.ts is their catalogue (A–F: letter, label, rule, format, reader mapping).
export * from './result.js';
export * from './siren.js';
export * from './dossier.js';
export * from './amount.js';
export * from './date.js';
export * from './invoice-number.js';
export * from './file.js';
export * from './fields.js';
export * from './deposit.js';
