import { and, asc, desc, eq, inArray, isNotNull, ne, notInArray, sql } from 'drizzle-orm';
import type { InsuranceDeclarationKind } from '@dunning/domain';
import type { Database } from '../connection/database';
import { customers, insuranceDeclarations, insurancePolicies, insuredCreditLimits, invoices } from '../schema';

export type InsurancePolicyRow = typeof insurancePolicies.$inferSelect;
export type NewInsurancePolicy = typeof insurancePolicies.$inferInsert;
export type InsuredCreditLimitRow = typeof insuredCreditLimits.$inferSelect;
export type InsuranceDeclarationRow = typeof insuranceDeclarations.$inferSelect;
export type NewInsuranceDeclaration = typeof insuranceDeclarations.$inferInsert;

/** Statuses after which nothing is owed any more: they are out of the exposure. */
const CLOSED = ['paid', 'cancelled', 'written_off'] as const;

export interface InsuredCover {
  policy: InsurancePolicyRow;
  limit: InsuredCreditLimitRow;
}

/** One customer's exposure as the books hold it, in one currency (the report computes the insured share). */
export interface ExposureRow {
  customerId: string;
  customerName: string;
  currency: string;
  openBalance: number;
  limitAmount: number | null;
  coveragePercent: number | null;
  insurer: string | null;
  policyNumber: string | null;
  threats: number;
  claims: number;
  indemnified: number;
}

/**
 * Credit insurance: the policies, the credit limit each customer is insured for, and the threats of
 * loss and claims declared on invoices (once per invoice and kind). The indemnity itself is money:
 * the receivables service posts it and marks the declaration in the same transaction.
 */
export class InsuranceRepository {
  constructor(private readonly db: Database) {}

  listPolicies(): Promise<InsurancePolicyRow[]> {
    return this.db.select().from(insurancePolicies).orderBy(desc(insurancePolicies.active), asc(insurancePolicies.insurer), asc(insurancePolicies.policyNumber));
  }

  async findPolicy(id: string, db: Database = this.db): Promise<InsurancePolicyRow | undefined> {
    const [row] = await db.select().from(insurancePolicies).where(eq(insurancePolicies.id, id));
    return row;
  }

  async findPolicyByNumber(policyNumber: string): Promise<InsurancePolicyRow | undefined> {
    const [row] = await this.db.select().from(insurancePolicies).where(eq(insurancePolicies.policyNumber, policyNumber));
    return row;
  }

  async createPolicy(policy: NewInsurancePolicy): Promise<InsurancePolicyRow> {
    const [row] = await this.db.insert(insurancePolicies).values(policy).returning();
    return row!;
  }

  async updatePolicy(id: string, patch: Partial<NewInsurancePolicy>): Promise<InsurancePolicyRow | undefined> {
    const [row] = await this.db
      .update(insurancePolicies)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(insurancePolicies.id, id))
      .returning();
    return row;
  }

  listLimits(): Promise<Array<InsuredCreditLimitRow & { customerName: string; insurer: string; policyNumber: string }>> {
    return this.db
      .select({
        id: insuredCreditLimits.id,
        policyId: insuredCreditLimits.policyId,
        customerId: insuredCreditLimits.customerId,
        limitAmount: insuredCreditLimits.limitAmount,
        currency: insuredCreditLimits.currency,
        grantedOn: insuredCreditLimits.grantedOn,
        createdAt: insuredCreditLimits.createdAt,
        updatedAt: insuredCreditLimits.updatedAt,
        customerName: customers.name,
        insurer: insurancePolicies.insurer,
        policyNumber: insurancePolicies.policyNumber,
      })
      .from(insuredCreditLimits)
      .innerJoin(customers, eq(customers.id, insuredCreditLimits.customerId))
      .innerJoin(insurancePolicies, eq(insurancePolicies.id, insuredCreditLimits.policyId))
      .orderBy(asc(customers.name));
  }

  /** The customer's one insured limit (agrément), replaced when set again. */
  async setLimit(limit: { policyId: string; customerId: string; limitAmount: number; currency: string; grantedOn: string }): Promise<InsuredCreditLimitRow> {
    const [row] = await this.db
      .insert(insuredCreditLimits)
      .values(limit)
      .onConflictDoUpdate({
        target: insuredCreditLimits.customerId,
        set: { policyId: limit.policyId, limitAmount: limit.limitAmount, currency: limit.currency, grantedOn: limit.grantedOn, updatedAt: new Date() },
      })
      .returning();
    return row!;
  }

  async removeLimit(customerId: string): Promise<boolean> {
    const removed = await this.db.delete(insuredCreditLimits).where(eq(insuredCreditLimits.customerId, customerId)).returning({ id: insuredCreditLimits.id });
    return removed.length > 0;
  }

  /** The customer's active policy and its insured limit; undefined when the customer is not insured. */
  async coverOf(customerId: string, db: Database = this.db): Promise<InsuredCover | undefined> {
    const [row] = await db
      .select({ policy: insurancePolicies, limit: insuredCreditLimits })
      .from(insuredCreditLimits)
      .innerJoin(insurancePolicies, eq(insurancePolicies.id, insuredCreditLimits.policyId))
      .where(and(eq(insuredCreditLimits.customerId, customerId), eq(insurancePolicies.active, true)));
    return row;
  }

  async listDeclarations(filter: { customerId?: string; invoiceId?: string } = {}) {
    const conditions = [
      filter.customerId ? eq(insuranceDeclarations.customerId, filter.customerId) : undefined,
      filter.invoiceId ? eq(insuranceDeclarations.invoiceId, filter.invoiceId) : undefined,
    ].filter((c) => c !== undefined);
    return this.db
      .select({
        declaration: insuranceDeclarations,
        invoiceNumber: invoices.number,
        invoiceBalance: invoices.balance,
        customerName: customers.name,
        insurer: insurancePolicies.insurer,
        policyNumber: insurancePolicies.policyNumber,
      })
      .from(insuranceDeclarations)
      .innerJoin(invoices, eq(invoices.id, insuranceDeclarations.invoiceId))
      .innerJoin(customers, eq(customers.id, insuranceDeclarations.customerId))
      .innerJoin(insurancePolicies, eq(insurancePolicies.id, insuranceDeclarations.policyId))
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(insuranceDeclarations.declaredAt))
      .limit(1000);
  }

  async findDeclaration(id: string, db: Database = this.db): Promise<InsuranceDeclarationRow | undefined> {
    const [row] = await db.select().from(insuranceDeclarations).where(eq(insuranceDeclarations.id, id));
    return row;
  }

  declarationsOf(invoiceId: string, db: Database = this.db): Promise<InsuranceDeclarationRow[]> {
    return db.select().from(insuranceDeclarations).where(eq(insuranceDeclarations.invoiceId, invoiceId)).orderBy(asc(insuranceDeclarations.declaredAt));
  }

  /** What the customer's other open declarations of a kind already take of its insured limit. */
  async insuredByOthers(customerId: string, kind: InsuranceDeclarationKind, exceptInvoiceId: string, db: Database = this.db): Promise<number> {
    const [row] = await db
      .select({ total: sql<string>`coalesce(sum(${insuranceDeclarations.insuredAmount}), 0)` })
      .from(insuranceDeclarations)
      .where(
        and(
          eq(insuranceDeclarations.customerId, customerId),
          eq(insuranceDeclarations.kind, kind),
          eq(insuranceDeclarations.status, 'declared'),
          ne(insuranceDeclarations.invoiceId, exceptInvoiceId),
        ),
      );
    return Number(row?.total ?? 0);
  }

  /**
   * Records a declaration once: the same step again (its dedupe key) or another declaration of the
   * same kind on the invoice gets the one already made (`created: false`).
   */
  async declare(declaration: NewInsuranceDeclaration, db: Database = this.db): Promise<{ row: InsuranceDeclarationRow; created: boolean }> {
    const [inserted] = await db.insert(insuranceDeclarations).values(declaration).onConflictDoNothing().returning();
    if (inserted) return { row: inserted, created: true };
    const [existing] = await db
      .select()
      .from(insuranceDeclarations)
      .where(
        sql`${insuranceDeclarations.dedupeKey} = ${declaration.dedupeKey} or (${insuranceDeclarations.invoiceId} = ${declaration.invoiceId} and ${insuranceDeclarations.kind} = ${declaration.kind})`,
      );
    return { row: existing!, created: false };
  }

  async setDossier(id: string, documentId: string): Promise<void> {
    await this.db.update(insuranceDeclarations).set({ dossierDocumentId: documentId, updatedAt: new Date() }).where(eq(insuranceDeclarations.id, id));
  }

  /** Called by the receivables service inside the indemnity's transaction. */
  async markIndemnified(id: string, indemnity: { amount: number; date: string }, db: Database = this.db): Promise<void> {
    await db
      .update(insuranceDeclarations)
      .set({ status: 'indemnified', indemnityAmount: indemnity.amount, indemnifiedOn: indemnity.date, updatedAt: new Date() })
      .where(eq(insuranceDeclarations.id, id));
  }

  /**
   * The automatic rule's candidates: open, past-due invoices of customers insured under an active
   * policy with an automatic declaration delay, in the limit's currency, without a threat declared yet,
   * due before `dueBefore` (a local date; the caller checks each on its customer's date).
   */
  async threatCandidates(dueBefore: string): Promise<Array<{ invoiceId: string; customerId: string; dueDate: string; timeZone: string; policy: InsurancePolicyRow }>> {
    const rows = await this.db
      .select({ invoiceId: invoices.id, customerId: invoices.customerId, dueDate: invoices.dueDate, timeZone: customers.timeZone, policy: insurancePolicies })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .innerJoin(insuredCreditLimits, and(eq(insuredCreditLimits.customerId, invoices.customerId), eq(insuredCreditLimits.currency, invoices.currency)))
      .innerJoin(insurancePolicies, and(eq(insurancePolicies.id, insuredCreditLimits.policyId), eq(insurancePolicies.active, true)))
      .leftJoin(insuranceDeclarations, and(eq(insuranceDeclarations.invoiceId, invoices.id), eq(insuranceDeclarations.kind, 'threat')))
      .where(
        and(
          isNotNull(insurancePolicies.autoDeclareDaysBefore),
          notInArray(invoices.status, [...CLOSED]),
          sql`${invoices.balance} > 0`,
          sql`${invoices.dueDate} < ${dueBefore}`,
          sql`${insuranceDeclarations.id} is null`,
        ),
      )
      .orderBy(asc(invoices.dueDate))
      .limit(5000);
    return rows;
  }

  /** Per customer and currency: what is open, the insured limit and share, and the declarations made. */
  async exposure(): Promise<ExposureRow[]> {
    const open = await this.db
      .select({
        customerId: invoices.customerId,
        customerName: customers.name,
        currency: invoices.currency,
        openBalance: sql<string>`sum(${invoices.balance})`,
      })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(and(notInArray(invoices.status, [...CLOSED]), sql`${invoices.balance} > 0`))
      .groupBy(invoices.customerId, customers.name, invoices.currency);
    const limits = await this.db
      .select({ limit: insuredCreditLimits, policy: insurancePolicies, customerName: customers.name })
      .from(insuredCreditLimits)
      .innerJoin(insurancePolicies, eq(insurancePolicies.id, insuredCreditLimits.policyId))
      .innerJoin(customers, eq(customers.id, insuredCreditLimits.customerId));
    const customerIds = [...new Set([...open.map((o) => o.customerId), ...limits.map((l) => l.limit.customerId)])];
    const counts =
      customerIds.length === 0
        ? []
        : await this.db
            .select({
              customerId: insuranceDeclarations.customerId,
              currency: insuranceDeclarations.currency,
              threats: sql<number>`count(*) filter (where ${insuranceDeclarations.kind} = 'threat' and ${insuranceDeclarations.status} = 'declared')::int`,
              claims: sql<number>`count(*) filter (where ${insuranceDeclarations.kind} = 'claim' and ${insuranceDeclarations.status} = 'declared')::int`,
              indemnified: sql<string>`coalesce(sum(${insuranceDeclarations.indemnityAmount}), 0)`,
            })
            .from(insuranceDeclarations)
            .where(inArray(insuranceDeclarations.customerId, customerIds))
            .groupBy(insuranceDeclarations.customerId, insuranceDeclarations.currency);
    const rows = new Map<string, ExposureRow>();
    const rowOf = (customerId: string, customerName: string, currency: string) => {
      const key = `${customerId}:${currency}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          customerId,
          customerName,
          currency,
          openBalance: 0,
          limitAmount: null,
          coveragePercent: null,
          insurer: null,
          policyNumber: null,
          threats: 0,
          claims: 0,
          indemnified: 0,
        };
        rows.set(key, row);
      }
      return row;
    };
    for (const o of open) rowOf(o.customerId, o.customerName, o.currency).openBalance = Number(o.openBalance);
    for (const l of limits) {
      const row = rowOf(l.limit.customerId, l.customerName, l.limit.currency);
      if (!l.policy.active) continue;
      Object.assign(row, { limitAmount: l.limit.limitAmount, coveragePercent: l.policy.coveragePercent, insurer: l.policy.insurer, policyNumber: l.policy.policyNumber });
    }
    for (const c of counts) {
      const row = rows.get(`${c.customerId}:${c.currency}`);
      if (row) Object.assign(row, { threats: c.threats, claims: c.claims, indemnified: Number(c.indemnified) });
    }
    return [...rows.values()].sort((a, b) => a.customerName.localeCompare(b.customerName) || a.currency.localeCompare(b.currency));
  }
}
