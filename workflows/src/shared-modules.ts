import { DateTime } from 'luxon';

/**
 * Loaded once per worker thread, before any workflow, and shared by every workflow (see
 * bundle-options.ts). Using luxon here makes its module land in the shared cache (a bare
 * `require('luxon')` would be dropped: luxon says it has no side effects); reading a Paris time
 * fills its caches of time zones and Intl formatters, which are pure.
 */
export const LUXON_READY = DateTime.fromMillis(0, { zone: 'Europe/Paris' }).isValid;
