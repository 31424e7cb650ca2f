import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ScoreSource } from '@dunning/domain';
import type { Database } from '../connection/database';
import { customers, invoices, solvencyScores } from '../schema';

export type SolvencyScoreRow = typeof solvencyScores.$inferSelect;
export type NewSolvencyScore = {
  customerId: string;
  score: number;
  provider: string;
  source: ScoreSource;
  scoredAt: Date;
  externalId?: string | null;
  note?: string | null;
};

/**
 * Customers' solvency scores: the history (`solvency_scores`) and the customer's latest score
 * (`customers.risk_score`) with the credit limit a score drop lowers. Called by the API's scores
 * service only — the one writer of `customers.risk_score`.
 */
export class SolvencyScoresRepository {
  constructor(private readonly db: Database) {}

  /** Records scores in bulk; answers the rows written (a provider's external id delivered again is left out: recorded once). */
  async insertMany(scores: NewSolvencyScore[], db: Database = this.db): Promise<SolvencyScoreRow[]> {
    const rows: SolvencyScoreRow[] = [];
    for (let i = 0; i < scores.length; i += 1000) {
      const chunk = scores.slice(i, i + 1000).map((score) => ({ ...score, externalId: score.externalId ?? null, note: score.note ?? null }));
      rows.push(...(await db.insert(solvencyScores).values(chunk).onConflictDoNothing().returning()));
    }
    return rows;
  }

  async byExternalId(provider: string, externalId: string, db: Database = this.db): Promise<SolvencyScoreRow | undefined> {
    const [row] = await db
      .select()
      .from(solvencyScores)
      .where(and(eq(solvencyScores.provider, provider), eq(solvencyScores.externalId, externalId)));
    return row;
  }

  /** Each customer's score as of now: the one scored last (the last recorded among equals). */
  async latestOf(customerIds: string[], db: Database = this.db): Promise<Map<string, SolvencyScoreRow>> {
    const latest = new Map<string, SolvencyScoreRow>();
    for (let i = 0; i < customerIds.length; i += 1000) {
      const rows = await db
        .selectDistinctOn([solvencyScores.customerId])
        .from(solvencyScores)
        .where(inArray(solvencyScores.customerId, customerIds.slice(i, i + 1000)))
        .orderBy(solvencyScores.customerId, desc(solvencyScores.scoredAt), desc(solvencyScores.createdAt), desc(solvencyScores.id));
      for (const row of rows) latest.set(row.customerId, row);
    }
    return latest;
  }

  /** Newest first. */
  async history(customerId: string, limit: number, db: Database = this.db): Promise<SolvencyScoreRow[]> {
    return db
      .select()
      .from(solvencyScores)
      .where(eq(solvencyScores.customerId, customerId))
      .orderBy(desc(solvencyScores.scoredAt), desc(solvencyScores.createdAt), desc(solvencyScores.id))
      .limit(limit);
  }

  /** The customers' rows, locked until the transaction ends (scores of one customer are applied one after the other). */
  async lockCustomers(customerIds: string[], db: Database) {
    const rows = [];
    for (let i = 0; i < customerIds.length; i += 1000) {
      rows.push(
        ...(await db
          .select({
            id: customers.id,
            name: customers.name,
            reference: customers.reference,
            riskScore: customers.riskScore,
            segment: customers.segment,
            creditLimit: customers.creditLimit,
            creditLimitCurrency: customers.creditLimitCurrency,
          })
          .from(customers)
          .where(inArray(customers.id, customerIds.slice(i, i + 1000)))
          .orderBy(asc(customers.id))
          .for('update')),
      );
    }
    return rows;
  }

  async customerIdsByReference(references: string[], db: Database = this.db): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < references.length; i += 1000) {
      const rows = await db
        .select({ id: customers.id, reference: customers.reference })
        .from(customers)
        .where(inArray(customers.reference, references.slice(i, i + 1000)));
      for (const row of rows) ids.set(row.reference, row.id);
    }
    return ids;
  }

  /** A customer known by its registry id (SIREN/SIRET, as providers name companies); undefined when none or several. */
  async customerIdByLegalId(legalId: string, db: Database = this.db): Promise<string | undefined> {
    const rows = await db.select({ id: customers.id }).from(customers).where(eq(customers.legalId, legalId)).limit(2);
    return rows.length === 1 ? rows[0]!.id : undefined;
  }

  /** Each customer's latest score (`customers.risk_score`). */
  async setRiskScores(entries: Array<{ customerId: string; riskScore: number }>, db: Database): Promise<void> {
    for (let i = 0; i < entries.length; i += 1000) {
      const records = entries.slice(i, i + 1000).map((e) => ({ id: e.customerId, risk_score: e.riskScore }));
      await db.execute(sql`
        update customers c set risk_score = v.risk_score, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(id uuid, risk_score smallint)
        where c.id = v.id`);
    }
  }

  async setCreditLimit(customerId: string, creditLimit: number, db: Database): Promise<void> {
    await db
      .update(customers)
      .set({ creditLimit, updatedAt: sql`now()` })
      .where(eq(customers.id, customerId));
  }

  /** The customers' invoices whose dunning runs: something owed, not cancelled nor written off, a workflow started on a flow. */
  async runningInvoices(customerIds: string[], db: Database = this.db) {
    if (customerIds.length === 0) return [];
    return db
      .select({
        customerId: invoices.customerId,
        id: invoices.id,
        number: invoices.number,
        amount: invoices.amount,
        currency: invoices.currency,
        workflowId: invoices.workflowId,
        flowId: invoices.flowId,
        flowVersion: invoices.flowVersion,
      })
      .from(invoices)
      .where(
        and(
          inArray(invoices.customerId, customerIds),
          isNotNull(invoices.workflowId),
          isNotNull(invoices.flowId),
          sql`${invoices.balance} > 0 and ${invoices.cancelledAt} is null and ${invoices.writtenOffAt} is null`,
        ),
      )
      .orderBy(asc(invoices.dueDate), asc(invoices.number));
  }
}
