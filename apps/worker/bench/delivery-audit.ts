import { createHash } from 'node:crypto';
import type { OutgoingMessage } from '../src/activities/ports';

/** What the standard flow must send for every invoice: one mention per template, one agency case. */
const EXPECTED_TEMPLATES = { email: ['pre-reminder', 'reminder-1', 'reminder-2', 'reminder-3'], letter: ['formal-notice'] } as const;

export interface DeliveryAudit {
  sent: Record<'email' | 'letter' | 'sms' | 'agency', number>;
  /** Messages (or agency cases) whose idempotency key went out more than once. */
  duplicateKeys: number;
  /** (invoice, template) pairs the flow expects and no message mentioned. */
  lost: number;
  /** (invoice, template) pairs mentioned by more than one message. */
  mentionedTwice: number;
  invoicesPerEmail: number;
  /** A hash of every message's template and invoices: equal hashes, equal batching. */
  batchingFingerprint: string;
}

/** Counts what went out against what the flow expects, so a faster run is also shown to be the same run. */
export function auditDeliveries(
  invoiceIds: string[],
  outboxes: Record<'email' | 'letter' | 'sms', { sent: OutgoingMessage[] }>,
  handoffs: Iterable<{ invoiceIds: string[]; keys: string[] }>,
): DeliveryAudit {
  const cases = [...handoffs];
  const messages = [...outboxes.email.sent, ...outboxes.letter.sent, ...outboxes.sms.sent];
  const keys = [...messages.map((m) => m.idempotencyKey), ...cases.map((c) => c.keys.join('|'))];
  const mentions = new Map<string, number>();
  const mention = (what: string) => mentions.set(what, (mentions.get(what) ?? 0) + 1);
  for (const m of messages) for (const id of m.invoiceIds) mention(`${m.template}:${id}`);
  for (const c of cases) for (const id of c.invoiceIds) mention(`agency:${id}`);
  const expected = invoiceIds.flatMap((id) => [...EXPECTED_TEMPLATES.email, ...EXPECTED_TEMPLATES.letter, 'agency'].map((t) => `${t}:${id}`));
  const emailMentions = outboxes.email.sent.reduce((sum, m) => sum + m.invoiceIds.length, 0);
  const batches = [...messages.map((m) => `${m.template}:${[...m.invoiceIds].sort().join(',')}`), ...cases.map((c) => `agency:${[...c.invoiceIds].sort().join(',')}`)].sort();
  return {
    sent: { email: outboxes.email.sent.length, letter: outboxes.letter.sent.length, sms: outboxes.sms.sent.length, agency: cases.length },
    duplicateKeys: keys.length - new Set(keys).size,
    lost: expected.filter((what) => !mentions.has(what)).length,
    mentionedTwice: [...mentions.values()].filter((n) => n > 1).length,
    invoicesPerEmail: outboxes.email.sent.length ? emailMentions / outboxes.email.sent.length : 0,
    batchingFingerprint: createHash('sha256').update(batches.join('\n')).digest('hex').slice(0, 16),
  };
}
