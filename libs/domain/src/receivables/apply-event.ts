import type { FlowSetStatus } from '../receivable-status';
import { promisedThrough } from '../receivable-status';
import type { JournalEntry } from '../accounting/journal-entry';
import {
  agencyRecovery,
  creditAllocated,
  creditNoteIssued,
  feesCancelled,
  feesCharged,
  impairmentAdjusted,
  invoiceIssued,
  legalCostsPaid,
  paymentReceived,
  receivableTransferred,
  insuranceIndemnityReceived,
  recoveredAfterWriteOff,
  writtenOff,
} from '../accounting/postings';
import { impairmentTarget, vatShare } from '../accounting/vat';
import { type HalfYearRate, RECOVERY_INDEMNITY, lateInterestByHalfYear } from '../late-fees';
import { type AppliedEvent, type Receivable, ReceivableRefusal, accountOf, feesOf, isClosed, principalOf } from './receivable';

/** What the admin decides for every receivable (settings). */
export interface ReceivablePolicy {
  /** The provision on a doubtful receivable, percent of what is owed before VAT. */
  provisionRatePercent: number;
  /** ECB rates by half-year (legal late interest = rate + 10 points). */
  lateRates: readonly HalfYearRate[];
}

/** Every event that changes what an invoice owes, or where it stands. Dates are local dates. */
export type ReceivableEvent =
  | { kind: 'payment'; reference: string; amount: number; date: string }
  | { kind: 'agency_recovery'; reference: string; amount: number; date: string; commissionPercent: number; commissionVatPercent: number }
  | { kind: 'credit_allocated'; reference: string; amount: number; date: string }
  | { kind: 'credit_note'; number: string; amount: number; date: string }
  | { kind: 'cancel'; reference: string; date: string }
  | { kind: 'fees'; reference: string; date: string; indemnity: boolean; contractualRatePercent?: number }
  | { kind: 'standing'; reference: string; date: string; status: FlowSetStatus }
  | { kind: 'dispute_opened'; reference: string; date: string }
  | { kind: 'dispute_resolved'; reference: string; date: string }
  | { kind: 'promise'; date: string; promisedDate: string; amount: number }
  | { kind: 'promise_expired'; date: string }
  | { kind: 'change'; reference: string; date: string; amount?: number; dueDate?: string }
  /** The credit insurer's indemnity on a declared claim: settles like a payment; the uninsured share stays owed. */
  | { kind: 'insurance_indemnity'; reference: string; amount: number; date: string }
  /** A legal fee the creditor paid for the recovery (6227 / 512): what the debtor owes does not change. */
  | { kind: 'legal_costs'; reference: string; date: string; amount: number; label: string };

const refuse = (code: 'conflict' | 'invalid', field: string, message: string) => new ReceivableRefusal(code, field, message);

function positive(field: string, amount: number): number {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw refuse('invalid', field, 'a positive integer amount of minor units');
  return amount;
}

/**
 * Settles `amount` of what is owed: late interest first, then the indemnity, then the invoice itself
 * (Code civil art. 1343-1: a payment goes to interest before capital).
 */
function settle(receivable: Receivable, amount: number): Receivable {
  const interest = Math.min(amount, receivable.interestBalance);
  const indemnity = Math.min(amount - interest, receivable.indemnityBalance);
  return {
    ...receivable,
    balance: receivable.balance - amount,
    interestBalance: receivable.interestBalance - interest,
    indemnityBalance: receivable.indemnityBalance - indemnity,
  };
}

/** A pending promise is kept once what is owed has dropped by the promised amount. */
function checkPromise(receivable: Receivable): Receivable {
  const promise = receivable.promise;
  if (!promise || promise.balanceWhenPromised - receivable.balance < promise.amount) return receivable;
  return { ...receivable, promise: undefined, promisedUntil: undefined };
}

function closedRefusal(receivable: Receivable): ReceivableRefusal | undefined {
  if (receivable.cancelled) return refuse('conflict', 'invoice', 'the invoice is cancelled');
  if (receivable.writtenOff) return refuse('conflict', 'invoice', 'the invoice was written off');
  if (receivable.balance <= 0) return refuse('conflict', 'invoice', 'nothing is owed on this invoice');
  return undefined;
}

/**
 * What an event does to a receivable and its books: the new receivable and the balanced journal
 * entries (French chart of accounts), or a refusal. Pure: the receivables service runs it in a
 * transaction on the database, the tests' memory store on its map, so both obey the same rules.
 * After the event, the receivable is moved between 411 and 416 when it became (or stopped being)
 * doubtful or disputed, and its provision is brought to the policy's rate on its amount before VAT.
 */
export function applyToReceivable(before: Receivable, event: ReceivableEvent, policy: ReceivablePolicy): AppliedEvent {
  const entries: JournalEntry[] = [];
  const base = { date: event.date, currency: before.currency, invoiceNumber: before.number };
  const account = accountOf(before);
  let after: Receivable = before;
  let allocated = 0;
  let excess = 0;

  switch (event.kind) {
    case 'payment': {
      const amount = positive('amount', event.amount);
      if (before.cancelled) throw refuse('conflict', 'invoice', 'the invoice is cancelled: no payment can be recorded on it');
      if (before.writtenOff) {
        // Money on a receivable already written off is income, the receivable stays closed.
        entries.push(recoveredAfterWriteOff({ ...base, reference: event.reference, amount }));
        allocated = amount;
        break;
      }
      if (before.balance <= 0) throw refuse('conflict', 'invoice', 'the invoice is already paid: record the money as a payment to the customer’s account');
      allocated = Math.min(amount, before.balance);
      excess = amount - allocated;
      entries.push(paymentReceived({ ...base, reference: event.reference, allocated, excess, receivable: account }));
      after = checkPromise({ ...settle(before, allocated), paid: before.paid + allocated });
      break;
    }
    case 'agency_recovery': {
      const amount = positive('amount', event.amount);
      const closed = closedRefusal(before);
      if (closed) throw closed;
      if (amount > before.balance) throw refuse('invalid', 'recoveredAmount', `more than is owed on ${before.number} (${before.balance})`);
      const commissionNet = Math.round((amount * event.commissionPercent) / 100);
      const commissionVat = Math.round((commissionNet * event.commissionVatPercent) / 100);
      entries.push(agencyRecovery({ ...base, reference: event.reference, amount, commissionNet, commissionVat, receivable: account }));
      allocated = amount;
      after = checkPromise({ ...settle(before, amount), paid: before.paid + amount });
      break;
    }
    case 'insurance_indemnity': {
      // Code des assurances L121-1: the insurer pays its share of the loss; it is subrogated up to it (L121-12).
      const amount = positive('amount', event.amount);
      if (before.cancelled) throw refuse('conflict', 'invoice', 'the invoice is cancelled');
      if (before.writtenOff) {
        entries.push(insuranceIndemnityReceived({ ...base, reference: event.reference, amount, receivable: 'income' }));
        allocated = amount;
        break;
      }
      if (before.balance <= 0) throw refuse('conflict', 'invoice', 'nothing is owed on this invoice');
      if (amount > before.balance) throw refuse('invalid', 'amount', `more than is owed on ${before.number} (${before.balance})`);
      entries.push(insuranceIndemnityReceived({ ...base, reference: event.reference, amount, receivable: account }));
      allocated = amount;
      after = { ...settle(before, amount), paid: before.paid + amount };
      break;
    }
    case 'credit_allocated': {
      const amount = positive('amount', event.amount);
      const closed = closedRefusal(before);
      if (closed) throw closed;
      if (amount > before.balance) throw refuse('invalid', 'amount', `more than is owed on ${before.number} (${before.balance})`);
      entries.push(creditAllocated({ ...base, reference: event.reference, amount, receivable: account }));
      allocated = amount;
      after = checkPromise({ ...settle(before, amount), paid: before.paid + amount });
      break;
    }
    case 'credit_note': {
      const amount = positive('amount', event.amount);
      if (before.cancelled) throw refuse('conflict', 'invoice', 'the invoice is cancelled');
      if (before.writtenOff) throw refuse('conflict', 'invoice', 'the invoice was written off');
      if (before.credited + amount > before.amount) {
        throw refuse('invalid', 'amount', `a credit note cannot exceed what was invoiced: ${before.amount - before.credited} left to credit on ${before.number}`);
      }
      const principal = principalOf(before);
      allocated = Math.min(amount, principal);
      excess = amount - allocated;
      const vat = vatShare(amount, before.amount, before.vatAmount);
      entries.push(creditNoteIssued({ ...base, number: event.number, net: amount - vat, vat, allocated, excess, receivable: account }));
      const credited = { ...before, balance: before.balance - allocated, credited: before.credited + amount };
      // Credited in full before anything was paid: the invoice is cancelled, not paid.
      after = checkPromise({ ...credited, cancelled: credited.balance === 0 && before.paid === 0 });
      break;
    }
    case 'cancel': {
      if (before.withAgency) throw refuse('conflict', 'invoice', 'the case is with a collections agency: recall it before cancelling');
      const closed = closedRefusal(before);
      if (closed)
        throw closed.code === 'conflict' && before.balance <= 0 && !before.cancelled ? refuse('conflict', 'invoice', 'the invoice is paid: issue a credit note instead') : closed;
      const principal = principalOf(before);
      if (principal > 0) {
        const vat = vatShare(principal, before.amount, before.vatAmount);
        entries.push(creditNoteIssued({ ...base, number: event.reference, net: principal - vat, vat, allocated: principal, excess: 0, receivable: account }));
      }
      if (feesOf(before) > 0) {
        entries.push(feesCancelled({ ...base, reference: event.reference, indemnity: before.indemnityBalance, interest: before.interestBalance, receivable: account }));
      }
      after = {
        ...before,
        balance: 0,
        interestBalance: 0,
        indemnityBalance: 0,
        credited: before.credited + principal,
        cancelled: true,
        promise: undefined,
        promisedUntil: undefined,
      };
      break;
    }
    case 'fees': {
      if (isClosed(before)) break;
      const indemnity =
        event.indemnity && !before.indemnityCharged && before.customerType === 'company' && before.currency === RECOVERY_INDEMNITY.currency ? RECOVERY_INDEMNITY.amount : 0;
      const from = before.interestChargedThrough && before.interestChargedThrough > before.dueDate ? before.interestChargedThrough : before.dueDate;
      const rate = event.contractualRatePercent ?? before.lateInterestRatePercent;
      const interest =
        event.date > from
          ? lateInterestByHalfYear({ amount: principalOf(before), currency: before.currency }, from, event.date, { contractualRatePercent: rate, table: policy.lateRates }).interest
              .amount
          : 0;
      after = { ...before, indemnityCharged: before.indemnityCharged || indemnity > 0, interestChargedThrough: event.date > from ? event.date : before.interestChargedThrough };
      if (indemnity + interest > 0) {
        entries.push(feesCharged({ ...base, reference: event.reference, indemnity, interest, receivable: account }));
        after = {
          ...after,
          balance: after.balance + indemnity + interest,
          indemnityBalance: after.indemnityBalance + indemnity,
          interestBalance: after.interestBalance + interest,
        };
      }
      break;
    }
    case 'standing': {
      if (isClosed(before)) break;
      if (event.status === 'doubtful') after = { ...before, doubtful: true };
      if (event.status === 'irrecoverable') after = { ...before, irrecoverable: true };
      if (event.status === 'with_agency') after = { ...before, withAgency: true };
      if (event.status === 'written_off') {
        const principal = principalOf(before);
        const vat = vatShare(principal, before.amount, before.vatAmount);
        entries.push(writtenOff({ ...base, reference: event.reference, net: before.balance - vat, vat, receivable: account }));
        after = { ...before, balance: 0, interestBalance: 0, indemnityBalance: 0, writtenOff: true, promise: undefined, promisedUntil: undefined };
      }
      break;
    }
    case 'dispute_opened': {
      const closed = closedRefusal(before);
      if (closed) throw closed;
      if (before.disputed) throw refuse('conflict', 'invoice', 'a dispute is already open on this invoice');
      after = { ...before, disputed: true };
      break;
    }
    case 'dispute_resolved':
      if (!before.disputed) throw refuse('conflict', 'invoice', 'no dispute is open on this invoice');
      after = { ...before, disputed: false };
      break;
    case 'promise': {
      const closed = closedRefusal(before);
      if (closed) throw closed;
      const amount = positive('amount', event.amount);
      if (event.promisedDate < event.date) throw refuse('invalid', 'date', `a promise to pay is dated today or later (${event.promisedDate} is past)`);
      if (amount > before.balance) throw refuse('invalid', 'amount', `more than is owed on ${before.number} (${before.balance})`);
      after = { ...before, promisedUntil: promisedThrough(event.promisedDate), promise: { amount, balanceWhenPromised: before.balance } };
      break;
    }
    case 'legal_costs':
      entries.push(legalCostsPaid({ ...base, reference: event.reference, amount: positive('amount', event.amount), label: event.label }));
      break;
    case 'promise_expired':
      if (before.promisedUntil && before.promisedUntil < event.date) after = { ...before, promise: undefined, promisedUntil: undefined };
      break;
    case 'change': {
      const closed = closedRefusal(before);
      if (closed) throw closed;
      const dueDate = event.dueDate ?? before.dueDate;
      if (dueDate < before.issueDate) throw refuse('invalid', 'dueDate', `the due date ${dueDate} is before the issue date ${before.issueDate}`);
      after = { ...before, dueDate };
      if (event.amount !== undefined && event.amount !== before.amount) {
        const amount = positive('amount', event.amount);
        const settled = before.amount - principalOf(before);
        if (amount <= settled) throw refuse('invalid', 'amount', `must stay above what was already paid or credited on ${before.number} (${settled})`);
        const vatAmount = vatShare(amount, before.amount, before.vatAmount);
        const delta = amount - before.amount;
        const vatDelta = vatAmount - before.vatAmount;
        if (delta > 0) {
          entries.push(invoiceIssued({ ...base, number: event.reference, total: delta, vat: Math.max(0, vatDelta) }));
          if (account === '416') entries.push(receivableTransferred({ ...base, reference: event.reference, amount: delta, from: '411', to: '416' }));
        } else {
          const vat = Math.max(0, -vatDelta);
          entries.push(creditNoteIssued({ ...base, number: event.reference, net: -delta - vat, vat, allocated: -delta, excess: 0, receivable: account }));
        }
        after = { ...after, amount, vatAmount, balance: before.balance + delta };
      }
      break;
    }
  }

  const reference = 'reference' in event ? event.reference : 'number' in event ? event.number : `${event.kind}:${event.date}`;
  entries.push(...rebalance(before, after, policy, { ...base, reference }));
  return { receivable: { ...after, revision: before.revision + 1 }, entries, allocated, excess };
}

/** The transfer between 411 and 416, and the provision change, that follow from the event. */
function rebalance(
  before: Receivable,
  after: Receivable,
  policy: ReceivablePolicy,
  base: { date: string; currency: string; invoiceNumber: string; reference: string },
): JournalEntry[] {
  const entries: JournalEntry[] = [];
  const from = accountOf(before);
  const to = accountOf(after);
  if (from !== to && after.balance > 0) entries.push(receivableTransferred({ ...base, amount: after.balance, from, to }));
  const target =
    after.doubtful && !isClosed(after)
      ? impairmentTarget({
          principalOutstanding: principalOf(after),
          invoiceTotal: after.amount,
          invoiceVat: after.vatAmount,
          feesOutstanding: feesOf(after),
          ratePercent: policy.provisionRatePercent,
        })
      : 0;
  const adjustment = impairmentAdjusted({ ...base, delta: target - before.impairment });
  if (adjustment) entries.push(adjustment);
  after.impairment = target;
  return entries;
}
