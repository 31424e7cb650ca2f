import {
  CustomersRepository,
  type DatabaseHandle,
  DocumentsRepository,
  ExceptionsRepository,
  InsuranceRepository,
  InvoicesRepository,
  LedgerRepository,
  openDatabase,
} from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import type { ApiConfig } from '../config/api-config';
import { InsuranceService } from './insurance.service';

/** The credit manager's side, over PGlite: a claim filed by hand, the indemnity's refusals, the exposure report. */
describe('credit insurance (service, PGlite)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase();
  });
  afterAll(async () => database?.close());

  it('files a late claim by hand with the threat and a dossier, refuses an indemnity above the insured amount, and reports insured vs uninsured exposure', async () => {
    const { db } = database;
    const receivables = new ReceivablesService(db, { now: () => new Date('2026-04-15T10:00:00Z') });
    const config = { CREDITOR_NAME: 'Atelier Durand SAS', CREDITOR_EMAIL: 'compta@durand.example', CREDITOR_ADDRESS: '12 rue des Artisans|69002 Lyon' } as ApiConfig;
    const service = new InsuranceService(
      new InsuranceRepository(db),
      new CustomersRepository(db),
      new InvoicesRepository(db),
      new DocumentsRepository(db),
      new ExceptionsRepository(db),
      new LedgerRepository(db),
      receivables,
      config,
    );
    const customers = new CustomersRepository(db);
    const insured = await customers.upsert({ reference: 'INS', name: 'Boulangerie Martin', addressLines: ['4 place du Marché'] }, []);
    const uninsured = await customers.upsert({ reference: 'UNI', name: 'Zinc & Co' }, []);
    const issue = (number: string, customerId: string, amount: number) =>
      receivables.issue([
        { number, customerId, issueDate: '2026-01-01', dueDate: '2026-01-31', amount, vatAmount: 0, currency: 'EUR', timeZone: 'Europe/Paris', customerType: 'company' },
      ]);
    const [invoice] = await issue('F-INS-1', insured.id, 8000_00);
    await issue('F-UNI-1', uninsured.id, 500_00);

    const policy = await service.createPolicy({ insurer: 'Coface', policyNumber: 'CF-1', coveragePercent: 85, currency: 'EUR', threatDeclarationDays: 30, claimDeadlineDays: 60 });
    await expect(
      service.createPolicy({ insurer: 'Coface', policyNumber: 'CF-1', coveragePercent: 85, currency: 'EUR', threatDeclarationDays: 30, claimDeadlineDays: 60 }),
    ).rejects.toMatchObject({
      field: 'policyNumber',
    });
    await expect(service.setLimit(insured.id, { policyId: policy.id, limitAmount: 5000_00, currency: 'USD', grantedOn: '2026-01-01' })).rejects.toMatchObject({
      field: 'currency',
    });
    await service.setLimit(insured.id, { policyId: policy.id, limitAmount: 5000_00, currency: 'EUR', grantedOn: '2026-01-01' });

    // 15 April: 74 days after the due date, past the threat's deadline (2 March).
    const claim = await service.declare({ invoiceId: invoice!.id, kind: 'claim' }, new Date('2026-04-15T10:00:00Z'));
    expect(claim).toMatchObject({ kind: 'claim', insuredAmount: 4250_00, outstanding: 8000_00, deadline: '2026-06-14', late: false });
    expect(claim.dossierDocumentId).not.toBeNull();
    const pdf = await new DocumentsRepository(db).get(claim.dossierDocumentId!);
    expect(pdf).toMatchObject({ kind: 'insurance_dossier', contentType: 'application/pdf' });
    const { items } = await service.listDeclarations({ invoiceId: invoice!.id });
    expect(items.map((d) => [d.kind, d.deadline, d.late])).toEqual([
      ['claim', '2026-06-14', false],
      ['threat', '2026-03-02', true],
    ]);
    const { rows } = await new ExceptionsRepository(db).list({ kind: 'insurance_deadline', offset: 0, limit: 10 });
    expect(rows.map((r) => r.invoiceId)).toEqual([invoice!.id]);
    await expect(service.declare({ invoiceId: invoice!.id, kind: 'claim' })).rejects.toMatchObject({ code: 'conflict', field: 'kind' });

    await expect(service.recordIndemnity(claim.id, { amount: 4300_00, date: '2026-06-01', reference: 'CF-PAY-1' })).rejects.toMatchObject({ code: 'invalid', field: 'amount' });
    const paid = await service.recordIndemnity(claim.id, { amount: 4250_00, date: '2026-06-01', reference: 'CF-PAY-1' });
    expect(paid).toMatchObject({ declaration: { status: 'indemnified', indemnityAmount: 4250_00 }, invoice: { balance: 3750_00, status: 'overdue' }, replayed: false });

    const report = await service.exposure();
    const line = (name: string) => report.lines.find((l) => l.customerName === name);
    // After the indemnity 3 750.00 is open, 85 % of it within the 5 000.00 limit is insured.
    expect(line('Boulangerie Martin')).toMatchObject({
      openBalance: 3750_00,
      limitAmount: 5000_00,
      insuredExposure: 3187_50,
      uninsuredExposure: 562_50,
      claims: 0,
      indemnified: 4250_00,
    });
    expect(line('Zinc & Co')).toMatchObject({ openBalance: 500_00, limitAmount: null, insuredExposure: 0, uninsuredExposure: 500_00 });
    expect(report.totals).toEqual([{ currency: 'EUR', openBalance: 4250_00, insuredExposure: 3187_50, uninsuredExposure: 1062_50, threats: 1, claims: 0 }]);
  });
});
