import { ACCOUNTS, accountLabel, assertBalanced, formatFec, legalCostsPaid } from '../accounting';
import { ECB_REFINANCING_RATES } from '../late-fees';
import { applyToReceivable, issuedReceivable } from '../receivables';
import { LEGAL_CASE_FIRST_STAGE, LEGAL_CASE_OUTCOMES, checkLegalCaseMove, nextLegalCaseStages, oppositionPeriodEnd } from './legal-cases';

describe('court case stages', () => {
  it('moves a simplified procedure from the request to the debtor’s answer (CPCE L125-1)', () => {
    expect(LEGAL_CASE_FIRST_STAGE.simplified_procedure).toBe('requested');
    expect(nextLegalCaseStages('simplified_procedure', 'requested')).toEqual(['accepted', 'refused', 'no_answer']);
    expect(checkLegalCaseMove('simplified_procedure', 'requested', 'accepted')).toEqual({ allowed: true });
    expect(checkLegalCaseMove('simplified_procedure', 'requested', 'filed')).toEqual({
      allowed: false,
      message: 'filed cannot follow requested on a simplified procedure (expected accepted or refused or no_answer)',
    });
    expect(checkLegalCaseMove('simplified_procedure', 'accepted', 'refused').allowed).toBe(false);
  });

  it('moves an order for payment through filing, the judge, service, then opposition or enforceability (CPC 1407 to 1422)', () => {
    expect(LEGAL_CASE_FIRST_STAGE.payment_order).toBe('prepared');
    const path = ['prepared', 'filed', 'granted', 'served', 'enforceable', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(checkLegalCaseMove('payment_order', path[i - 1]!, path[i]!)).toEqual({ allowed: true });
    expect(nextLegalCaseStages('payment_order', 'filed')).toEqual(['granted', 'rejected']);
    expect(nextLegalCaseStages('payment_order', 'served')).toEqual(['opposition', 'enforceable']);
    // Not served yet: no opposition, no enforceability; and nothing after closed.
    expect(checkLegalCaseMove('payment_order', 'granted', 'enforceable').allowed).toBe(false);
    expect(checkLegalCaseMove('payment_order', 'prepared', 'served').allowed).toBe(false);
    expect(checkLegalCaseMove('payment_order', 'closed', 'filed')).toEqual({ allowed: false, message: 'filed cannot follow closed on a payment order (the case is closed)' });
    expect(LEGAL_CASE_OUTCOMES.payment_order).toEqual(['enforceable', 'opposition', 'rejected']);
  });

  it('ends the opposition month at 00:00 the day after its last day, in the debtor’s zone (CPC 1416, 641, 1422)', () => {
    // Served 15 May: the last day to oppose is 15 June; enforceable from 16 June, 00:00 in Paris (UTC+2).
    expect(oppositionPeriodEnd('2026-05-15', 'Europe/Paris')).toBe('2026-06-15T22:00:00.000Z');
    // Served 31 January: February has no 31st, so its last day (CPC 641); winter time in Paris (UTC+1).
    expect(oppositionPeriodEnd('2026-01-31', 'Europe/Paris')).toBe('2026-02-28T23:00:00.000Z');
  });
});

describe('legal costs in the books', () => {
  it('posts 6227 "Frais d’actes et de contentieux" against the bank', () => {
    const entry = legalCostsPaid({ date: '2026-06-02', currency: 'EUR', reference: 'CJ-42', invoiceNumber: 'F-1', amount: 72_50, label: 'Signification' });
    assertBalanced(entry);
    expect(entry.journal).toBe('BQ');
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      [ACCOUNTS.legalCosts, 72_50, 0],
      [ACCOUNTS.bank, 0, 72_50],
    ]);
    expect(accountLabel('6227')).toBe('Frais d’actes et de contentieux');
    expect(() => legalCostsPaid({ date: '2026-06-02', currency: 'EUR', reference: 'CJ-43', invoiceNumber: 'F-1', amount: 0, label: '' })).toThrow(/nothing to post/);
  });

  it('does not change what the debtor owes, and exports to the FEC', () => {
    const before = issuedReceivable({
      number: 'F-1',
      currency: 'EUR',
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      amount: 1200_00,
      vatAmount: 200_00,
      customerType: 'company',
    });
    const applied = applyToReceivable(
      before,
      { kind: 'legal_costs', reference: 'CJ-42', date: '2026-06-02', amount: 72_50, label: 'Signification' },
      {
        provisionRatePercent: 50,
        lateRates: ECB_REFINANCING_RATES,
      },
    );
    expect(applied.receivable).toMatchObject({ balance: 1200_00, interestBalance: 0, indemnityBalance: 0 });
    expect(applied.entries).toHaveLength(1);
    expect(() =>
      applyToReceivable(before, { kind: 'legal_costs', reference: 'CJ-44', date: '2026-06-02', amount: -1, label: '' }, { provisionRatePercent: 50, lateRates: [] }),
    ).toThrow(/positive integer/);
    const fec = formatFec(
      applied.entries[0]!.lines.map((line) => ({
        journal: 'BQ' as const,
        entryNumber: 1,
        entryDate: '2026-06-02',
        account: line.account,
        pieceRef: 'CJ-42',
        pieceDate: '2026-06-02',
        label: line.label,
        debit: line.debit,
        credit: line.credit,
        currency: 'EUR',
        validDate: '2026-06-02',
      })),
    );
    expect(fec.split('\n')[1]).toContain('6227\tFrais d’actes et de contentieux');
  });
});
