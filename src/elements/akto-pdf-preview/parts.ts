export const PDF_PREVIEW_PARTS = ['toolbar', 'canvas'] as const;
