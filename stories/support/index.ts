/** Everything a story needs: the mock backend, the provider, shadow-DOM queries and narrow screens. */
export { API_BASE, VALID_TOKEN, mock, resetMock, type AktoFault, type AktoMockParameters } from './mock.js';
export { inProvider, withProvider, type ProviderOptions } from './provider.js';
export { DEFAULT_TIMEOUT_MS, deepQuery, deepQueryAll, deepText, findDeep, waitForText } from './dom.js';
export { AKTO_VIEWPORTS, NARROW, NARROW_WIDTH, narrowFrame } from './viewport.js';
export { LOCALES, type StoryLocale } from './locale.js';
