import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { type ApprovalStatus, customers, invoices, messages, sendApprovals, workflowSignals } from '../schema';

export type SendApprovalRow = typeof sendApprovals.$inferSelect;
export type NewSendApproval = Omit<typeof sendApprovals.$inferInsert, 'id' | 'decision' | 'recipientOverride' | 'decidedBy' | 'decidedAt' | 'status' | 'settledAt' | 'requestedAt'>;

/** A waiting message as the approval queue shows it. */
export interface QueuedApproval extends SendApprovalRow {
  invoiceNumber: string;
  customerName: string;
}

/** Thrown when a decision names an approval that is not waiting for one (decided, or settled by its timeout). */
export class ApprovalNotWaiting extends Error {}

/**
 * Messages held by safe mode (see the schema): the worker writes the request and what became of
 * it (`request`, `settle`); the approvals module writes a person's decision with the signal that
 * carries it to the workflow (`decide`).
 */
export class SendApprovalsRepository {
  constructor(private readonly db: Database) {}

  /** The approval of a step, created once: a retried activity gets the same one. */
  async request(approval: NewSendApproval): Promise<SendApprovalRow> {
    await this.db.insert(sendApprovals).values(approval).onConflictDoNothing({ target: sendApprovals.idempotencyKey });
    const [row] = await this.db.select().from(sendApprovals).where(eq(sendApprovals.idempotencyKey, approval.idempotencyKey));
    return row!;
  }

  /** What became of the message, once (the first settlement stands). */
  async settle(idempotencyKey: string, status: Exclude<ApprovalStatus, 'waiting'>): Promise<void> {
    await this.db
      .update(sendApprovals)
      .set({ status, settledAt: sql`now()` })
      .where(and(eq(sendApprovals.idempotencyKey, idempotencyKey), eq(sendApprovals.status, 'waiting')));
  }

  async find(id: string): Promise<SendApprovalRow | undefined> {
    const [row] = await this.db.select().from(sendApprovals).where(eq(sendApprovals.id, id));
    return row;
  }

  /** One approval as the queue shows it, whatever became of it. */
  async findQueued(id: string): Promise<QueuedApproval | undefined> {
    const [row] = await this.queue({ id, limit: 1, offset: 0 });
    return row;
  }

  /** Waiting messages, oldest first; `undecided`: only those no person has decided yet; `id`: that one, waiting or not. */
  async queue(filter: { id?: string; flowId?: string; nodeId?: string; undecided?: boolean; limit: number; offset: number }): Promise<QueuedApproval[]> {
    return this.db
      .select({ approval: sendApprovals, invoiceNumber: invoices.number, customerName: customers.name })
      .from(sendApprovals)
      .innerJoin(invoices, eq(invoices.id, sendApprovals.invoiceId))
      .innerJoin(customers, eq(customers.id, sendApprovals.customerId))
      .where(
        and(
          filter.id ? eq(sendApprovals.id, filter.id) : eq(sendApprovals.status, 'waiting'),
          filter.flowId ? eq(sendApprovals.flowId, filter.flowId) : undefined,
          filter.nodeId ? eq(sendApprovals.nodeId, filter.nodeId) : undefined,
          filter.undecided ? isNull(sendApprovals.decision) : undefined,
        ),
      )
      .orderBy(asc(sendApprovals.requestedAt), asc(sendApprovals.id))
      .limit(filter.limit)
      .offset(filter.offset)
      .then((rows) => rows.map((r) => ({ ...r.approval, invoiceNumber: r.invoiceNumber, customerName: r.customerName })));
  }

  /** The waiting, undecided approvals of one step of a flow (approve all of a step). */
  async undecidedOfStep(flowId: string, nodeId: string): Promise<SendApprovalRow[]> {
    return this.db
      .select()
      .from(sendApprovals)
      .where(and(eq(sendApprovals.status, 'waiting'), isNull(sendApprovals.decision), eq(sendApprovals.flowId, flowId), eq(sendApprovals.nodeId, nodeId)));
  }

  /**
   * A person's decision on waiting approvals, with the signal to each workflow, in one transaction.
   * Refused whole (nothing written) when one of them is no longer waiting for a decision.
   */
  async decide(ids: string[], decision: { decision: 'approve' | 'skip'; decidedBy?: string; recipientOverride?: string }): Promise<SendApprovalRow[]> {
    if (ids.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const decided = await tx
        .update(sendApprovals)
        .set({ decision: decision.decision, decidedBy: decision.decidedBy, recipientOverride: decision.recipientOverride ?? null, decidedAt: sql`now()` })
        .where(and(inArray(sendApprovals.id, ids), eq(sendApprovals.status, 'waiting'), isNull(sendApprovals.decision)))
        .returning();
      if (decided.length !== ids.length) throw new ApprovalNotWaiting(ids.filter((id) => !decided.some((d) => d.id === id)).join(', '));
      await tx.insert(workflowSignals).values(
        decided.map((row) => ({
          invoiceId: row.invoiceId,
          workflowId: row.workflowId,
          signal: 'approval',
          payload: {
            idempotencyKey: row.idempotencyKey,
            decision: row.decision,
            ...(row.recipientOverride ? { recipient: row.recipientOverride } : {}),
            eventKey: `approval:${row.id}`,
          },
        })),
      );
      return decided;
    });
  }

  /** A flow's messages sent on a channel through a provider, counted up to `limit` (safe mode's first sends). */
  async sentThrough(provider: string, channel: 'email' | 'sms', flowId: string | undefined, limit: number): Promise<number> {
    if (!flowId) return 0;
    const result = await this.db.execute(sql`
      select count(*)::int as sent from (
        select 1 from ${messages} m join ${invoices} i on i.id = m.invoice_id
        where m.provider = ${provider} and m.channel = ${channel} and i.flow_id = ${flowId}::uuid
        limit ${limit}) firsts`);
    return (result as unknown as { rows: Array<{ sent: number }> }).rows[0]!.sent;
  }
}
