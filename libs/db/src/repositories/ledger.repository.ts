import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import { type JournalEntry, assertBalanced } from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
import type { Database } from '../connection/database';
import { customers, invoices, journalEntries, ledgerEvents, timelineEvents } from '../schema';

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

  /**
   * Claims an event key in the caller's transaction: the first claim records the event; a second
   * one finds it (its content, to compare, and what it did).
   */
  async claimEvent(
    event: { eventKey: string; kind: string; invoiceId?: string | null; customerId?: string | null; content: Record<string, unknown> },
    db: Database = this.db,
  ): Promise<{ claimed: true; id: string } | { claimed: false; id: string; kind: string; content: Record<string, unknown>; result: Record<string, unknown> }> {
    const [inserted] = await db.insert(ledgerEvents).values(event).onConflictDoNothing({ target: ledgerEvents.eventKey }).returning({ id: ledgerEvents.id });
    if (inserted) return { claimed: true, id: inserted.id };
    const [existing] = await db.select().from(ledgerEvents).where(eq(ledgerEvents.eventKey, event.eventKey));
    return { claimed: false, id: existing!.id, kind: existing!.kind, content: existing!.content, result: existing!.result };
  }

  async setEventResult(id: string, result: Record<string, unknown>, db: Database = this.db): Promise<void> {
    await db.update(ledgerEvents).set({ result }).where(eq(ledgerEvents.id, id));
  }

  /** Posts balanced entries (refusing any that is not), each line tagged with its event, invoice and customer. */
  async post(entries: Array<{ entry: JournalEntry; invoiceId?: string | null; customerId?: string | null; eventId?: string | null }>, db: Database = this.db): Promise<void> {
    const rows = entries.flatMap(({ entry, invoiceId, customerId, eventId }) => {
      assertBalanced(entry);
      const entryId = randomUUID();
      return entry.lines.map((line) => ({
        entryId,
        eventId: eventId ?? null,
        journal: entry.journal ?? 'OD',
        invoiceId: invoiceId ?? null,
        customerId: customerId ?? null,
        pieceRef: entry.pieceRef ?? entry.invoiceNumber,
        pieceDate: entry.pieceDate ?? entry.date,
        entryDate: entry.date,
        account: line.account,
        label: line.label,
        debit: line.debit,
        credit: line.credit,
        currency: entry.currency,
      }));
    });
    if (rows.length < 50) {
      if (rows.length > 0) await db.insert(journalEntries).values(rows);
      return;
    }
    // Many lines (an import): one array per column through unnest, far cheaper to build and to parse
    // than one placeholder per value.
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows.slice(i, i + 20_000);
      const column = <K extends keyof (typeof chunk)[number]>(key: K) => chunk.map((row) => row[key]);
      await db.execute(sql`
        insert into journal_entries (entry_id, event_id, journal, invoice_id, customer_id, piece_ref, piece_date, entry_date, account, label, debit, credit, currency)
        select * from unnest(
          ${sql.param(column('entryId'))}::uuid[], ${sql.param(column('eventId'))}::uuid[], ${sql.param(column('journal'))}::text[], ${sql.param(column('invoiceId'))}::uuid[], ${sql.param(column('customerId'))}::uuid[],
          ${sql.param(column('pieceRef'))}::text[], ${sql.param(column('pieceDate'))}::date[], ${sql.param(column('entryDate'))}::date[], ${sql.param(column('account'))}::text[], ${sql.param(column('label'))}::text[],
          ${sql.param(column('debit'))}::bigint[], ${sql.param(column('credit'))}::bigint[], ${sql.param(column('currency'))}::char(3)[])`);
    }
  }

  async journal(from: string, to: string) {
    return this.db
      .select({ line: journalEntries, invoiceNumber: invoices.number, customerReference: customers.reference, customerName: customers.name })
      .from(journalEntries)
      .leftJoin(invoices, eq(invoices.id, journalEntries.invoiceId))
      .leftJoin(customers, eq(customers.id, journalEntries.customerId))
      .where(and(gte(journalEntries.entryDate, from), lte(journalEntries.entryDate, to)))
      .orderBy(asc(journalEntries.entryDate), asc(journalEntries.seq));
  }

  /**
   * Every line of a period with the position of its entry in its journal over the period (1, 2… in
   * order of posting: the FEC's continuous EcritureNum; stable because the books are append-only).
   */
  async numberedLines(from: string, to: string) {
    const result = await this.db.execute(sql`
      select l.*, n.entry_number, i.number as invoice_number, c.reference as customer_reference, c.name as customer_name
      from journal_entries l
      join (
        select entry_id, row_number() over (partition by journal order by min(seq)) as entry_number
        from journal_entries where entry_date between ${from}::date and ${to}::date group by entry_id, journal
      ) n on n.entry_id = l.entry_id
      left join invoices i on i.id = l.invoice_id
      left join customers c on c.id = l.customer_id
      where l.entry_date between ${from}::date and ${to}::date
      order by l.journal, n.entry_number, l.seq`);
    const { rows } = result as unknown as { rows: Array<Record<string, unknown>> };
    return rows.map((r) => ({
      journal: String(r.journal) as 'VT' | 'BQ' | 'OD',
      entryNumber: Number(r.entry_number),
      entryDate: String(r.entry_date).slice(0, 10),
      account: String(r.account),
      label: String(r.label),
      debit: Number(r.debit),
      credit: Number(r.credit),
      currency: String(r.currency),
      pieceRef: (r.piece_ref as string | null) ?? (r.invoice_number as string | null) ?? '',
      pieceDate: String(r.piece_date ?? r.entry_date).slice(0, 10),
      invoiceId: (r.invoice_id as string | null) ?? undefined,
      customerReference: (r.customer_reference as string | null) ?? undefined,
      customerName: (r.customer_name as string | null) ?? undefined,
      createdAt: new Date(r.created_at as string),
    }));
  }

  /** Debit and credit per account and currency up to a date (the trial balance). */
  async trialBalance(asOf: string): Promise<Array<{ account: string; currency: string; debit: number; credit: number }>> {
    const rows = await this.db
      .select({
        account: journalEntries.account,
        currency: journalEntries.currency,
        debit: sql<string>`sum(${journalEntries.debit})`,
        credit: sql<string>`sum(${journalEntries.credit})`,
      })
      .from(journalEntries)
      .where(lte(journalEntries.entryDate, asOf))
      .groupBy(journalEntries.account, journalEntries.currency)
      .orderBy(journalEntries.account, journalEntries.currency);
    return rows.map((r) => ({ account: r.account, currency: r.currency, debit: Number(r.debit), credit: Number(r.credit) }));
  }

  /** What each invoice owes by its books (411 + 416), up to a date: the source of aged balances. */
  async receivableBalances(asOf: string): Promise<Array<{ invoiceId: string; customerId: string; currency: string; balance: number }>> {
    const rows = await this.db
      .select({
        invoiceId: journalEntries.invoiceId,
        customerId: invoices.customerId,
        currency: journalEntries.currency,
        balance: sql<string>`sum(${journalEntries.debit} - ${journalEntries.credit})`,
      })
      .from(journalEntries)
      .innerJoin(invoices, eq(invoices.id, journalEntries.invoiceId))
      .where(and(lte(journalEntries.entryDate, asOf), sql`${journalEntries.account} in ('411', '416')`))
      .groupBy(journalEntries.invoiceId, invoices.customerId, journalEntries.currency);
    return rows.map((r) => ({ invoiceId: r.invoiceId!, customerId: r.customerId, currency: r.currency, balance: Number(r.balance) }));
  }

  /** A customer's unallocated credit (4191), per currency. */
  async customerCredit(customerId: string, db: Database = this.db): Promise<Array<{ currency: string; amount: number }>> {
    const rows = await db
      .select({ currency: journalEntries.currency, amount: sql<string>`sum(${journalEntries.credit} - ${journalEntries.debit})` })
      .from(journalEntries)
      .where(and(eq(journalEntries.customerId, customerId), eq(journalEntries.account, '4191')))
      .groupBy(journalEntries.currency);
    return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) })).filter((r) => r.amount !== 0);
  }

  /**
   * For DSO from the books: receivables (411 + 416) at the end of each month, and the month's sales
   * invoiced (706 credits, net of 709 rebates, plus the VAT on them: what customers owe).
   */
  async monthlyReceivablesAndSales(from: string, to: string): Promise<Array<{ month: string; currency: string; receivables: number; sales: number }>> {
    const result = await this.db.execute(sql`
      with months as (
        select generate_series(date_trunc('month', ${from}::date), date_trunc('month', ${to}::date), interval '1 month')::date as month
      ), currencies as (select distinct currency from journal_entries)
      select to_char(m.month, 'YYYY-MM') as month, c.currency,
        coalesce((select sum(debit - credit) from journal_entries j where j.currency = c.currency and j.account in ('411', '416')
          and j.entry_date <= (m.month + interval '1 month' - interval '1 day')::date), 0)::bigint as receivables,
        coalesce((select sum(debit - credit) from journal_entries j where j.currency = c.currency and j.journal = 'VT' and j.account = '411'
          and j.entry_date >= m.month and j.entry_date < (m.month + interval '1 month')::date), 0)::bigint as sales
      from months m cross join currencies c
      order by 1, 2`);
    const { rows } = result as unknown as { rows: Array<{ month: string; currency: string; receivables: string | number; sales: string | number }> };
    return rows.map((r) => ({ month: r.month, currency: r.currency, receivables: Number(r.receivables), sales: Number(r.sales) }));
  }
}
