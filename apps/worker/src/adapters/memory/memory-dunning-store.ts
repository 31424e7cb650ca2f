import type { Money, ReceivableStatus } from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
import type { InvoiceSnapshot } from '@dunning/workflows';
import type { CreditorProfile, CustomerContacts, DeliveryReceipt, DunningStore, HandoffForDelivery, MessageFile, MessageRecord, OutgoingMessage, StoredDocument } from '../../activities/ports';

/** The stores in memory: for tests, and for trying the worker without a database. */
export class MemoryDunningStore implements DunningStore {
  readonly messages = new Map<string, MessageRecord>();
  readonly callTasks = new Map<string, { taskId: string; invoiceId: string; nodeId: string; workflowId: string; slaDeadline: string }>();
  readonly statuses: Array<{ invoiceId: string; status: ReceivableStatus; at: string }> = [];
  readonly fees = new Map<string, { invoiceId: string; indemnity?: Money; interest: Money }>();
  readonly handoffs = new Map<string, { handoffId: string; invoiceId: string }>();
  readonly timelines = new Map<string, TimelineEntry[]>();
  readonly snapshots = new Map<string, InvoiceSnapshot>();
  readonly documents = new Map<string, StoredDocument>();
  readonly deliveries = new Map<string, { location: string } | { error: string }>();
  private readonly statusKeys = new Set<string>();

  constructor(
    private readonly creditorProfile: CreditorProfile,
    readonly customers: Map<string, CustomerContacts> = new Map(),
  ) {}

  async creditor(): Promise<CreditorProfile> {
    return this.creditorProfile;
  }

  async contacts(customerId: string): Promise<CustomerContacts> {
    const contacts = this.customers.get(customerId);
    if (!contacts) throw new Error(`customer ${customerId}: unknown`);
    return contacts;
  }

  async claimMessage(message: OutgoingMessage, at: string) {
    const existing = this.messages.get(message.idempotencyKey);
    if (existing) return { claimed: false as const, existing };
    this.messages.set(message.idempotencyKey, { ...message, state: 'sending', createdAt: at });
    return { claimed: true as const };
  }

  async completeMessage(idempotencyKey: string, receipt: DeliveryReceipt, _provider: string): Promise<void> {
    const message = this.messages.get(idempotencyKey);
    if (!message) throw new Error(`message ${idempotencyKey}: not claimed`);
    message.state = receipt.undeliverable ? 'undeliverable' : 'sent';
    message.providerMessageId = receipt.providerMessageId;
  }

  async createCallTask(task: Parameters<DunningStore['createCallTask']>[0]) {
    const existing = this.callTasks.get(task.idempotencyKey);
    if (existing) return { taskId: existing.taskId };
    const created = { taskId: `task-${this.callTasks.size + 1}`, invoiceId: task.invoiceId, nodeId: task.nodeId, workflowId: task.workflowId, slaDeadline: task.slaDeadline };
    this.callTasks.set(task.idempotencyKey, created);
    return { taskId: created.taskId };
  }

  async setStatus(change: Parameters<DunningStore['setStatus']>[0]): Promise<void> {
    if (this.statusKeys.has(change.idempotencyKey)) return;
    this.statusKeys.add(change.idempotencyKey);
    this.statuses.push({ invoiceId: change.invoiceId, status: change.status, at: change.at });
  }

  async addLateFee(fee: Parameters<DunningStore['addLateFee']>[0]): Promise<void> {
    if (!this.fees.has(fee.idempotencyKey)) this.fees.set(fee.idempotencyKey, { invoiceId: fee.invoiceId, indemnity: fee.indemnity, interest: fee.interest });
  }

  async createHandoff(handoff: Parameters<DunningStore['createHandoff']>[0]) {
    const existing = this.handoffs.get(handoff.idempotencyKey);
    if (existing) return { handoffId: existing.handoffId };
    const created = { handoffId: `handoff-${this.handoffs.size + 1}`, invoiceId: handoff.invoiceId };
    this.handoffs.set(handoff.idempotencyKey, created);
    return { handoffId: created.handoffId };
  }

  async appendTimeline(invoiceId: string, _workflowId: string, entries: TimelineEntry[], snapshot: InvoiceSnapshot): Promise<void> {
    this.timelines.set(invoiceId, [...(this.timelines.get(invoiceId) ?? []), ...entries]);
    this.snapshots.set(invoiceId, snapshot);
  }

  async saveDocument(document: StoredDocument): Promise<{ documentId: string }> {
    if (!this.documents.has(document.sourceKey)) this.documents.set(document.sourceKey, document);
    return { documentId: document.sourceKey };
  }

  async documentsOf(invoiceId: string): Promise<MessageFile[]> {
    return [...this.documents.values()].filter((d) => d.invoiceId === invoiceId && d.kind !== 'handoff');
  }

  async handoffForDelivery(handoffId: string): Promise<HandoffForDelivery> {
    const handoff = [...this.handoffs.values()].find((h) => h.handoffId === handoffId);
    if (!handoff) throw new Error(`handoff ${handoffId}: unknown`);
    const contacts = this.customers.values().next().value as CustomerContacts | undefined;
    return {
      handoffId,
      invoiceId: handoff.invoiceId,
      agency: { name: 'Memory agency', deliveryMethod: 'api', deliveryConfig: {} },
      caseFile: {
        format: 'dunning-handoff',
        version: 1,
        handoff: { id: handoffId, reference: `HO-${handoffId}`, createdAt: new Date(0).toISOString(), agency: 'Memory agency' },
        creditor: { ...this.creditorProfile },
        debtor: { reference: handoff.invoiceId, legalName: contacts?.name ?? '', type: 'company', address: { lines: contacts?.addressLines ?? [], country: 'FR' }, contacts: [] },
        invoices: [],
        dispute: { open: false, history: [] },
        promises: [],
        contactHistory: [],
        documents: [],
      },
    };
  }

  async recordHandoffDelivery(handoffId: string, result: { location: string } | { error: string }): Promise<void> {
    this.deliveries.set(handoffId, result);
  }
}
