/** What the audit log can be narrowed to: what GET /api/audit accepts (one user's entries, entries before an instant). */
export interface AuditFilter {
  userId: string | null;
  /** The last calendar day shown (YYYY-MM-DD, the browser's time zone), included. */
  upTo: string | null;
}

/** The instant a local calendar day ends (midnight of the next day), as the API's exclusive `before`; undefined for anything but a date. */
export function endOfLocalDay(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  // The Date constructor rolls day 32 over into the next month, and follows daylight saving.
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return Number.isNaN(end.getTime()) ? undefined : end.toISOString();
}

/** The query of one page: the filter, and the `before` of the page (an older page's cursor wins over the day filter, being older). */
export function auditSearch(filter: AuditFilter, limit: number, pageBefore?: string): URLSearchParams {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filter.userId) params.set('userId', filter.userId);
  const before = pageBefore ?? (filter.upTo ? endOfLocalDay(filter.upTo) : undefined);
  if (before) params.set('before', before);
  return params;
}
