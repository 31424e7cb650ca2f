import { LIMITATION_PERIODS, localToday, receivableStatus } from '@dunning/domain';
import type { MemoryDunningStore } from './memory-dunning-store';

/** The alert window when none is set (the admin's `claimLimitation.alertDays`). */
export const MEMORY_CLAIM_ALERT_DAYS = 90;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * The database's daily claim-age pass (libs/receivables claim-limitation.ts) in memory: an open
 * claim past its limitation date becomes `old`; one within the alert window of it gets its
 * `claim_age` entry, once per invoice and date (an entry for an earlier date, which an interruption
 * pushed back, is dropped as resolved). Returns the statuses it moved.
 */
export function refreshMemoryClaimAges(store: MemoryDunningStore, at: string, alertDays = MEMORY_CLAIM_ALERT_DAYS): number {
  let changed = 0;
  for (const invoice of store.invoices.values()) {
    const r = invoice.receivable;
    if (r.balance <= 0 || r.cancelled || r.writtenOff) {
      // No claim any more: its alert is resolved (dropped), as the database store resolves it.
      for (const [dedupeKey, exception] of store.exceptions) if (exception.kind === 'claim_age' && exception.invoiceId === invoice.invoiceId) store.exceptions.delete(dedupeKey);
      continue;
    }
    if (!r.limitationDate) continue;
    const today = localToday(at, invoice.timeZone);
    const status = receivableStatus(r, today);
    if (status !== invoice.status) {
      invoice.status = status;
      changed++;
    }
    const key = `claim-age:${invoice.invoiceId}:${r.limitationDate}`;
    for (const [dedupeKey, exception] of store.exceptions)
      if (exception.kind === 'claim_age' && exception.invoiceId === invoice.invoiceId && dedupeKey !== key) store.exceptions.delete(dedupeKey);
    const daysLeft = dayNumber(r.limitationDate) - dayNumber(today);
    if (daysLeft > alertDays || store.exceptions.has(key)) continue;
    const article = LIMITATION_PERIODS[r.customerType].article;
    const en =
      daysLeft < 0
        ? `Claim ${r.number} has been time-barred since ${r.limitationDate} (${article}): an old claim.`
        : `Claim ${r.number} is time-barred after ${r.limitationDate} (${article}): file in court, obtain an acknowledgement of debt, or write it off.`;
    const fr =
      daysLeft < 0
        ? `Créance ${r.number} prescrite depuis le ${r.limitationDate} (${article}) : créance ancienne.`
        : `Créance ${r.number} prescrite après le ${r.limitationDate} (${article}) : agissez en justice, obtenez une reconnaissance de dette ou passez-la en perte.`;
    store.exceptions.set(key, {
      kind: 'claim_age',
      dedupeKey: key,
      message: en,
      invoiceId: invoice.invoiceId,
      customerId: invoice.customerId,
      detail: { limitationDate: r.limitationDate, daysLeft, state: daysLeft <= 0 ? 'old' : 'alert', article, message: { fr, en } },
      occurrences: 1,
    });
  }
  return changed;
}
