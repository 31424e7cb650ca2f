import { asc, eq, sql } from 'drizzle-orm';
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

  async set(values: Record<string, unknown>, updatedBy?: string): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      await this.db
        .insert(settings)
        .values({ key, value, updatedBy })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: sql`now()` } });
    }
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
