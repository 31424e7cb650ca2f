import { importAnswer, importFields } from './imports';
import { createInvoiceBody } from './invoices';

const fieldsAtFault = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) => (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the invoices’ and imports’ contract', () => {
  const body = { number: 'F-1', customerId: '00000000-0000-4000-8000-000000000001', issueDate: '2026-04-01', dueDate: '2026-05-01', amount: 1_000_00, currency: 'EUR' };

  it('takes an invoice as a credit manager types it in', () => {
    expect(createInvoiceBody.parse({ ...body, number: '  F-1 ' })).toEqual({ ...body, vatAmount: 0 });
  });

  it('refuses a 90-trillion-euro invoice, a due date before the issue date and a VAT that is not part of the amount, naming the field', () => {
    expect(fieldsAtFault(createInvoiceBody.safeParse({ ...body, amount: 9_000_000_000_000_000 }))).toEqual(['amount']);
    expect(fieldsAtFault(createInvoiceBody.safeParse({ ...body, dueDate: '2026-03-31' }))).toEqual(['dueDate']);
    expect(fieldsAtFault(createInvoiceBody.safeParse({ ...body, vatAmount: 1_000_00 }))).toEqual(['vatAmount']);
    expect(fieldsAtFault(createInvoiceBody.safeParse({ ...body, issueDate: '0000-01-01' }))).toEqual(['issueDate']);
    expect(fieldsAtFault(createInvoiceBody.safeParse({ ...body, number: 'F\n1', currency: 'XXY' }))).toEqual(['number', 'currency']);
  });

  it('takes a payment term in words or structured instead of a due date, and names a term it cannot read (Code de commerce L441-10 I)', () => {
    const { dueDate: _dueDate, ...withoutDue } = body;
    expect(createInvoiceBody.parse({ ...withoutDue, paymentTerm: '45 jours fin de mois' }).paymentTerm).toEqual({
      kind: 'days-end-of-month',
      days: 45,
      computation: 'days-then-end-of-month',
    });
    expect(createInvoiceBody.parse({ ...withoutDue, paymentTerm: 'net 30' }).paymentTerm).toEqual({ kind: 'days', days: 30 });
    expect(createInvoiceBody.parse({ ...withoutDue, paymentTerm: { kind: 'legal-default' }, receiptDate: '2026-03-30' })).toMatchObject({ receiptDate: '2026-03-30' });
    expect(fieldsAtFault(createInvoiceBody.safeParse(withoutDue))).toEqual(['dueDate']);
    expect(fieldsAtFault(createInvoiceBody.safeParse({ ...withoutDue, issueDate: '2999-12-01', paymentTerm: 'net 60' }))).toEqual(['paymentTerm']);
    expect(fieldsAtFault(createInvoiceBody.safeParse({ ...withoutDue, paymentTerm: '45 jours fin de trimestre' }))).toEqual(['paymentTerm']);
    expect(createInvoiceBody.safeParse({ ...withoutDue, paymentTerm: '45 jours fin de trimestre' }).error?.issues[0]?.message).toMatch(
      /not understood: "fin", "trimestre".*non compris/,
    );
    expect(fieldsAtFault(createInvoiceBody.safeParse({ ...withoutDue, paymentTerm: { kind: 'days', days: -1 } }))).toEqual(['paymentTerm.days']);
  });

  it('reads the mapping sent with an import as JSON, "" or null ignoring a column', () => {
    expect(importFields.parse({ mapping: '{"Montant":"amount","Notes":""}', saveMappingAs: ' Sage ' })).toEqual({
      mapping: { Montant: 'amount', Notes: null },
      saveMappingAs: 'Sage',
    });
    expect(fieldsAtFault(importFields.safeParse({ mapping: '{' }))).toEqual(['mapping']);
    expect(fieldsAtFault(importFields.safeParse({ mapping: '{"Montant":"price"}' }))).toEqual(['mapping.Montant']);
  });

  it('describes both answers of an import: the job, or the columns to map', () => {
    const at = '2026-04-01T10:00:00.000Z';
    const job = {
      id: body.customerId,
      fileName: 'a.csv',
      format: 'csv',
      status: 'queued',
      totalRows: 1,
      processedRows: 0,
      insertedInvoices: 0,
      updatedInvoices: 0,
      unchangedInvoices: 0,
      flaggedInvoices: 0,
      errors: [],
      createdBy: null,
      createdAt: at,
      updatedAt: at,
      finishedAt: null,
    };
    expect(importAnswer.safeParse(job).success).toBe(true);
    const asked = {
      status: 'needs_mapping',
      fileName: 'a.csv',
      format: 'csv',
      separator: ';',
      totalRows: 1,
      fingerprint: 'f',
      columns: [],
      missing: ['amount'],
      duplicates: [],
      undecided: [],
      fields: [],
      savedMappings: [],
    };
    expect(importAnswer.safeParse(asked).success).toBe(true);
  });
});
