import { ApiError } from '../api/http';

/**
 * The problems a refusal names by field (400/422 `problems: [{ field, message }]`), the first one per
 * field; empty when the refusal names no field (then it is shown as a notification).
 */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return {};
  const body = error.body;
  if (typeof body !== 'object' || body === null || !('problems' in body) || !Array.isArray(body.problems)) return {};
  const fields: Record<string, string> = {};
  for (const problem of body.problems as unknown[]) {
    const { field, message } = (problem ?? {}) as { field?: unknown; message?: unknown };
    if (typeof field === 'string' && typeof message === 'string' && !(field in fields)) fields[field] = message;
  }
  return fields;
}

/** Whether a refusal names one of a form's fields: the form shows it there; otherwise it is notified as a whole. */
export function namesAField(error: unknown, formFields: readonly string[]): boolean {
  const fields = fieldProblems(error);
  return formFields.some((field) => field in fields);
}

/** The API's known problem messages as a key of `problems.*` in account-messages.ts; unknown ones stay as the API wrote them. */
export function problemMessageKey(message: string): { key: string; values?: Record<string, string> } | undefined {
  const exact: Record<string, string> = {
    required: 'problems.required',
    'wrong password': 'problems.wrongPassword',
    'this password appears in lists of breached passwords': 'problems.breached',
    'must not contain your name or email': 'problems.personal',
    'required for an agency user': 'problems.agencyRequired',
    'only agency users belong to an agency': 'problems.agencyOnly',
    'no such agency': 'problems.noSuchAgency',
  };
  if (exact[message]) return { key: exact[message] };
  const atLeast = /^at least (\d+) characters$/.exec(message);
  if (atLeast) return { key: 'problems.tooShort', values: { count: atLeast[1]! } };
  const atMost = /^at most (\d+) bytes$/.exec(message);
  if (atMost) return { key: 'problems.tooLong', values: { count: atMost[1]! } };
  if (message.startsWith('too easy to guess')) return { key: 'problems.guessable' };
  if (/invalid email/i.test(message)) return { key: 'problems.email' };
  return undefined;
}
