import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.schema';
import { createdAt, id, instant, updatedAt } from './columns.schema';
import { userRole } from './enums.schema';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased, so uniqueness ignores case. */
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('users_email_lower_case', sql`${t.email} = lower(${t.email})`),
    // An agency user belongs to exactly one agency; nobody else belongs to one.
    check('users_agency_only_for_agency_role', sql`(${t.role} = 'agency') = (${t.agencyId} is not null)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the bearer token / cookie value: a leaked table does not leak sessions. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);
