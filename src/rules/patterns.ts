/**
 * The shapes of INSEE's numbers, once: the rules, the API schemas, the lists' query cleaning and
 * the reader all test them. No import, so the API contract can take them without the rules' messages.
 */

/** A SIREN as sent and stored: 9 digits, no spaces (its checksum is checkSiren's). */
export const SIREN_PATTERN = /^\d{9}$/;

/** A SIRET as sent and stored: 14 digits, no spaces (its checksum is checkSiret's). */
export const SIRET_PATTERN = /^\d{14}$/;
