import type { ReceivableStatus } from '@dunning/domain';
import { allowedActions, blockedKey, confirmationOf } from './invoice-actions';

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

  it('pauses nothing once the flow has finished, but resumes a paused one', () => {
    expect(allowedActions(open, [], { finished: true }).pause).toBe('flowFinished');
    expect(allowedActions({ ...open, pausedAt: 'x' }, [], { finished: true }).resume).toBeNull();
    expect(allowedActions(open, [], { finished: false }).pause).toBeNull();
    expect(blockedKey('flowFinished')).toBe('invoiceActions.blocked.flowFinished');
    expect(blockedKey('paid')).toBe('actions.blocked.paid');
  });

  // One representative invoice per status the books give, and what its page offers.
  const byStatus: Record<ReceivableStatus, [Partial<Facts>, string[]]> = {
    not_due: [{}, ['cancel', 'creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']],
    due: [{}, ['cancel', 'creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']],
    overdue: [{}, ['cancel', 'creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']],
    doubtful: [{}, ['cancel', 'creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']],
    irrecoverable: [{}, ['cancel', 'creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']],
    old: [{}, ['cancel', 'creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']],
    promised: [{}, ['cancel', 'creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']],
    // Disputed: resolve, not open again.
    disputed: [{ disputedAt: '2026-01-01T00:00:00Z' }, ['cancel', 'creditNote', 'pause', 'payment', 'promise', 'resolve', 'writeOff']],
    // With the agency: money still comes in, but it cannot be cancelled under the agency's feet.
    with_agency: [{ withAgencyAt: '2026-01-01T00:00:00Z' }, ['creditNote', 'dispute', 'pause', 'payment', 'promise', 'writeOff']],
    // Paid: only a credit note (a refund owed becomes the customer's credit).
    paid: [{ balance: 0 }, ['creditNote']],
    cancelled: [{ balance: 0, cancelledAt: '2026-01-01T00:00:00Z' }, []],
    written_off: [{ balance: 0, writtenOffAt: '2026-01-01T00:00:00Z' }, []],
  };
  it.each(Object.entries(byStatus))('offers on a %s invoice exactly what the books take', (_status, [facts, expected]) => {
    expect(allowed(facts)).toEqual(expected);
  });

  it('offers resume, not pause, on a paused invoice whatever its status', () => {
    expect(allowed({ pausedAt: '2026-01-01T00:00:00Z' })).toEqual(['cancel', 'creditNote', 'dispute', 'payment', 'promise', 'resume', 'writeOff']);
  });
});

describe('the confirmation that names an action’s effect', () => {
  const format = { money: (minor: number) => `${(minor / 100).toFixed(2)} €`, day: (date: string) => date.split('-').reverse().join('/') };
  const invoice = { number: 'F-2026-001', balance: 1200_00 };

  it('tells a partial payment from a full one and from one beyond what is owed', () => {
    expect(confirmationOf('payment', { amount: 500_00 }, invoice, format)).toEqual({
      key: 'partialPayment',
      values: { amount: '500.00 €', number: 'F-2026-001', left: '700.00 €' },
    });
    expect(confirmationOf('payment', { amount: 1200_00 }, invoice, format)).toEqual({ key: 'fullPayment', values: { amount: '1200.00 €', number: 'F-2026-001' } });
    expect(confirmationOf('payment', { amount: 1300_00 }, invoice, format).values.excess).toBe('100.00 €');
  });

  it('names the amount, the date, the reason or the resolution the person typed', () => {
    expect(confirmationOf('promise', { amount: 300_00, date: '2026-12-24' }, invoice, format)).toEqual({
      key: 'promise',
      values: { number: 'F-2026-001', amount: '300.00 €', date: '24/12/2026' },
    });
    expect(confirmationOf('creditNote', { amount: 100_00, number: 'AV-1' }, invoice, format).values).toEqual({ amount: '100.00 €', number: 'F-2026-001', note: 'AV-1' });
    expect(confirmationOf('cancel', {}, invoice, format).values.balance).toBe('1200.00 €');
    expect(confirmationOf('resolve', { resolution: 'credited' }, invoice, format).values.resolution).toBe('credited');
    expect(confirmationOf('dispute', { reason: 'wrong quantity' }, invoice, format).key).toBe('dispute');
    expect(confirmationOf('resume', {}, invoice, format)).toEqual({ key: 'resume', values: { number: 'F-2026-001' } });
  });
});
