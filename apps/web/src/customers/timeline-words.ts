/** A timeline entry as the API gives it (an invoice's, or one of a customer's merged timeline). */
export interface StoryEntry {
  type: string;
  nodeId?: string;
  kind?: string;
  stepLabel?: string;
  channel?: string;
  template?: string;
  outcome?: string;
  status?: string;
  amount?: number;
  detail?: string;
}

/** The words of the user's language for the API's codes (common/labels.ts), and money in the invoice's currency. */
export interface StoryWords {
  type: (code: string) => string;
  node: (code: string) => string;
  channel: (code: string) => string;
  /** An outcome in words: a call's, an agency's case status, or why the flow was held (by the entry's type). */
  outcome: (type: string, code: string) => string;
  status: (code: string) => string;
  money: (minor: number) => string;
}

/**
 * One line of a story in words: its title (what happened, and at which step, by the step's label in
 * the flow — its kind in words when it has none, never its node id unless nothing else is known) and
 * its details (channel, template, outcome, status, amount, note).
 */
export function describeEntry(entry: StoryEntry, words: StoryWords): { title: string; step?: string; detail: string } {
  const step = entry.nodeId ? (entry.stepLabel ?? (entry.kind ? words.node(entry.kind) : entry.nodeId)) : undefined;
  const title = step ? `${words.type(entry.type)} · ${step}` : words.type(entry.type);
  const detail = [
    entry.channel && words.channel(entry.channel),
    entry.template,
    entry.outcome && words.outcome(entry.type, entry.outcome),
    entry.status && words.status(entry.status),
    entry.amount !== undefined ? words.money(entry.amount) : undefined,
    entry.detail,
  ]
    .filter(Boolean)
    .join(' · ');
  return { title, step, detail };
}
