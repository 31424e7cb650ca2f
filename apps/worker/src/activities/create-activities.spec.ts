import { MemoryDunningStore } from '../adapters/memory/memory-dunning-store';
import { createActivities } from './create-activities';
import type { ActivityDependencies } from './ports';

describe('the status refresh activity', () => {
  const setUp = () => {
    const store = new MemoryDunningStore({ name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: [] }, new Map(), {
      now: () => new Date('2026-04-15T10:00:00Z'),
    });
    store.addInvoice({ invoiceId: 'inv-1', number: 'F-1', customerId: 'c-1', issueDate: '2026-04-01', dueDate: '2026-04-20', amount: 100_00, currency: 'EUR' });
    return { store, activities: createActivities({ store } as unknown as ActivityDependencies) };
  };
  const status = async (store: MemoryDunningStore) => (await store.invoiceStates(['inv-1']))[0]?.status;

  it('moves the statuses as of the instant the workflow gives, when it is ahead of this clock (time skipping)', async () => {
    const { store, activities } = setUp();
    const ahead = new Date(Date.now() + 400 * 86_400_000).toISOString();
    expect(await activities.refreshReceivableStatuses({ at: ahead })).toEqual({ changed: 1 });
    expect(await status(store)).toBe('overdue');
  });

  it('never refreshes as of a past instant: a late attempt uses its own clock', async () => {
    const { store, activities } = setUp();
    // 2026-04-19 in Paris would leave it not due; the attempt runs later than that.
    expect(await activities.refreshReceivableStatuses({ at: '2026-04-19T10:00:00.000Z' })).toEqual({ changed: 1 });
    expect(await status(store)).toBe('overdue');
  });
});
