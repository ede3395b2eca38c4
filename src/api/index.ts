export * from './schemas.js';
export { routes, ROUTE_NAMES, fillPath, toSearchParams, fromSearchParams, type Route, type RouteName, type Routes, type Method } from './contract.js';
export { ApiClient, DEFAULT_TIMEOUT_MS, newIdempotencyKey, type ClientOptions, type TokenSource, type CallOptions, type UploadOptions } from './client.js';
export { ApiError, isApiError, isAbort, type ApiErrorKind } from './errors.js';
