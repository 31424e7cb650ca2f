import { localToday, type FlowSetStatus } from '@dunning/domain';
import {
  CallTasksRepository,
  CustomersRepository,
  type Database,
  DocumentsRepository,
  ExceptionsRepository,
  HandoffsRepository,
  InvoicesRepository,
  LedgerRepository,
  type MessageRow,
  MessagesRepository,
  SettingsRepository,
  UsersRepository,
} from '@dunning/db';
import { ECB_REFINANCING_RATES } from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
import { ReceivablesService } from '@dunning/receivables';
import type { CaseFile } from '@dunning/channels';
import type {
  AgencyTarget,
  BalanceAfter,
  CreditorProfile,
  CustomerContacts,
  DeliveryReceipt,
  DunningStore,
  ExceptionReport,
  HandoffForDelivery,
  InvoiceState,
  MessageChannelName,
  MessageFile,
  MessageRecord,
  OutgoingMessage,
  SendingPolicy,
  StoredDocument,
} from '../../activities/ports';
import { buildCaseFile } from './case-file';
import { sendingPolicyOf } from './sending-policy';
import { creditorProfileOf } from '../creditor-profile';

const stateOf = (row: MessageRow): MessageRecord['state'] => (row.status === 'pending' ? 'sending' : row.status === 'bounced' ? 'undeliverable' : 'sent');

/**
 * The activities' store on the database (PGlite or PostgreSQL): reads through the repositories,
 * and every change of money or status through the receivables service — the one writer of the
 * books, the same the API uses.
 */
export class DatabaseDunningStore implements DunningStore {
  private readonly customers: CustomersRepository;
  private readonly invoices: InvoicesRepository;
  private readonly messages: MessagesRepository;
  private readonly tasks: CallTasksRepository;
  private readonly ledger: LedgerRepository;
  private readonly handoffs: HandoffsRepository;
  private readonly users: UsersRepository;
  private readonly documents: DocumentsRepository;
  private readonly exceptions: ExceptionsRepository;
  private readonly settings: SettingsRepository;
  private readonly receivables: ReceivablesService;

  constructor(
    private readonly db: Database,
    private readonly creditorProfile: CreditorProfile,
    clock: { now(): Date } = { now: () => new Date() },
  ) {
    this.customers = new CustomersRepository(db);
    this.invoices = new InvoicesRepository(db);
    this.messages = new MessagesRepository(db);
    this.tasks = new CallTasksRepository(db);
    this.ledger = new LedgerRepository(db);
    this.handoffs = new HandoffsRepository(db);
    this.users = new UsersRepository(db);
    this.documents = new DocumentsRepository(db);
    this.exceptions = new ExceptionsRepository(db);
    this.settings = new SettingsRepository(db);
    this.receivables = new ReceivablesService(db, clock);
  }

  /** Read at each step (no cache): an identity the admin just set is on the next message. */
  async creditor(): Promise<CreditorProfile> {
    return creditorProfileOf((await this.settings.all()).creditor, this.creditorProfile);
  }

  async contacts(customerId: string): Promise<CustomerContacts> {
    const customer = await this.customers.findById(customerId);
    if (!customer) throw new Error(`customer ${customerId} not found`);
    const billing = customer.contacts.find((c) => c.role === 'billing') ?? customer.contacts[0];
    return {
      name: customer.name,
      legalId: customer.legalId ?? undefined,
      contactName: billing?.name ?? undefined,
      addressLines: customer.addressLines,
      // A bounced address and a number that answered STOP are not contacted: the step takes its fallback.
      emails: customer.contacts.filter((c) => c.email && !c.emailUnreachableAt).map((c) => ({ role: c.role, address: c.email! })),
      phones: customer.contacts.filter((c) => c.phone && !c.smsOptedOutAt).map((c) => ({ role: c.role, number: c.phone! })),
    };
  }

  async invoiceStates(invoiceIds: string[]): Promise<InvoiceState[]> {
    return (await this.invoices.findByIds(invoiceIds)).map((row) => ({
      invoiceId: row.id,
      number: row.number,
      customerId: row.customerId,
      currency: row.currency,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      amount: row.amount,
      balance: row.balance,
      interestBalance: row.interestBalance,
      indemnityBalance: row.indemnityBalance,
      status: row.status,
      paused: row.pausedAt !== null,
      lateInterestRatePercent: row.lateInterestRatePercent ?? undefined,
    }));
  }

  async sendingPolicy(): Promise<SendingPolicy> {
    const rates = await this.settings.lateRates();
    return sendingPolicyOf(await this.settings.all(), rates.length > 0 ? rates : ECB_REFINANCING_RATES);
  }

  async recentMessages(customerId: string, channel: MessageChannelName, since: string, exceptKey: string): Promise<number> {
    return this.messages.countRecent(customerId, channel, new Date(since), exceptKey);
  }

  async claimMessage(message: OutgoingMessage, at: string) {
    const result = await this.messages.claim({
      // Dated by the step's instant (the flow's clock): the outbox's order and the daily cap use it.
      createdAt: new Date(at),
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
    return {
      claimed: false as const,
      existing: { ...message, state: stateOf(result.row), providerMessageId: result.row.providerMessageId ?? undefined, createdAt: result.row.createdAt.toISOString() },
    };
  }

  async messageByKey(idempotencyKey: string): Promise<MessageRecord | undefined> {
    const row = await this.messages.findByKey(idempotencyKey);
    if (!row) return undefined;
    return {
      idempotencyKey,
      channel: row.channel,
      invoiceIds: row.invoiceIds,
      customerId: row.customerId,
      to: row.recipients,
      template: row.template,
      locale: row.locale,
      attachments: row.attachments,
      nodeId: row.stepKey,
      state: stateOf(row),
      providerMessageId: row.providerMessageId ?? undefined,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async completeMessage(idempotencyKey: string, receipt: DeliveryReceipt, provider: string): Promise<void> {
    await this.messages.complete(idempotencyKey, { provider, providerMessageId: receipt.providerMessageId, undeliverable: receipt.undeliverable, error: receipt.reason });
  }

  async joinCallTask(task: Parameters<DunningStore['joinCallTask']>[0]): Promise<{ taskId: string }> {
    const { task: row } = await this.tasks.joinOrCreate({
      idempotencyKey: task.idempotencyKey,
      customerId: task.customerId,
      invoiceId: task.invoiceId,
      nodeId: task.nodeId,
      workflowId: task.workflowId,
      slaDueAt: new Date(task.slaDeadline),
      priority: task.priority,
    });
    return { taskId: row.id };
  }

  async setStanding(change: { idempotencyKey: string; invoiceId: string; status: FlowSetStatus; at: string }): Promise<BalanceAfter> {
    return (await this.receivables.setStanding({ invoiceId: change.invoiceId, status: change.status, key: change.idempotencyKey, at: new Date(change.at) })).after;
  }

  async chargeFees(fee: Parameters<DunningStore['chargeFees']>[0]): Promise<{ feeAdded: number; after: BalanceAfter }> {
    const outcome = await this.receivables.chargeFees({
      invoiceId: fee.invoiceId,
      key: fee.idempotencyKey,
      at: new Date(fee.at),
      indemnity: fee.indemnity,
      contractualRatePercent: fee.contractualRatePercent,
    });
    return { feeAdded: outcome.feeAdded, after: outcome.after };
  }

  async refreshDatedStatuses(at: string): Promise<number> {
    return this.receivables.refreshStatuses(new Date(at));
  }

  async agency(agencyId: string): Promise<AgencyTarget | undefined> {
    const agency = await this.users.agency(agencyId).catch(() => undefined);
    if (!agency) return undefined;
    return { id: agency.id, name: agency.name, deliveryMethod: agency.deliveryMethod, deliveryConfig: agency.deliveryConfig, pgpPublicKey: agency.pgpPublicKey ?? undefined };
  }

  async openCase(handoff: Parameters<DunningStore['openCase']>[0]): Promise<{ handoffId: string }> {
    const states = await this.invoices.findByIds(handoff.invoices.map((i) => i.invoiceId));
    const { row, created } = await this.handoffs.createCase({
      idempotencyKey: handoff.idempotencyKey,
      customerId: handoff.customerId,
      agencyId: handoff.agencyId,
      currency: states[0]!.currency,
      invoices: handoff.invoices.map((i) => ({ ...i, balance: states.find((s) => s.id === i.invoiceId)!.balance })),
    });
    // With the agency from now on: through the books, like every status.
    for (const invoice of handoff.invoices)
      await this.receivables.setStanding({ invoiceId: invoice.invoiceId, status: 'with_agency', key: invoice.idempotencyKey, at: new Date(handoff.at) });
    if (created || Object.keys(row.caseFile).length === 0) {
      const agency = (await this.users.agency(handoff.agencyId))!;
      const reference = `HO-${states[0]!.number.replace(/[^A-Za-z0-9-]+/g, '-')}-${row.createdAt.toISOString().slice(0, 10).replace(/-/g, '')}`;
      const caseFile = await buildCaseFile(
        this.db,
        handoff.invoices.map((i) => i.invoiceId),
        { id: row.id, reference, createdAt: row.createdAt, agency: agency.name },
        await this.creditor(),
      );
      await this.handoffs.setCaseFile(row.id, caseFile);
    }
    return { handoffId: row.id };
  }

  async reportException(exception: ExceptionReport): Promise<void> {
    await this.exceptions.report(exception);
  }

  async handoffForDelivery(handoffId: string): Promise<HandoffForDelivery> {
    const row = await this.handoffs.findForAgency(handoffId, undefined);
    if (!row) throw new Error(`handoff ${handoffId} not found`);
    const agency = (await this.agency(row.agencyId))!;
    const invoiceIds = (await this.handoffs.invoicesOf(handoffId)).map((i) => i.invoice.id);
    return { handoffId, invoiceIds, caseFile: row.caseFile as unknown as CaseFile, agency, deliveredAt: row.deliveredAt?.toISOString() };
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

  /** Appends the flow's timeline; an SLA run out takes the invoice off its call and tells a person. */
  async appendTimeline(invoiceId: string, entries: TimelineEntry[]): Promise<void> {
    await this.ledger.appendTimeline(invoiceId, entries);
    for (const entry of entries) {
      if (entry.type === 'outcome' && entry.outcome === 'sla_expired' && entry.nodeId) {
        await this.tasks.expire(invoiceId, entry.nodeId);
        const invoice = await this.invoices.findById(invoiceId);
        await this.exceptions.report({
          kind: 'call_sla_expired',
          dedupeKey: `sla:${invoiceId}:${entry.nodeId}:${entry.at}`,
          message: `no collector recorded an outcome before the call’s deadline (${localToday(entry.at, 'UTC')}): the flow went on`,
          invoiceId,
          customerId: invoice?.customerId,
          nodeId: entry.nodeId,
        });
      }
    }
  }
}
