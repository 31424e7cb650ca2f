/** Field names whose values never reach the audit log (passwords, tokens, keys, secrets). */
const SECRET_FIELD = /pass(word)?|secret|token|api_?key|authorization|credential/i;
/** Bodies past this size are summarised: a 5,000-step flow is versioned elsewhere already. */
const MAX_STORED_CHARS = 16_000;

/** The request body as the audit log keeps it: secrets replaced, large bodies summarised. */
export function redactForAudit(body: unknown): unknown {
  if (body === undefined || body === null) return null;
  const redacted = redact(body, 0);
  const text = JSON.stringify(redacted);
  return text.length > MAX_STORED_CHARS ? { summary: `body of ${text.length} characters, not kept` } : redacted;
}

function redact(value: unknown, depth: number): unknown {
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_FIELD.test(key) ? '[redacted]' : redact(item, depth + 1)]));
  }
  return value;
}
