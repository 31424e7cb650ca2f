import { z } from 'zod';
import { CALL_OUTCOMES, CALL_TASK_STATUSES, LOCALES, MESSAGE_CHANNELS, MESSAGE_STATUSES, RECEIVABLE_STATUSES } from '@dunning/domain';
import { amountOnWire, currencyCode, instant, localDate, money, positiveAmount, requiredText, text, uuid } from './common';

/* The collectors' queue (apps/api/src/tasks): one call task per customer, claimed, released, completed with an outcome. */

const outcome = z.enum(CALL_OUTCOMES);
const notes = text(2000).optional();

/**
 * POST /api/tasks/:id/complete: the call's outcome, for every invoice the call covered. A promise
 * is dated today or later in the customer's calendar (422 naming `promise.date`) and is at most what
 * those invoices owe together (422 naming `promise.amount`); it is shared out oldest due first.
 */
export const outcomeBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: outcome.extract(['promise_to_pay']), promise: z.object({ date: localDate, amount: positiveAmount }), notes }),
  z.object({ outcome: outcome.extract(['dispute']), reason: requiredText(2000, 'say what is disputed'), notes }),
  z.object({ outcome: outcome.extract(['paid', 'no_answer', 'wrong_contact']), notes }),
]);
export type OutcomeBody = z.infer<typeof outcomeBody>;

/** One invoice a call covers, and how late it is. */
export const taskInvoice = z
  .object({
    id: uuid,
    number: z.string(),
    /** The flow step waiting for the call's outcome. */
    nodeId: z.string(),
    balance: amountOnWire,
    currency: currencyCode,
    issueDate: localDate,
    dueDate: localDate,
    status: z.enum(RECEIVABLE_STATUSES),
    daysOverdue: z.number().int().min(0),
  })
  .meta({ id: 'TaskInvoice' });

/** GET /api/tasks: one card per customer to call, with what a collector needs before dialling. */
export const callTask = z
  .object({
    id: uuid,
    /** The first invoice that asked for the call (all of them: `invoices`). */
    invoiceId: uuid,
    customerId: uuid.nullable(),
    nodeId: z.string(),
    idempotencyKey: z.string(),
    status: z.enum(CALL_TASK_STATUSES),
    /** Higher first: amount × days overdue × risk. */
    priority: z.number(),
    slaDueAt: instant,
    claimedBy: uuid.nullable(),
    claimedAt: instant.nullable(),
    outcome: outcome.nullable(),
    outcomeDetails: z.record(z.string(), z.unknown()).nullable(),
    completedBy: uuid.nullable(),
    completedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
    customer: z.object({
      id: uuid,
      name: z.string(),
      reference: z.string(),
      phone: z.string().nullable(),
      contactName: z.string().nullable(),
      locale: z.enum(LOCALES),
    }),
    /** Every open invoice the call covers, oldest due first. */
    invoices: z.array(taskInvoice),
    /** The first of `invoices`, or null. */
    invoice: taskInvoice.nullable(),
    totalBalance: money,
    daysOverdue: z.number().int().min(0),
    /** The call script rendered from this customer's data, in its language. */
    script: z.string().nullable(),
    /** The earlier calls to this customer, newest first. */
    history: z.array(z.object({ at: instant.nullable(), outcome: outcome.nullable(), notes: z.string().nullable(), collector: z.string().nullable() })),
    lastReminders: z.array(z.object({ channel: z.enum(MESSAGE_CHANNELS), template: z.string(), at: instant, status: z.enum(MESSAGE_STATUSES) })),
  })
  .meta({ id: 'CallTask' });
export const callTaskQueue = z.array(callTask);

export type CallTask = z.infer<typeof callTask>;
export type TaskInvoice = z.infer<typeof taskInvoice>;
