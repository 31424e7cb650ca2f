import {
  type CreditorIdentity,
  ECB_REFINANCING_RATES,
  type FlowSetStatus,
  type Receivable,
  type ReceivableEvent,
  type ReceivableStatus,
  applyToReceivable,
  datePassed,
  issuedReceivable,
  limitationDate,
  localToday,
  receivableStatus,
} from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
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
import { DEFAULT_DAILY_CAP } from '../database/sending-policy';
import { creditorProfileOf } from '../creditor-profile';
import { refreshMemoryClaimAges } from './memory-claim-age';

export interface MemoryInvoice {
  invoiceId: string;
  customerId: string;
  receivable: Receivable;
  timeZone: string;
  paused: boolean;
  /** The status as stored, like the invoices table's: set by each event and when the calendar moves it (refreshDatedStatuses). */
  status: ReceivableStatus;
}

/**
 * The store in memory, for tests and for trying the worker without a database. It keeps the same
 * contract as the database store (dunning-store.contract.ts runs on both): money and status change
 * through the same domain rule (applyToReceivable), once per key; statuses are stored at each event
 * and moved by the calendar only when refreshed (datePassed); one call task and one agency case per
 * customer; the daily cap counts the same messages.
 */
export class MemoryDunningStore implements DunningStore {
  readonly invoices = new Map<string, MemoryInvoice>();
  readonly messages = new Map<string, MessageRecord>();
  /** The provider that answered each completed message, by key. */
  readonly providers = new Map<string, string>();
  readonly callTasks = new Map<
    string,
    { taskId: string; customerId: string; invoices: Array<{ invoiceId: string; nodeId: string; workflowId: string; key: string }>; open: boolean }
  >();
  readonly handoffs = new Map<string, { handoffId: string; customerId: string; agencyId: string; invoiceIds: string[]; keys: string[] }>();
  readonly timelines = new Map<string, TimelineEntry[]>();
  readonly documents = new Map<string, StoredDocument>();
  readonly deliveries = new Map<string, { location: string } | { error: string }>();
  readonly exceptions = new Map<string, ExceptionReport & { occurrences: number }>();
  readonly agencies = new Map<string, AgencyTarget>();
  /** As the settings table holds them (`creditor`: the identity the admin set, as the API stores it). */
  readonly settings: { dailyCap?: Partial<Record<MessageChannelName, number>>; defaultAgencyId?: string; creditor?: CreditorIdentity } = {};
  private readonly appliedKeys = new Map<string, BalanceAfter & { delta: number }>();

  constructor(
    private readonly creditorProfile: CreditorProfile,
    readonly customers: Map<string, CustomerContacts> = new Map(),
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  /** An invoice issued to a customer of this store. */
  addInvoice(invoice: {
    invoiceId: string;
    number: string;
    customerId: string;
    issueDate: string;
    dueDate: string;
    amount: number;
    vatAmount?: number;
    currency: string;
    customerType?: 'company' | 'person';
    timeZone?: string;
  }): void {
    const receivable = issuedReceivable({
      number: invoice.number,
      currency: invoice.currency,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      amount: invoice.amount,
      vatAmount: invoice.vatAmount ?? 0,
      customerType: invoice.customerType ?? 'company',
    });
    // As the receivables service stores it: the due date + 5 years between traders (L110-4), 2 for a consumer (L218-2).
    receivable.limitationDate = limitationDate({ dueDate: invoice.dueDate, debtorType: receivable.customerType });
    const timeZone = invoice.timeZone ?? 'Europe/Paris';
    const status = receivableStatus(receivable, localToday(this.clock.now(), timeZone));
    this.invoices.set(invoice.invoiceId, { invoiceId: invoice.invoiceId, customerId: invoice.customerId, receivable, timeZone, paused: false, status });
  }

  /** An event from outside the flow (a payment the API recorded), by the same rule. */
  apply(invoiceId: string, key: string, event: (today: string) => ReceivableEvent): BalanceAfter {
    const known = this.appliedKeys.get(key);
    if (known) return { balance: known.balance, revision: known.revision };
    const invoice = this.invoices.get(invoiceId);
    if (!invoice) throw new Error(`invoice ${invoiceId}: unknown`);
    const before = invoice.receivable.balance;
    const today = localToday(this.clock.now(), invoice.timeZone);
    invoice.receivable = applyToReceivable(invoice.receivable, event(today), {
      provisionRatePercent: 100,
      lateRates: ECB_REFINANCING_RATES,
    }).receivable;
    invoice.status = receivableStatus(invoice.receivable, today);
    const after = { balance: invoice.receivable.balance, revision: invoice.receivable.revision };
    this.appliedKeys.set(key, { ...after, delta: after.balance - before });
    return after;
  }

  async creditor(): Promise<CreditorProfile> {
    return creditorProfileOf(this.settings.creditor, this.creditorProfile);
  }

  /** The creditor as the database's case file writes it. */
  private async creditorForCaseFile(): Promise<CaseFile['creditor']> {
    const { name, email, phone, addressLines, iban } = await this.creditor();
    return { name, email, phone, addressLines, iban };
  }

  async contacts(customerId: string): Promise<CustomerContacts> {
    const contacts = this.customers.get(customerId);
    if (!contacts) throw new Error(`customer ${customerId}: unknown`);
    return contacts;
  }

  async invoiceStates(invoiceIds: string[]): Promise<InvoiceState[]> {
    return invoiceIds.flatMap((id) => {
      const invoice = this.invoices.get(id);
      if (!invoice) return [];
      const r = invoice.receivable;
      return [
        {
          invoiceId: id,
          number: r.number,
          customerId: invoice.customerId,
          currency: r.currency,
          issueDate: r.issueDate,
          dueDate: r.dueDate,
          amount: r.amount,
          balance: r.balance,
          interestBalance: r.interestBalance,
          indemnityBalance: r.indemnityBalance,
          status: invoice.status,
          paused: invoice.paused,
          lateInterestRatePercent: r.lateInterestRatePercent,
        },
      ];
    });
  }

  async sendingPolicy(): Promise<SendingPolicy> {
    return { dailyCap: { ...DEFAULT_DAILY_CAP, ...this.settings.dailyCap }, defaultAgencyId: this.settings.defaultAgencyId, lateRates: ECB_REFINANCING_RATES };
  }

  async recentMessages(customerId: string, channel: MessageChannelName, since: string, exceptKey: string): Promise<number> {
    return [...this.messages.values()].filter((m) => m.customerId === customerId && m.channel === channel && m.idempotencyKey !== exceptKey && m.createdAt >= since).length;
  }

  async claimMessage(message: OutgoingMessage, at: string) {
    const existing = this.messages.get(message.idempotencyKey);
    if (existing) return { claimed: false as const, existing };
    // Dated by the step's instant, as the database store dates it: the daily cap counts on it.
    this.messages.set(message.idempotencyKey, { ...message, state: 'sending', createdAt: at });
    return { claimed: true as const };
  }

  async messageByKey(idempotencyKey: string): Promise<MessageRecord | undefined> {
    return this.messages.get(idempotencyKey);
  }

  async completeMessage(idempotencyKey: string, receipt: DeliveryReceipt, provider: string): Promise<void> {
    const message = this.messages.get(idempotencyKey);
    if (!message) throw new Error(`message ${idempotencyKey}: not claimed`);
    message.state = receipt.undeliverable ? 'undeliverable' : 'sent';
    // As messages.provider: who answered (safe mode counts a flow's first sends per provider).
    this.providers.set(idempotencyKey, provider);
    message.providerMessageId = receipt.providerMessageId;
  }

  async joinCallTask(task: Parameters<DunningStore['joinCallTask']>[0]): Promise<{ taskId: string }> {
    for (const existing of this.callTasks.values()) if (existing.invoices.some((i) => i.key === task.idempotencyKey)) return { taskId: existing.taskId };
    const open = [...this.callTasks.values()].find((t) => t.open && t.customerId === task.customerId);
    const link = { invoiceId: task.invoiceId, nodeId: task.nodeId, workflowId: task.workflowId, key: task.idempotencyKey };
    if (open) {
      open.invoices.push(link);
      return { taskId: open.taskId };
    }
    const taskId = `task-${this.callTasks.size + 1}`;
    this.callTasks.set(taskId, { taskId, customerId: task.customerId, invoices: [link], open: true });
    return { taskId };
  }

  async setStanding(change: { idempotencyKey: string; invoiceId: string; status: FlowSetStatus; at: string }): Promise<BalanceAfter> {
    return this.apply(change.invoiceId, `standing:${change.idempotencyKey}`, (date) => ({ kind: 'standing', reference: change.idempotencyKey, date, status: change.status }));
  }

  async chargeFees(fee: Parameters<DunningStore['chargeFees']>[0]): Promise<{ feeAdded: number; after: BalanceAfter }> {
    const key = `fees:${fee.idempotencyKey}`;
    const invoice = this.invoices.get(fee.invoiceId);
    const date = invoice ? localToday(fee.at, invoice.timeZone) : fee.at.slice(0, 10);
    const after = this.apply(fee.invoiceId, key, () => ({
      kind: 'fees',
      reference: fee.idempotencyKey,
      date,
      indemnity: fee.indemnity,
      contractualRatePercent: fee.contractualRatePercent,
    }));
    return { feeAdded: this.appliedKeys.get(key)!.delta, after };
  }

  async refreshDatedStatuses(at: string): Promise<number> {
    let changed = 0;
    for (const invoice of this.invoices.values()) {
      // The candidates the database store reads: open, and waiting on a date (their due date or a promise's end).
      const waiting = invoice.status === 'not_due' || invoice.status === 'due' || invoice.receivable.promisedUntil !== undefined;
      if (!waiting || invoice.receivable.balance <= 0 || invoice.receivable.cancelled || invoice.receivable.writtenOff) continue;
      const { receivable, status, promiseEnded } = datePassed(invoice.receivable, localToday(at, invoice.timeZone));
      if (status === invoice.status && !promiseEnded) continue;
      invoice.receivable = receivable;
      invoice.status = status;
      changed++;
    }
    // Then the claims near or past their limitation date: `old`, and the `claim_age` alert.
    return changed + refreshMemoryClaimAges(this, at);
  }

  async agency(agencyId: string): Promise<AgencyTarget | undefined> {
    return this.agencies.get(agencyId);
  }

  async openCase(handoff: Parameters<DunningStore['openCase']>[0]): Promise<{ handoffId: string }> {
    for (const existing of this.handoffs.values()) if (existing.keys.some((k) => handoff.invoices.some((i) => i.idempotencyKey === k))) return { handoffId: existing.handoffId };
    const handoffId = `handoff-${this.handoffs.size + 1}`;
    this.handoffs.set(handoffId, {
      handoffId,
      customerId: handoff.customerId,
      agencyId: handoff.agencyId,
      invoiceIds: handoff.invoices.map((i) => i.invoiceId),
      keys: handoff.invoices.map((i) => i.idempotencyKey),
    });
    for (const invoice of handoff.invoices) await this.setStanding({ idempotencyKey: invoice.idempotencyKey, invoiceId: invoice.invoiceId, status: 'with_agency', at: handoff.at });
    return { handoffId };
  }

  async reportException(exception: ExceptionReport): Promise<void> {
    const existing = this.exceptions.get(exception.dedupeKey);
    this.exceptions.set(exception.dedupeKey, { ...exception, occurrences: (existing?.occurrences ?? 0) + 1 });
  }

  async appendTimeline(invoiceId: string, entries: TimelineEntry[]): Promise<void> {
    this.timelines.set(invoiceId, [...(this.timelines.get(invoiceId) ?? []), ...entries]);
    for (const entry of entries) {
      if (entry.type === 'outcome' && entry.outcome === 'sla_expired' && entry.nodeId) {
        for (const task of this.callTasks.values()) {
          task.invoices = task.invoices.filter((i) => !(i.invoiceId === invoiceId && i.nodeId === entry.nodeId));
          if (task.invoices.length === 0) task.open = false;
        }
        await this.reportException({
          kind: 'call_sla_expired',
          dedupeKey: `sla:${invoiceId}:${entry.nodeId}:${entry.at}`,
          message: 'no collector recorded an outcome before the call’s deadline',
          invoiceId,
          nodeId: entry.nodeId,
        });
      }
    }
  }

  async saveDocument(document: StoredDocument): Promise<{ documentId: string }> {
    if (!this.documents.has(document.sourceKey)) this.documents.set(document.sourceKey, document);
    return { documentId: document.sourceKey };
  }

  async documentsOf(invoiceId: string): Promise<MessageFile[]> {
    return [...this.documents.values()].filter((d) => d.invoiceId === invoiceId && d.kind !== 'handoff');
  }

  async handoffForDelivery(handoffId: string): Promise<HandoffForDelivery> {
    const handoff = this.handoffs.get(handoffId);
    if (!handoff) throw new Error(`handoff ${handoffId}: unknown`);
    const contacts = this.customers.get(handoff.customerId);
    const agency = this.agencies.get(handoff.agencyId) ?? { name: 'Memory agency', deliveryMethod: 'api' as const, deliveryConfig: {} };
    const caseFile: CaseFile = {
      format: 'dunning-handoff',
      version: 1,
      handoff: { id: handoffId, reference: `HO-${handoffId}`, createdAt: new Date(0).toISOString(), agency: agency.name },
      creditor: await this.creditorForCaseFile(),
      debtor: { reference: handoff.customerId, legalName: contacts?.name ?? '', type: 'company', address: { lines: contacts?.addressLines ?? [], country: 'FR' }, contacts: [] },
      invoices: handoff.invoiceIds.map((id) => {
        const r = this.invoices.get(id)!.receivable;
        return {
          number: r.number,
          issueDate: r.issueDate,
          dueDate: r.dueDate,
          currency: r.currency,
          originalAmount: r.amount,
          paid: r.paid,
          credited: r.credited,
          outstanding: r.balance,
          fees: r.indemnityBalance,
          interest: r.interestBalance,
          feesFrom: r.dueDate,
        };
      }),
      dispute: { open: false, history: [] },
      promises: [],
      contactHistory: [],
      documents: [],
    };
    return { handoffId, invoiceIds: handoff.invoiceIds, agency, caseFile };
  }

  async recordHandoffDelivery(handoffId: string, result: { location: string } | { error: string }): Promise<void> {
    this.deliveries.set(handoffId, result);
  }
}
