/**
 * The screens' words (see translation.ts), loaded like the main translation: French at once (in
 * the chunk of the element that asks), other languages the first time they are asked for. An
 * element reads them through ScreensWords, which draws it again when its language arrives.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../index.js';
import { catalog } from '../catalog.js';
import type { BankFailure } from '../../rules/bank.js';
import { fr } from './fr.js';
import type { ScreensTranslation } from './translation.js';

export type { ScreensTranslation };

const screens = catalog<Locale, ScreensTranslation>(
  {
    fr: async () => fr,
    en: async () => (await import('./en.js')).en,
  },
  fr,
);

/** Fetches a language's screen words once; a failed load stays French and is tried again next time. */
export const loadScreens = (locale: Locale): Promise<ScreensTranslation> => screens.load(locale);

/** The words of `locale` if they are in, else French while they load (the load starts here). */
export const screensFor = (locale: Locale): ScreensTranslation => screens.get(locale);

/** A bank rule's failure in words. */
export function bankRuleText(words: ScreensTranslation, failure: BankFailure): string {
  return words.rules[failure.code](failure.params);
}

/** An element's screen words in its language: `new ScreensWords(this, () => this.l10n.locale)`; drawn again when they arrive. */
export class ScreensWords implements ReactiveController {
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly locale: () => Locale,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = screens.onLoaded(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stop?.();
  }

  get s(): ScreensTranslation {
    return screens.get(this.locale());
  }
}
