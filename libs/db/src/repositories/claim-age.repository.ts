import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { customers, invoices } from '../schema';

/** An open claim with what its age is judged on. */
export interface OpenClaimRow {
  invoiceId: string;
  number: string;
  customerId: string;
  customerName: string;
  customerType: string;
  timeZone: string;
  dueDate: string;
  balance: number;
  currency: string;
  status: string;
  limitationDate: string;
}

/** Open claims by limitation date (prescription): the daily alert and the claim-age report read them. */
export class ClaimAgeRepository {
  constructor(private readonly db: Database) {}

  /**
   * Open invoices (something owed, neither cancelled nor written off) with a limitation date on or
   * before `until` (all when unset), soonest first, by pages (`after`: the last row of the page before).
   */
  async openClaims(options: { until?: string; after?: { limitationDate: string; invoiceId: string }; limit: number; customerId?: string }): Promise<OpenClaimRow[]> {
    return this.db
      .select({
        invoiceId: invoices.id,
        number: invoices.number,
        customerId: invoices.customerId,
        customerName: customers.name,
        customerType: customers.customerType,
        timeZone: customers.timeZone,
        dueDate: invoices.dueDate,
        balance: invoices.balance,
        currency: invoices.currency,
        status: invoices.status,
        limitationDate: sql<string>`${invoices.limitationDate}::text`,
      })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(
        and(
          sql`${invoices.balance} > 0 and ${invoices.cancelledAt} is null and ${invoices.writtenOffAt} is null and ${invoices.limitationDate} is not null`,
          options.until ? sql`${invoices.limitationDate} <= ${options.until}::date` : undefined,
          options.customerId ? eq(invoices.customerId, options.customerId) : undefined,
          options.after ? sql`(${invoices.limitationDate}, ${invoices.id}) > (${options.after.limitationDate}::date, ${options.after.invoiceId}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(invoices.limitationDate), asc(invoices.id))
      .limit(options.limit);
  }
}
