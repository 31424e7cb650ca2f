import { recognizeHeader, resolveMapping } from './import-columns';
import { checkColumns, validateRow } from './invoice-import.parser';
import { derogationsFrom, dueDateFromTerm, samePaymentTerm, termFindingsFor } from './payment-term-findings';

/** The payment-term columns of an import (Code de commerce L441-10 I, L441-11): headers, values, due dates, findings. */
const row = (values: Record<string, string>, line = 2) => ({
  line,
  values: { invoice_number: 'F-1', issue_date: '15/01/2026', amount: '100,00', currency: 'EUR', customer_reference: 'C-1', customer_name: 'Martin', ...values },
});

describe('payment-term columns of an import', () => {
  it('recognises the usual French and English headers of the term, the receipt date, the sector and the order', () => {
    const cases: Array<[string, string]> = [
      ['Délai de paiement', 'payment_term'],
      ['Conditions de paiement', 'payment_term'],
      ['conditions de règlement', 'payment_term'],
      ['Payment terms', 'payment_term'],
      ['Terms', 'payment_term'],
      ['Date de réception', 'receipt_date'],
      ['Date de livraison', 'receipt_date'],
      ['Delivery date', 'receipt_date'],
      ['Secteur', 'customer_sector'],
      ['Sector', 'customer_sector'],
      ['Bon de commande', 'supporting_reference'],
      ['Référence commande', 'supporting_reference'],
      ['Purchase order', 'supporting_reference'],
      ['PO', 'supporting_reference'],
    ];
    for (const [header, field] of cases) expect([header, recognizeHeader(header)]).toEqual([header, field]);
    // The old headers keep their fields.
    expect([recognizeHeader("Date d'échéance"), recognizeHeader('Date facture'), recognizeHeader('Facture')]).toEqual(['due_date', 'issue_date', 'invoice_number']);
  });

  it('lets a payment term column stand in for the due date column, and still asks for one of the two', () => {
    expect(resolveMapping(['N° facture', 'Date facture', 'Délai de paiement', 'Montant TTC', 'Client'], []).missing).toEqual([]);
    expect(resolveMapping(['N° facture', 'Date facture', 'Montant TTC', 'Client'], []).missing).toEqual(['due_date']);
    expect(checkColumns([], ['invoice_number', 'issue_date', 'payment_term', 'amount', 'customer_name'])).toEqual([]);
    expect(checkColumns([], ['invoice_number', 'issue_date', 'amount', 'customer_name'])).toEqual([
      { line: 1, field: 'due_date', message: 'required column is missing (or a payment_term column)' },
    ]);
  });

  it('computes the due date from the term when the line has none, and keeps a due date the line gives', () => {
    expect(validateRow(row({ payment_term: '45 jours fin de mois' })).invoice).toMatchObject({
      dueDate: '2026-03-31',
      paymentTerm: { kind: 'days-end-of-month', days: 45, computation: 'days-then-end-of-month' },
    });
    expect(validateRow(row({ payment_term: 'net 60', due_date: '20/03/2026' })).invoice).toMatchObject({ dueDate: '2026-03-20', paymentTerm: { kind: 'days', days: 60 } });
    // The legal default: 30 days after receipt (L441-10 I); an invoice issued long after receipt is due on its own date.
    expect(validateRow(row({ payment_term: 'délai légal', receipt_date: '10/01/2026' })).invoice).toMatchObject({ dueDate: '2026-02-09', receiptDate: '2026-01-10' });
    expect(dueDateFromTerm({ kind: 'legal-default' }, '2026-03-01', '2026-01-01')).toBe('2026-03-01');
    expect(validateRow(row({ customer_sector: 'BTP', supporting_reference: 'BC-7' })).errors).toEqual([
      { line: 2, field: 'due_date', message: 'is required (or a payment term to compute it from)' },
    ]);
    expect(validateRow(row({ due_date: '14/02/2026', customer_sector: 'BTP', supporting_reference: 'BC-7' })).invoice).toMatchObject({
      supportingReference: 'BC-7',
      customer: { sector: 'BTP' },
    });
  });

  it('names the line and the field of a term it does not understand, in English and French, and of an unreadable receipt date', () => {
    const { errors, invoice } = validateRow(row({ payment_term: '45 jours fin de trimestre', receipt_date: '32/01/2026' }, 9));
    expect(invoice).toBeUndefined();
    expect(errors).toEqual([
      { line: 9, field: 'receipt_date', message: expect.stringContaining('32/01/2026') },
      { line: 9, field: 'payment_term', message: expect.stringMatching(/not understood: "fin", "trimestre".* \/ .*non compris : « fin », « trimestre »/) },
    ]);
  });

  it('flags terms beyond 60 days or 45 days end of month, judges a line without a term by its due date, and applies a sector derogation', () => {
    const codes = (paymentTerm: Parameters<typeof termFindingsFor>[0]['paymentTerm'], dueDate: string, sector?: string, derogations = derogationsFrom({})) =>
      termFindingsFor({ paymentTerm, issueDate: '2026-01-15', dueDate }, { sector, derogations }).map((f) => f.code);
    expect(codes({ kind: 'days', days: 60 }, '2026-03-16')).toEqual([]);
    expect(codes({ kind: 'days', days: 61 }, '2026-03-17')).toEqual(['over_60_days']);
    expect(codes({ kind: 'days-end-of-month', days: 45 }, '2026-03-31')).toEqual([]);
    expect(codes({ kind: 'days-end-of-month', days: 46 }, '2026-03-31')).toEqual(['over_45_days_end_of_month']);
    // No term: the delay the due date implies (61 days).
    expect(codes(null, '2026-03-17')).toEqual(['over_60_days']);
    expect(codes(null, '2026-03-16')).toEqual([]);
    const derogations = derogationsFrom({ paymentTermDerogations: [{ sector: 'Jouets', maxDays: 90, kind: 'days', source: 'Accord dérogatoire (L441-11)' }] });
    expect(codes({ kind: 'days', days: 75 }, '2026-03-31', ' jouets ', derogations)).toEqual([]);
    expect(codes({ kind: 'days', days: 95 }, '2026-04-20', 'JOUETS', derogations)).toEqual(['over_sector_maximum']);
    // A re-import compares terms by what they say.
    expect(samePaymentTerm({ kind: 'days-end-of-month', days: 45 }, { kind: 'days-end-of-month', days: 45, computation: 'days-then-end-of-month' })).toBe(true);
    expect(samePaymentTerm({ kind: 'days-end-of-month', days: 45 }, { kind: 'days-end-of-month', days: 45, computation: 'end-of-month-then-days' })).toBe(false);
    expect(samePaymentTerm(null, { kind: 'days', days: 30 })).toBe(false);
    // Stored settings that are no longer valid count as none.
    expect(derogationsFrom({ paymentTermDerogations: [{ sector: '' }] })).toEqual([]);
  });
});
