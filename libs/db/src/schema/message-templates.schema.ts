import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.schema';
import { users } from './users.schema';

/**
 * Message templates edited in the app: each save is a new version (never changed afterwards), the
 * highest version of a channel/name/locale is the one sent. The repository's templates/ folder
 * holds the seeded defaults: a template with no row here is read from disk.
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    /** email, sms, letter or call (the templating library's channels). */
    channel: text('channel').notNull(),
    /** The name flows use to pick it (a slug: reminder-1, formal-notice…). */
    name: text('name').notNull(),
    locale: text('locale').notNull(),
    version: integer('version').notNull(),
    /** Handlebars source of each part (subject, html, text, body…), as the channel defines them. */
    parts: jsonb('parts').$type<Record<string, string>>().notNull(),
    /** What the editor wrote about this version (optional). */
    comment: text('comment'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('message_templates_version_key').on(t.channel, t.name, t.locale, t.version),
    index('message_templates_lookup_idx').on(t.channel, t.name, t.locale),
    check('message_templates_channel', sql`${t.channel} in ('email', 'sms', 'letter', 'call')`),
    check('message_templates_version_positive', sql`${t.version} >= 1`),
    check('message_templates_name_slug', sql`${t.name} ~ '^[a-z0-9][a-z0-9-]*$'`),
  ],
);
