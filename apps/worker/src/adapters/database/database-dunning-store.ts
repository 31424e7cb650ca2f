import { journalEntryFor, type Money, type ReceivableStatus } from '@dunning/domain';
import {
  CallTasksRepository,
  CustomersRepository,
  type Database,
  DocumentsRepository,
  HandoffsRepository,
  InvoicesRepository,
  LedgerRepository,
  MessagesRepository,
  UsersRepository,
} from '@dunning/db';
import type { TimelineEntry } from '@dunning/flow';
import type { InvoiceSnapshot } from '@dunning/workflows';
import type { AgencyTarget, CreditorProfile, CustomerContacts, DeliveryReceipt, DunningStore, HandoffForDelivery, MessageFile, MessageRecord, OutgoingMessage, StoredDocument } from '../../activities/ports';
import type { CaseFile } from '@dunning/channels';
import { buildCaseFile } from './case-file';

/** The activities' store on the database (PGlite or PostgreSQL), through the repositories. */
export class DatabaseDunningStore implements DunningStore {
  private readonly customers: CustomersRepository;
  private readonly invoices: InvoicesRepository;
  private readonly messages: MessagesRepository;
  private readonly tasks: CallTasksRepository;
  private readonly ledger: LedgerRepository;
  private readonly handoffs: HandoffsRepository;
  private readonly users: UsersRepository;
  private readonly documents: DocumentsRepository;

  constructor(
    private readonly db: Database,
    private readonly creditorProfile: CreditorProfile,
  ) {
    this.customers = new CustomersRepository(db);
    this.invoices = new InvoicesRepository(db);
    this.messages = new MessagesRepository(db);
    this.tasks = new CallTasksRepository(db);
    this.ledger = new LedgerRepository(db);
    this.handoffs = new HandoffsRepository(db);
    this.users = new UsersRepository(db);
    this.documents = new DocumentsRepository(db);
  }

  async creditor(): Promise<CreditorProfile> {
    return this.creditorProfile;
  }

  async contacts(customerId: string): Promise<CustomerContacts> {
    const customer = await this.customers.findById(customerId);
    if (!customer) throw new Error(`customer ${customerId} not found`);
    const billing = customer.contacts.find((c) => c.role === 'billing') ?? customer.contacts[0];
    const primaryRole = (role: string) => (role === 'billing' ? 'billing' : role);
    return {
      name: customer.name,
      legalId: customer.legalId ?? undefined,
      contactName: billing?.name ?? undefined,
      addressLines: customer.addressLines,
      // A bounced address and a number that answered STOP are not contacted: the step takes its fallback.
      emails: customer.contacts.filter((c) => c.email && !c.emailUnreachableAt).map((c) => ({ role: primaryRole(c.role), address: c.email! })),
      phones: customer.contacts.filter((c) => c.phone && !c.smsOptedOutAt).map((c) => ({ role: c.role === 'billing' ? 'primary' : c.role, number: c.phone! })),
    };
  }

  async claimMessage(message: OutgoingMessage, at: string) {
    const result = await this.messages.claim({
      idempotencyKey: message.idempotencyKey,
      invoiceId: message.invoiceIds[0]!,
      invoiceIds: message.invoiceIds,
      customerId: message.customerId,
      channel: message.channel,
      locale: message.locale,
      template: message.template,
      stepKey: message.nodeId,
      recipients: message.to,
      subject: message.subject,
      bodyHtml: message.html,
      bodyText: message.text,
      attachments: message.attachments,
    });
    if (result.claimed) return { claimed: true as const };
    const row = result.row;
    const existing: MessageRecord = {
      ...message,
      state: row.status === 'pending' ? 'sending' : row.status === 'bounced' ? 'undeliverable' : 'sent',
      providerMessageId: row.providerMessageId ?? undefined,
      createdAt: row.createdAt.toISOString(),
    };
    void at;
    return { claimed: false as const, existing };
  }

  async completeMessage(idempotencyKey: string, receipt: DeliveryReceipt, provider: string): Promise<void> {
    await this.messages.complete(idempotencyKey, { provider, providerMessageId: receipt.providerMessageId, undeliverable: receipt.undeliverable, error: receipt.reason });
  }

  async createCallTask(task: Parameters<DunningStore['createCallTask']>[0]): Promise<{ taskId: string }> {
    const invoice = await this.invoices.findById(task.invoiceId);
    const customer = invoice ? await this.customers.findById(invoice.customerId) : undefined;
    const daysOverdue = invoice ? Math.max(1, Math.round((Date.parse(task.dueAt) - Date.parse(invoice.dueDate)) / 86_400_000)) : 1;
    // Bigger, older, riskier first: amount (units) × days overdue × (11 - score), high priority doubled.
    const priority = ((invoice?.balance ?? 0) / 100) * daysOverdue * (11 - (customer?.riskScore ?? 5)) * (task.priority === 'high' ? 2 : 1);
    const row = await this.tasks.createOnce({
      idempotencyKey: task.idempotencyKey,
      invoiceId: task.invoiceId,
      nodeId: task.nodeId,
      slaDueAt: new Date(task.slaDeadline),
      priority,
      workflowId: task.workflowId,
    });
    return { taskId: row.id };
  }

  async setStatus(change: { idempotencyKey: string; invoiceId: string; status: ReceivableStatus; at: string }): Promise<void> {
    const invoice = await this.invoices.findById(change.invoiceId);
    if (!invoice || invoice.status === change.status) return;
    await this.invoices.update(change.invoiceId, { status: change.status });
    const date = change.at.slice(0, 10);
    const balance: Money = { amount: invoice.balance, currency: invoice.currency };
    if (change.status === 'doubtful' && balance.amount > 0) {
      await this.ledger.post(journalEntryFor({ type: 'doubtful', balance, provision: balance }, invoice.number, date), invoice.id);
    }
    if (change.status === 'written_off' && balance.amount > 0) {
      await this.ledger.post(journalEntryFor({ type: 'written_off', balance, provisionReleased: invoice.status === 'doubtful' ? balance : undefined }, invoice.number, date), invoice.id);
    }
  }

  async addLateFee(fee: Parameters<DunningStore['addLateFee']>[0]): Promise<void> {
    // The claim is recorded on the invoice's timeline (the flow's step entry carries the amount).
    void fee;
  }

  async createHandoff(handoff: Parameters<DunningStore['createHandoff']>[0]): Promise<{ handoffId: string }> {
    const agencies = await this.users.agencies();
    const agency = handoff.agencyId ? agencies.find((a) => a.id === handoff.agencyId) : agencies[0];
    if (!agency) throw new Error('no collections agency is configured: add one before escalating');
    const invoice = await this.invoices.findById(handoff.invoiceId);
    if (!invoice) throw new Error(`invoice ${handoff.invoiceId} not found`);
    const row = await this.handoffs.createOnce({ idempotencyKey: handoff.idempotencyKey, invoiceId: invoice.id, agencyId: agency.id, caseFile: {}, currency: invoice.currency });
    if (Object.keys(row.caseFile).length === 0) {
      const reference = `HO-${invoice.number.replace(/[^A-Za-z0-9-]+/g, '-')}-${row.createdAt.toISOString().slice(0, 10).replace(/-/g, '')}`;
      const caseFile = await buildCaseFile(this.db, invoice.id, { id: row.id, reference, createdAt: row.createdAt, agency: agency.name }, this.creditorProfile);
      await this.handoffs.setCaseFile(row.id, caseFile);
    }
    await this.invoices.update(invoice.id, { status: 'with_agency' });
    return { handoffId: row.id };
  }

  async handoffForDelivery(handoffId: string): Promise<HandoffForDelivery> {
    const row = await this.handoffs.findForAgency(handoffId, undefined);
    if (!row) throw new Error(`handoff ${handoffId} not found`);
    const agency = (await this.users.agency(row.agencyId))!;
    const target: AgencyTarget = { name: agency.name, deliveryMethod: agency.deliveryMethod, deliveryConfig: agency.deliveryConfig, pgpPublicKey: agency.pgpPublicKey ?? undefined };
    return { handoffId, invoiceId: row.invoiceId, caseFile: row.caseFile as unknown as CaseFile, agency: target, deliveredAt: row.deliveredAt?.toISOString() };
  }

  async recordHandoffDelivery(handoffId: string, result: { location: string } | { error: string }): Promise<void> {
    await this.handoffs.recordDelivery(handoffId, result);
  }

  async saveDocument(document: StoredDocument): Promise<{ documentId: string }> {
    const saved = await this.documents.saveOnce(document);
    return { documentId: saved.id };
  }

  async documentsOf(invoiceId: string): Promise<MessageFile[]> {
    const summaries = (await this.documents.forInvoice(invoiceId)).filter((d) => d.kind !== 'handoff');
    // The latest copy of each file name (an invoice copy is re-rendered when the balance changes).
    const latest = new Map(summaries.map((d) => [d.filename, d] as const).reverse());
    const files = await Promise.all([...latest.values()].map((d) => this.documents.get(d.id)));
    return files.filter((f) => f !== undefined).map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.content }));
  }

  async appendTimeline(invoiceId: string, _workflowId: string, entries: TimelineEntry[], snapshot: InvoiceSnapshot): Promise<void> {
    await this.ledger.appendTimeline(invoiceId, entries);
    for (const entry of entries) {
      if (entry.type === 'outcome' && entry.outcome === 'sla_expired' && entry.nodeId) await this.tasks.expire(invoiceId, entry.nodeId);
    }
    await this.invoices.update(invoiceId, { status: snapshot.status as ReceivableStatus, balance: snapshot.balance.amount });
  }
}
