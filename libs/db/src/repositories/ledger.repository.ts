import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { type JournalEntry, assertBalanced } from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
import { createHash } from 'node:crypto';
import type { Database } from '../connection/database';
import { invoices, journalEntries, timelineEvents } from '../schema';

/** The timeline of each invoice and the accounting journal. */
export class LedgerRepository {
  constructor(private readonly db: Database) {}

  /** Appends timeline entries once each (a retried write adds nothing). */
  async appendTimeline(invoiceId: string, entries: TimelineEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const rows = entries.map((entry) => {
      const { at, type, nodeId, ...data } = entry;
      return {
        invoiceId,
        occurredAt: new Date(at),
        type,
        nodeId: nodeId ?? null,
        data: data as Record<string, unknown>,
        idempotencyKey: `${invoiceId}:${createHash('sha256').update(JSON.stringify(entry)).digest('hex').slice(0, 32)}`,
      };
    });
    const inserted = await this.db.insert(timelineEvents).values(rows).onConflictDoNothing({ target: timelineEvents.idempotencyKey }).returning({ id: timelineEvents.id });
    return inserted.length;
  }

  async timeline(invoiceId: string): Promise<TimelineEntry[]> {
    const rows = await this.db.select().from(timelineEvents).where(eq(timelineEvents.invoiceId, invoiceId)).orderBy(asc(timelineEvents.occurredAt), asc(timelineEvents.createdAt));
    return rows.map((row) => ({ at: row.occurredAt.toISOString(), type: row.type as TimelineEntry['type'], ...(row.nodeId ? { nodeId: row.nodeId } : {}), ...row.data }));
  }

  /**
   * What each flow step brought in: every payment is credited to the last step performed on its
   * invoice before it arrived (payments before any step count as "before any reminder").
   */
  async recoveryByStep(): Promise<Array<{ nodeId: string; currency: string; payments: number; amount: number }>> {
    const result = await this.db.execute(sql`
      select coalesce(step.node_id, '(before any step)') as "nodeId", p.currency, count(*)::int as payments, sum(p.amount)::bigint as amount
      from payments p
      left join lateral (
        select t.node_id from timeline_events t
        where t.invoice_id = p.invoice_id and t.type = 'step' and t.occurred_at <= p.received_at
        order by t.occurred_at desc limit 1
      ) step on true
      group by 1, 2
      order by amount desc`);
    // Both drivers (PGlite, node-postgres) answer raw SQL with `rows`.
    const { rows } = result as unknown as { rows: Array<{ nodeId: string; currency: string; payments: number; amount: string | number }> };
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  }

  /** Posts a balanced entry; refuses one whose debits and credits differ. */
  async post(entry: JournalEntry, invoiceId: string | null, db: Database = this.db): Promise<void> {
    assertBalanced(entry);
    const entryId = randomUUID();
    await db.insert(journalEntries).values(
      entry.lines.map((line) => ({ entryId, invoiceId, entryDate: entry.date, account: line.account, label: line.label, debit: line.debit, credit: line.credit, currency: entry.currency })),
    );
  }

  /** Posts several balanced entries in one statement. */
  async postMany(entries: Array<{ entry: JournalEntry; invoiceId: string | null }>, db: Database = this.db): Promise<void> {
    const rows = entries.flatMap(({ entry, invoiceId }) => {
      assertBalanced(entry);
      const entryId = randomUUID();
      return entry.lines.map((line) => ({ entryId, invoiceId, entryDate: entry.date, account: line.account, label: line.label, debit: line.debit, credit: line.credit, currency: entry.currency }));
    });
    if (rows.length > 0) await db.insert(journalEntries).values(rows);
  }

  async journal(from: string, to: string) {
    return this.db
      .select({ line: journalEntries, invoiceNumber: invoices.number })
      .from(journalEntries)
      .leftJoin(invoices, eq(invoices.id, journalEntries.invoiceId))
      .where(and(gte(journalEntries.entryDate, from), lte(journalEntries.entryDate, to)))
      .orderBy(asc(journalEntries.entryDate), asc(journalEntries.entryId), sql`${journalEntries.debit} desc`);
  }
}
