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

export function setLanguage(language: 'en' | 'fr'): void {
  localStorage.setItem('language', language);
  void i18next.changeLanguage(language);
}

export default i18next;
