import { randomUUID } from 'node:crypto';
import {
  type AgencyReportStatus,
  ECB_REFINANCING_RATES,
  type FlowSetStatus,
  type PaymentTerm,
  type PaymentTermFinding,
  type ReceivablePolicy,
  ReceivableRefusal,
  creditRefunded,
  invoiceIssued,
  issuedReceivable,
  limitationDate,
  localToday,
  paymentReceived,
  receivableStatus,
} from '@dunning/domain';
import {
  CustomersRepository,
  type Database,
  type HandoffRow,
  HandoffsRepository,
  InsuranceRepository,
  type InvoiceRow,
  InvoicesRepository,
  type IssuedInvoice,
  LedgerRepository,
  SettingsRepository,
  UsersRepository,
} from '@dunning/db';
import { type EventOutcome, applyInvoiceEvent, runInvoiceEvent, sameContent } from './event-transaction';
import { ReceivableNotFound } from './receivable-errors';
import { refreshDatedStatuses } from './status-refresh';
import { type InterruptionInput, acknowledgedByPayment, claimLimitationSettings, periodOverrides, recordInterruption, storeLimitation } from './claim-limitation';

/** The provision rate on doubtful receivables when the admin has set none: prudence, all of it. */
export const DEFAULT_PROVISION_RATE_PERCENT = 100;

/** Invoices written per statement by a bulk issue. */
const ISSUE_CHUNK = 2000;

export interface NewReceivable {
  number: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  vatAmount: number;
  currency: string;
  lateInterestRatePercent?: number | null;
  importBatchId?: string;
  /** The customer's, for the status of the day and the indemnity. */
  timeZone: string;
  customerType: string;
  /** The agreed term (Code de commerce L441-10 I); none: the legal default. Written as given, with what it breaks (`termFindings`, never a refusal). */
  paymentTerm?: PaymentTerm | null;
  receiptDate?: string | null;
  termFindings?: PaymentTermFinding[];
  supportingReference?: string | null;
}

const signalPayload = (payload: Record<string, unknown>, outcome: { after: EventOutcome['after']; eventKey: string }) => ({
  ...payload,
  eventKey: outcome.eventKey,
  after: outcome.after,
});

/**
 * The one writer of money and status: every event that changes what an invoice owes or where it
 * stands (issue, payment, credit note, cancellation, dispute, promise, fees, doubtful, write-off,
 * agency recovery, customer credit) goes through here, from the API and from the worker alike.
 * Each is one transaction, idempotent by its key, posting its balanced entries (French chart of
 * accounts) and writing the signal its invoice's workflow must get to the outbox.
 */
export class ReceivablesService {
  private readonly invoices: InvoicesRepository;
  private readonly ledger: LedgerRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {
    this.invoices = new InvoicesRepository(db);
    this.ledger = new LedgerRepository(db);
  }

  private async policy(db: Database): Promise<ReceivablePolicy> {
    const settings = new SettingsRepository(db);
    const values = await settings.all();
    const rates = await settings.lateRates(db);
    const rate = values.provisionRatePercent;
    return { provisionRatePercent: typeof rate === 'number' ? rate : DEFAULT_PROVISION_RATE_PERCENT, lateRates: rates.length > 0 ? rates : ECB_REFINANCING_RATES };
  }

  private run(spec: Parameters<typeof runInvoiceEvent>[3]): Promise<EventOutcome> {
    return runInvoiceEvent(this.db, this.clock.now(), (tx) => this.policy(tx), spec);
  }

  /** Invoices issued (created in the app), with their sales entries, in the caller's transaction: the rows as stored. */
  async issue(receivables: NewReceivable[], db: Database = this.db): Promise<InvoiceRow[]> {
    const issued = await this.issuedRow(db);
    const rows = await this.invoices.insertIssued(receivables.map(issued), db);
    await this.postSales(rows, db);
    return rows;
  }

  /**
   * Invoices issued in bulk (an import), with their sales entries, in the caller's transaction:
   * how many. Written a chunk at a time, each invoice's id chosen here so that nothing is read
   * back; while the database writes one chunk the next is built (a connection runs one query at a
   * time, and the database works in another process), and other requests get a turn between chunks.
   */
  async issueMany(receivables: NewReceivable[], db: Database = this.db): Promise<number> {
    const issued = await this.issuedRow(db);
    let previous: Promise<unknown> = Promise.resolve();
    for (let from = 0; from < receivables.length; from += ISSUE_CHUNK) {
      const rows = receivables.slice(from, from + ISSUE_CHUNK).map((receivable) => ({ ...issued(receivable), id: randomUUID() }));
      const written = Promise.all([this.invoices.insertIssuedBulk(rows, db), this.postSales(rows, db)]);
      // Awaited below; handled now so that a failure while the previous chunk is awaited is not reported as unhandled.
      written.catch(() => undefined);
      await previous;
      previous = written;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await previous;
    return receivables.length;
  }

  /** What issuing writes for an invoice: its balance, its status on the customer's day and its claim's limitation date. */
  private async issuedRow(db: Database): Promise<(receivable: NewReceivable) => IssuedInvoice> {
    const now = this.clock.now();
    const todays = new Map<string, string>();
    const todayIn = (timeZone: string) => todays.get(timeZone) ?? todays.set(timeZone, localToday(now, timeZone)).get(timeZone)!;
    const periods = periodOverrides(await claimLimitationSettings(db));
    // A fresh claim's limitation date depends on its due date and debtor type alone: computed once per pair (calendar arithmetic is costly at import scale).
    const limitations = new Map<string, string>();
    const limitationFor = (dueDate: string, debtorType: 'person' | 'company') => {
      const key = `${dueDate}|${debtorType}`;
      let date = limitations.get(key);
      if (date === undefined) limitations.set(key, (date = limitationDate({ dueDate, debtorType }, [], periods)));
      return date;
    };
    return (r) => {
      const receivable = issuedReceivable({
        number: r.number,
        currency: r.currency,
        issueDate: r.issueDate,
        dueDate: r.dueDate,
        amount: r.amount,
        vatAmount: r.vatAmount,
        customerType: r.customerType === 'person' ? 'person' : 'company',
      });
      // The claim's limitation date: due date + 5 years (L110-4) or 2 for a consumer (L218-2); an old import is `old` at once.
      receivable.limitationDate = limitationFor(r.dueDate, receivable.customerType);
      return {
        number: r.number,
        customerId: r.customerId,
        issueDate: r.issueDate,
        dueDate: r.dueDate,
        amount: r.amount,
        vatAmount: r.vatAmount,
        currency: r.currency,
        balance: r.amount,
        lateInterestRatePercent: r.lateInterestRatePercent ?? null,
        importBatchId: r.importBatchId,
        status: receivableStatus(receivable, todayIn(r.timeZone)),
        limitationDate: receivable.limitationDate,
        paymentTerm: r.paymentTerm ?? null,
        receiptDate: r.receiptDate ?? null,
        termFindings: r.termFindings ?? [],
        supportingReference: r.supportingReference ?? null,
      };
    };
  }

  /** Each issued invoice's sales entry (411 / 706 / 44571). */
  private postSales(rows: Array<Pick<InvoiceRow, 'id' | 'number' | 'customerId' | 'issueDate' | 'currency' | 'amount'> & { vatAmount?: number }>, db: Database): Promise<void> {
    return this.ledger.post(
      rows.map((row) => ({
        entry: invoiceIssued({ number: row.number, date: row.issueDate, currency: row.currency, total: row.amount, vat: row.vatAmount ?? 0 }),
        invoiceId: row.id,
        customerId: row.customerId,
      })),
      db,
    );
  }

  /** A payment on an invoice, once per reference: beyond the balance it is the customer's credit. */
  recordPayment(payment: { invoiceId: string; amount: number; reference: string; receivedAt: Date; source: string }): Promise<EventOutcome> {
    return this.run({
      invoiceId: payment.invoiceId,
      eventKey: `payment:${payment.reference}`,
      kind: 'payment',
      content: { invoiceId: payment.invoiceId, amount: payment.amount },
      at: payment.receivedAt,
      event: (date) => ({ kind: 'payment', reference: payment.reference, amount: payment.amount, date }),
      record: async (tx, applied, row, today) => {
        await this.invoices.insertPayment(
          {
            invoiceId: row.id,
            amount: payment.amount,
            currency: row.currency,
            receivedAt: payment.receivedAt,
            source: payment.source,
            externalId: payment.reference,
            allocated: applied.allocated,
            excess: applied.excess,
          },
          tx,
        );
        // A partial payment acknowledges the debt and restarts its limitation period (Code civil 2240).
        if (applied.allocated > 0 && applied.receivable.balance > 0) await acknowledgedByPayment(tx, row.id, today, payment.reference, this.clock.now());
      },
      signal: (outcome) => ({ signal: 'payment', payload: signalPayload({ amount: payment.amount, reference: payment.reference }, outcome) }),
    });
  }

  /** A credit note, once per number: it reduces the invoice; beyond what is owed it is the customer's credit. */
  recordCreditNote(note: { invoiceId: string; number: string; amount: number; reason?: string }): Promise<EventOutcome> {
    return this.run({
      invoiceId: note.invoiceId,
      eventKey: `credit-note:${note.number}`,
      kind: 'credit_note',
      content: { invoiceId: note.invoiceId, amount: note.amount },
      event: (date) => ({ kind: 'credit_note', number: note.number, amount: note.amount, date }),
      record: async (tx, applied, row, today) => {
        const entry = applied.entries.find((e) => e.lines.some((l) => l.account === '709'));
        const vat = entry?.lines.find((l) => l.account === '44571')?.debit ?? 0;
        await this.invoices.insertCreditNote(
          {
            invoiceId: row.id,
            number: note.number,
            amount: note.amount,
            currency: row.currency,
            issueDate: today,
            reason: note.reason,
            vatAmount: vat,
            allocated: applied.allocated,
            excess: applied.excess,
          },
          tx,
        );
      },
      signal: (outcome) => ({ signal: 'creditNote', payload: signalPayload({ amount: note.amount, reference: note.number }, outcome) }),
    });
  }

  /** Cancels what is still owed by a credit note (the invoice stays in the books); refused once paid or with an agency. */
  cancel(request: { invoiceId: string; reason?: string; creditNoteNumber?: string }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `cancel:${request.invoiceId}`,
      kind: 'cancellation',
      content: { invoiceId: request.invoiceId },
      event: (date, row) => ({ kind: 'cancel', reference: request.creditNoteNumber ?? `AV-${row.number}`, date }),
      record: async (tx, applied, row, today) => {
        const principal = applied.receivable.credited - (row.creditedAmount ?? 0);
        if (principal > 0) {
          const number = request.creditNoteNumber ?? `AV-${row.number}`;
          const vat = applied.entries.find((e) => e.lines.some((l) => l.account === '709'))?.lines.find((l) => l.account === '44571')?.debit ?? 0;
          await this.invoices.insertCreditNote(
            {
              invoiceId: row.id,
              number,
              amount: principal,
              currency: row.currency,
              issueDate: today,
              reason: request.reason ?? 'cancellation',
              vatAmount: vat,
              allocated: principal,
              excess: 0,
            },
            tx,
          );
        }
      },
      signal: (outcome) => ({ signal: 'cancellation', payload: signalPayload({ reason: request.reason }, outcome) }),
    });
  }

  openDispute(request: { invoiceId: string; reason: string; userId?: string; key: string }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `dispute-opened:${request.key}`,
      kind: 'dispute_opened',
      content: { invoiceId: request.invoiceId },
      event: (date) => ({ kind: 'dispute_opened', reference: request.key, date }),
      record: (tx, _applied, row) => this.invoices.openDispute(row.id, request.reason, request.userId, tx),
      signal: (outcome) => ({ signal: 'disputeOpened', payload: signalPayload({ reason: request.reason }, outcome) }),
    });
  }

  resolveDispute(request: { invoiceId: string; resolution: string; key: string }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `dispute-resolved:${request.key}`,
      kind: 'dispute_resolved',
      content: { invoiceId: request.invoiceId },
      event: (date) => ({ kind: 'dispute_resolved', reference: request.key, date }),
      record: (tx, _applied, row) => this.invoices.resolveDisputes(row.id, request.resolution, tx),
      signal: (outcome) => ({ signal: 'disputeResolved', payload: signalPayload({ resolution: request.resolution }, outcome) }),
    });
  }

  /** A promise to pay; `signal: false` when the workflow hears it with a call's outcome instead. */
  recordPromise(request: { invoiceId: string; date: string; amount: number; userId?: string; key: string; signal?: boolean }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `promise:${request.key}`,
      kind: 'promise',
      content: { invoiceId: request.invoiceId, date: request.date, amount: request.amount },
      event: (today) => ({ kind: 'promise', date: today, promisedDate: request.date, amount: request.amount }),
      record: (tx, applied, row) =>
        this.invoices.recordPromise(
          {
            invoiceId: row.id,
            amount: request.amount,
            currency: row.currency,
            promisedDate: request.date,
            balanceWhenPromised: applied.receivable.promise!.balanceWhenPromised,
            recordedBy: request.userId,
          },
          tx,
        ),
      signal: (outcome) => (request.signal === false ? undefined : { signal: 'promiseToPay', payload: signalPayload({ date: request.date, amount: request.amount }, outcome) }),
    });
  }

  /** A flow step's status (doubtful, irrecoverable, written off, with the agency): the workflow asked, no signal back. */
  setStanding(request: { invoiceId: string; status: FlowSetStatus; key: string; at: Date }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `standing:${request.key}`,
      kind: 'standing',
      content: { invoiceId: request.invoiceId, status: request.status },
      at: request.at,
      event: (date) => ({ kind: 'standing', reference: request.key, date, status: request.status }),
    });
  }

  /** A credit manager writes off what is left (PCG 654, VAT recovered under CGI 272). */
  async writeOff(request: { invoiceId: string; reason: string }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `write-off:${request.invoiceId}`,
      kind: 'write_off',
      content: { invoiceId: request.invoiceId },
      event: (date) => {
        return { kind: 'standing', reference: `write-off:${request.invoiceId}`, date, status: 'written_off' };
      },
      record: async (_tx, applied) => {
        if (applied.entries.length === 0) throw new ReceivableRefusal('conflict', 'invoice', 'nothing is owed on this invoice: there is nothing to write off');
      },
      signal: (outcome) => ({ signal: 'writtenOff', payload: signalPayload({ reason: request.reason }, outcome) }),
    });
  }

  /** A late_fee step: the indemnity once, late interest since the last charge (legal rate by half-year, or the contract's). */
  chargeFees(request: { invoiceId: string; key: string; at: Date; indemnity: boolean; contractualRatePercent?: number }): Promise<EventOutcome & { feeAdded: number }> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `fees:${request.key}`,
      kind: 'fees',
      content: { invoiceId: request.invoiceId },
      at: request.at,
      event: (date) => ({ kind: 'fees', reference: request.key, date, indemnity: request.indemnity, contractualRatePercent: request.contractualRatePercent }),
    }).then((outcome) => ({ ...outcome, feeAdded: outcome.delta }));
  }

  /**
   * An event that interrupts the claim's limitation period — an acknowledgement of debt, a payment
   * plan signed (Code civil 2240), a court filing (2241–2242, with `proceedingsEndedOn` once they
   * end), an enforcement measure (2244) — once per (kind, reference); stores the new limitation date
   * and brings the `claim_age` alert in step, in one transaction (`db`: the caller's).
   */
  recordInterruption(invoiceId: string, interruption: Omit<InterruptionInput, 'invoiceId'>, db?: Database) {
    return recordInterruption(this.db, this.clock.now(), { ...interruption, invoiceId }, db);
  }

  /** The invoice's amount or due date corrected: the difference is booked (sale or credit). */
  change(request: { invoiceId: string; key: string; amount?: number; dueDate?: string }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `change:${request.key}`,
      kind: 'change',
      content: { invoiceId: request.invoiceId, amount: request.amount ?? null, dueDate: request.dueDate ?? null },
      event: (date) => ({ kind: 'change', reference: `RECT-${request.key.slice(0, 8)}`, date, amount: request.amount, dueDate: request.dueDate }),
      // A new due date moves the start of the limitation period (Code civil 2233 3°).
      record: async (tx, _applied, row) => {
        if (request.dueDate === undefined || request.dueDate === row.dueDate) return;
        const locked = await this.invoices.lockReceivable(row.id, tx);
        if (locked) await storeLimitation(tx, locked, this.clock.now());
      },
      signal: (outcome) => ({ signal: 'invoiceChanged', payload: signalPayload({ amount: request.amount, dueDate: request.dueDate }, outcome) }),
    });
  }

  /**
   * A legal fee paid for an invoice's recovery (commissaire de justice, court registry, lawyer),
   * once per reference: 6227 / 512, dated `date`; what the debtor owes does not change, so the
   * workflow is not told. `record` writes the caller's own row (a court case's event) in the same
   * transaction. The fee is in the invoice's currency.
   */
  recordLegalCosts(request: {
    invoiceId: string;
    reference: string;
    amount: number;
    currency: string;
    date: string;
    label: string;
    record?: (tx: Database) => Promise<void>;
  }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `legal-costs:${request.reference}`,
      kind: 'legal_costs',
      content: { invoiceId: request.invoiceId, amount: request.amount, currency: request.currency, date: request.date },
      event: (_today, row) => {
        if (row.currency !== request.currency) throw new ReceivableRefusal('invalid', 'currency', `the invoice is in ${row.currency}: record the fee in ${row.currency}`);
        return { kind: 'legal_costs', reference: request.reference, date: request.date, amount: request.amount, label: request.label };
      },
      record: request.record ? (tx) => request.record!(tx) : undefined,
    });
  }

  /**
   * An agency's report on a case, in one transaction: the money it recovered allocated to the
   * case's invoices oldest due first, net of its commission (more than the case owes is refused),
   * the case's status and the invoices' timelines. With a reference it is recorded once: the same
   * report again answers what the first one left (`replayed`), the reference reused for another
   * report is a conflict. Reports on one case are taken one at a time.
   */
  async recordAgencyReport(report: AgencyReport): Promise<{ snapshot: AgencyReportSnapshot; outcomes: EventOutcome[]; replayed: boolean }> {
    if (report.amount > 0 && report.reference === undefined) throw new ReceivableRefusal('invalid', 'reference', 'required with a recovered amount');
    return this.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const handoffs = new HandoffsRepository(tx);
      const ledger = new LedgerRepository(tx);
      const handoff = await handoffs.lockCase(report.handoffId, tx);
      if (!handoff) throw new ReceivableNotFound('handoffId', `case ${report.handoffId} not found`);
      let claimId: string | undefined;
      if (report.reference !== undefined) {
        const content = { handoffId: handoff.id, amount: report.amount, status: report.status };
        const claim = await ledger.claimEvent({ eventKey: `agency-report:${handoff.id}:${report.reference}`, kind: 'agency_report', customerId: handoff.customerId, content }, tx);
        if (!claim.claimed) {
          if (!sameContent(claim.content, content))
            throw new ReceivableRefusal('conflict', 'reference', `report ${report.reference} was already recorded with another amount or status`);
          const first = claim.result as Partial<AgencyReportSnapshot>;
          const snapshot = first.handoff && first.invoices ? (first as AgencyReportSnapshot) : reportSnapshot(handoff, await handoffs.invoicesOf(handoff.id, tx));
          return { snapshot, outcomes: [], replayed: true };
        }
        claimId = claim.id;
      }
      const cases = await handoffs.invoicesOf(handoff.id, tx);
      const outcomes: EventOutcome[] = [];
      if (report.amount > 0) {
        const owed = cases.reduce((sum, c) => sum + c.invoice.balance, 0);
        if (report.amount > owed) throw new ReceivableRefusal('invalid', 'recoveredAmount', `more than the case still owes (${owed})`);
        const agency = (await new UsersRepository(tx).agency(handoff.agencyId))!;
        const reference = report.reference!;
        let left = report.amount;
        for (const { invoice } of cases) {
          const share = Math.min(left, invoice.balance);
          if (share <= 0) continue;
          left -= share;
          outcomes.push(
            await applyInvoiceEvent(tx, this.clock.now(), (db) => this.policy(db), {
              invoiceId: invoice.id,
              eventKey: `agency-recovery:${handoff.id}:${reference}:${invoice.id}`,
              kind: 'agency_recovery',
              content: { invoiceId: invoice.id, amount: share },
              at: report.at,
              event: (date) => ({
                kind: 'agency_recovery',
                reference,
                amount: share,
                date,
                commissionPercent: agency.commissionPercent,
                commissionVatPercent: agency.commissionVatPercent,
              }),
              // Money received (through the agency): in the invoice's payments, with the report's reference.
              record: (db, applied, row) =>
                this.invoices.insertPayment(
                  {
                    invoiceId: row.id,
                    amount: share,
                    currency: row.currency,
                    receivedAt: report.at,
                    source: 'agency',
                    externalId: `agency:${handoff.id}:${reference}:${row.id}`,
                    allocated: applied.allocated,
                    excess: 0,
                  },
                  db,
                ),
              signal: (outcome) => ({ signal: 'payment', payload: signalPayload({ amount: share, reference }, outcome) }),
            }),
          );
        }
      }
      const updated = await handoffs.recordReport(handoff.id, report.amount, report.status, tx);
      for (const { invoice } of cases) {
        await ledger.appendTimeline(invoice.id, [
          {
            at: report.at.toISOString(),
            type: 'agency_update',
            status: 'with_agency',
            outcome: report.status,
            ...(report.amount > 0 ? { amount: report.amount } : {}),
            ...(report.note !== undefined ? { detail: report.note } : {}),
          },
        ]);
      }
      const snapshot = reportSnapshot(updated, await handoffs.invoicesOf(handoff.id, tx));
      if (claimId) await ledger.setEventResult(claimId, snapshot as unknown as Record<string, unknown>, tx);
      return { snapshot, outcomes, replayed: false };
    });
  }

  /**
   * The credit insurer's indemnity on a declaration (Code des assurances L121-1): 512 / 416 (or
   * 411), settled like a payment; the uninsured share stays owed. Once per declaration; above the
   * declaration's insured amount or the balance it is refused (422, `amount`). The declaration is
   * marked indemnified and the workflow told the balance, in the same transaction.
   */
  recordInsuranceIndemnity(request: { declarationId: string; amount: number; date: string; reference: string }): Promise<EventOutcome> {
    return this.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const insurance = new InsuranceRepository(tx);
      const declaration = await insurance.findDeclaration(request.declarationId, tx);
      if (!declaration) throw new ReceivableNotFound('declarationId', `declaration ${request.declarationId} not found`);
      const content = { invoiceId: declaration.invoiceId, amount: request.amount, reference: request.reference };
      const eventKey = `insurance-indemnity:${declaration.id}`;
      if (declaration.status !== 'declared' && declaration.status !== 'indemnified') {
        throw new ReceivableRefusal('conflict', 'declaration', `the declaration is ${declaration.status}: no indemnity can be recorded on it`);
      }
      if (request.amount > declaration.insuredAmount) {
        throw new ReceivableRefusal('invalid', 'amount', `more than the insured amount of the declaration (${declaration.insuredAmount} ${declaration.currency})`);
      }
      return applyInvoiceEvent(tx, this.clock.now(), (db) => this.policy(db), {
        invoiceId: declaration.invoiceId,
        eventKey,
        kind: 'insurance_indemnity',
        content,
        event: () => ({ kind: 'insurance_indemnity', reference: request.reference, amount: request.amount, date: request.date }),
        record: (db) => insurance.markIndemnified(declaration.id, { amount: request.amount, date: request.date }, db),
        signal: (outcome) => ({ signal: 'balanceChanged', payload: signalPayload({ detail: `credit insurance indemnity ${request.reference}` }, outcome) }),
      });
    });
  }

  /** Part of a customer's credit (4191) settles one of its invoices. */
  async allocateCredit(request: { customerId: string; invoiceId: string; amount: number; reference: string }): Promise<EventOutcome> {
    return this.run({
      invoiceId: request.invoiceId,
      eventKey: `credit-allocation:${request.reference}`,
      kind: 'credit_allocation',
      content: { invoiceId: request.invoiceId, amount: request.amount },
      event: (date) => ({ kind: 'credit_allocated', reference: request.reference, amount: request.amount, date }),
      record: async (tx, applied, row) => {
        if (row.customerId !== request.customerId) throw new ReceivableRefusal('invalid', 'invoiceId', 'the invoice is another customer’s');
        const credit = (await this.ledger.customerCredit(request.customerId, tx)).find((c) => c.currency === row.currency)?.amount ?? 0;
        // The allocation's own 4191 debit is already posted: the credit must not go below zero.
        if (credit < 0) throw new ReceivableRefusal('invalid', 'amount', `more than the customer’s credit (${credit + request.amount} ${row.currency})`);
        // Settled from the customer's credit: listed with the invoice's payments.
        await this.invoices.insertPayment(
          {
            invoiceId: row.id,
            amount: request.amount,
            currency: row.currency,
            receivedAt: this.clock.now(),
            source: 'customer_credit',
            externalId: `credit-allocation:${request.reference}`,
            allocated: applied.allocated,
            excess: 0,
          },
          tx,
        );
      },
      signal: (outcome) => ({ signal: 'balanceChanged', payload: signalPayload({ detail: `customer credit ${request.reference}` }, outcome) }),
    });
  }

  /** Money received from a customer that settles no invoice (yet): its credit (512 / 4191). */
  async recordCustomerPayment(request: { customerId: string; currency: string; amount: number; reference: string; receivedAt: Date }): Promise<{ replayed: boolean }> {
    return this.customerEvent(`payment:${request.reference}`, 'customer_payment', request, (date) =>
      paymentReceived({
        date,
        currency: request.currency,
        reference: request.reference,
        invoiceNumber: request.reference,
        allocated: 0,
        excess: request.amount,
        receivable: '411',
      }),
    );
  }

  /** A customer's credit paid back (4191 / 512). */
  async refundCredit(request: { customerId: string; currency: string; amount: number; reference: string }): Promise<{ replayed: boolean }> {
    return this.customerEvent(
      `refund:${request.reference}`,
      'credit_refund',
      request,
      (date) => creditRefunded({ date, currency: request.currency, reference: request.reference, amount: request.amount }),
      true,
    );
  }

  private async customerEvent(
    eventKey: string,
    kind: string,
    request: { customerId: string; currency: string; amount: number; reference: string },
    entry: (date: string) => import('@dunning/domain').JournalEntry,
    spendsCredit = false,
  ): Promise<{ replayed: boolean }> {
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) throw new ReceivableRefusal('invalid', 'amount', 'a positive integer amount of minor units');
    return this.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const content = { customerId: request.customerId, currency: request.currency, amount: request.amount };
      const claim = await this.ledger.claimEvent({ eventKey, kind, customerId: request.customerId, content }, tx);
      if (!claim.claimed) {
        if (claim.kind !== kind || !sameContent(claim.content, content))
          throw new ReceivableRefusal('conflict', 'reference', `${request.reference} was already used for another ${claim.kind.replace(/_/g, ' ')}`);
        return { replayed: true };
      }
      if (spendsCredit) {
        const credit = (await this.ledger.customerCredit(request.customerId, tx)).find((c) => c.currency === request.currency)?.amount ?? 0;
        if (request.amount > credit) throw new ReceivableRefusal('invalid', 'amount', `more than the customer’s credit (${credit} ${request.currency})`);
      }
      const customer = await new CustomersRepository(tx).findById(request.customerId);
      if (!customer) throw new ReceivableNotFound('customerId', `customer ${request.customerId} not found`);
      await this.ledger.post([{ entry: entry(localToday(this.clock.now(), customer.timeZone)), customerId: request.customerId, eventId: claim.id }], tx);
      return { replayed: false };
    });
  }

  /** Moves statuses that follow the calendar (due, overdue, a promise's end); returns how many changed. */
  refreshStatuses(now: Date = this.clock.now()): Promise<number> {
    return refreshDatedStatuses(this.db, now);
  }
}

/** An agency's report on a case (libs/domain AGENCY_REPORT_STATUSES); `amount`: minor units recovered since its last report. */
export interface AgencyReport {
  handoffId: string;
  status: AgencyReportStatus;
  amount: number;
  /** The agency's own id for the report: required with money, and then it is recorded once. */
  reference?: string;
  note?: string;
  at: Date;
}

type OnTheWire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** What a report left the case at, as JSON: stored with the report, so that the same report again answers it unchanged. */
export interface AgencyReportSnapshot {
  handoff: OnTheWire<Omit<HandoffRow, 'caseFile' | 'idempotencyKey'>>;
  /** Oldest due first. */
  invoices: Array<Pick<InvoiceRow, 'id' | 'number' | 'issueDate' | 'dueDate' | 'currency' | 'amount' | 'balance' | 'paidAmount' | 'status'>>;
}

function reportSnapshot(handoff: HandoffRow, cases: Array<{ invoice: InvoiceRow }>): AgencyReportSnapshot {
  const { caseFile: _caseFile, idempotencyKey: _key, ...row } = handoff;
  return {
    handoff: JSON.parse(JSON.stringify(row)) as AgencyReportSnapshot['handoff'],
    invoices: cases.map(({ invoice: i }) => ({
      id: i.id,
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      currency: i.currency,
      amount: i.amount,
      balance: i.balance,
      paidAmount: i.paidAmount,
      status: i.status,
    })),
  };
}
