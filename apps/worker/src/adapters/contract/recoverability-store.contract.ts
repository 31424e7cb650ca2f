import { checkRecoverability } from '@dunning/domain';
import type { RecoverabilityStore } from '../../activities/recoverability';

/**
 * How a test sets up a recoverability store: the same assertions run on the memory store (the
 * tests' double) and the database store, so the double cannot drift from what production reads.
 */
export interface RecoverabilityFixture {
  store: RecoverabilityStore;
  invoice(options: { amount: number; dueDate: string; customerType?: 'company' | 'person' }): Promise<string>;
  attachDocument(invoiceId: string): Promise<void>;
  setReference(invoiceId: string, reference: string | null): Promise<void>;
  openDispute(invoiceId: string): Promise<void>;
}

const UNKNOWN_INVOICE = '00000000-0000-4000-8000-000000000000';

export function recoverabilityStoreContract(name: string, fixture: () => RecoverabilityFixture): void {
  describe(`${name}: the recoverability store contract`, () => {
    it('reads the books: balance, due date, no dispute, the limitation date of a trader’s claim (L110-4: 5 years)', async () => {
      const { store, invoice } = fixture();
      const invoiceId = await invoice({ amount: 1200_00, dueDate: '2026-03-31' });
      const facts = await store.recoverabilityFacts(invoiceId, '2026-04-15');
      expect(facts).toEqual({
        supportingDocuments: 0,
        supportingReference: null,
        balance: 1200_00,
        dueDate: '2026-03-31',
        today: '2026-04-15',
        disputed: false,
        limitationDate: '2031-03-31',
      });
      // Without an order, a signed quote or a delivery note the claim is not certain (Code civil 1353).
      expect(checkRecoverability(facts!).missing.map((m) => m.requirement)).toEqual(['certain']);
      expect(await store.recoverabilityFacts(UNKNOWN_INVOICE, '2026-04-15')).toBeUndefined();
    });

    it('counts the supporting documents attached, and the reference typed in until it is cleared', async () => {
      const { store, invoice, attachDocument, setReference } = fixture();
      const documented = await invoice({ amount: 500_00, dueDate: '2026-03-31' });
      await attachDocument(documented);
      const facts = await store.recoverabilityFacts(documented, '2026-04-15');
      expect(facts?.supportingDocuments).toBe(1);
      expect(checkRecoverability(facts!).recoverable).toBe(true);

      const referenced = await invoice({ amount: 500_00, dueDate: '2026-03-31' });
      await setReference(referenced, 'BC-2026-114');
      expect(await store.recoverabilityFacts(referenced, '2026-04-15')).toMatchObject({ supportingDocuments: 0, supportingReference: 'BC-2026-114' });
      await setReference(referenced, null);
      expect((await store.recoverabilityFacts(referenced, '2026-04-15'))?.supportingReference ?? null).toBeNull();
    });

    it('sees an open dispute (not due), and a consumer’s claim limited to 2 years (L218-2)', async () => {
      const { store, invoice, attachDocument, openDispute } = fixture();
      const disputed = await invoice({ amount: 300_00, dueDate: '2026-03-31' });
      await attachDocument(disputed);
      await openDispute(disputed);
      const facts = await store.recoverabilityFacts(disputed, '2026-04-15');
      expect(facts?.disputed).toBe(true);
      expect(checkRecoverability(facts!).missing.map((m) => m.requirement)).toEqual(['due']);

      const consumer = await invoice({ amount: 80_00, dueDate: '2026-03-31', customerType: 'person' });
      expect((await store.recoverabilityFacts(consumer, '2026-04-15'))?.limitationDate).toBe('2028-03-31');
    });
  });
}
