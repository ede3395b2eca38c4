import { createContext } from '@lit/context';
import type { ReactiveElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenSource } from '../api/client.js';
import { textAttribute } from './attributes.js';
import type { Connection } from './connection.js';

/** The configuration of the API: on `<akto-provider>` for every element inside it, or on one element. */
export interface AktoConfig {
  apiBase?: string;
  token?: TokenSource | null;
  credentials?: RequestCredentials;
  timeoutMs?: number;
  /** Who is signed in, as the host knows them: drafts are kept per user (none with a token and no user). */
  user?: string;
  /** How long a draft is kept, in seconds (a day by default). */
  draftsMaxAge?: number;
  /** Forget this browser's drafts when the API answers 401 (a session that ended). */
  clearDraftsOnUnauthorized?: boolean;
  /** Where the host's page attaches a company to the account (the guide's FAQ), for an entity missing from the list. */
  attachHref?: string;
}

/** What a provider, or an akto element, passes to the akto elements inside it. */
export interface Inherited extends AktoConfig {
  lang?: string;
  /** The API client and the resources loaded once for all of them (the entities…). */
  connection?: Connection;
}

export const configContext = createContext<Inherited>(Symbol.for('akto-invoice-widget/config'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/**
 * The configuration attributes, declared here once: `<akto-provider>` and every element that
 * talks to the API take them (an element's own win over its provider's).
 */
/** The configuration attributes an element takes (declared by Configurable below). */
export interface ConfigAttributes {
  apiBase?: string;
  token?: TokenSource | null;
  credentials?: RequestCredentials;
  timeout?: number;
  user?: string;
  draftsMaxAge?: number;
  clearDraftsOnUnauthorized?: boolean;
  attachHref?: string;
}

// The return type is named so the published declarations need not spell the mixin's class out.
export const Configurable = <B extends Constructor<ReactiveElement>>(base: B): B & Constructor<ConfigAttributes> => {
  class ConfigurableElement extends base {
    /** The API's base URL. Falls back to the nearest `<akto-provider>`'s. */
    @property({ attribute: 'api-base' }) apiBase?: string;

    /** A bearer token, or a function returning the current one (it may refresh it). */
    @property({ attribute: false }) token?: TokenSource | null;

    /** `include` to send cookies to another origin (cookie auth). */
    @property() credentials?: RequestCredentials;

    /** Request timeout in milliseconds (30 s by default). */
    @property({ type: Number }) timeout?: number;

    /**
     * Who is signed in (an id the host knows them by): the drafts this browser keeps are theirs
     * alone. With a token and no user, no draft is kept: two people may share the browser.
     */
    @property({ converter: textAttribute }) user?: string;

    /** How long a draft is kept in this browser, in seconds (86400, a day, by default). */
    @property({ attribute: 'drafts-max-age', type: Number }) draftsMaxAge?: number;

    /** Forget this browser's drafts when the API answers 401 (the session has ended). */
    @property({ attribute: 'clear-drafts-on-unauthorized', type: Boolean }) clearDraftsOnUnauthorized?: boolean;

    /** Where the host's page attaches a company to the account: offered when an entity is missing from the list, or there is none. */
    @property({ attribute: 'attach-href' }) attachHref?: string;
  }
  return ConfigurableElement;
};


/** The configuration an element's own attributes give, then what it inherits for the rest. */
export function configOf(own: ConfigAttributes, inherited: AktoConfig = {}): AktoConfig {
  return {
    apiBase: own.apiBase ?? inherited.apiBase,
    token: own.token !== undefined ? own.token : inherited.token,
    credentials: own.credentials ?? inherited.credentials,
    timeoutMs: own.timeout ?? inherited.timeoutMs,
    user: own.user || inherited.user,
    draftsMaxAge: own.draftsMaxAge ?? inherited.draftsMaxAge,
    clearDraftsOnUnauthorized: own.clearDraftsOnUnauthorized || inherited.clearDraftsOnUnauthorized,
    attachHref: own.attachHref || inherited.attachHref,
  };
}
