import { type RecipientRole, type SafeModePolicy, approvalRequired, contactsFor, safeModeFor } from '@dunning/domain';
import type { AwaitingApproval, CustomerStepRequest } from '@dunning/workflows';
import type { ActivityDependencies } from './ports';
import { reminderContext } from './reminder-context';
import { renderStep } from './render-step';

/** A held message as the approval queue shows it. */
export interface ApprovalRequest {
  idempotencyKey: string;
  invoiceId: string;
  customerId: string;
  workflowId: string;
  flowId?: string;
  flowVersion: number;
  nodeId: string;
  channel: 'email' | 'sms';
  recipientRole: string;
  recipients: string[];
  subject?: string;
  body: string;
  expiresAt: Date;
  onTimeout: 'send' | 'skip';
}

/** Where safe mode's approvals live (send_approvals on the database; a map in memory), and what decides them. */
export interface ApprovalStore {
  /** The admin's safe-mode setting (defaults where none is stored). */
  policy(): Promise<SafeModePolicy>;
  /** The flow (its database id) the invoice runs. */
  flowOf(invoiceId: string): Promise<string | undefined>;
  /** The flow's messages sent on a channel through a provider, counted up to `limit`. */
  sentThrough(provider: string, channel: 'email' | 'sms', flowId: string | undefined, limit: number): Promise<number>;
  /** Records the held message once per step key; answers its id (the same on a retry). */
  request(approval: ApprovalRequest): Promise<{ id: string }>;
  /** What became of it, once. */
  settle(idempotencyKey: string, status: 'approved' | 'skipped' | 'sent_on_timeout' | 'skipped_on_timeout' | 'withdrawn'): Promise<void>;
}

/**
 * Safe mode's gate before a message goes: when the setting holds it (a flow's first sends through
 * a provider that reaches people, or every send), the message is rendered for the queue — recipients, subject,
 * text, as they would go now — and recorded; the workflow then waits for a person. Null: it goes.
 * A message without a recipient or whose template fails is not held: the send reports that.
 */
export async function approvalGate(deps: ActivityDependencies, request: CustomerStepRequest): Promise<AwaitingApproval | null> {
  const { step } = request;
  if (request.approved || (step.kind !== 'email' && step.kind !== 'sms') || !deps.approvals) return null;
  const { approvals, store } = deps;
  const policy = await approvals.policy();
  const channel = deps.channels[step.kind];
  const reachesPeople = channel.reachesPeople === true;
  // The common case (no flow of its own, nothing that could hold on this channel) costs one settings read.
  if (policy.flows.length === 0 && (policy.mode === 'off' || (policy.mode === 'first_sends' && !reachesPeople))) return null;
  const flowId = await approvals.flowOf(request.invoice.invoiceId);
  const sentSoFar = reachesPeople && safeModeFor(policy, flowId) === 'first_sends' ? await approvals.sentThrough(channel.provider, step.kind, flowId, policy.firstSends) : 0;
  if (!approvalRequired(policy, flowId, { reachesPeople, sentSoFar })) return null;

  const [creditor, contacts, states, sending] = await Promise.all([
    store.creditor(),
    store.contacts(request.customer.customerId),
    store.invoiceStates([request.invoice.invoiceId]),
    store.sendingPolicy(),
  ]);
  const recipients =
    step.kind === 'email'
      ? contactsFor(contacts.emails, step.recipient as RecipientRole).map((c) => c.address)
      : contactsFor(contacts.phones, step.recipient as RecipientRole).map((c) => c.number);
  if (recipients.length === 0 || states.length === 0) return null;
  let rendered: Awaited<ReturnType<typeof renderStep>>;
  try {
    rendered = await renderStep(deps, step.kind, step.template, request.customer.locale, reminderContext(states, request.at, request.customer, creditor, contacts, sending));
  } catch {
    return null;
  }
  const { id } = await approvals.request({
    idempotencyKey: request.idempotencyKey,
    invoiceId: request.invoice.invoiceId,
    customerId: request.customer.customerId,
    workflowId: request.workflowId,
    flowId,
    flowVersion: request.flowVersion,
    nodeId: request.nodeId,
    channel: step.kind,
    recipientRole: step.recipient,
    recipients,
    subject: rendered.subject,
    body: (step.kind === 'email' ? rendered.text : rendered.body) ?? '',
    expiresAt: new Date(Date.now() + policy.timeoutHours * 3_600_000),
    onTimeout: policy.onTimeout,
  });
  return { approvalId: id, timeoutHours: policy.timeoutHours, onTimeout: policy.onTimeout };
}
