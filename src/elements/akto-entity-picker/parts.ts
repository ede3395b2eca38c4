export const ENTITY_PICKER_PARTS = ['base'] as const;
