import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, fr } from './messages';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('language') : null;
const browser = typeof navigator !== 'undefined' && navigator.language.startsWith('fr') ? 'fr' : 'en';

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: saved ?? browser,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

// Screen readers and the browser (hyphenation, spelling) read the page in the language shown.
// The tab's title too: the product's name in the language shown.
function markLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.setAttribute('lang', language.slice(0, 2));
  document.title = i18next.t('app.title');
}
i18next.on('languageChanged', markLanguage);
markLanguage(i18next.language ?? saved ?? browser);

export function setLanguage(language: 'en' | 'fr'): void {
  localStorage.setItem('language', language);
  void i18next.changeLanguage(language);
}

export default i18next;
