import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PaymentTerm, PaymentTermFinding } from '@dunning/domain';
import { createdAt, currency, id, instant, minorUnits, updatedAt } from './columns.schema';
import { customers } from './customers.schema';
import { claimInterruptionKind, disputeStatus, invoiceStatus, promiseStatus } from './enums.schema';
import { flowExperiments, flows } from './flows.schema';
import { importBatches } from './import-batches.schema';
import { users } from './users.schema';

// One deployment serves one creditor, so invoice numbers are unique across the table.
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Total including tax, minor units. */
    amount: minorUnits('amount').notNull(),
    /** The VAT included in `amount` (0 when none): credit notes, provisions and write-offs split on it. */
    vatAmount: minorUnits('vat_amount').notNull().default(0),
    currency: currency().notNull(),
    /**
     * What is still owed (principal + fees): always equals the invoice's 411 + 416 journal lines.
     * Written only by the receivables service (libs/receivables), in the transaction of its entry.
     */
    balance: minorUnits('balance').notNull(),
    /** The parts of `balance` that are fees: payments settle interest first, then the indemnity, then the invoice (Code civil 1343-1). */
    interestBalance: minorUnits('interest_balance').notNull().default(0),
    indemnityBalance: minorUnits('indemnity_balance').notNull().default(0),
    /** Settled by payments, agency recoveries and customer credits; credited by credit notes. */
    paidAmount: minorUnits('paid_amount').notNull().default(0),
    creditedAmount: minorUnits('credited_amount').notNull().default(0),
    /** The provision (491) currently held against this receivable. */
    impairment: minorUnits('impairment').notNull().default(0),
    /** Late interest has been charged up to this local date. */
    interestChargedThrough: date('interest_charged_through', { mode: 'string' }),
    /** The fixed 40 EUR recovery indemnity is owed once per invoice. */
    indemnityCharged: boolean('indemnity_charged').notNull().default(false),
    /** A contractual late-interest rate (annual %); unset: the legal rate (ECB + 10 points). */
    lateInterestRatePercent: numeric('late_interest_rate_percent', { precision: 7, scale: 4, mode: 'number' }),
    /** Bumped by every money or status event: a workflow never applies an older balance over a newer one. */
    revision: integer('revision').notNull().default(0),
    /** statusOf(the facts below, the customer's today) — libs/domain; refreshed as dates pass. */
    status: invoiceStatus('status').notNull(),
    cancelledAt: instant('cancelled_at'),
    writtenOffAt: instant('written_off_at'),
    doubtfulAt: instant('doubtful_at'),
    irrecoverableAt: instant('irrecoverable_at'),
    withAgencyAt: instant('with_agency_at'),
    disputedAt: instant('disputed_at'),
    /** A pending promise keeps the receivable `promised` through this local date; kept once the balance fell by its amount. */
    promisedUntil: date('promised_until', { mode: 'string' }),
    promisedAmount: minorUnits('promised_amount'),
    balanceWhenPromised: minorUnits('balance_when_promised'),
    /** The agreed payment term (Code de commerce L441-10); unset: the legal default, 30 days after receipt. */
    paymentTerm: jsonb('payment_term').$type<PaymentTerm>(),
    /** When the goods or the service were received: the legal default term runs from it. */
    receiptDate: date('receipt_date', { mode: 'string' }),
    /** What the term breaks (L441-10 / L441-11), worked out at import or creation; the invoice is never refused for it. */
    termFindings: jsonb('term_findings').$type<PaymentTermFinding[]>().notNull().default([]),
    /** The order, signed quote or delivery note the claim rests on, as a reference (documents can be attached too). */
    supportingReference: text('supporting_reference'),
    /** The last day the claim can be filed in court (prescription); written by the receivables service with the interruptions. */
    limitationDate: date('limitation_date', { mode: 'string' }),
    /** A credit manager paused the reminders (the dunning actions write it; the workflow holds the pause). */
    pausedAt: instant('paused_at'),
    /** Set once the invoice's Temporal workflow has been asked to start. */
    workflowId: text('workflow_id').unique(),
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'restrict' }),
    flowVersion: integer('flow_version'),
    /** The experiment and arm its flow was chosen by (set with flow_id by the workflow starter). */
    experimentId: uuid('experiment_id').references(() => flowExperiments.id, { onDelete: 'restrict' }),
    experimentArm: text('experiment_arm'),
    importBatchId: uuid('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    /** Why its workflow could not be started (the exceptions inbox retries it). */
    workflowStartError: text('workflow_start_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('invoices_amount_positive', sql`${t.amount} > 0`),
    check('invoices_balance_range', sql`${t.balance} >= 0`),
    check('invoices_fees_within_balance', sql`${t.interestBalance} >= 0 and ${t.indemnityBalance} >= 0 and ${t.interestBalance} + ${t.indemnityBalance} <= ${t.balance}`),
    check('invoices_vat_range', sql`${t.vatAmount} >= 0 and ${t.vatAmount} < ${t.amount}`),
    check('invoices_impairment_non_negative', sql`${t.impairment} >= 0`),
    check('invoices_due_after_issue', sql`${t.dueDate} >= ${t.issueDate}`),
    check('invoices_currency_upper', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('invoices_flow_version_with_flow', sql`(${t.flowId} is null) = (${t.flowVersion} is null)`),
    check('invoices_experiment_arm_with_experiment', sql`(${t.experimentId} is null) = (${t.experimentArm} is null)`),
    index('invoices_customer_idx').on(t.customerId),
    index('invoices_experiment_idx').on(t.experimentId, t.experimentArm),
    index('invoices_due_date_idx').on(t.dueDate, t.id),
    index('invoices_status_due_date_idx').on(t.status, t.dueDate),
    index('invoices_limitation_date_idx').on(t.limitationDate),
  ],
);

/** Events that interrupt the limitation period (Code civil 2240, 2241, 2244), one per reference. */
export const claimInterruptions = pgTable(
  'claim_interruptions',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    kind: claimInterruptionKind('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** A payment's or a case's reference, or the document's: the same event recorded twice is one row. */
    reference: text('reference').notNull(),
    note: text('note'),
    /** A court filing's interruption lasts until the proceedings end (Code civil 2242). */
    proceedingsEndedOn: date('proceedings_ended_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('claim_interruptions_reference_idx').on(t.invoiceId, t.kind, t.reference)],
);

export const payments = pgTable(
  'payments',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    amount: minorUnits('amount').notNull(),
    currency: currency().notNull(),
    receivedAt: instant('received_at').notNull(),
    /** Who reported it: the API, an agency recovery, a bank feed… */
    source: text('source').notNull(),
    /** The payer's or bank's reference; unique so a replayed notification records nothing new. */
    externalId: text('external_id').unique(),
    /** What settled the invoice; the rest (`excess`) is the customer's credit (4191). */
    allocated: minorUnits('allocated').notNull().default(0),
    excess: minorUnits('excess').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check('payments_amount_positive', sql`${t.amount} > 0`),
    check('payments_split', sql`${t.allocated} >= 0 and ${t.excess} >= 0 and ${t.allocated} + ${t.excess} = ${t.amount}`),
    index('payments_invoice_idx').on(t.invoiceId),
  ],
);

export const creditNotes = pgTable(
  'credit_notes',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    number: text('number').notNull().unique(),
    amount: minorUnits('amount').notNull(),
    currency: currency().notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    /** The VAT part of `amount`, proportional to the invoice's. */
    vatAmount: minorUnits('vat_amount').notNull().default(0),
    allocated: minorUnits('allocated').notNull().default(0),
    excess: minorUnits('excess').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check('credit_notes_amount_positive', sql`${t.amount} > 0`),
    check('credit_notes_split', sql`${t.allocated} >= 0 and ${t.excess} >= 0 and ${t.allocated} + ${t.excess} = ${t.amount}`),
    index('credit_notes_invoice_idx').on(t.invoiceId),
  ],
);

export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    status: disputeStatus('status').notNull().default('open'),
    reason: text('reason').notNull(),
    resolution: text('resolution'),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: instant('opened_at').notNull().defaultNow(),
    resolvedAt: instant('resolved_at'),
  },
  (t) => [index('disputes_invoice_idx').on(t.invoiceId), check('disputes_resolution_when_resolved', sql`(${t.status} = 'resolved') = (${t.resolvedAt} is not null)`)],
);

export const promises = pgTable(
  'promises',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    amount: minorUnits('amount').notNull(),
    currency: currency().notNull(),
    promisedDate: date('promised_date', { mode: 'string' }).notNull(),
    /** The balance when it was promised: kept once that much less is owed. */
    balanceWhenPromised: minorUnits('balance_when_promised').notNull().default(0),
    status: promiseStatus('status').notNull().default('pending'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    resolvedAt: instant('resolved_at'),
  },
  (t) => [check('promises_amount_positive', sql`${t.amount} > 0`), index('promises_invoice_idx').on(t.invoiceId)],
);
