import { ApiError } from '../api/http';

export type ErrorKind = 'conflict' | 'invalid' | 'forbidden' | 'missing' | 'other';

/** i18next's `t`, as much of it as the words need (a key and its values; a default when the key may be missing). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * What went wrong, for the user: the kind (a translated title) and the message. Without `t`, the
 * server's own message with the field problems it does not already name. With `t`, each field
 * problem in the user's language, naming the field in words ("montant : doit être supérieur à zéro");
 * a refusal that names no field keeps the server's message.
 */
export function describeError(error: unknown, t?: Translate): { kind: ErrorKind; message: string } {
  if (!(error instanceof ApiError)) return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  const kind: ErrorKind =
    error.status === 409 ? 'conflict' : error.status === 400 || error.status === 422 ? 'invalid' : error.status === 403 ? 'forbidden' : error.status === 404 ? 'missing' : 'other';
  const all = problemsOf(error.body);
  if (t && all.length > 0) return { kind, message: all.map((p) => t('apiProblems.field', { field: fieldInWords(p.field, t), reason: reasonInWords(p.message, t) })).join(' — ') };
  const problems = all.filter((p) => !error.message.includes(p.message) && !error.message.includes(`${p.field}:`));
  return { kind, message: [error.message, ...problems.map((p) => `${p.field}: ${p.message}`)].join(' — ') };
}

function problemsOf(body: unknown): Array<{ field: string; message: string }> {
  if (typeof body !== 'object' || body === null || !('problems' in body) || !Array.isArray(body.problems)) return [];
  return body.problems.filter((p): p is { field: string; message: string } => typeof p?.field === 'string' && typeof p?.message === 'string');
}

/**
 * A field path ("graph.nodes.3.data.offsetDays", "dailyCap.sms") in words: the whole path if the
 * words know it, else its last named part; a part they do not know is shown as it came.
 */
export function fieldInWords(field: string, t: Translate): string {
  const parts = field.split('.').filter((part) => !/^\d+$/.test(part));
  for (const candidate of [field, parts[parts.length - 1] ?? field]) {
    const words = t(`fieldNames.${candidate}`, { defaultValue: '' });
    if (words) return words;
  }
  return field;
}

/** The API's reason (zod's or the product's, in English) as a known phrase in the user's language; an unknown one quoted. */
export function reasonInWords(message: string, t: Translate): string {
  const phrase = knownReason(message);
  return phrase ? t(`apiProblems.${phrase.key}`, phrase.values) : t('apiProblems.other', { message });
}

const EXACT: Record<string, string> = {
  required: 'required',
  'not a field of this request': 'notAField',
  'invalid email address': 'email',
  'invalid email': 'email',
  'invalid date': 'date',
  'invalid iso date': 'date',
  'must be positive': 'positive',
  'a positive integer amount of minor units': 'positive',
};

function knownReason(message: string): { key: string; values?: Record<string, string> } | undefined {
  const text = message.trim().toLowerCase();
  if (EXACT[text]) return { key: EXACT[text] };
  if (/^invalid input: expected (number|bigint), received (undefined|null)$/.test(text) || /received undefined$/.test(text)) return { key: 'required' };
  if (/^invalid input: expected (number|bigint)/.test(text)) return { key: 'number' };
  if (/^invalid input: expected int/.test(text)) return { key: 'integer' };
  if (/^invalid input: expected string/.test(text)) return { key: 'text' };
  if (/^invalid input: expected date/.test(text) || /^invalid (iso )?date/.test(text)) return { key: 'date' };
  if (/^invalid (option|enum value)/.test(text)) return { key: 'oneOf' };
  const small = /^too small: expected (\w+) to (?:have|be) (>=?)\s*(-?[\d.]+)(?: characters| items)?$/.exec(text);
  if (small) {
    const [, type, operator, limit] = small;
    if (type === 'string') return limit === '1' ? { key: 'notEmpty' } : { key: 'minLength', values: { limit } };
    if (type === 'array') return { key: 'notEmpty' };
    return operator === '>' && limit === '0' ? { key: 'positive' } : { key: 'atLeast', values: { limit } };
  }
  const big = /^too big: expected (\w+) to (?:have|be) <=?\s*(-?[\d.]+)(?: characters| items)?$/.exec(text);
  if (big) return big[1] === 'string' ? { key: 'maxLength', values: { limit: big[2] } } : { key: 'atMost', values: { limit: big[2] } };
  if (/^(the event )?cannot be in the future/.test(text)) return { key: 'future' };
  if (/^no such /.test(text)) return { key: 'noSuch' };
  if (/was already (used|recorded)/.test(text)) return { key: 'alreadyUsed' };
  if (/^more than (is owed|the case still owes)/.test(text)) return { key: 'moreThanOwed' };
  return undefined;
}
