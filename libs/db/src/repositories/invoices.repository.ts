import { randomUUID } from 'node:crypto';
import { type AnyColumn, type SQL, and, asc, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { AgingBucket, ReceivableStatus } from '@dunning/domain';
import type { Database } from '../connection/database';
import { creditNotes, customers, disputes, invoiceOpenBalances, invoices, payments, promises } from '../schema';

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoice = Omit<typeof invoices.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export interface InvoiceFilter {
  status?: ReceivableStatus[];
  customerId?: string;
  flowId?: string;
  /** Days overdue, inclusive bounds, as of `today` (YYYY-MM-DD). */
  overdue?: { min?: number; max?: number; today: string };
  /** Part of the customer's name or reference, or of the invoice's number (case-insensitive). */
  search?: string;
  /** The flow step (node id) the invoice last went through. */
  step?: string;
  /** What is still owed, minor units, inclusive bounds. */
  balance?: { min?: number; max?: number };
  /** Open invoices in an aging bucket as of `today`, as aging() counts them. */
  bucket?: { bucket: AgingBucket; today: string };
  offset: number;
  limit: number;
}

/** The due dates of an aging bucket (see aging()), as conditions. */
function bucketCondition({ bucket, today }: { bucket: AgingBucket; today: string }): SQL {
  const daysAgo = (days: number) => sql`${today}::date - ${days}::int`;
  const open = sql`${invoices.balance} > 0 and ${invoices.cancelledAt} is null and ${invoices.writtenOffAt} is null`;
  const range: Record<AgingBucket, SQL> = {
    not_due: sql`${invoices.dueDate} >= ${today}::date`,
    '1-30': sql`${invoices.dueDate} < ${today}::date and ${invoices.dueDate} >= ${daysAgo(30)}`,
    '31-60': sql`${invoices.dueDate} < ${daysAgo(30)} and ${invoices.dueDate} >= ${daysAgo(60)}`,
    '61-90': sql`${invoices.dueDate} < ${daysAgo(60)} and ${invoices.dueDate} >= ${daysAgo(90)}`,
    '90+': sql`${invoices.dueDate} < ${daysAgo(90)}`,
  };
  return sql`(${open} and ${range[bucket]})`;
}

export interface AgingRow {
  currency: string;
  bucket: string;
  amount: number;
  count: number;
}

/** The aging bucket of a due date as of `today` (the same bounds as bucketCondition()). */
function agingBucketOf(dueDate: SQL | AnyColumn, today: string): SQL<string> {
  return sql<string>`case
      when ${dueDate} >= ${today}::date then 'not_due'
      when ${dueDate} >= ${today}::date - 30 then '1-30'
      when ${dueDate} >= ${today}::date - 60 then '31-60'
      when ${dueDate} >= ${today}::date - 90 then '61-90'
      else '90+' end`;
}

const toAgingRows = (rows: Array<{ currency: string; bucket: string; amount: string; count: number }>): AgingRow[] =>
  rows.map((r) => ({ currency: r.currency, bucket: r.bucket, amount: Number(r.amount), count: r.count }));

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What issuing an invoice writes (the rest takes its defaults). */
export type IssuedInvoice = Pick<
  NewInvoice,
  'number' | 'customerId' | 'issueDate' | 'dueDate' | 'amount' | 'vatAmount' | 'currency' | 'balance' | 'status' | 'lateInterestRatePercent' | 'importBatchId'
> &
  Partial<Pick<NewInvoice, 'paymentTerm' | 'receiptDate' | 'termFindings' | 'supportingReference' | 'limitationDate'>>;

export class InvoicesRepository {
  constructor(private readonly db: Database) {}

  async findById(id: string, db: Database = this.db): Promise<InvoiceRow | undefined> {
    const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
    return row;
  }

  async findByNumbers(numbers: string[], db: Database = this.db): Promise<InvoiceRow[]> {
    if (numbers.length === 0) return [];
    // One array parameter, not one placeholder per number: an import looks up thousands at once.
    return db
      .select()
      .from(invoices)
      .where(sql`${invoices.number} = any(${sql.param(numbers)}::text[])`);
  }

  async insert(invoice: NewInvoice, db: Database = this.db): Promise<InvoiceRow> {
    const [row] = await db.insert(invoices).values(invoice).returning();
    return row!;
  }

  async insertMany(rows: NewInvoice[], db: Database = this.db): Promise<InvoiceRow[]> {
    if (rows.length === 0) return [];
    return db.insert(invoices).values(rows).returning();
  }

  /** Invoices as issued, read back whole (a few at a time: an invoice created in the app). */
  async insertIssued(rows: IssuedInvoice[], db: Database = this.db): Promise<InvoiceRow[]> {
    if (rows.length < 50) return this.insertMany(rows, db);
    const withIds = rows.map((row) => ({ ...row, id: randomUUID() }));
    await this.insertIssuedBulk(withIds, db);
    return db
      .select()
      .from(invoices)
      .where(sql`${invoices.id} = any(${sql.param(withIds.map((row) => row.id))}::uuid[])`);
  }

  /**
   * Invoices as issued (an import's thousands of rows), their ids chosen by the caller so that
   * nothing needs reading back: one array per column through unnest, far cheaper to build and to
   * parse than one placeholder per value.
   */
  async insertIssuedBulk(rows: Array<IssuedInvoice & { id: string }>, db: Database = this.db): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof (typeof rows)[number]>(key: K) => sql.param(rows.map((row) => row[key] ?? null));
    // JSON columns travel as text (one JSON document per row), cast to jsonb by the database.
    const json = (values: unknown[]) => sql.param(values.map((value) => (value === null || value === undefined ? null : JSON.stringify(value))));
    await db.execute(sql`
      insert into invoices (id, number, customer_id, issue_date, due_date, amount, vat_amount, currency, balance, status, late_interest_rate_percent, import_batch_id,
        payment_term, receipt_date, term_findings, supporting_reference, limitation_date)
      select * from unnest(
        ${column('id')}::uuid[], ${column('number')}::text[], ${column('customerId')}::uuid[], ${column('issueDate')}::date[], ${column('dueDate')}::date[], ${column('amount')}::bigint[],
        ${column('vatAmount')}::bigint[], ${column('currency')}::char(3)[], ${column('balance')}::bigint[], ${column('status')}::text[]::invoice_status[],
        ${column('lateInterestRatePercent')}::numeric[], ${column('importBatchId')}::uuid[],
        ${json(rows.map((row) => row.paymentTerm))}::text[]::jsonb[], ${column('receiptDate')}::date[], ${json(rows.map((row) => row.termFindings ?? []))}::text[]::jsonb[],
        ${column('supportingReference')}::text[], ${column('limitationDate')}::date[])`);
  }

  async update(id: string, changes: Partial<NewInvoice>, db: Database = this.db): Promise<InvoiceRow | undefined> {
    const [row] = await db
      .update(invoices)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(invoices.id, id))
      .returning();
    return row;
  }

  async list(filter: InvoiceFilter): Promise<{ rows: Array<InvoiceRow & { customerName: string }>; total: number }> {
    const dueBefore = (days: number) => sql`${filter.overdue!.today}::date - ${days}::int`;
    const conditions = [
      filter.status?.length ? inArray(invoices.status, filter.status) : undefined,
      filter.customerId ? eq(invoices.customerId, filter.customerId) : undefined,
      filter.flowId ? eq(invoices.flowId, filter.flowId) : undefined,
      filter.overdue?.min !== undefined ? lte(invoices.dueDate, dueBefore(filter.overdue.min)) : undefined,
      filter.overdue?.max !== undefined ? gte(invoices.dueDate, dueBefore(filter.overdue.max)) : undefined,
      filter.search
        ? or(ilike(customers.name, containing(filter.search)), ilike(customers.reference, containing(filter.search)), ilike(invoices.number, containing(filter.search)))
        : undefined,
      filter.step
        ? sql`(select t.node_id from timeline_events t where t.invoice_id = ${invoices.id} and t.type = 'step' order by t.occurred_at desc, t.created_at desc limit 1) = ${filter.step}`
        : undefined,
      filter.balance?.min !== undefined ? gte(invoices.balance, filter.balance.min) : undefined,
      filter.balance?.max !== undefined ? lte(invoices.balance, filter.balance.max) : undefined,
      filter.bucket ? bucketCondition(filter.bucket) : undefined,
    ].filter(Boolean);
    const where = conditions.length ? and(...conditions) : undefined;
    const rows = await this.db
      .select({ invoice: invoices, customerName: customers.name })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(where)
      .orderBy(asc(invoices.dueDate), asc(invoices.id))
      .offset(filter.offset)
      .limit(filter.limit);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(where);
    return { rows: rows.map((r) => ({ ...r.invoice, customerName: r.customerName })), total: count?.n ?? 0 };
  }

  /** The invoice locked for the caller's transaction, with what its status depends on from its customer. */
  async lockReceivable(id: string, db: Database): Promise<(InvoiceRow & { timeZone: string; customerType: string }) | undefined> {
    const [row] = await db
      .select({ invoice: invoices, timeZone: customers.timeZone, customerType: customers.customerType })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(eq(invoices.id, id))
      .for('update', { of: invoices });
    return row ? { ...row.invoice, timeZone: row.timeZone, customerType: row.customerType } : undefined;
  }

  async insertPayment(payment: typeof payments.$inferInsert, db: Database): Promise<void> {
    await db.insert(payments).values(payment);
  }

  async insertCreditNote(note: typeof creditNotes.$inferInsert, db: Database): Promise<void> {
    await db.insert(creditNotes).values(note);
  }

  async creditNoteNumberTaken(number: string, db: Database = this.db): Promise<boolean> {
    const [row] = await db.select({ id: creditNotes.id }).from(creditNotes).where(eq(creditNotes.number, number));
    return row !== undefined;
  }

  async payments(invoiceId: string) {
    return this.db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(asc(payments.receivedAt));
  }

  async creditNotes(invoiceId: string) {
    return this.db.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId)).orderBy(asc(creditNotes.createdAt));
  }

  async openDispute(invoiceId: string, reason: string, openedBy: string | undefined, db: Database = this.db): Promise<void> {
    await db.insert(disputes).values({ invoiceId, reason, openedBy });
  }

  async resolveDisputes(invoiceId: string, resolution: string, db: Database = this.db): Promise<void> {
    await db
      .update(disputes)
      .set({ status: 'resolved', resolution, resolvedAt: sql`now()` })
      .where(and(eq(disputes.invoiceId, invoiceId), eq(disputes.status, 'open')));
  }

  /** A new promise replaces the pending one. */
  async recordPromise(
    promise: { invoiceId: string; amount: number; currency: string; promisedDate: string; balanceWhenPromised: number; recordedBy?: string },
    db: Database = this.db,
  ): Promise<void> {
    await this.settlePromises(promise.invoiceId, 'cancelled', db);
    await db.insert(promises).values(promise);
  }

  async settlePromises(invoiceId: string, status: 'kept' | 'broken' | 'cancelled', db: Database = this.db): Promise<void> {
    await db
      .update(promises)
      .set({ status, resolvedAt: sql`now()` })
      .where(and(eq(promises.invoiceId, invoiceId), eq(promises.status, 'pending')));
  }

  /**
   * Open invoices whose status may have moved with the calendar since it was written (due, overdue,
   * a promise's end): `latestToday` is the latest local date anywhere (UTC+14), so none is missed.
   */
  async datedStatusCandidates(latestToday: string, afterId: string | undefined, limit: number) {
    return this.db
      .select({ invoice: invoices, timeZone: customers.timeZone })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(
        and(
          sql`${invoices.balance} > 0 and ${invoices.cancelledAt} is null and ${invoices.writtenOffAt} is null`,
          sql`((${invoices.status} in ('not_due', 'due') and ${invoices.dueDate} <= ${latestToday}::date) or (${invoices.promisedUntil} is not null and ${invoices.promisedUntil} < ${latestToday}::date))`,
          afterId ? sql`${invoices.id} > ${afterId}` : undefined,
        ),
      )
      .orderBy(asc(invoices.id))
      .limit(limit);
  }

  /**
   * Aging of what is still owed, per currency, as of `today`: a sum over invoice_open_balances (open
   * balances per currency and due date, kept by triggers on invoices), a few thousand rows at most.
   */
  async aging(today: string): Promise<AgingRow[]> {
    return toAgingRows(await this.agingQuery(today));
  }

  /** aging() computed from every open invoice: what the summary must always equal (tests and the benchmark compare them). */
  async agingFromInvoices(today: string): Promise<AgingRow[]> {
    return toAgingRows(await this.agingFromInvoicesQuery(today));
  }

  /** The query of aging(), to run or to explain. */
  agingQuery(today: string) {
    return this.db
      .select({
        currency: invoiceOpenBalances.currency,
        bucket: agingBucketOf(invoiceOpenBalances.dueDate, today),
        amount: sql<string>`sum(${invoiceOpenBalances.balance})`,
        count: sql<number>`sum(${invoiceOpenBalances.invoiceCount})::int`,
      })
      .from(invoiceOpenBalances)
      .where(sql`${invoiceOpenBalances.invoiceCount} > 0`)
      .groupBy(sql`1`, sql`2`);
  }

  /** The query of agingFromInvoices(), to run or to explain. */
  agingFromInvoicesQuery(today: string) {
    return this.db
      .select({ currency: invoices.currency, bucket: agingBucketOf(invoices.dueDate, today), amount: sql<string>`sum(${invoices.balance})`, count: sql<number>`count(*)::int` })
      .from(invoices)
      .where(sql`${invoices.balance} > 0 and ${invoices.cancelledAt} is null and ${invoices.writtenOffAt} is null`)
      .groupBy(sql`1`, sql`2`);
  }

  /** Records, in one statement, the workflows a page of invoices started under (the starter's write after the starts). */
  async recordWorkflowsStarted(
    started: Array<{ invoiceId: string; workflowId: string; flowId: string; flowVersion: number; experimentId?: string | null; experimentArm?: string | null }>,
    db: Database = this.db,
  ): Promise<void> {
    if (started.length === 0) return;
    const column = <K extends keyof (typeof started)[number]>(key: K) => sql.param(started.map((row) => row[key] ?? null));
    await db.execute(sql`
      update invoices set workflow_id = v.workflow_id, flow_id = v.flow_id, flow_version = v.flow_version, experiment_id = v.experiment_id, experiment_arm = v.experiment_arm,
        workflow_start_error = null, updated_at = now()
      from unnest(${column('invoiceId')}::uuid[], ${column('workflowId')}::text[], ${column('flowId')}::uuid[], ${column('flowVersion')}::int[], ${column('experimentId')}::uuid[], ${column('experimentArm')}::text[])
        as v(id, workflow_id, flow_id, flow_version, experiment_id, experiment_arm)
      where invoices.id = v.id`);
  }

  /**
   * Open invoices whose workflow has not been started, after `after` (keyset by creation, then id):
   * those whose start failed wait in the exceptions inbox instead.
   */
  async withoutWorkflow(limit: number, after?: { createdAt: Date; id: string }): Promise<InvoiceRow[]> {
    return this.db
      .select()
      .from(invoices)
      .where(
        and(
          isNull(invoices.workflowId),
          isNull(invoices.workflowStartError),
          sql`${invoices.balance} > 0 and ${invoices.cancelledAt} is null and ${invoices.writtenOffAt} is null`,
          after ? sql`(${invoices.createdAt}, ${invoices.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(invoices.createdAt), asc(invoices.id))
      .limit(limit);
  }

  async recordStartFailure(id: string, error: string): Promise<void> {
    await this.db
      .update(invoices)
      .set({ workflowStartError: error.slice(0, 2000), updatedAt: sql`now()` })
      .where(eq(invoices.id, id));
  }

  /** The workflow start is to be tried again (an exception retried). */
  async clearStartFailure(id: string): Promise<void> {
    await this.db
      .update(invoices)
      .set({ workflowStartError: null, updatedAt: sql`now()` })
      .where(eq(invoices.id, id));
  }

  async setPaused(id: string, paused: boolean): Promise<void> {
    await this.db
      .update(invoices)
      .set({ pausedAt: paused ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(invoices.id, id));
  }

  /** Several invoices at once (the send-time check of a batched message). */
  async findByIds(ids: string[], db: Database = this.db): Promise<InvoiceRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(invoices).where(inArray(invoices.id, ids));
  }

  /** The open invoices of a customer (a collector's card, a formal notice). */
  async openForCustomer(customerId: string): Promise<InvoiceRow[]> {
    return this.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.customerId, customerId), sql`${invoices.balance} > 0 and ${invoices.cancelledAt} is null and ${invoices.writtenOffAt} is null`))
      .orderBy(asc(invoices.dueDate), asc(invoices.number));
  }

  async overdueBefore(date: string, limit: number): Promise<InvoiceRow[]> {
    return this.db.select().from(invoices).where(lt(invoices.dueDate, date)).orderBy(desc(invoices.dueDate)).limit(limit);
  }
}
