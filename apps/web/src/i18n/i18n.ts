import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './en';

export type Language = 'en' | 'fr';

/** Each language is its own chunk: a first visit downloads only the words it shows. */
const loaders: Record<Language, () => Promise<Messages>> = {
  en: () => import('./en').then((module) => module.en),
  fr: () => import('./fr').then((module) => module.fr),
};

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('language') : null;
const browser: Language = typeof navigator !== 'undefined' && navigator.language.startsWith('fr') ? 'fr' : 'en';
const initial: Language = saved === 'en' || saved === 'fr' ? saved : browser;

async function ensureLoaded(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await loaders[language]());
}

// Screen readers and the browser (hyphenation, spelling) read the page in the language shown.
// The tab's title too: the product's name in the language shown.
function markLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.setAttribute('lang', language.slice(0, 2));
  document.title = i18next.t('app.title');
}

/** Loads the saved (or the browser's) language, then starts i18next: call and await before the first render. */
export async function initI18n(): Promise<typeof i18next> {
  const resources = { [initial]: { translation: await loaders[initial]() } };
  await i18next.use(initReactI18next).init({ resources, lng: initial, fallbackLng: 'en', interpolation: { escapeValue: false } });
  i18next.on('languageChanged', markLanguage);
  markLanguage(i18next.language ?? initial);
  return i18next;
}

/** Switches the UI's language once its words have arrived (the other language's chunk is fetched on first use). */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem('language', language);
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
}

export default i18next;
