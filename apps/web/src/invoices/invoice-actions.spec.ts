import { allowedActions } from './invoice-actions';

type Facts = Parameters<typeof allowedActions>[0];
const open: Facts = {
  amount: 120_000,
  balance: 120_000,
  currency: 'EUR',
  creditedAmount: 0,
  cancelledAt: null,
  writtenOffAt: null,
  withAgencyAt: null,
  disputedAt: null,
  pausedAt: null,
};
const allowed = (facts: Partial<Facts>, credit = [] as Array<{ currency: string; amount: number }>) =>
  Object.entries(allowedActions({ ...open, ...facts }, credit))
    .filter(([, reason]) => reason === null)
    .map(([action]) => action)
    .sort();

describe('the actions an invoice’s state allows', () => {
  it('offers every money and process action on an open invoice, but not resolve/resume/credit', () => {
    expect(allowed({})).toEqual(['cancel', 'creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']);
    expect(allowedActions(open).resolve).toBe('notDisputed');
    expect(allowedActions(open).applyCredit).toBe('noCredit');
  });

  it('takes no payment and no cancellation on a cancelled or written-off invoice', () => {
    for (const facts of [
      { cancelledAt: '2026-01-01T00:00:00Z', balance: 0 },
      { writtenOffAt: '2026-01-01T00:00:00Z', balance: 0 },
    ]) {
      expect(allowed(facts)).toEqual([]);
    }
    expect(allowedActions({ ...open, cancelledAt: 'x', balance: 0 }).payment).toBe('cancelled');
    expect(allowedActions({ ...open, writtenOffAt: 'x', balance: 0 }).payment).toBe('writtenOff');
  });

  it('cancels neither a paid invoice nor one with the agency', () => {
    expect(allowedActions({ ...open, balance: 0 }).cancel).toBe('paid');
    expect(allowedActions({ ...open, withAgencyAt: '2026-01-01T00:00:00Z' }).cancel).toBe('withAgency');
    // A paid invoice can still be credited (a refund owed to the customer becomes its credit).
    expect(allowed({ balance: 0 })).toEqual(['creditNote']);
  });

  it('opens one dispute at a time and resolves only an open one', () => {
    const disputed = allowedActions({ ...open, disputedAt: '2026-01-01T00:00:00Z' });
    expect(disputed.dispute).toBe('disputed');
    expect(disputed.resolve).toBeNull();
  });

  it('pauses a running invoice, resumes a paused one', () => {
    const paused = allowedActions({ ...open, pausedAt: '2026-01-01T00:00:00Z' });
    expect(paused.pause).toBe('paused');
    expect(paused.resume).toBeNull();
  });

  it('credits up to what was invoiced', () => {
    expect(allowedActions({ ...open, creditedAmount: 120_000, balance: 0, cancelledAt: null }).creditNote).toBe('fullyCredited');
  });

  it('applies the customer’s credit only in the invoice’s currency', () => {
    expect(allowedActions(open, [{ currency: 'USD', amount: 500 }]).applyCredit).toBe('noCredit');
    expect(allowedActions(open, [{ currency: 'EUR', amount: 500 }]).applyCredit).toBeNull();
    expect(allowedActions({ ...open, balance: 0 }, [{ currency: 'EUR', amount: 500 }]).applyCredit).toBe('paid');
  });
});
