import i18n, { type CustomTypeOptions } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { vi } from './vi.ts';

type Resources = CustomTypeOptions['resources'];

const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'motcua.lang';

/** Vietnamese unless this device chose English before; storage may be blocked (private mode). */
function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function reflectLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

// The shared dictionary (`common`: site, navigation, states, forms) is a few KB in both languages,
// so it ships in the entry chunk and init stays synchronous: the first render is already in the
// right language, with no flash of the other one. Each app's own text is a namespace of its own
// (`portal`, `office`, `field`) that its route chunks register when they load (addMessages), so
// a citizen never downloads the office's or the field app's text.
void i18n.use(initReactI18next).init({
  resources: { vi: { common: vi }, en: { common: en } },
  ns: ['common'],
  defaultNS: 'common',
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

function toLanguage(lng: string | undefined): Language {
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

export type AppNamespace = 'portal' | 'office' | 'field' | 'discrepancies' | 'voice' | 'notices' | 'reference' | 'reconciliation';

/**
 * Registers an app's dictionaries, both languages at once (switching language never waits).
 * Called at module level by portal/i18n, office/i18n and field/i18n, so the text is in place
 * before any component of that app renders.
 */
export function addMessages<N extends AppNamespace>(ns: N, dictionaries: Record<Language, Resources[N]>): void {
  for (const lang of LANGUAGES) if (!i18n.hasResourceBundle(lang, ns)) i18n.addResourceBundle(lang, ns, dictionaries[lang]);
}

export { i18n };
