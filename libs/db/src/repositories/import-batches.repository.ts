import { eq, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { importBatches } from '../schema';
import type { ImportLineError } from '../schema';

export type ImportBatchRow = typeof importBatches.$inferSelect;

export class ImportBatchesRepository {
  constructor(private readonly db: Database) {}

  async create(batch: { fileName: string; format: 'csv' | 'xlsx'; totalRows: number; createdBy?: string }): Promise<ImportBatchRow> {
    const [row] = await this.db
      .insert(importBatches)
      .values({ ...batch, status: 'validating' })
      .returning();
    return row!;
  }

  async find(id: string): Promise<ImportBatchRow | undefined> {
    const [row] = await this.db.select().from(importBatches).where(eq(importBatches.id, id));
    return row;
  }

  async progress(id: string, processedRows: number, status?: ImportBatchRow['status']): Promise<void> {
    await this.db
      .update(importBatches)
      .set({ processedRows, ...(status ? { status } : {}), updatedAt: sql`now()` })
      .where(eq(importBatches.id, id));
  }

  async finish(
    id: string,
    result: { status: 'succeeded' | 'rejected' | 'failed'; errors?: ImportLineError[]; inserted?: number; updated?: number; unchanged?: number },
  ): Promise<void> {
    await this.db
      .update(importBatches)
      .set({
        status: result.status,
        errors: result.errors ?? [],
        insertedInvoices: result.inserted ?? 0,
        updatedInvoices: result.updated ?? 0,
        unchangedInvoices: result.unchanged ?? 0,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(importBatches.id, id));
  }
}
