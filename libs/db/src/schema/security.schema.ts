import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns.schema';
import { users } from './users.schema';

/**
 * Failed sign-ins, per account (the email as typed, known or not) and per address: past a few in a
 * window the key is locked for a while, doubling each time (OWASP ASVS V2.2.1).
 */
export const loginThrottles = pgTable('login_throttles', {
  /** `email:<lower-cased email>` or `ip:<address>`. */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: instant('window_started_at').notNull().defaultNow(),
  lockedUntil: instant('locked_until'),
  /** Locks so far: each one lasts twice the last. */
  lockouts: integer('lockouts').notNull().default(0),
});

/** Who changed what: every state change made through the API, with its actor (visible to the admin). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: createdAt(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorAgencyId: uuid('actor_agency_id'),
    actorRole: text('actor_role').notNull(),
    actorEmail: text('actor_email'),
    method: text('method').notNull(),
    /** The route pattern and the ids it named (`POST /api/invoices/:id/payments`, { id }). */
    route: text('route').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    /** The request body, secrets left out. */
    body: jsonb('body').$type<unknown>(),
    status: integer('status').notNull(),
    address: text('address'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_idx').on(t.actorUserId, t.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;
