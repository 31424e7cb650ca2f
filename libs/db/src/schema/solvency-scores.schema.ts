import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns.schema';
import { customers } from './customers.schema';
import { scoreSource } from './enums.schema';

/**
 * Every solvency score a customer received (1 poor – 10 very good), from a file, the API or a
 * provider's webhook; `customers.risk_score` holds the latest (written by the scores module only).
 */
export const solvencyScores = pgTable(
  'solvency_scores',
  {
    id: id(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    provider: text('provider').notNull(),
    source: scoreSource('source').notNull(),
    /** When the provider scored it (UTC). */
    scoredAt: instant('scored_at').notNull(),
    /** The provider's event id: a notification delivered twice is recorded once. */
    externalId: text('external_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    check('solvency_scores_range', sql`${t.score} between 1 and 10`),
    index('solvency_scores_customer_idx').on(t.customerId, t.scoredAt),
    uniqueIndex('solvency_scores_external_idx').on(t.provider, t.externalId),
  ],
);
