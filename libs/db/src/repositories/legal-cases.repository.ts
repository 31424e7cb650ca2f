import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { LegalCaseStage, LegalRoute } from '@dunning/domain';
import type { Database } from '../connection/database';
import { customers, invoices, legalCaseEvents, legalCases } from '../schema';

export type LegalCaseRow = typeof legalCases.$inferSelect;
export type NewLegalCase = typeof legalCases.$inferInsert;
export type LegalCaseEventRow = typeof legalCaseEvents.$inferSelect;
export type NewLegalCaseEvent = typeof legalCaseEvents.$inferInsert;

export interface LegalCaseListing {
  legalCase: LegalCaseRow;
  invoiceNumber: string;
  customerName: string;
  timeZone: string;
}

/**
 * Court cases opened by flow steps (simplified procedure, order for payment) and what happened to
 * them. A case is opened once per step key; an event is recorded once per (case, reference).
 */
export class LegalCasesRepository {
  constructor(private readonly db: Database) {}

  /** Opens the case, or finds the one its step key already opened. */
  async openOnce(legalCase: NewLegalCase, db: Database = this.db): Promise<{ row: LegalCaseRow; created: boolean }> {
    const [inserted] = await db.insert(legalCases).values(legalCase).onConflictDoNothing({ target: legalCases.stepKey }).returning();
    if (inserted) return { row: inserted, created: true };
    return { row: (await this.findByStepKey(legalCase.stepKey, db))!, created: false };
  }

  async findByStepKey(stepKey: string, db: Database = this.db): Promise<LegalCaseRow | undefined> {
    const [row] = await db.select().from(legalCases).where(eq(legalCases.stepKey, stepKey));
    return row;
  }

  private listing(db: Database) {
    return db
      .select({ legalCase: legalCases, invoiceNumber: invoices.number, customerName: customers.name, timeZone: customers.timeZone })
      .from(legalCases)
      .innerJoin(invoices, eq(invoices.id, legalCases.invoiceId))
      .innerJoin(customers, eq(customers.id, legalCases.customerId));
  }

  async get(id: string, db: Database = this.db): Promise<LegalCaseListing | undefined> {
    const [row] = await this.listing(db).where(eq(legalCases.id, id));
    return row;
  }

  /** The case locked for a change of stage (two people recording at once are taken one after the other). */
  async lock(id: string, db: Database): Promise<LegalCaseRow | undefined> {
    const [row] = await db.select().from(legalCases).where(eq(legalCases.id, id)).for('update');
    return row;
  }

  async list(filter: { stage?: LegalCaseStage; route?: LegalRoute; invoiceId?: string; offset: number; limit: number }): Promise<{ rows: LegalCaseListing[]; total: number }> {
    const conditions: SQL[] = [];
    if (filter.stage) conditions.push(eq(legalCases.stage, filter.stage));
    if (filter.route) conditions.push(eq(legalCases.route, filter.route));
    if (filter.invoiceId) conditions.push(eq(legalCases.invoiceId, filter.invoiceId));
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const rows = await this.listing(this.db).where(where).orderBy(desc(legalCases.createdAt), desc(legalCases.id)).offset(filter.offset).limit(filter.limit);
    const [total] = await this.db.select({ n: count() }).from(legalCases).where(where);
    return { rows, total: Number(total?.n ?? 0) };
  }

  async events(caseId: string, db: Database = this.db): Promise<LegalCaseEventRow[]> {
    return db.select().from(legalCaseEvents).where(eq(legalCaseEvents.caseId, caseId)).orderBy(asc(legalCaseEvents.createdAt), asc(legalCaseEvents.date));
  }

  /** The event recorded under this reference on the case, if any. */
  async eventByReference(caseId: string, reference: string, db: Database = this.db): Promise<LegalCaseEventRow | undefined> {
    const [row] = await db
      .select()
      .from(legalCaseEvents)
      .where(and(eq(legalCaseEvents.caseId, caseId), eq(legalCaseEvents.reference, reference)));
    return row;
  }

  async insertEvent(event: NewLegalCaseEvent, db: Database = this.db): Promise<LegalCaseEventRow> {
    const [row] = await db.insert(legalCaseEvents).values(event).returning();
    return row!;
  }

  async update(id: string, change: Partial<Pick<LegalCaseRow, 'stage' | 'servedOn' | 'deadline' | 'closedAt'>>, db: Database = this.db): Promise<LegalCaseRow> {
    const [row] = await db
      .update(legalCases)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(legalCases.id, id))
      .returning();
    return row!;
  }
}
