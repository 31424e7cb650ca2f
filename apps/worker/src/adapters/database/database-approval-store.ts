import { eq } from 'drizzle-orm';
import { type SafeModePolicy, safeModePolicyOf } from '@dunning/domain';
import { type Database, SendApprovalsRepository, SettingsRepository, invoices } from '@dunning/db';
import type { ApprovalRequest, ApprovalStore } from '../../activities/approval-gate';

/** Safe mode on the database: the `safeMode` setting, send_approvals, the messages already sent. */
export class DatabaseApprovalStore implements ApprovalStore {
  private readonly approvals: SendApprovalsRepository;
  private readonly settings: SettingsRepository;

  constructor(private readonly db: Database) {
    this.approvals = new SendApprovalsRepository(db);
    this.settings = new SettingsRepository(db);
  }

  async policy(): Promise<SafeModePolicy> {
    return safeModePolicyOf((await this.settings.all()).safeMode);
  }

  async flowOf(invoiceId: string): Promise<string | undefined> {
    const [row] = await this.db.select({ flowId: invoices.flowId }).from(invoices).where(eq(invoices.id, invoiceId));
    return row?.flowId ?? undefined;
  }

  sentThrough(provider: string, channel: 'email' | 'sms', flowId: string | undefined, limit: number): Promise<number> {
    return this.approvals.sentThrough(provider, channel, flowId, limit);
  }

  async request(approval: ApprovalRequest): Promise<{ id: string }> {
    const row = await this.approvals.request({ ...approval, flowId: approval.flowId ?? null, subject: approval.subject ?? null });
    return { id: row.id };
  }

  settle(idempotencyKey: string, status: 'approved' | 'skipped' | 'sent_on_timeout' | 'skipped_on_timeout' | 'withdrawn'): Promise<void> {
    return this.approvals.settle(idempotencyKey, status);
  }
}
