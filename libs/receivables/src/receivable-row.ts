import type { Receivable } from '@dunning/domain';
import type { InvoiceRow, NewInvoice } from '@dunning/db';

/** The invoices table's columns ↔ the domain's Receivable: the books' facts, nothing else. */
export function receivableOf(row: InvoiceRow, customerType: string): Receivable {
  return {
    number: row.number,
    currency: row.currency,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    amount: row.amount,
    vatAmount: row.vatAmount,
    customerType: customerType === 'person' ? 'person' : 'company',
    balance: row.balance,
    interestBalance: row.interestBalance,
    indemnityBalance: row.indemnityBalance,
    paid: row.paidAmount,
    credited: row.creditedAmount,
    impairment: row.impairment,
    interestChargedThrough: row.interestChargedThrough ?? undefined,
    indemnityCharged: row.indemnityCharged,
    lateInterestRatePercent: row.lateInterestRatePercent ?? undefined,
    cancelled: row.cancelledAt !== null,
    writtenOff: row.writtenOffAt !== null,
    withAgency: row.withAgencyAt !== null,
    irrecoverable: row.irrecoverableAt !== null,
    doubtful: row.doubtfulAt !== null,
    disputed: row.disputedAt !== null,
    promisedUntil: row.promisedUntil ?? undefined,
    promise: row.promisedAmount !== null && row.balanceWhenPromised !== null ? { amount: row.promisedAmount, balanceWhenPromised: row.balanceWhenPromised } : undefined,
    // Past it the status is `old` (créance ancienne); written by claim-limitation.ts only, never by columnsOf.
    limitationDate: row.limitationDate ?? undefined,
    revision: row.revision,
  };
}

/** Keeps the instant a flag was first raised; clears it when the flag drops. */
const since = (flag: boolean, previous: Date | null, now: Date) => (flag ? (previous ?? now) : null);

export function columnsOf(receivable: Receivable, row: InvoiceRow, now: Date): Partial<NewInvoice> {
  return {
    amount: receivable.amount,
    vatAmount: receivable.vatAmount,
    dueDate: receivable.dueDate,
    balance: receivable.balance,
    interestBalance: receivable.interestBalance,
    indemnityBalance: receivable.indemnityBalance,
    paidAmount: receivable.paid,
    creditedAmount: receivable.credited,
    impairment: receivable.impairment,
    interestChargedThrough: receivable.interestChargedThrough ?? null,
    indemnityCharged: receivable.indemnityCharged,
    cancelledAt: since(receivable.cancelled, row.cancelledAt, now),
    writtenOffAt: since(receivable.writtenOff, row.writtenOffAt, now),
    withAgencyAt: since(receivable.withAgency, row.withAgencyAt, now),
    irrecoverableAt: since(receivable.irrecoverable, row.irrecoverableAt, now),
    doubtfulAt: since(receivable.doubtful, row.doubtfulAt, now),
    disputedAt: since(receivable.disputed, row.disputedAt, now),
    promisedUntil: receivable.promisedUntil ?? null,
    promisedAmount: receivable.promise?.amount ?? null,
    balanceWhenPromised: receivable.promise?.balanceWhenPromised ?? null,
    revision: receivable.revision,
  };
}
