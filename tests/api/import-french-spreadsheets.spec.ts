import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { customers, importBatches, invoices } from '@dunning/db';
import { ApiHarness } from './api-env';

/**
 * French spreadsheets over HTTP, as a credit manager uploads them: Excel's CSV in France (";",
 * Windows-1252, "1 234,56", dd/mm/yyyy, French headers), an XLSX whose amounts are formulas, files
 * that cannot be read (refused with a 422 naming them, nothing written), and a column the import
 * does not know, mapped once by the user and remembered for the next file with the same header.
 */
describe('French spreadsheets over HTTP', () => {
  let harness: ApiHarness;
  let manager: string;
  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
  });
  afterAll(async () => harness?.stop());

  const upload = (file: Buffer, name: string, fields: Record<string, string> = {}) => {
    let call = harness.http().post('/api/invoices/import?wait=true').set('Authorization', `Bearer ${manager}`);
    for (const [key, value] of Object.entries(fields)) call = call.field(key, value);
    return call.attach('file', file, name);
  };
  const get = (path: string) => harness.http().get(path).set('Authorization', `Bearer ${manager}`);

  /** The invoice with this number, as GET /api/invoices lists it (with its customer's name) and GET /api/invoices/:id reads it. */
  async function invoiceNumbered(number: string) {
    const list = await get('/api/invoices?pageSize=500').expect(200);
    const listed = (list.body.items as Array<{ id: string; number: string; customerName: string }>).find((i) => i.number === number);
    expect([number, listed !== undefined]).toEqual([number, true]);
    const invoice = (await get(`/api/invoices/${listed!.id}`).expect(200)).body;
    const customer = (await get(`/api/customers/${invoice.customerId}`).expect(200)).body;
    return { listed: listed!, invoice, customer };
  }

  async function rowCounts() {
    const count = async (table: typeof invoices | typeof customers | typeof importBatches) =>
      ((await harness.database.db.select({ n: sql<number>`count(*)::int` }).from(table)) as Array<{ n: number }>)[0]!.n;
    return { invoices: await count(invoices), customers: await count(customers), importBatches: await count(importBatches) };
  }

  it('imports a CSV as Excel writes it in France: ";", Windows-1252 accents, "1 234,56", dd/mm/yyyy, French headers', async () => {
    const text = [
      "N° facture;Date de facture;Date d'échéance;Montant TTC;Montant TVA;Client;Code client;E-mail",
      'FR-0001;15/01/2026;14/02/2026;1 234,56;205,76;Crème Brûlée SARL;C-CREME;compta@creme-brulee.example',
      // Excel puts a no-break space (0xA0 in Windows-1252) between thousands.
      "FR-0002;03/02/2026;05/03/2026;12\u00a0345,60;;Société Générale d'Électricité;C-SGE;factures@sge.example",
      // "Œ" and "’" exist in Windows-1252 (0x8C, 0x92) but not in ISO-8859-1.
      'FR-0003;28/02/2026;30/03/2026;"0,5";;L’Œuf à la Coque SAS;C-OEUF;',
    ].join('\r\n');
    const bytes = iconv.encode(`${text}\r\n`, 'windows-1252');
    // Not UTF-8: read as UTF-8, the accents would be U+FFFD.
    expect(bytes.includes(Buffer.from('è', 'latin1'))).toBe(true);

    const response = await upload(bytes, 'export-excel.csv').expect(202);
    expect(response.body).toMatchObject({ status: 'succeeded', insertedInvoices: 3, errors: [] });

    const first = await invoiceNumbered('FR-0001');
    expect(first.listed.customerName).toBe('Crème Brûlée SARL');
    expect(first.customer).toMatchObject({ name: 'Crème Brûlée SARL', reference: 'C-CREME' });
    expect(first.invoice).toMatchObject({ number: 'FR-0001', amount: 123456, vatAmount: 20576, currency: 'EUR', issueDate: '2026-01-15', dueDate: '2026-02-14' });

    const second = await invoiceNumbered('FR-0002');
    expect(second.customer.name).toBe("Société Générale d'Électricité");
    expect(second.invoice).toMatchObject({ amount: 1234560, issueDate: '2026-02-03', dueDate: '2026-03-05' });

    const third = await invoiceNumbered('FR-0003');
    expect(third.customer.name).toBe('L’Œuf à la Coque SAS');
    expect(third.invoice).toMatchObject({ amount: 50, issueDate: '2026-02-28', dueDate: '2026-03-30' });
    for (const { customer } of [first, second, third]) expect(customer.name).not.toContain('\uFFFD');
  });

  it('imports an XLSX whose amounts are formulas, reading their computed values rounded to the cent', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Factures');
    sheet.addRow(['N° facture', 'Date de facture', "Date d'échéance", 'Montant TTC', 'Montant TVA', 'Client']);
    // Cached results as Excel saves them: 0.1+0.2 is 0.30000000000000004 in binary floating point.
    sheet.addRow(['XL-0001', new Date(Date.UTC(2026, 0, 15)), new Date(Date.UTC(2026, 1, 14)), { formula: '0.1+0.2', result: 0.1 + 0.2 }, null, 'Crème Brûlée SARL']);
    sheet.addRow([
      'XL-0002',
      '03/02/2026',
      '05/03/2026',
      { formula: '1028.8*1.2', result: 1028.8 * 1.2 },
      { formula: 'D3/6', result: (1028.8 * 1.2) / 6 },
      'Château Pétrus & Fils',
    ]);
    sheet.addRow(['XL-0003', new Date(Date.UTC(2026, 2, 1)), new Date(Date.UTC(2026, 2, 31)), { formula: 'ROUND(100/3,4)', result: 33.3333 }, null, 'Électricité Œuvres']);
    sheet.getCell('D2').numFmt = '#,##0.00 €';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const response = await upload(bytes, 'factures.xlsx').expect(202);
    expect(response.body).toMatchObject({ status: 'succeeded', insertedInvoices: 3, errors: [] });

    const first = await invoiceNumbered('XL-0001');
    expect(first.invoice).toMatchObject({ amount: 30, issueDate: '2026-01-15', dueDate: '2026-02-14' });
    expect(first.customer.name).toBe('Crème Brûlée SARL');
    const second = await invoiceNumbered('XL-0002');
    expect(second.invoice).toMatchObject({ amount: 123456, vatAmount: 20576, issueDate: '2026-02-03', dueDate: '2026-03-05' });
    expect(second.customer.name).toBe('Château Pétrus & Fils');
    const third = await invoiceNumbered('XL-0003');
    expect(third.invoice).toMatchObject({ amount: 3333, issueDate: '2026-03-01', dueDate: '2026-03-31' });
  });

  it('refuses a garbled file with a 422 naming it, and writes nothing: no invoice, customer or import batch', async () => {
    // Bytes from a fixed generator: the same "random" file on every run.
    let seed = 0x2f6b1d;
    const noise = Buffer.from(
      Array.from({ length: 4096 }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed >> 16;
      }),
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Factures');
    sheet.addRow(['N° facture', 'Date de facture', "Date d'échéance", 'Montant TTC', 'Client']);
    for (let i = 0; i < 200; i++) sheet.addRow([`DMG-${i}`, '15/01/2026', '14/02/2026', 100 + i, `Client endommagé ${i}`]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const files: Array<[string, Buffer]> = [
      ['garbled.csv', noise],
      ['truncated.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2))],
      ['damaged.xlsx', Buffer.concat([xlsx.subarray(0, 200), Buffer.alloc(2000, 0x5a), xlsx.subarray(2200)])],
    ];

    const before = await rowCounts();
    for (const [name, bytes] of files) {
      const response = await upload(bytes, name);
      expect([name, response.status]).toEqual([name, 422]);
      expect(response.body.fileName).toBe(name);
      expect(response.body.message).toContain(name);
      expect(response.body.problems).toEqual([expect.objectContaining({ field: '(file)', message: expect.stringContaining(name) })]);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('asks for a mapping when a column is unknown, imports with the mapping given and saved, and applies the saved one to the next file with that header', async () => {
    const header = ['N° facture', 'Date de facture', "Date d'échéance", 'Montant facturé TTC', 'Client'];
    const csv = (rows: string[][], columns: string[]) => Buffer.from([columns, ...rows].map((cells) => cells.join(';')).join('\n'), 'utf8');
    const first = csv([['MAP-0001', '10/04/2026', '10/05/2026', '2 500,00', 'Atelier Lumière']], header);

    const before = await rowCounts();
    const asked = await upload(first, 'sage.csv').expect(200);
    expect(asked.body).toMatchObject({ status: 'needs_mapping', fileName: 'sage.csv', separator: ';', missing: ['amount'], undecided: ['Montant facturé TTC'] });
    const unknown = asked.body.columns.find((c: { header: string }) => c.header === 'Montant facturé TTC');
    expect(unknown).toMatchObject({ suggestion: 'amount', samples: ['2 500,00'] });
    expect(unknown.field).toBeUndefined(); // undecided: the user chooses
    expect(asked.body.columns.find((c: { header: string }) => c.header === 'Client')).toMatchObject({ field: 'customer_name', source: 'recognized' });
    expect(asked.body.fields).toContainEqual({ field: 'amount', required: true });
    // Nothing was imported: the user maps the columns first.
    expect(await rowCounts()).toEqual(before);

    const mapped = await upload(first, 'sage.csv', { mapping: JSON.stringify({ 'Montant facturé TTC': 'amount' }), saveMappingAs: 'Export Sage' }).expect(202);
    expect(mapped.body).toMatchObject({ status: 'succeeded', insertedInvoices: 1 });
    expect((await invoiceNumbered('MAP-0001')).invoice).toMatchObject({ amount: 250000, dueDate: '2026-05-10' });
    const saved = await get('/api/invoices/import/mappings').expect(200);
    expect(saved.body).toContainEqual(expect.objectContaining({ name: 'Export Sage', columns: expect.objectContaining({ 'montant facture ttc': 'amount' }) }));

    // The next export, same header in another order: imported at once with the saved mapping.
    const reordered = ['Client', 'Montant facturé TTC', 'N° facture', "Date d'échéance", 'Date de facture'];
    const next = csv([['Atelier Lumière', '1 750,25', 'MAP-0002', '15/06/2026', '15/05/2026']], reordered);
    const automatic = await upload(next, 'sage-juin.csv').expect(202);
    expect(automatic.body).toMatchObject({ status: 'succeeded', insertedInvoices: 1 });
    expect((await invoiceNumbered('MAP-0002')).invoice).toMatchObject({ amount: 175025, issueDate: '2026-05-15', dueDate: '2026-06-15' });
  });

  it('serves a French template that imports as it is', async () => {
    const template = await get('/api/invoices/import/template?locale=fr').expect(200);
    expect(template.headers['content-type']).toMatch(/text\/csv/);
    expect(template.headers['content-disposition']).toContain('modele-import-factures.csv');
    expect(template.text).toMatch(/^\ufeff?N° facture;Date de facture;Date d'échéance;Montant TTC/);
    const english = await get('/api/invoices/import/template?locale=en').expect(200);
    expect(english.text).toMatch(/^\ufeff?invoice_number,issue_date,due_date,amount/);

    const response = await upload(Buffer.from(template.text, 'utf8'), 'modele-import-factures.csv').expect(202);
    expect(response.body).toMatchObject({ status: 'succeeded', insertedInvoices: 1 });
    const { invoice, customer } = await invoiceNumbered('F-2026-0001');
    expect(invoice).toMatchObject({ amount: 123456, issueDate: '2026-01-15', dueDate: '2026-02-14' });
    expect(customer.name).toBe('Crème Brûlée SARL');
  });
});
