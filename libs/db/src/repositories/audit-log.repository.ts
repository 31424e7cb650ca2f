import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { auditLog } from '../schema';

export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>;

/** Who changed what, in the order it happened. */
export class AuditLogRepository {
  constructor(private readonly db: Database) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.insert(auditLog).values(entry);
  }

  /** Newest first; `before` pages back. */
  async list(filter: { userId?: string; before?: Date; limit: number }) {
    const conditions = [filter.userId ? eq(auditLog.actorUserId, filter.userId) : undefined, filter.before ? lt(auditLog.at, filter.before) : undefined].filter(Boolean);
    return this.db
      .select()
      .from(auditLog)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(auditLog.at))
      .limit(filter.limit);
  }
}
