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
  /** A note the flow wrote (TIMELINE_DETAILS) in the reader's language; undefined for anything else, shown as written. */
  note?: (text: string) => string | undefined;
}

/** A piece of a story line: the UI's words, or data shown as it is (a step label, a template code, a note someone typed). */
export interface StoryPart {
  text: string;
  data?: boolean;
}

/**
 * One line of a story in words: its title (what happened, and at which step, by the step's label in
 * the flow — its kind in words when it has none, never its node id unless nothing else is known) and
 * its details (channel, template, outcome, status, amount, note), as text and as parts that say which
 * words are data. A note the flow itself wrote is said in the reader's language (`words.note`).
 */
export function describeEntry(entry: StoryEntry, words: StoryWords): { title: string; step?: string; detail: string; titleParts: StoryPart[]; detailParts: StoryPart[] } {
  const labelled = entry.nodeId !== undefined && (entry.stepLabel !== undefined || !entry.kind);
  const step = entry.nodeId ? (entry.stepLabel ?? (entry.kind ? words.node(entry.kind) : entry.nodeId)) : undefined;
  const titleParts: StoryPart[] = [{ text: words.type(entry.type) }, ...(step ? [{ text: step, data: labelled }] : [])];
  const note = entry.detail ? words.note?.(entry.detail) : undefined;
  const detailParts: StoryPart[] = [
    entry.channel ? { text: words.channel(entry.channel) } : undefined,
    entry.template ? { text: entry.template, data: true } : undefined,
    entry.outcome ? { text: words.outcome(entry.type, entry.outcome) } : undefined,
    entry.status ? { text: words.status(entry.status) } : undefined,
    entry.amount !== undefined ? { text: words.money(entry.amount) } : undefined,
    entry.detail ? (note ? { text: note } : { text: entry.detail, data: true }) : undefined,
  ].filter((part): part is StoryPart => part !== undefined && part.text !== '');
  const join = (parts: StoryPart[]) => parts.map((part) => part.text).join(' · ');
  return { title: join(titleParts), step, detail: join(detailParts), titleParts, detailParts };
}
