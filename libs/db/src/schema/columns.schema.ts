import { bigint, char, timestamp, uuid } from 'drizzle-orm/pg-core';

// Shared column shapes: every instant is a UTC timestamptz, every amount integer minor units.
export const id = () => uuid('id').primaryKey().defaultRandom();
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();
export const minorUnits = (name: string) => bigint(name, { mode: 'number' });
export const currency = (name = 'currency') => char(name, { length: 3 });
