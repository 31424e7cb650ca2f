import type { AuditEntry } from '../api/account-queries';

/** Who acted: a user (or the email a refused sign-in typed), an agency's API key, or only a role. */
export type AuditWho = { kind: 'email'; email: string; role: string } | { kind: 'agencyKey'; agencyId: string | null } | { kind: 'role'; role: string };

export function auditWho(entry: Pick<AuditEntry, 'actorEmail' | 'actorRole' | 'actorUserId' | 'actorAgencyId'>): AuditWho {
  if (entry.actorEmail) return { kind: 'email', email: entry.actorEmail, role: entry.actorRole };
  // An agency calling with its API key has no user behind it, only the agency.
  if (entry.actorRole === 'agency' && !entry.actorUserId) return { kind: 'agencyKey', agencyId: entry.actorAgencyId };
  return { kind: 'role', role: entry.actorRole };
}

/**
 * What was done: the method and route pattern once (`POST /api/users`), and the ids the route named
 * ("id: 8c1f…"), each by its name when `nameOf` knows it (a user's email rather than a uuid).
 */
export function auditWhat(
  entry: Pick<AuditEntry, 'method' | 'route' | 'params'>,
  nameOf: (id: string) => string | undefined = () => undefined,
): { action: string; params: string } {
  const action = entry.route.startsWith(`${entry.method} `) ? entry.route : `${entry.method} ${entry.route}`;
  const params = Object.entries(entry.params ?? {})
    .map(([name, value]) => `${name}: ${nameOf(value) ?? value}`)
    .join(', ');
  return { action, params };
}

/** Actions worth a sentence (a key of `audit.actions.*`): sign-ins by their answer, and the account changes. Others keep their route. */
export function auditActionKey(entry: Pick<AuditEntry, 'method' | 'route' | 'status'>): string | undefined {
  const { action } = auditWhat({ ...entry, params: {} });
  if (action === 'POST /api/auth/login') return entry.status === 429 ? 'signInLocked' : entry.status < 300 ? 'signIn' : 'signInRefused';
  const known: Record<string, string> = {
    'POST /api/auth/logout': 'signOut',
    'POST /api/auth/password': 'passwordChanged',
    'POST /api/users': 'userCreated',
    'POST /api/users/:id/password': 'passwordReset',
  };
  return known[action];
}

/**
 * The request body on one line: its top-level fields as "name: value", long strings cut, nested
 * values counted rather than shown (the full body stays a click away, as `auditBodyText`).
 */
export function auditBodySummary(body: unknown, maxFields = 6): string | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body !== 'object') return short(body);
  if (Array.isArray(body)) return body.length ? `[${body.length}]` : undefined;
  const entries = Object.entries(body);
  if (!entries.length) return undefined;
  const shown = entries.slice(0, maxFields).map(([name, value]) => `${name}: ${short(value)}`);
  return entries.length > maxFields ? `${shown.join(' · ')} · …` : shown.join(' · ');
}

function short(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object') return '{…}';
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A Mantine colour for the answer's status: done in green, refused in orange (throttled and forbidden in red), failed in red. */
export function auditStatusColor(status: number): string {
  if (status >= 200 && status < 300) return 'green';
  if (status === 401 || status === 403 || status === 429 || status >= 500) return 'red';
  if (status >= 400) return 'orange';
  return 'gray';
}

/** The recorded request body as indented JSON, or undefined when there is nothing to show. */
export function auditBodyText(body: unknown): string | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'object' && Object.keys(body).length === 0) return undefined;
  return JSON.stringify(body, null, 2);
}

/** The pages loaded so far as one list, newest first, each entry once (pages overlap by a millisecond). */
export function mergeAuditPages<T extends Pick<AuditEntry, 'id' | 'at'>>(pages: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  const rows: T[] = [];
  for (const page of pages)
    for (const row of page) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
  // Stable: entries of the same instant keep the order the API gave them.
  return rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/**
 * The `before` of the next, older page, or undefined when there is none. The API keeps instants to the
 * microsecond but answers them to the millisecond, and `before` is exclusive: asking before the oldest
 * millisecond shown would skip the other entries of that millisecond. So the next page starts one
 * millisecond later, and entries already shown are dropped by `mergeAuditPages`. A page shorter than
 * asked for, or one that brought nothing new, is the end.
 */
export function olderPageBefore<T extends Pick<AuditEntry, 'id' | 'at'>>(pages: readonly (readonly T[])[], limit: number, last = pages[pages.length - 1]): string | undefined {
  if (!last || last.length < limit) return undefined;
  const earlier = new Set(pages.slice(0, -1).flatMap((page) => page.map((row) => row.id)));
  if (last.every((row) => earlier.has(row.id))) return undefined;
  const oldest = Math.min(...pages.flatMap((page) => page.map((row) => Date.parse(row.at))));
  return new Date(oldest + 1).toISOString();
}
