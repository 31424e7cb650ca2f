import i18next, { type TFunction } from 'i18next';
import { en, fr } from '../../i18n/messages';

/** An i18next instance per language, as the app builds it (i18n/i18n.ts), without the browser. */
export async function translator(lng: 'en' | 'fr'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}
