import { applyToReceivable, issuedReceivable } from '../receivables';
import { autoDeclareFrom, claimDeadline, insuranceExposure, insuredAmount, threatDeadline } from './credit-insurance';

describe('credit insurance terms', () => {
  const terms = { coveragePercent: 90, threatDeclarationDays: 60, claimDeadlineDays: 150, autoDeclareDaysBefore: 10 };

  it('dates the threat from the due date, the claim from the threat, the automatic rule before the threat’s deadline', () => {
    expect(threatDeadline('2026-03-31', terms)).toBe('2026-05-30');
    expect(claimDeadline('2026-05-20', terms)).toBe('2026-10-17');
    expect(autoDeclareFrom('2026-03-31', terms)).toBe('2026-05-20');
    expect(autoDeclareFrom('2026-03-31', { ...terms, autoDeclareDaysBefore: null })).toBeUndefined();
    // Never before the day after the due date.
    expect(autoDeclareFrom('2026-03-31', { ...terms, autoDeclareDaysBefore: 90 })).toBe('2026-04-01');
  });

  it('covers the share of what is within the limit, less what other declarations already take', () => {
    expect(insuredAmount(1000_00, 5000_00, 90)).toBe(900_00);
    expect(insuredAmount(8000_00, 5000_00, 90)).toBe(4500_00);
    expect(insuredAmount(3000_00, 5000_00, 90, 4000_00)).toBe(500_00);
    expect(insuredAmount(1000_01, 5000_00, 85.5)).toBe(855_00);
    expect(insuranceExposure(8000_00, 5000_00, 90)).toEqual({ insured: 4500_00, uninsured: 3500_00 });
    expect(insuranceExposure(0, 5000_00, 90)).toEqual({ insured: 0, uninsured: 0 });
  });
});

describe('the insurer’s indemnity in the books', () => {
  const policy = { provisionRatePercent: 100, lateRates: [] };
  it('posts 512 / 416 for the insured share and leaves the rest owed; more than the balance is refused', () => {
    const issued = issuedReceivable({
      number: 'F-1',
      currency: 'EUR',
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      amount: 1200_00,
      vatAmount: 200_00,
      customerType: 'company',
    });
    const doubtful = applyToReceivable(issued, { kind: 'standing', reference: 's', date: '2026-03-01', status: 'doubtful' }, policy).receivable;
    const { receivable, entries } = applyToReceivable(doubtful, { kind: 'insurance_indemnity', reference: 'IND-1', amount: 1080_00, date: '2026-06-01' }, policy);
    expect(receivable.balance).toBe(120_00);
    const lines = entries[0]!.lines.map((l) => [l.account, l.debit, l.credit]);
    expect(lines).toEqual([
      ['512', 1080_00, 0],
      ['416', 0, 1080_00],
    ]);
    expect(() => applyToReceivable(receivable, { kind: 'insurance_indemnity', reference: 'IND-2', amount: 121_00, date: '2026-06-02' }, policy)).toThrow(/amount/);
  });
});
