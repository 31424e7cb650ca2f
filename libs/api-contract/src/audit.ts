import { z } from 'zod';
import { instant, uuid } from './common';

/** The database's calendar starts at year 1 (there is no year 0). */
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');

/** GET /api/audit: newest first; `before` (exclusive) pages back. */
export const auditQuery = z.object({
  userId: uuid.optional(),
  before: instant.refine((value) => Date.parse(value) >= FIRST_INSTANT, { message: 'a date and time from year 1 on', when: (payload) => payload.issues.length === 0 }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** One line of the audit log: a state change made through the API, or a sign-in. */
export const auditEntry = z
  .object({
    id: uuid,
    at: instant,
    actorUserId: uuid.nullable(),
    /** An agency's API key, or an agency user's agency. */
    actorAgencyId: uuid.nullable(),
    /** The caller's role, or `anonymous` for a refused sign-in. */
    actorRole: z.string(),
    /** The user's email, or the one a sign-in typed. */
    actorEmail: z.string().nullable(),
    method: z.string(),
    /** The route pattern: `POST /api/invoices/:id/payments`. */
    route: z.string(),
    /** The ids the route named. */
    params: z.record(z.string(), z.string()),
    /** The request body, secrets redacted (null when there was none). */
    body: z.unknown(),
    /** The status the caller got. */
    status: z.number().int(),
    address: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditLog = z.array(auditEntry);

export type AuditEntry = z.infer<typeof auditEntry>;
