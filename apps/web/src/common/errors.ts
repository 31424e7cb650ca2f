import { ApiError } from '../api/http';

export type ErrorKind = 'conflict' | 'invalid' | 'forbidden' | 'missing' | 'other';

/**
 * What went wrong, for the user: the kind (a translated title) and the server's own message, which
 * names the field and says why (409: the invoice's state forbids it; 400/422: the input is wrong).
 */
export function describeError(error: unknown): { kind: ErrorKind; message: string } {
  if (!(error instanceof ApiError)) return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  const kind: ErrorKind =
    error.status === 409 ? 'conflict' : error.status === 400 || error.status === 422 ? 'invalid' : error.status === 403 ? 'forbidden' : error.status === 404 ? 'missing' : 'other';
  const problems = problemsOf(error.body).filter((p) => !error.message.includes(p.message) && !error.message.includes(`${p.field}:`));
  return { kind, message: [error.message, ...problems.map((p) => `${p.field}: ${p.message}`)].join(' — ') };
}

function problemsOf(body: unknown): Array<{ field: string; message: string }> {
  if (typeof body !== 'object' || body === null || !('problems' in body) || !Array.isArray(body.problems)) return [];
  return body.problems.filter((p): p is { field: string; message: string } => typeof p?.field === 'string' && typeof p?.message === 'string');
}
