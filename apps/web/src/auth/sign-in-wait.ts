import { ApiError } from '../api/http';

/** How long to wait before signing in again, when the API refused too many failed sign-ins (429); undefined otherwise. */
export function signInRetryAfter(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 429) return undefined;
  const body = error.body as { retryAfterSeconds?: unknown } | undefined;
  const seconds = typeof body === 'object' && body !== null ? body.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

/** A wait as the user's language says it, as the API rounds it: seconds under a minute and a half, whole minutes (rounded up) beyond. */
export function formatWait(seconds: number, language: string): string {
  const [value, unit] = seconds < 90 ? [Math.max(1, Math.ceil(seconds)), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
