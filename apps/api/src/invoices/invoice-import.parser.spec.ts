import { checkColumns, parseCsv, validateRow } from './invoice-import.parser';

const row = (values: Record<string, string>, line = 2) => ({
  line,
  values: {
    invoice_number: 'F-1',
    issue_date: '2026-04-01',
    due_date: '2026-05-01',
    amount: '1 234,56',
    currency: 'eur',
    customer_reference: 'C-1',
    customer_name: 'Martin',
    ...values,
  },
});

describe('invoice import lines', () => {
  it('reads a CSV with a BOM and quoted fields, numbering lines from the header', () => {
    const rows = parseCsv(Buffer.from('\ufeffinvoice_number,customer_name\n"F-1","Martin, Fils & Co"\n'));
    expect(rows).toEqual([{ line: 2, values: { invoice_number: 'F-1', customer_name: 'Martin, Fils & Co' } }]);
  });

  it('turns a valid line into an invoice in minor units', () => {
    expect(validateRow(row({ customer_phone: '+33 6 12 34 56 78', customer_address: '1 rue A|75001 Paris' })).invoice).toMatchObject({
      amount: 123456,
      currency: 'EUR',
      customer: { phone: '+33612345678', addressLines: ['1 rue A', '75001 Paris'] },
    });
  });

  it('leaves out what the file does not carry, so an existing customer keeps it', () => {
    const { invoice } = validateRow(row({ vat_amount: '205,76', late_interest_rate: '15 %' }));
    expect(invoice).toMatchObject({ vatAmount: 205_76, lateInterestRatePercent: 15 });
    expect(invoice?.customer).toEqual({ reference: 'C-1', name: 'Martin' });
    expect(validateRow(row({ vat_amount: '1500' })).errors).toEqual([{ line: 2, field: 'vat_amount', message: '1500 must be at least 0 and less than the amount' }]);
  });

  it('names every problem of a line with its field', () => {
    const { errors } = validateRow(row({ amount: '12.345', due_date: '2026-13-01', customer_email: 'nope', customer_risk_score: '11', customer_locale: 'de' }, 7));
    expect(errors).toEqual([
      { line: 7, field: 'amount', message: '"12.345" has more than 2 decimals for EUR' },
      { line: 7, field: 'due_date', message: '"2026-13-01" is not a real date' },
      { line: 7, field: 'customer_locale', message: '"de" is not fr or en' },
      { line: 7, field: 'customer_risk_score', message: '"11" is not a score from 1 to 10' },
      { line: 7, field: 'customer_email', message: '"nope" is not an email address' },
    ]);
    expect(validateRow(row({ due_date: '2026-03-01' })).errors).toEqual([{ line: 2, field: 'due_date', message: '2026-03-01 is before the issue date 2026-04-01' }]);
  });

  it('checks the header', () => {
    expect(checkColumns([], ['invoice_number', 'amout'])).toEqual(
      expect.arrayContaining([
        { line: 1, field: 'amount', message: 'required column is missing' },
        { line: 1, field: 'amout', message: expect.stringMatching(/^unknown column/) },
      ]),
    );
  });
});
