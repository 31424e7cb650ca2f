import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, instant, minorUnits, updatedAt } from './columns.schema';
import { customers } from './customers.schema';
import { documents } from './documents.schema';
import { court, legalCaseStage, legalRoute } from './enums.schema';
import { invoices } from './invoices.schema';
import { users } from './users.schema';

/**
 * A court route taken by a flow step for one invoice: the simplified recovery procedure for small
 * claims (Code des procédures civiles d'exécution L125-1, R125-1 s.) or an order for payment
 * (injonction de payer, Code de procédure civile 1405 s.). Opened once per step key; its stage
 * moves as a person records what the commissaire de justice or the court did.
 */
export const legalCases = pgTable(
  'legal_cases',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    route: legalRoute('route').notNull(),
    /** Only for an order for payment: the court its request goes to. */
    court: court('court'),
    stage: legalCaseStage('stage').notNull(),
    /** The flow step that opened it (`invoice:node:step`): a retried step finds it. */
    stepKey: text('step_key').notNull().unique(),
    workflowId: text('workflow_id'),
    nodeId: text('node_id'),
    /** What was claimed when it opened: principal, late interest, fees (minor units). */
    principal: minorUnits('principal').notNull(),
    interest: minorUnits('interest').notNull().default(0),
    fees: minorUnits('fees').notNull().default(0),
    currency: currency().notNull(),
    /** The request's data (the official form's fields), as produced with the dossier. */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    dossierDocumentId: uuid('dossier_document_id').references(() => documents.id, { onDelete: 'set null' }),
    /** Served on: the one-month opposition period runs from it (CPC 1416). */
    servedOn: date('served_on', { mode: 'string' }),
    /** When the stage waits for something with a term (an answer, the opposition period). */
    deadline: instant('deadline'),
    closedAt: instant('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('legal_cases_invoice_idx').on(t.invoiceId), index('legal_cases_stage_idx').on(t.stage, t.createdAt)],
);

/** What happened to a case, in order: its stages and its costs (legal fees are posted by the receivables service). */
export const legalCaseEvents = pgTable(
  'legal_case_events',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => legalCases.id, { onDelete: 'cascade' }),
    /** A new stage, or `cost` for a fee paid (commissaire de justice, court clerk, lawyer). */
    kind: text('kind').$type<'stage' | 'cost'>().notNull(),
    stage: legalCaseStage('stage'),
    date: date('date', { mode: 'string' }).notNull(),
    amount: minorUnits('amount'),
    currency: currency(),
    note: text('note'),
    /** The caller's reference: recording the same event twice records it once. */
    reference: text('reference').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('legal_case_events_case_idx').on(t.caseId, t.createdAt),
    check('legal_case_events_kind', sql`${t.kind} in ('stage', 'cost')`),
    check('legal_case_events_cost', sql`(${t.kind} = 'cost') = (${t.amount} is not null and ${t.amount} > 0 and ${t.currency} is not null)`),
    check('legal_case_events_stage', sql`(${t.kind} = 'stage') = (${t.stage} is not null)`),
    uniqueIndex('legal_case_events_reference_idx').on(t.caseId, t.reference),
  ],
);
