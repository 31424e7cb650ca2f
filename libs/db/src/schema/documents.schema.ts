import { customType, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.schema';
import type { SupportingDocumentType } from '@dunning/domain';
import { documentKind } from './enums.schema';
import { handoffs } from './handoffs.schema';
import { invoices } from './invoices.schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Files the product produced: letters (PDF), invoice copies, agency handoff packages (zip). */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    kind: documentKind('kind').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'cascade' }),
    handoffId: uuid('handoff_id').references(() => handoffs.id, { onDelete: 'cascade' }),
    /** The step that made it (a letter's message key): a retried step finds it instead of making another. */
    sourceKey: text('source_key').unique(),
    /** For a supporting document: an order, a signed quote, a delivery note… (what makes the claim certain). */
    supportingType: text('supporting_type').$type<SupportingDocumentType>(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('documents_invoice_idx').on(t.invoiceId), index('documents_handoff_idx').on(t.handoffId)],
);
