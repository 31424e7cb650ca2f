import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns.schema';
import { importFormat, importStatus } from './enums.schema';
import { users } from './users.schema';

/** One problem in an imported file: the 1-based line (the header is line 1), the column, what is wrong. */
export interface ImportLineError {
  line: number;
  field: string;
  message: string;
}

export const importBatches = pgTable('import_batches', {
  id: id(),
  fileName: text('file_name').notNull(),
  format: importFormat('format').notNull(),
  status: importStatus('status').notNull().default('queued'),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  insertedInvoices: integer('inserted_invoices').notNull().default(0),
  updatedInvoices: integer('updated_invoices').notNull().default(0),
  unchangedInvoices: integer('unchanged_invoices').notNull().default(0),
  errors: jsonb('errors').$type<ImportLineError[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  finishedAt: instant('finished_at'),
});
