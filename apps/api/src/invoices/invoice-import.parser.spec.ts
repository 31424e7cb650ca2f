import iconv from 'iconv-lite';
import { checkColumns, parseCsv, toRows, validateRow } from './invoice-import.parser';

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

  it('refuses an amount larger than one invoice may carry (the books would lose precision)', () => {
    expect(validateRow(row({ amount: '1 000 000 000,00' })).invoice).toMatchObject({ amount: 100_000_000_000 });
    expect(validateRow(row({ amount: '90 000 000 000 000,00' })).errors).toEqual([
      { line: 2, field: 'amount', message: '90 000 000 000 000,00 is more than one invoice may carry (100000000000 minor units)' },
    ]);
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

  it('reads a French Excel CSV: ";", Windows-1252, dd/mm/yyyy, "1 234,56"', () => {
    const file = iconv.encode(
      'invoice_number;issue_date;due_date;amount;currency;customer_reference;customer_name\r\nF-1;15/01/2026;14.02.2026;1 234,56 €;EUR;C-1;Crème Brûlée SARL\r\n',
      'windows-1252',
    );
    const [line] = parseCsv(file);
    expect(line!.values).toMatchObject({ customer_name: 'Crème Brûlée SARL', amount: '1 234,56 €' });
    expect(validateRow(line!).invoice).toMatchObject({ issueDate: '2026-01-15', dueDate: '2026-02-14', amount: 123456, customer: { name: 'Crème Brûlée SARL' } });
  });

  it('reads French values on a line and names the impossible ones', () => {
    expect(validateRow(row({ issue_date: '01/04/2026', due_date: '01-05-2026', amount: '1\u202f234,56\u00a0€' })).invoice).toMatchObject({
      issueDate: '2026-04-01',
      dueDate: '2026-05-01',
      amount: 123456,
    });
    expect(validateRow(row({ issue_date: '31/04/2026', due_date: '01/05/2026' })).errors).toEqual([{ line: 2, field: 'issue_date', message: '"31/04/2026" is not a real date' }]);
    expect(validateRow(row({ issue_date: '02/05/2026', due_date: '01/05/2026' })).errors).toEqual([
      { line: 2, field: 'due_date', message: '01/05/2026 is before the issue date 02/05/2026' },
    ]);
  });

  it('rounds spreadsheet numbers to the currency, reads date serials, and reports unreadable cells', () => {
    const computed = validateRow({
      ...row({ amount: '0.3', vat_amount: '0.05', issue_date: '46113' }),
      numbers: { amount: 0.30000000000000004, vat_amount: 0.049999999, issue_date: 46113 },
    });
    expect(computed.invoice).toMatchObject({ amount: 30, vatAmount: 5, issueDate: '2026-04-01' });
    const broken = validateRow({ ...row({ amount: '#DIV/0!' }), problems: { amount: 'is a formula whose result is the error #DIV/0!' } });
    expect(broken.errors).toEqual([{ line: 2, field: 'amount', message: '"#DIV/0!" is a formula whose result is the error #DIV/0!' }]);
  });

  it('maps columns, and defaults the currency to EUR and the customer reference to its name when the file has no such column', () => {
    const table = { header: ['N° facture', 'Client', 'Notes'], rows: [{ line: 2, cells: ['F-1', 'Martin', 'x'] }] };
    expect(toRows(table, { 'N° facture': 'invoice_number', Client: 'customer_name', Notes: null })).toEqual([
      { line: 2, values: { invoice_number: 'F-1', customer_name: 'Martin', currency: 'EUR', customer_reference: 'Martin' } },
    ]);
  });
});
