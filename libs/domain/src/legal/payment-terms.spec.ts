import fc from 'fast-check';
import { type PaymentTerm, type SectorDerogation, checkPaymentTerm, dueDateFor } from './payment-terms';
import { parsePaymentTerm } from './parse-payment-term';

const days = (n: number): PaymentTerm => ({ kind: 'days', days: n });
const eom = (n: number, computation?: 'days-then-end-of-month' | 'end-of-month-then-days'): PaymentTerm => ({ kind: 'days-end-of-month', days: n, computation });

describe('due date of a term', () => {
  it('counts days from the invoice date, across months and leap years', () => {
    expect(dueDateFor(days(30), '2026-01-15')).toBe('2026-02-14');
    expect(dueDateFor(days(60), '2024-12-31')).toBe('2025-03-01');
    expect(dueDateFor(days(60), '2023-12-31')).toBe('2024-02-29');
    expect(dueDateFor(days(0), '2026-03-10')).toBe('2026-03-10');
  });

  it('45 days end of month: days first, then the end of that month (the default)', () => {
    // 31 Jan + 45 days = 17 March → 31 March.
    expect(dueDateFor(eom(45), '2026-01-31')).toBe('2026-03-31');
    expect(dueDateFor(eom(45), '2026-01-15')).toBe('2026-03-31');
    // Leap year: 15 Jan 2024 + 45 days = 29 Feb 2024, already the end of the month; in 2023 it is 1 March.
    expect(dueDateFor(eom(45), '2024-01-15')).toBe('2024-02-29');
    expect(dueDateFor(eom(45), '2023-01-15')).toBe('2023-03-31');
    expect(dueDateFor(eom(45), '2025-12-20')).toBe('2026-02-28');
  });

  it('45 days end of month, the other accepted computation: end of the invoice month, then 45 days', () => {
    expect(dueDateFor(eom(45, 'end-of-month-then-days'), '2026-01-31')).toBe('2026-03-17');
    expect(dueDateFor(eom(45, 'end-of-month-then-days'), '2026-01-01')).toBe('2026-03-17');
    expect(dueDateFor(eom(45, 'end-of-month-then-days'), '2024-02-10')).toBe('2024-04-14');
    expect(dueDateFor(eom(45, 'end-of-month-then-days'), '2023-02-10')).toBe('2023-04-14');
  });

  it('legal default: 30 days after receipt, or after the invoice date when receipt is unknown', () => {
    expect(dueDateFor({ kind: 'legal-default' }, '2026-03-05', '2026-03-01')).toBe('2026-03-31');
    expect(dueDateFor({ kind: 'legal-default' }, '2026-03-05')).toBe('2026-04-04');
  });

  it('refuses a bad date or term, naming the field', () => {
    expect(() => dueDateFor(days(30), '2026-02-30')).toThrow(/^invoiceDate:/);
    expect(() => dueDateFor({ kind: 'legal-default' }, '2026-02-01', '01/02/2026')).toThrow(/^receiptDate:/);
    expect(() => dueDateFor(days(-1), '2026-02-01')).toThrow(/^term\.days:/);
    expect(() => dueDateFor(days(1.5), '2026-02-01')).toThrow(/^term\.days:/);
  });

  it('an end-of-month due date is always the last day of a month, never before the plain days', () => {
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 120 }), (invoiceDate, n) => {
        const due = dueDateFor(eom(n), invoiceDate);
        const next = new Date(`${due}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.getUTCDate()).toBe(1);
        expect(due >= dueDateFor(days(n), invoiceDate)).toBe(true);
      }),
    );
  });
});

describe('checking a term (Code de commerce L441-10 I)', () => {
  it('flags exactly the illegal terms of an import: 30, 60, 61 days and 45/46 days end of month', () => {
    const lines = ['30 jours', '60 jours date de facture', '61 days', '45 jours fin de mois', '46 j FDM', 'EOM 46'];
    const flagged = lines.map((line) => {
      const parsed = parsePaymentTerm(line);
      if (!parsed.ok) throw new Error(parsed.error.message.en);
      return checkPaymentTerm(parsed.term, '2026-01-31').findings.map((f) => f.code);
    });
    expect(flagged).toEqual([[], [], ['over_60_days'], [], ['over_45_days_end_of_month'], ['over_45_days_end_of_month']]);
  });

  it('gives the due date, the latest lawful one, the article and a message in French and English', () => {
    const check = checkPaymentTerm(days(61), '2026-01-31');
    expect(check).toEqual({
      compliant: false,
      dueDate: '2026-04-02',
      findings: [
        {
          code: 'over_60_days',
          article: 'Code de commerce, art. L441-10 I',
          dueDate: '2026-04-02',
          latestDueDate: '2026-04-01',
          message: {
            fr: 'Délai « 61 jours date de facture » au-delà du maximum de 60 jours date de facture (Code de commerce, art. L441-10 I) : échéance le 02/04/2026, au plus tard le 01/04/2026.',
            en: 'Term "61 days from the invoice date" beyond the maximum of 60 days from the invoice date (Code de commerce, art. L441-10 I): due 2026-04-02, at the latest 2026-04-01.',
          },
        },
      ],
    });
  });

  it('flags 46 days end of month even where it falls on the same day as 45', () => {
    expect(dueDateFor(eom(46), '2026-01-01')).toBe(dueDateFor(eom(45), '2026-01-01'));
    const check = checkPaymentTerm(eom(46), '2026-01-01');
    expect(check.findings.map((f) => [f.code, f.latestDueDate])).toEqual([['over_45_days_end_of_month', '2026-02-28']]);
  });

  it('lets 45 days end of month go past 60 days from the invoice date, as the law allows', () => {
    expect(checkPaymentTerm(eom(45), '2026-01-31')).toEqual({ compliant: true, dueDate: '2026-03-31', findings: [] });
    expect(checkPaymentTerm(eom(45, 'end-of-month-then-days'), '2026-01-01').compliant).toBe(true);
  });

  it('finds the legal default compliant', () => {
    expect(checkPaymentTerm({ kind: 'legal-default' }, '2026-01-31').compliant).toBe(true);
  });

  it('holds a periodic invoice to 45 days from its date', () => {
    expect(checkPaymentTerm(days(45), '2026-01-31', { periodicInvoice: true }).compliant).toBe(true);
    expect(checkPaymentTerm(days(50), '2026-01-31', { periodicInvoice: true }).findings.map((f) => f.code)).toEqual(['over_periodic_45_days']);
    expect(checkPaymentTerm(eom(45), '2026-01-31', { periodicInvoice: true }).findings.map((f) => f.code)).toEqual(['over_periodic_45_days']);
    expect(checkPaymentTerm(days(61), '2026-01-31', { periodicInvoice: true }).findings.map((f) => f.code)).toEqual(['over_60_days', 'over_periodic_45_days']);
  });

  it('applies the sector’s derogation instead of the general ceilings, citing its source', () => {
    const derogations: SectorDerogation[] = [
      { sector: 'transport', maxDays: 30, kind: 'days', source: 'Code de commerce, art. L441-11 (transport)' },
      { sector: 'longer', maxDays: 90, kind: 'days', source: 'Accord dérogatoire (test)' },
    ];
    const transport = checkPaymentTerm(eom(45), '2026-01-31', { sector: 'transport', derogations });
    expect(transport.findings.map((f) => [f.code, f.article, f.latestDueDate])).toEqual([['over_sector_maximum', 'Code de commerce, art. L441-11 (transport)', '2026-03-02']]);
    expect(checkPaymentTerm(days(30), '2026-01-31', { sector: 'transport', derogations }).compliant).toBe(true);
    expect(checkPaymentTerm(days(90), '2026-01-31', { sector: 'longer', derogations }).compliant).toBe(true);
    expect(checkPaymentTerm(days(91), '2026-01-31', { sector: 'longer', derogations }).findings[0]!.code).toBe('over_sector_maximum');
    // Another sector, or none: the general ceilings.
    expect(checkPaymentTerm(days(90), '2026-01-31', { sector: 'retail', derogations }).findings[0]!.code).toBe('over_60_days');
    expect(checkPaymentTerm(days(90), '2026-01-31', { derogations }).findings[0]!.code).toBe('over_60_days');
  });

  it('a days term is flagged exactly when it is beyond 60 days, whatever the invoice date', () => {
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 365 }), (invoiceDate, n) => {
        const check = checkPaymentTerm(days(n), invoiceDate);
        expect(check.compliant).toBe(n <= 60);
        expect(checkPaymentTerm(eom(n), invoiceDate).compliant).toBe(n <= 45);
      }),
    );
  });
});
