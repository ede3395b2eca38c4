import type { ComplexAttributeConverter } from 'lit';

/**
 * For text attributes: removing the attribute gives back '' (Lit's default gives null, and
 * `search.trim()` and the like would throw when a host removes `search`).
 */
export const textAttribute: ComplexAttributeConverter<string> = {
  fromAttribute: (value) => value ?? '',
  toAttribute: (value) => value,
};
