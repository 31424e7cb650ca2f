/**
 * The fixed notes the interpreter writes on timeline entries. They are stored with the entry (in
 * English, as written then); the web app shows each in the reader's language by matching these.
 */
export const TIMELINE_DETAILS = {
  /** A message meant for before the due date, reached when the invoice is already overdue. */
  writtenForBeforeDue: 'written for before the due date; the invoice is overdue',
  /** Catch-up "latest first": a later step's time has come too, so this one is passed over. */
  laterStepDue: 'a later step is already due (catch-up: latest first)',
  endOfFlow: 'end of flow',
  retried: 'retried',
} as const;
