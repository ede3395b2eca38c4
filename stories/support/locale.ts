/**
 * The toolbar's language switch. The elements take their language from their own `lang`, their
 * provider's, the nearest `lang` attribute, else `<html lang>`: the decorator sets the last one,
 * and the elements re-render when it changes. A story can pin a language with
 * `globals: { locale: 'en' }`.
 */
import type { Decorator, Loader } from '@storybook/web-components-vite';
import type { GlobalTypes } from 'storybook/internal/csf';
import { whenLocaleReady } from '../../src/i18n/index.js';

export const LOCALES = { fr: 'Français', en: 'English' } as const;
export type StoryLocale = keyof typeof LOCALES;

export const localeGlobalTypes: GlobalTypes = {
  locale: {
    description: 'Langue des éléments (<html lang>)',
    toolbar: {
      title: 'Langue',
      icon: 'globe',
      items: Object.entries(LOCALES).map(([value, title]) => ({ value, title, right: value.toUpperCase() })),
      dynamicTitle: true,
    },
  },
};

/** Languages other than French are fetched when first asked for: a story starts once its own is in. */
export const localeLoader: Loader = async ({ globals }) => {
  await whenLocaleReady(globals.locale === 'en' ? 'en' : 'fr');
  return {};
};

export const withLocale: Decorator = (story, { globals }) => {
  const locale: StoryLocale = globals.locale === 'en' ? 'en' : 'fr';
  if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
  return story();
};
