import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { vi, type Messages } from './vi.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'motcua.lang';

export const messages: Record<Language, Messages> = { vi, en };

/** Vietnamese unless this device chose English before; storage may be blocked (private mode). */
export function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function reflectLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

// Both dictionaries are a few KB, so they ship in the entry chunk and init stays synchronous:
// the first render is already in the right language, with no flash of the other one.
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  returnNull: false,
});
reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

export function setLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Remembering is a convenience; switching must still work without storage.
  }
  void i18n.changeLanguage(lang);
}

export function toLanguage(lng: string | undefined): Language {
  return lng === 'en' ? 'en' : 'vi';
}

/** Current UI language; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return toLanguage(instance.resolvedLanguage ?? instance.language);
}

/**
 * Data from the catalogue is Vietnamese with an optional English twin: show English only when
 * it is chosen and present, so a page never mixes languages within one field.
 */
export function localized(lang: Language, vietnamese: string, english?: string | null): string {
  return lang === 'en' && english && english.trim() !== '' ? english : vietnamese;
}

export { i18n };
