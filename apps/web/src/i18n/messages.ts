/**
 * Both languages at once, for tests and key-parity checks. The app never imports this module: it loads
 * only the language shown (i18n.ts imports `./en` or `./fr` on demand, each its own chunk).
 */
export { en } from './en';
export type { Messages } from './en';
export { fr } from './fr';
