import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { loginThrottles } from '../schema';

export interface ThrottlePolicy {
  /** Failures allowed in the window before a lock. */
  maxFailures: number;
  windowMs: number;
  /** The first lock; each next one lasts twice the last, up to `maxLockMs`. */
  firstLockMs: number;
  maxLockMs: number;
}

/** Failed sign-ins per account and per address, and the locks they earn. */
export class LoginThrottlesRepository {
  constructor(private readonly db: Database) {}

  /** The latest lock among these keys, if any is still running. */
  async lockedUntil(keys: string[], now: Date): Promise<Date | undefined> {
    const rows = await this.db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
    const until = rows.map((r) => r.lockedUntil).filter((d): d is Date => d !== null && d > now);
    return until.length > 0 ? new Date(Math.max(...until.map((d) => d.getTime()))) : undefined;
  }

  /** Counts a failure for a key; past the policy's limit in its window, locks it (twice as long each time). */
  async fail(key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
    await this.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      await tx.insert(loginThrottles).values({ key, failures: 0, windowStartedAt: now }).onConflictDoNothing();
      const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).for('update');
      const fresh = now.getTime() - row!.windowStartedAt.getTime() > policy.windowMs;
      const failures = (fresh ? 0 : row!.failures) + 1;
      if (failures < policy.maxFailures) {
        await tx
          .update(loginThrottles)
          .set({ failures, ...(fresh ? { windowStartedAt: now } : {}) })
          .where(eq(loginThrottles.key, key));
        return;
      }
      const lockMs = Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** row!.lockouts);
      await tx
        .update(loginThrottles)
        .set({ failures: 0, windowStartedAt: now, lockedUntil: new Date(now.getTime() + lockMs), lockouts: sql`${loginThrottles.lockouts} + 1` })
        .where(eq(loginThrottles.key, key));
    });
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async succeed(key: string): Promise<void> {
    await this.db.update(loginThrottles).set({ failures: 0, lockouts: 0, lockedUntil: null }).where(eq(loginThrottles.key, key));
  }
}
