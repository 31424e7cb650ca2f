import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Approval } from '@dunning/api-contract';
import { canReceiveSms, normalizePhoneNumber } from '@dunning/domain/phone';
import { ApprovalNotWaiting, type QueuedApproval, SendApprovalsRepository } from '@dunning/db';
import { SignalRelayService } from '../dunning/signal-relay.service';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Safe mode's approval queue: the messages held for a person, and the person's decisions — approve
 * (to another recipient, if chosen), approve all of a step, skip. Each decision reaches the
 * invoice's workflow as a signal written with it (the outbox); what became of the message is the
 * workflow's to record.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly approvals: SendApprovalsRepository,
    private readonly relay: SignalRelayService,
  ) {}

  async queue(filter: { flowId?: string; nodeId?: string; limit: number; offset: number }): Promise<Approval[]> {
    return (await this.approvals.queue(filter)).map(present);
  }

  async approve(id: string, decidedBy: string | undefined, recipient?: string): Promise<Approval> {
    const found = await this.approvals.find(id);
    if (!found) throw new NotFoundException(`approval ${id} not found`);
    const override = recipient === undefined ? undefined : checkedRecipient(found.channel, recipient);
    return this.decide([id], { decision: 'approve', decidedBy, recipientOverride: override }).then(() => this.one(id));
  }

  async skip(id: string, decidedBy: string | undefined): Promise<Approval> {
    if (!(await this.approvals.find(id))) throw new NotFoundException(`approval ${id} not found`);
    return this.decide([id], { decision: 'skip', decidedBy }).then(() => this.one(id));
  }

  /** Every waiting, undecided message of a step: released together. */
  async approveStep(flowId: string, nodeId: string, decidedBy: string | undefined): Promise<{ decided: number }> {
    const waiting = await this.approvals.undecidedOfStep(flowId, nodeId);
    const decided = await this.decide(
      waiting.map((a) => a.id),
      { decision: 'approve', decidedBy },
    );
    return { decided: decided.length };
  }

  private async decide(ids: string[], decision: Parameters<SendApprovalsRepository['decide']>[1]) {
    try {
      const decided = await this.approvals.decide(ids, decision);
      void this.relay.flush().catch(() => undefined);
      return decided;
    } catch (error) {
      if (error instanceof ApprovalNotWaiting) throw new ConflictException(`approval ${error.message} is no longer waiting for a decision (decided, or its timeout applied)`);
      throw error;
    }
  }

  private async one(id: string): Promise<Approval> {
    return present((await this.approvals.findQueued(id))!);
  }
}

/** An email address for an email, a mobile number (E.164 after normalising) for an SMS. */
function checkedRecipient(channel: 'email' | 'sms', recipient: string): string {
  const refuse = (message: string) => new UnprocessableEntityException({ message: `recipient: ${message}`, problems: [{ field: 'recipient', message }] });
  if (channel === 'email') {
    if (!EMAIL.test(recipient)) throw refuse('an email address');
    return recipient;
  }
  const phone = normalizePhoneNumber(recipient, 'FR');
  if (!phone.ok || !canReceiveSms(phone.e164)) throw refuse('a mobile number that can receive an SMS');
  return phone.e164;
}

function present(row: QueuedApproval): Approval {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoiceNumber,
    customerId: row.customerId,
    customerName: row.customerName,
    flowId: row.flowId,
    flowVersion: row.flowVersion,
    nodeId: row.nodeId,
    channel: row.channel,
    recipientRole: row.recipientRole,
    recipients: row.recipients,
    subject: row.subject,
    body: row.body,
    requestedAt: row.requestedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    onTimeout: row.onTimeout,
    decision: row.decision,
    recipientOverride: row.recipientOverride,
  };
}
