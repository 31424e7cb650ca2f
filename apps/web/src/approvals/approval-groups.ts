import type { Approval } from '../api/approvals-queries';

/**
 * The queue by flow step: "approve all of a step" releases every waiting message of one step of one
 * flow, whatever version each invoice runs, so that is the group. Groups come in the order of their
 * oldest message (the API lists the queue oldest first), their messages too.
 */
export interface ApprovalGroup {
  /** `flowId:nodeId`, stable across refetches (React keys, the test's `data-step`). */
  key: string;
  flowId: string | null;
  /** The version of the group's first message: where its step's label is read. */
  flowVersion: number | null;
  nodeId: string;
  items: Approval[];
  /** Messages nobody has decided yet: what "approve all" would release. */
  undecided: number;
}

export function groupByStep(approvals: readonly Approval[]): ApprovalGroup[] {
  const groups = new Map<string, ApprovalGroup>();
  for (const approval of approvals) {
    const key = `${approval.flowId ?? ''}:${approval.nodeId}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, flowId: approval.flowId, flowVersion: approval.flowVersion, nodeId: approval.nodeId, items: [], undecided: 0 };
      groups.set(key, group);
    }
    group.items.push(approval);
    if (approval.decision === null) group.undecided += 1;
  }
  return [...groups.values()];
}

/** "Approve all" needs a flow (a message whose flow was deleted is decided one by one) and something left to decide. */
export const canApproveStep = (group: ApprovalGroup): boolean => group.flowId !== null && group.undecided > 0;

/** What the deadline does: the message is sent anyway, or skipped. */
export const deadlineKey = (approval: Pick<Approval, 'onTimeout'>): 'approvals.deadlineSend' | 'approvals.deadlineSkip' =>
  approval.onTimeout === 'send' ? 'approvals.deadlineSend' : 'approvals.deadlineSkip';

/** The words of a refused recipient: the API's 422 on `recipient`, by channel (its own message is in English). */
export const recipientProblemKey = (channel: Approval['channel']): 'approvals.problems.email' | 'approvals.problems.sms' =>
  channel === 'email' ? 'approvals.problems.email' : 'approvals.problems.sms';
