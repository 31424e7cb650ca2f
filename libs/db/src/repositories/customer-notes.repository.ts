import { desc, eq } from 'drizzle-orm';
import type { TimelineEntry } from '@dunning/flow';
import type { Database } from '../connection/database';
import { customerNotes, invoices, timelineEvents, users } from '../schema';

export type CustomerNoteRow = typeof customerNotes.$inferSelect;
/** A note as the customer page shows it: with its author's name (null once the user is gone). */
export type CustomerNoteView = CustomerNoteRow & { authorName: string | null };
/** One entry of a customer's combined timeline: the invoice's entry, with the invoice and the flow version it ran under. */
export type CustomerTimelineRow = TimelineEntry & { invoiceId: string; invoiceNumber: string; flowId: string | null; flowVersion: number | null };

/**
 * What people wrote about a customer (`customer_notes`, written here only), and the customer's
 * combined story read across its invoices' timelines (written by the workflows and the books).
 */
export class CustomerNotesRepository {
  constructor(private readonly db: Database) {}

  async add(note: { customerId: string; body: string; authorId?: string | null }, db: Database = this.db): Promise<CustomerNoteView> {
    const [row] = await db
      .insert(customerNotes)
      .values({ customerId: note.customerId, body: note.body, authorId: note.authorId ?? null })
      .returning();
    const [author] = row!.authorId ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row!.authorId)) : [];
    return { ...row!, authorName: author?.name ?? null };
  }

  /** Newest first. */
  async list(customerId: string, limit = 200): Promise<CustomerNoteView[]> {
    const rows = await this.db
      .select({ note: customerNotes, authorName: users.displayName })
      .from(customerNotes)
      .leftJoin(users, eq(users.id, customerNotes.authorId))
      .where(eq(customerNotes.customerId, customerId))
      .orderBy(desc(customerNotes.createdAt), desc(customerNotes.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.note, authorName: r.authorName ?? null }));
  }

  /** Every timeline entry of the customer's invoices, newest first (at most `limit`). */
  async timeline(customerId: string, limit = 300): Promise<CustomerTimelineRow[]> {
    const rows = await this.db
      .select({ event: timelineEvents, invoiceNumber: invoices.number, flowId: invoices.flowId, flowVersion: invoices.flowVersion })
      .from(timelineEvents)
      .innerJoin(invoices, eq(invoices.id, timelineEvents.invoiceId))
      .where(eq(invoices.customerId, customerId))
      .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.createdAt))
      .limit(limit);
    return rows.map(({ event, invoiceNumber, flowId, flowVersion }) => ({
      ...(event.data as Omit<TimelineEntry, 'at' | 'type' | 'nodeId'>),
      at: event.occurredAt.toISOString(),
      type: event.type as TimelineEntry['type'],
      ...(event.nodeId ? { nodeId: event.nodeId } : {}),
      invoiceId: event.invoiceId,
      invoiceNumber,
      flowId,
      flowVersion,
    }));
  }
}
