import type { OutgoingMessage } from '@dunning/channels';
import type { ApprovalRequest, ApprovalStore } from '../../activities/approval-gate';
import type { DunningStore } from '../../activities/ports';

/** How the contract sets up an approval store and what it runs over; run on the memory double and on the database. */
export interface ApprovalStoreFixture {
  approvals: ApprovalStore;
  /** The dunning store whose messages the store counts. */
  store: DunningStore;
  /** A flow (its id) and an invoice of a customer running it. */
  invoice(): Promise<{ flowId: string; invoiceId: string; customerId: string }>;
  /** What became of an approval, read back. */
  status(idempotencyKey: string): Promise<string | undefined>;
}

let seq = 0;

export function approvalStoreContract(name: string, fixture: () => ApprovalStoreFixture): void {
  describe(`${name}: the approval store contract (safe mode)`, () => {
    const approval = (running: { flowId: string; invoiceId: string; customerId: string }, key: string): ApprovalRequest => ({
      idempotencyKey: key,
      invoiceId: running.invoiceId,
      customerId: running.customerId,
      workflowId: `invoice-${running.invoiceId}`,
      flowId: running.flowId,
      flowVersion: 1,
      nodeId: 'reminder-1',
      channel: 'email',
      recipientRole: 'billing',
      recipients: ['billing@example.com'],
      subject: 'Reminder',
      body: 'Please pay',
      expiresAt: new Date('2026-06-03T09:00:00Z'),
      onTimeout: 'skip',
    });

    it('records a held message once per step key, and settles it once', async () => {
      const { approvals, invoice, status } = fixture();
      const running = await invoice();
      const key = `approval-contract-${Date.now().toString(36)}-${++seq}`;
      const first = await approvals.request(approval(running, key));
      // A retried activity gets the same approval.
      expect(await approvals.request({ ...approval(running, key), body: 'changed' })).toEqual(first);
      expect(await status(key)).toBe('waiting');
      await approvals.settle(key, 'withdrawn');
      await approvals.settle(key, 'approved');
      expect(await status(key)).toBe('withdrawn');
      expect(await approvals.flowOf(running.invoiceId)).toBe(running.flowId);
    });

    it('counts a flow’s messages per channel and provider, up to the limit', async () => {
      const { approvals, store, invoice } = fixture();
      const running = await invoice();
      const other = await invoice();
      const send = async (invoiceId: string, customerId: string, channel: 'email' | 'sms', provider: string) => {
        const key = `sent-${Date.now().toString(36)}-${++seq}`;
        const message: OutgoingMessage = {
          idempotencyKey: key,
          channel,
          invoiceIds: [invoiceId],
          customerId,
          template: 'reminder-1',
          locale: 'fr',
          nodeId: 'reminder-1',
          to: ['x@example.com'],
          text: 'x',
          attachments: [],
        };
        await store.claimMessage(message, '2026-06-01T09:00:00.000Z');
        await store.completeMessage(key, { providerMessageId: key }, provider);
      };
      expect(await approvals.sentThrough('postmark', 'email', running.flowId, 10)).toBe(0);
      await send(running.invoiceId, running.customerId, 'email', 'postmark');
      await send(running.invoiceId, running.customerId, 'email', 'postmark');
      await send(running.invoiceId, running.customerId, 'email', 'outbox');
      await send(running.invoiceId, running.customerId, 'sms', 'postmark');
      await send(other.invoiceId, other.customerId, 'email', 'postmark');
      expect(await approvals.sentThrough('postmark', 'email', running.flowId, 10)).toBe(2);
      expect(await approvals.sentThrough('postmark', 'email', running.flowId, 1)).toBe(1);
      expect(await approvals.sentThrough('postmark', 'email', undefined, 10)).toBe(0);
    });
  });
}
