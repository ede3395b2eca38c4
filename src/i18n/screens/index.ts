/**
 * The screens' words (see translation.ts), loaded like the main translation: French at once (in
 * the chunk of the element that asks), other languages the first time they are asked for. An
 * element reads them through ScreensWords, which draws it again when its language arrives.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../index.js';
import type { BankFailure } from '../../rules/bank.js';
import { fr } from './fr.js';
import type { ScreensTranslation } from './translation.js';

export type { ScreensTranslation };

const LOADERS = {
  fr: async () => fr,
  en: async () => (await import('./en.js')).en,
} satisfies Record<Locale, () => Promise<ScreensTranslation>>;

const loaded: Partial<Record<Locale, ScreensTranslation>> = { fr };
const loading = new Map<Locale, Promise<ScreensTranslation>>();

/** Fetches a language's screen words once; a failed load stays French and is tried again next time. */
export function loadScreens(locale: Locale): Promise<ScreensTranslation> {
  const ready = loaded[locale];
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]().then((words) => ((loaded[locale] = words), words));
    pending.finally(() => loading.delete(locale)).catch(() => undefined);
    loading.set(locale, pending);
  }
  return pending;
}

/** The words of `locale` if they are in, else French while they load (the load starts here). */
export function screensFor(locale: Locale): ScreensTranslation {
  const words = loaded[locale];
  if (words) return words;
  loadScreens(locale).catch(() => undefined);
  return fr;
}

/** A bank rule's failure in words. */
export function bankRuleText(words: ScreensTranslation, failure: BankFailure): string {
  return words.rules[failure.code](failure.params);
}

/** An element's screen words in its language: `new ScreensWords(this, () => this.l10n.locale)`. */
export class ScreensWords implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly locale: () => Locale,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get s(): ScreensTranslation {
    const locale = this.locale();
    const words = loaded[locale];
    if (words) return words;
    loadScreens(locale).then(() => this.host.requestUpdate(), () => undefined);
    return fr;
  }
}
