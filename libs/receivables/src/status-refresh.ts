import { datePassed, localToday } from '@dunning/domain';
import { type Database, InvoicesRepository } from '@dunning/db';
import { refreshClaimAges } from './claim-limitation';
import { columnsOf, receivableOf } from './receivable-row';

const BATCH = 1000;

/**
 * Statuses that follow the calendar (not yet due → due → overdue; a promise past its date plus grace)
 * are moved when the date comes, by the same domain rule as every event (statusOf). A promise past
 * its end is closed as broken.
 */
export async function refreshDatedStatuses(db: Database, now: Date): Promise<number> {
  const invoices = new InvoicesRepository(db);
  // The latest local date on Earth (UTC+14): no invoice whose date has come anywhere is missed.
  const latestToday = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  let changed = 0;
  let after: string | undefined;
  for (;;) {
    const candidates = await invoices.datedStatusCandidates(latestToday, after, BATCH);
    // Then the claims near or past their limitation date: `old`, and the `claim_age` alert (claim-limitation.ts).
    if (candidates.length === 0) return changed + (await refreshClaimAges(db, now)).changed;
    after = candidates.at(-1)!.invoice.id;
    for (const { invoice: row, timeZone } of candidates) {
      const { receivable, status, promiseEnded } = datePassed(receivableOf(row, 'company'), localToday(now, timeZone));
      if (status === row.status && !promiseEnded) continue;
      await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Database;
        const repository = new InvoicesRepository(tx);
        if (promiseEnded) await repository.settlePromises(row.id, 'broken', tx);
        await repository.update(row.id, promiseEnded ? { ...columnsOf(receivable, row, now), status } : { status }, tx);
      });
      changed++;
    }
  }
}
