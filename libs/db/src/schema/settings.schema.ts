import { date, jsonb, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.schema';
import { users } from './users.schema';

/** The admin's settings, one row per key (validated by the settings module's zod schema). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * The ECB main refinancing rate in force at the start of each half-year: French late interest is
 * that rate + 10 points (Code de commerce L441-10 II). Seeded with the published values; the admin
 * adds each new half-year.
 */
export const lateInterestRates = pgTable('late_interest_rates', {
  /** 1 January or 1 July. */
  fromDate: date('from_date', { mode: 'string' }).primaryKey(),
  ecbRatePercent: numeric('ecb_rate_percent', { precision: 7, scale: 4, mode: 'number' }).notNull(),
  createdAt: createdAt(),
});
