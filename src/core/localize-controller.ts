import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { includeFrench, onLocaleLoaded, resolveLocale, toLocale, translationFor, type LaterGroup, type Locale, type Translation } from '../i18n/index.js';
import { configContext } from './config.js';

type LocalizedHost = ReactiveControllerHost & HTMLElement;

// One observer of `<html lang>` and one listener for languages arriving, shared by every
// connected host: a page switching language re-renders them all, and so does English once loaded.
const hosts = new Set<LocalizedHost>();
let htmlLang: MutationObserver | undefined;
let stopListening: (() => void) | undefined;

function watch(host: LocalizedHost, on: boolean): void {
  if (on) hosts.add(host);
  else hosts.delete(host);
  const refresh = () => hosts.forEach((h) => h.requestUpdate());
  if (hosts.size && !htmlLang) {
    htmlLang = new MutationObserver(refresh);
    htmlLang.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    stopListening = onLocaleLoaded(refresh);
  } else if (!hosts.size && htmlLang) {
    htmlLang.disconnect();
    stopListening?.();
    htmlLang = stopListening = undefined;
  }
}

/**
 * The user's language for one element: its own `lang`, else the `<akto-provider>`'s or the
 * enclosing akto element's, else the nearest ancestor's `lang`, else `<html lang>`; and the
 * translation of it (French while another language loads: the host re-renders when it arrives).
 */
export class LocalizeController implements ReactiveController {
  private inherited: ContextConsumer<typeof configContext, LocalizedHost>;

  /** `french`: the French of the groups after the first view the host says (frSteps, from i18n/fr-steps.ts). */
  constructor(
    private readonly host: LocalizedHost,
    french?: Pick<Translation, LaterGroup>,
  ) {
    if (french) includeFrench(french);
    host.addController(this);
    this.inherited = new ContextConsumer(host, { context: configContext, subscribe: true });
  }

  hostConnected(): void {
    watch(this.host, true);
  }

  hostDisconnected(): void {
    watch(this.host, false);
  }

  get locale(): Locale {
    if (this.host.lang) return toLocale(this.host.lang);
    const inherited = this.inherited.value?.lang;
    return inherited ? toLocale(inherited) : resolveLocale(this.host);
  }

  get t(): Translation {
    return translationFor(this.locale);
  }

  /** The tag sent as Accept-Language: the translation's (`en-GB`), or while it loads the language asked for. */
  get language(): string {
    const { locale, t } = this;
    return toLocale(t.locale) === locale ? t.locale : locale;
  }
}
