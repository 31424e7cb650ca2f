import { randomUUID } from 'node:crypto';
import { DEFAULT_SAFE_MODE, type SafeModePolicy } from '@dunning/domain';
import type { ApprovalRequest, ApprovalStore } from '../../activities/approval-gate';
import type { MemoryDunningStore } from './memory-dunning-store';
import type { MemoryFlowStore } from './memory-flow-store';

type Status = 'waiting' | 'approved' | 'skipped' | 'sent_on_timeout' | 'skipped_on_timeout' | 'withdrawn';

/**
 * Safe mode in memory, over the memory store's messages and the memory flow store's invoices. Same
 * contract as the database adapter (approval-store.contract.ts runs on both). The policy is the
 * default unless a test sets one (as the admin's `safeMode` setting).
 */
export class MemoryApprovalStore implements ApprovalStore {
  readonly approvals = new Map<string, ApprovalRequest & { id: string; status: Status }>();
  private setting: SafeModePolicy = DEFAULT_SAFE_MODE;

  constructor(
    private readonly store: MemoryDunningStore,
    private readonly flows: MemoryFlowStore,
  ) {}

  setPolicy(policy: SafeModePolicy): void {
    this.setting = policy;
  }

  async policy(): Promise<SafeModePolicy> {
    return this.setting;
  }

  async flowOf(invoiceId: string): Promise<string | undefined> {
    return (await this.flows.invoiceFlow(invoiceId))?.flowId;
  }

  async sentThrough(provider: string, channel: 'email' | 'sms', flowId: string | undefined, limit: number): Promise<number> {
    if (!flowId) return 0;
    let sent = 0;
    for (const [key, message] of this.store.messages) {
      if (sent >= limit) break;
      if (message.channel === channel && this.store.providers.get(key) === provider && (await this.flowOf(message.invoiceIds[0]!)) === flowId) sent++;
    }
    return sent;
  }

  async request(approval: ApprovalRequest): Promise<{ id: string }> {
    const existing = this.approvals.get(approval.idempotencyKey);
    if (existing) return { id: existing.id };
    const id = randomUUID();
    this.approvals.set(approval.idempotencyKey, { ...structuredClone(approval), id, status: 'waiting' });
    return { id };
  }

  async settle(idempotencyKey: string, status: Exclude<Status, 'waiting'>): Promise<void> {
    const approval = this.approvals.get(idempotencyKey);
    if (approval?.status === 'waiting') approval.status = status;
  }
}
