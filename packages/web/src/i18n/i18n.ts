import { createStore, useStore } from '../store';
import { de, type MessageKey } from './de';
import { en } from './en';
import type { Locale } from './format';

export type { MessageKey } from './de';
export type { Locale } from './format';

const STORAGE_KEY = 'modellregionen.locale';
const MESSAGES: Record<Locale, Record<MessageKey, string>> = { de, en };

const initialLocale = (): Locale => {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
};

/** German unless the user switched to English (remembered on this device). */
export const localeStore = createStore<Locale>(initialLocale());

export const setLocale = (locale: Locale): void => {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private modes may refuse storage; the switch still holds for this page.
  }
  localeStore.set(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};

export const useLocale = (): Locale => useStore(localeStore);

export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
const interpolate = (template: string, params?: Params): string =>
  params === undefined ? template : template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

export const translate = (locale: Locale, key: MessageKey, params?: Params): string => interpolate(MESSAGES[locale][key], params);

/** The current language's text for `key`. */
export const t = (key: MessageKey, params?: Params): string => translate(localeStore.get(), key, params);
