import { createContext } from '@lit/context';
import type { TokenSource } from '../api/client.js';

/** What a page sets once, on `<akto-provider>`, for every element inside it. */
export interface AktoConfig {
  apiBase?: string;
  token?: TokenSource | null;
  credentials?: RequestCredentials;
  timeoutMs?: number;
  lang?: string;
}

export const configContext = createContext<AktoConfig>(Symbol.for('akto-invoice-widget/config'));
