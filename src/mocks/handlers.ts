/**
 * The MSW side of the mock: every request under the base URL goes to the back end's app
 * (src/backend/app.ts), the same one the reference server runs over HTTP.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { NETWORK_FAULT_HEADER } from '../backend/app.js';

/** Anything that answers a Request, as the back end's Hono app does. */
export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

export function createHandlers(app: FetchApp, baseUrl: string): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const response = await app.fetch(request);
      // A « network » fault: the connection is lost instead of answered.
      return response.headers.has(NETWORK_FAULT_HEADER) ? HttpResponse.error() : response;
    }),
  ];
}
