/**
 * The name of the package's Trusted Types policy, on its own: the single script exports it
 * without carrying the policy's code (loaded with drag and drop or the PDF reader).
 */
export const TRUSTED_TYPES_POLICY = 'akto-invoice-widget';
