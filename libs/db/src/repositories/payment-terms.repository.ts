import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PaymentTerm } from '@dunning/domain';
import type { Database } from '../connection/database';
import { customers, invoices } from '../schema';

/** An invoice is flagged when its term breaks a ceiling (Code de commerce L441-10 I, L441-11): its findings are not empty. */
const flagged = sql`jsonb_array_length(${invoices.termFindings}) > 0`;
/** A cancelled invoice carries no term any more. */
const notCancelled = sql`${invoices.cancelledAt} is null`;

export interface PaymentTermsCustomerRow {
  customerId: string;
  customerName: string;
  customerReference: string;
  sector: string | null;
  invoices: number;
  flaggedInvoices: number;
  findings: Array<{ code: string; count: number }>;
  longestAgreedDays: number;
  longestInvoiceNumber: string;
  longestTerm: PaymentTerm | null;
  openOnFlagged: Array<{ amount: number; currency: string }>;
}

type Rows<T> = { rows: T[] };

/** The invoices' payment terms as the report by customer reads them, and what an import flagged. */
export class PaymentTermsRepository {
  constructor(private readonly db: Database) {}

  /** The invoices of an import whose term breaks a ceiling. */
  async flaggedInBatch(importBatchId: string): Promise<number> {
    const [row] = await this.db
      .select({ count: sql<number>`count(*)::int` })
      .from(invoices)
      .where(and(eq(invoices.importBatchId, importBatchId), flagged));
    return row?.count ?? 0;
  }

  /** Every invoice and every flagged one (not cancelled), and how many customers have one flagged. */
  async totals(): Promise<{ invoices: number; flaggedInvoices: number; customersFlagged: number }> {
    const [row] = await this.db
      .select({
        invoices: sql<number>`count(*)::int`,
        flaggedInvoices: sql<number>`(count(*) filter (where ${flagged}))::int`,
        customersFlagged: sql<number>`(count(distinct ${invoices.customerId}) filter (where ${flagged}))::int`,
      })
      .from(invoices)
      .where(notCancelled);
    return row ?? { invoices: 0, flaggedInvoices: 0, customersFlagged: 0 };
  }

  /**
   * Per customer: its invoices, the flagged ones and their findings by code, its longest agreed
   * delay (due date − invoice date) with that invoice's term, and what is still owed on the flagged
   * ones per currency. Most flagged first; `onlyFlagged` leaves out customers with none.
   */
  async byCustomer(options: { onlyFlagged: boolean; limit: number }): Promise<PaymentTermsCustomerRow[]> {
    const flaggedCount = sql<number>`(count(*) filter (where ${flagged}))::int`;
    const base = await this.db
      .select({
        customerId: customers.id,
        customerName: customers.name,
        customerReference: customers.reference,
        sector: customers.sector,
        invoices: sql<number>`count(*)::int`,
        flaggedInvoices: flaggedCount,
      })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(notCancelled)
      .groupBy(customers.id)
      .having(options.onlyFlagged ? sql`count(*) filter (where ${flagged}) > 0` : undefined)
      .orderBy(desc(flaggedCount), asc(customers.name), asc(customers.id))
      .limit(options.limit);
    if (base.length === 0) return [];
    const ids = sql.param(base.map((row) => row.customerId));

    const findings = (await this.db.execute(sql`
      select i.customer_id as "customerId", f.value->>'code' as code, count(distinct i.id)::int as count
      from invoices i cross join lateral jsonb_array_elements(i.term_findings) f
      where i.cancelled_at is null and i.customer_id = any(${ids}::uuid[])
      group by 1, 2 order by 1, 2`)) as unknown as Rows<{ customerId: string; code: string; count: number }>;
    const longest = (await this.db.execute(sql`
      select distinct on (customer_id) customer_id as "customerId", number, payment_term as "paymentTerm", (due_date - issue_date)::int as days
      from invoices
      where cancelled_at is null and customer_id = any(${ids}::uuid[])
      order by customer_id, due_date - issue_date desc, number`)) as unknown as Rows<{
      customerId: string;
      number: string;
      paymentTerm: PaymentTerm | string | null;
      days: number;
    }>;
    const open = await this.db
      .select({ customerId: invoices.customerId, currency: invoices.currency, amount: sql<string>`sum(${invoices.balance})` })
      .from(invoices)
      .where(
        and(
          notCancelled,
          flagged,
          sql`${invoices.balance} > 0`,
          inArray(
            invoices.customerId,
            base.map((row) => row.customerId),
          ),
        ),
      )
      .groupBy(invoices.customerId, invoices.currency)
      .orderBy(asc(invoices.currency));

    const longestBy = new Map(longest.rows.map((row) => [row.customerId, row]));
    return base.map((row) => {
      const top = longestBy.get(row.customerId);
      // A driver may hand jsonb back as text.
      const term = typeof top?.paymentTerm === 'string' ? (JSON.parse(top.paymentTerm) as PaymentTerm) : (top?.paymentTerm ?? null);
      return {
        ...row,
        findings: findings.rows.filter((f) => f.customerId === row.customerId).map((f) => ({ code: f.code, count: Number(f.count) })),
        longestAgreedDays: Number(top?.days ?? 0),
        longestInvoiceNumber: top?.number ?? '',
        longestTerm: term,
        openOnFlagged: open.filter((o) => o.customerId === row.customerId).map((o) => ({ amount: Number(o.amount), currency: o.currency })),
      };
    });
  }
}
