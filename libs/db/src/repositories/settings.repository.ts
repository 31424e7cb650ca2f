import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { lateInterestRates, settings } from '../schema';

export type LateInterestRateRow = typeof lateInterestRates.$inferSelect;

/** The admin's settings (key → JSON value) and the half-yearly ECB rate table. */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  async all(): Promise<Record<string, unknown>> {
    const rows = await this.db.select().from(settings);
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  /** Writes every key at once (all of them, or none when one is refused); a null value removes its key (back to the default). */
  async set(values: Record<string, unknown>, updatedBy?: string): Promise<void> {
    const entries = Object.entries(values).filter(([, value]) => value !== undefined);
    const rows = entries.filter(([, value]) => value !== null).map(([key, value]) => ({ key, value, updatedBy }));
    const removed = entries.filter(([, value]) => value === null).map(([key]) => key);
    await this.db.transaction(async (tx) => {
      if (removed.length > 0) await tx.delete(settings).where(inArray(settings.key, removed));
      if (rows.length > 0) {
        await tx
          .insert(settings)
          .values(rows)
          .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` } });
      }
    });
  }

  async lateRates(db: Database = this.db): Promise<Array<{ from: string; ecbRatePercent: number }>> {
    const rows = await db.select().from(lateInterestRates).orderBy(asc(lateInterestRates.fromDate));
    return rows.map((r) => ({ from: r.fromDate, ecbRatePercent: Number(r.ecbRatePercent) }));
  }

  /** Adds or corrects the rate of a half-year. */
  async setLateRate(from: string, ecbRatePercent: number): Promise<void> {
    await this.db.insert(lateInterestRates).values({ fromDate: from, ecbRatePercent }).onConflictDoUpdate({ target: lateInterestRates.fromDate, set: { ecbRatePercent } });
  }

  async deleteLateRate(from: string): Promise<boolean> {
    const rows = await this.db.delete(lateInterestRates).where(eq(lateInterestRates.fromDate, from)).returning({ from: lateInterestRates.fromDate });
    return rows.length > 0;
  }

  /** First start: the published rates. */
  async seedLateRates(rates: ReadonlyArray<{ from: string; ecbRatePercent: number }>): Promise<void> {
    if ((await this.lateRates()).length > 0 || rates.length === 0) return;
    await this.db
      .insert(lateInterestRates)
      .values(rates.map((r) => ({ fromDate: r.from, ecbRatePercent: r.ecbRatePercent })))
      .onConflictDoNothing();
  }
}
