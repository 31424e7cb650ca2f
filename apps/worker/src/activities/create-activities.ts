import { ApplicationFailure } from '@temporalio/activity';
import { callPriority, daysOverdue, localToday, minorUnitDigits } from '@dunning/domain';
import type { DunningActivities, ReceivableStatusActivities } from '@dunning/workflows';
import { approvalGate } from './approval-gate';
import { insuranceActivities } from './credit-insurance';
import { performCustomerStep } from './customer-steps';
import { flowMoveActivities } from './flow-moves';
import { legalCaseActivities } from './legal-cases';
import { recoverabilityActivities, recoverabilityHoldDetail } from './recoverability';
import type { ActivityDependencies, ExceptionKind } from './ports';

/** Which inbox entry a held flow makes. */
const EXCEPTION_OF_HOLD: Record<string, ExceptionKind> = {
  send_cap: 'send_cap',
  missing_contact: 'missing_contact',
  configuration: 'configuration',
  delivery_failed: 'letter_failed',
  loop: 'flow_held',
  no_answer_from_mailbox: 'flow_held',
  not_recoverable: 'not_recoverable',
};

/**
 * The workflows' activities (the invoice and mailbox workflows', and the status refresh's), built
 * from their dependencies (store, channels, templates, mailbox): the worker passes the real ones,
 * tests pass memory ones.
 */
export function createActivities(deps: ActivityDependencies): DunningActivities & ReceivableStatusActivities {
  const { store, mailbox } = deps;
  return {
    ...recoverabilityActivities(deps),
    ...legalCaseActivities(deps),
    ...insuranceActivities(deps),
    ...flowMoveActivities(deps),

    async enqueueForCustomer(request) {
      const awaiting = await approvalGate(deps, request);
      if (awaiting) return awaiting;
      await mailbox.enqueue(request);
    },

    async requestApproval(request) {
      return approvalGate(deps, request);
    },

    async settleApproval({ idempotencyKey, status }) {
      await deps.approvals?.settle(idempotencyKey, status);
    },

    async sendBatch({ requests }) {
      if (requests.length === 0) throw ApplicationFailure.nonRetryable('sendBatch: no step', 'InvalidInput');
      return performCustomerStep(deps, requests);
    },

    async createCallTask(request) {
      const [invoice] = await store.invoiceStates([request.invoice.invoiceId]);
      const today = localToday(request.at, request.customer.timeZone);
      const priority = invoice
        ? callPriority({
            balance: invoice.balance,
            minorDigits: minorUnitDigits(invoice.currency),
            daysOverdue: daysOverdue(invoice.dueDate, today),
            riskScore: request.invoice.riskScore,
            high: request.priority === 'high',
          })
        : 0;
      return store.joinCallTask({
        idempotencyKey: request.idempotencyKey,
        invoiceId: request.invoice.invoiceId,
        customerId: request.customer.customerId,
        workflowId: request.workflowId,
        nodeId: request.nodeId,
        dueAt: request.at,
        slaDeadline: request.deadline,
        priority,
      });
    },

    async setStatus(request) {
      return { after: await store.setStanding({ idempotencyKey: request.idempotencyKey, invoiceId: request.invoice.invoiceId, status: request.status, at: request.at }) };
    },

    async applyLateFee(request) {
      return store.chargeFees({
        idempotencyKey: request.idempotencyKey,
        invoiceId: request.invoice.invoiceId,
        at: request.at,
        indemnity: request.indemnity,
        contractualRatePercent: request.annualInterestRatePercent,
      });
    },

    async reportHold({ workflowId, invoiceId, customerId, hold, key }) {
      await store.reportException({
        kind: EXCEPTION_OF_HOLD[hold.reason] ?? 'flow_held',
        dedupeKey: `hold:${key}`,
        message: hold.detail ?? hold.reason,
        invoiceId,
        customerId,
        workflowId,
        nodeId: hold.nodeId,
        // A claim not recoverable: what is missing, in both languages, with each article.
        detail: { reason: hold.reason, at: hold.at, ...(hold.reason === 'not_recoverable' ? await recoverabilityHoldDetail(deps, invoiceId, hold.at) : {}) },
      });
    },

    async recordTimeline(request) {
      await store.appendTimeline(request.invoiceId, request.entries);
    },

    async refreshReceivableStatuses({ at }) {
      // As of the later of the workflow's start and this clock: an attempt retried or left waiting in the queue never
      // refreshes as of a past instant (which could move back a status an event set since); under time skipping `at` is ahead.
      return { changed: await store.refreshDatedStatuses(new Date(Math.max(Date.parse(at), Date.now())).toISOString()) };
    },
  };
}
