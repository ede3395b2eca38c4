/**
 * A partner page under the strictest CSP we promise to work with (see web-test-runner.config.mjs):
 * it records every CSP violation and page error, starts the mock backend, then loads the elements
 * the way the single script does.
 */
declare global {
  interface Window {
    strict: { violations: string[]; errors: string[]; ready: Promise<void> };
  }
}

const violations: string[] = [];
const errors: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

window.strict = {
  violations,
  errors,
  ready: (async () => {
    const { createMockBackend } = await import('../../src/mocks/index.js');
    const mock = createMockBackend({ baseUrl: '/api' });
    await mock.start();
    await import('../../src/script.js');
    const widget = document.createElement('akto-invoice-widget');
    widget.setAttribute('api-base', '/api');
    document.getElementById('stage')!.append(widget);
  })(),
};

export {};
