/**
 * The name of the only Trusted Types policy this package creates (for FilePond's markup, never
 * for content from users or the API). A page whose CSP restricts policy names adds it:
 * `trusted-types akto-invoice-widget`. No default policy is ever created.
 */
export const TRUSTED_TYPES_POLICY = 'akto-invoice-widget';
