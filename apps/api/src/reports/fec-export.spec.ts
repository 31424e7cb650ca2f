import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { CustomersRepository, InvoicesRepository, LedgerRepository } from '@dunning/db';
import { describeOnEveryDatabase } from '@dunning/db/src/testing/database-kinds';
import { ReceivablesService } from '@dunning/receivables';
import { BooksReportsService } from './books-reports.service';

/**
 * A month of a customer's account, scripted through the books, exported as the FEC and compared
 * with a file checked by hand against LPF art. A47 A-1 (18 columns in order, tab-separated, dates
 * YYYYMMDD, decimal commas, entries numbered per journal, the customer sub-account on 411 lines,
 * the first invoice lettered once paid): fixtures/scripted-month.fec.txt.
 */
describeOnEveryDatabase('the FEC export', (database) => {
  it('matches the hand-checked file for a scripted month', async () => {
    const { db } = database();
    let now = new Date('2026-03-02T10:00:00Z');
    const receivables = new ReceivablesService(db, { now: () => now });
    const customer = await new CustomersRepository(db).upsert({ reference: 'C-FEC', name: 'Boulangerie Martin' });
    const issue = (number: string, issueDate: string, amount: number, vatAmount: number) =>
      receivables.issue([
        { number, customerId: customer.id, issueDate, dueDate: '2026-04-30', amount, vatAmount, currency: 'EUR', timeZone: 'Europe/Paris', customerType: 'company' },
      ]);
    const [first] = await issue('F-2026-0301', '2026-03-02', 1200_00, 200_00);
    await receivables.recordPayment({ invoiceId: first!.id, amount: 500_00, reference: 'VIR-0310', receivedAt: new Date('2026-03-10T09:00:00Z'), source: 'bank' });
    now = new Date('2026-03-15T09:00:00Z');
    await receivables.recordCreditNote({ invoiceId: first!.id, number: 'AV-0315', amount: 120_00, reason: 'pain au chocolat manquant' });
    await issue('F-2026-0302', '2026-03-20', 600_00, 100_00);
    await receivables.recordPayment({ invoiceId: first!.id, amount: 580_00, reference: 'VIR-0331', receivedAt: new Date('2026-03-31T09:00:00Z'), source: 'bank' });
    expect((await new InvoicesRepository(db).findById(first!.id))?.status).toBe('paid');
    // Validated the day they were posted (the test posts them all today).
    await db.execute(sql`update journal_entries set created_at = entry_date::timestamptz`);

    const books = new BooksReportsService(new LedgerRepository(db), new InvoicesRepository(db), new CustomersRepository(db));
    const { text, excludedCurrencies } = await books.fec('2026-03-01', '2026-03-31');
    expect(excludedCurrencies).toEqual([]);
    const expected = readFileSync(path.join(__dirname, 'fixtures/scripted-month.fec.txt'), 'utf8');
    expect(text).toBe(expected);
    // As the file is served: ISO 8859-15, accents kept.
    expect(iconv.decode(iconv.encode(text, 'ISO-8859-15'), 'ISO-8859-15')).toBe(expected);
    const trial = await books.trialBalance('2026-03-31');
    expect(trial.totals).toEqual([{ currency: 'EUR', debit: 3000_00, credit: 3000_00, balanced: true }]);
    const aged = await books.agedBalance('2026-03-31');
    expect(aged.customers).toEqual([expect.objectContaining({ reference: 'C-FEC', total: 600_00, buckets: { not_due: 600_00, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 } })]);
  });
});
