/** A text the API (or the domain) gives in French and English, in the UI's language (English for any other). */
export function bilingual(words: { fr: string; en: string }, language: string): string {
  return language.startsWith('fr') ? words.fr : words.en;
}
