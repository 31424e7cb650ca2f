import { ClaimInterruptionsRepository, CustomersRepository, type DatabaseHandle, ExceptionsRepository, InvoicesRepository, SettingsRepository } from '@dunning/db';
import { ReceivableRefusal } from '@dunning/domain';
import { CLAIM_LIMITATION_SETTING } from './claim-limitation';
import { ReceivablesService } from './receivables.service';
import { refreshDatedStatuses } from './status-refresh';

/**
 * The claim-age cases of the receivables service, run by receivables.service.spec.ts on every
 * database (one start of each): the limitation date stored at issue, moved by a new due date, a
 * partial payment and a recorded interruption; `old` past it; the `claim_age` alert and its end.
 */
export function claimLimitationCases(database: () => DatabaseHandle): void {
  describe('claim limitation (prescription)', () => {
    const now = new Date('2026-04-15T10:00:00Z');
    const service = () => new ReceivablesService(database().db, { now: () => now });
    let seq = 0;
    const customer = async (customerType: 'company' | 'person') =>
      (await new CustomersRepository(database().db).upsert({ reference: `C-LIM-${customerType}-${++seq}`, name: 'Client', customerType })).id;
    const issue = async (dueDate: string, customerType: 'company' | 'person' = 'company') => {
      const [row] = await service().issue([
        {
          number: `LIM-${++seq}`,
          customerId: await customer(customerType),
          issueDate: dueDate < '2026-03-01' ? dueDate : '2026-03-01',
          dueDate,
          amount: 1000_00,
          vatAmount: 0,
          currency: 'EUR',
          timeZone: 'Europe/Paris',
          customerType,
        },
      ]);
      return row!;
    };
    const fresh = async (id: string) => (await new InvoicesRepository(database().db).findById(id))!;
    const openAlerts = async (invoiceId: string) =>
      (await new ExceptionsRepository(database().db).forInvoice(invoiceId)).filter((e) => e.kind === 'claim_age' && e.status === 'open');

    it('stores due date + 5 years between traders (L110-4), + 2 for a consumer (L218-2), and moves it with the due date', async () => {
      const trader = await issue('2026-03-31');
      expect(trader.limitationDate).toBe('2031-03-31');
      expect((await issue('2026-03-31', 'person')).limitationDate).toBe('2028-03-31');
      await service().change({ invoiceId: trader.id, key: `due-${trader.id}`, dueDate: '2026-04-30' });
      expect((await fresh(trader.id)).limitationDate).toBe('2031-04-30');
    });

    it('restarts the period at a partial payment (Code civil 2240), recorded as an interruption under the payment’s reference', async () => {
      const invoice = await issue('2026-03-31');
      await service().recordPayment({ invoiceId: invoice.id, amount: 100_00, reference: `PP-${invoice.id}`, receivedAt: now, source: 'api' });
      expect((await fresh(invoice.id)).limitationDate).toBe('2031-04-15');
      expect(await new ClaimInterruptionsRepository(database().db).forInvoice(invoice.id)).toEqual([
        expect.objectContaining({ kind: 'partial_payment', date: '2026-04-15', reference: `PP-${invoice.id}` }),
      ]);
    });

    it('records an interruption once per reference, refuses a future date and the same reference on another date', async () => {
      const invoice = await issue('2026-03-31');
      const first = await service().recordInterruption(invoice.id, { kind: 'acknowledgement', date: '2026-04-10', reference: 'RD-7' });
      expect(first).toMatchObject({ replayed: false, age: { limitationDate: '2031-04-10', interruptedBy: { kind: 'acknowledgement', article: 'Code civil, art. 2240' } } });
      expect(await service().recordInterruption(invoice.id, { kind: 'acknowledgement', date: '2026-04-10', reference: 'RD-7' })).toMatchObject({ replayed: true });
      await expect(service().recordInterruption(invoice.id, { kind: 'acknowledgement', date: '2026-04-11', reference: 'RD-7' })).rejects.toMatchObject({ code: 'conflict' });
      await expect(service().recordInterruption(invoice.id, { kind: 'payment_plan_signed', date: '2026-04-16', reference: 'EC-1', notInFuture: true })).rejects.toThrow(
        ReceivableRefusal,
      );
      expect((await fresh(invoice.id)).limitationDate).toBe('2031-04-10');
    });

    it('is `old` past its date; the daily refresh raises the claim-age alert within 90 days, once; an acknowledgement resolves it', async () => {
      const barred = await issue('2021-04-01');
      expect(barred.status).toBe('old');
      const nearing = await issue('2021-06-01');
      expect(nearing.status).toBe('overdue');
      await refreshDatedStatuses(database().db, now);
      await refreshDatedStatuses(database().db, now);
      const alerts = await openAlerts(nearing.id);
      expect(alerts).toEqual([expect.objectContaining({ dedupeKey: `claim-age:${nearing.id}:2026-06-01`, occurrences: 1 })]);
      expect(alerts[0]!.message).toContain('time-barred after 2026-06-01 (Code de commerce, art. L110-4)');
      await service().recordInterruption(nearing.id, { kind: 'acknowledgement', date: '2026-04-14', reference: 'RD-8' });
      expect(await openAlerts(nearing.id)).toEqual([]);
      expect((await fresh(nearing.id)).limitationDate).toBe('2031-04-14');
      // The old claim's alert ends when it is paid after all.
      expect(await openAlerts(barred.id)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ state: 'old' }) })]);
      await service().recordPayment({ invoiceId: barred.id, amount: 1000_00, reference: `PAY-${barred.id}`, receivedAt: now, source: 'api' });
      await refreshDatedStatuses(database().db, now);
      expect(await openAlerts(barred.id)).toEqual([]);
    });

    it('takes the admin’s periods (Code civil 2254: 1 to 10 years)', async () => {
      await new SettingsRepository(database().db).set({ [CLAIM_LIMITATION_SETTING]: { companyYears: 5, personYears: 3, alertDays: 90 } });
      try {
        expect((await issue('2026-03-31', 'person')).limitationDate).toBe('2029-03-31');
      } finally {
        await new SettingsRepository(database().db).set({ [CLAIM_LIMITATION_SETTING]: null });
      }
    });
  });
}
