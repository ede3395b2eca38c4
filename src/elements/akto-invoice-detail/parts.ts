export const INVOICE_DETAIL_PARTS = ['base', 'badge'] as const;
