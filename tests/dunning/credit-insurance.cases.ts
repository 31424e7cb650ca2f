import { eq } from 'drizzle-orm';
import { localToday } from '@dunning/domain';
import { FlowBuilder, type Flow } from '@dunning/flow';
import { type DatabaseHandle, CustomersRepository, InsuranceRepository, InvoicesRepository, LedgerRepository, openDatabase, workflowSignals } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { balanceChangedSignal, balanceQuery, snapshotQuery } from '@dunning/workflows';
import { insuranceActivities } from '@dunning/worker/src/activities/credit-insurance';
import type { ActivityDependencies } from '@dunning/worker/src/activities/ports';
import { DatabaseDunningStore } from '@dunning/worker/src/adapters/database/database-dunning-store';
import { DatabaseInsuranceStore } from '@dunning/worker/src/adapters/database/database-insurance-store';
import { MemoryInsuranceStore } from '@dunning/worker/src/adapters/memory/memory-insurance-store';
import { dunningWorkerPerSuite, invoiceFacts, startInvoice } from './dunning-env';

const DAY = 86_400_000;
const TERMS = { insurer: 'Allianz Trade', coveragePercent: 90, currency: 'EUR', threatDeclarationDays: 30, claimDeadlineDays: 60, autoDeclareDaysBefore: null };

/** D+20: declare the threat of loss (the policy's deadline is D+30), then wait. */
function insuredFlow(): Flow {
  const f = new FlowBuilder({ id: 'insured', name: 'Insured customers', description: 'D+20 threat of loss to the credit insurer' });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const wait = f.node({ id: 'wait-threat', kind: 'wait', label: 'D+20', data: { anchor: 'due_date', offsetDays: 20, dayType: 'calendar', at: '09:00' } });
  const threat = f.node({ id: 'threat', kind: 'credit_insurance', label: 'Threat of loss', data: { action: 'declare_threat' } });
  const later = f.node({ id: 'wait-end', kind: 'wait', label: 'D+120', data: { anchor: 'due_date', offsetDays: 120, dayType: 'calendar', at: '09:00' } });
  const end = f.node({ id: 'end', kind: 'end', data: {} });
  f.chain(start, wait, threat, later, end);
  return f.build();
}

/** Run by legal-routes.spec.ts, so the toolkit's workflow suites share one bundle of the workflows. */
export function creditInsuranceCases(): void {
  describe('credit insurance: an insured customer’s invoice', () => {
    describe('under time skipping, on the memory stores', () => {
      const suite = dunningWorkerPerSuite();

      it('gets its threat of loss declared before the insurer’s deadline; after the indemnity signal the flow holds the uninsured share, still open', async () => {
        const insurance = MemoryInsuranceStore.of(suite.harness.store);
        const policyId = insurance.addPolicy({ ...TERMS, policyNumber: 'POL-1' });
        insurance.setLimit('cust-fr', { policyId, limitAmount: 1000_00, currency: 'EUR' });
        const invoice = invoiceFacts('ins-1', await suite.env.currentTimeMs());
        const handle = await startInvoice(suite.env, insuredFlow(), invoice);

        await suite.env.sleep(52 * DAY);
        const [threat, ...others] = await insurance.declarationsOf('ins-1');
        expect(others).toEqual([]);
        // 90 % of the 1 000.00 limit on 1 200.00 owed, declared by the flow at D+20, before D+30.
        expect(threat).toMatchObject({ kind: 'threat', declaredBy: 'flow', insuredAmount: 900_00, outstanding: 1200_00 });
        expect(threat!.deadline).toBe(new Date(Date.parse(`${invoice.dueDate}T00:00:00Z`) + 30 * DAY).toISOString().slice(0, 10));
        expect(localToday(threat!.declaredAt, 'Europe/Paris') < threat!.deadline).toBe(true);
        expect([...suite.harness.store.exceptions.values()].filter((e) => e.kind === 'insurance_deadline')).toEqual([]);

        // The insurer pays its share: in the books (the same domain rule as the receivables service), then the signal.
        const eventKey = `insurance-indemnity:${threat!.declarationId}`;
        const after = suite.harness.store.apply('ins-1', eventKey, (date) => ({ kind: 'insurance_indemnity', reference: 'IND-77', amount: 900_00, date }));
        await handle.signal(balanceChangedSignal, { eventKey, after, detail: 'credit insurance indemnity IND-77' });
        await suite.env.sleep(60_000);
        expect(await handle.query(balanceQuery)).toEqual({ amount: 300_00, currency: 'EUR' });
        const snapshot = await handle.query(snapshotQuery);
        expect(snapshot).toMatchObject({ status: 'overdue', currentNodeId: 'wait-end' });
        expect(snapshot.finished).toBeFalsy();
      });
    });

    describe('in the books, over PGlite', () => {
      let database: DatabaseHandle;
      beforeAll(async () => {
        database = await openDatabase();
      });
      afterAll(async () => database?.close());

      it('posts the indemnity 512 / 416 for the insured share; the invoice keeps the rest open; more than the insured amount is refused', async () => {
        const { db } = database;
        const clock = { now: () => new Date('2026-05-10T08:00:00Z') };
        const receivables = new ReceivablesService(db, clock);
        const customer = await new CustomersRepository(db).upsert({ reference: 'MARTIN', name: 'Boulangerie Martin', addressLines: ['4 place du Marché', '38000 Grenoble'] }, []);
        const [row] = await receivables.issue([
          {
            number: 'F-2026-041',
            customerId: customer.id,
            issueDate: '2026-03-01',
            dueDate: '2026-03-31',
            amount: 1200_00,
            vatAmount: 200_00,
            currency: 'EUR',
            timeZone: 'Europe/Paris',
            customerType: 'company',
          },
        ]);
        const invoiceId = row!.id;
        await receivables.setStanding({ invoiceId, status: 'doubtful', key: `${invoiceId}:doubtful:2`, at: clock.now() });
        const repository = new InsuranceRepository(db);
        const policy = await repository.createPolicy({ ...TERMS, policyNumber: 'POL-2' });
        await repository.setLimit({ policyId: policy.id, customerId: customer.id, limitAmount: 1000_00, currency: 'EUR', grantedOn: '2026-01-01' });

        // The flow's step on 20 April (D+20), through the database adapters.
        const activities = insuranceActivities({
          store: new DatabaseDunningStore(db, { name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: [] }, clock),
          insurance: new DatabaseInsuranceStore(db),
        } as unknown as ActivityDependencies);
        const declared = await activities.declareToInsurer({
          idempotencyKey: `${invoiceId}:threat:3`,
          workflowId: `invoice-${invoiceId}`,
          invoice: { ...invoiceFacts(invoiceId, Date.parse('2026-03-01')), customerId: customer.id },
          customer: { customerId: customer.id, name: customer.name, locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
          flowId: 'insured',
          flowVersion: 1,
          nodeId: 'threat',
          at: '2026-04-20T07:00:00.000Z',
          action: 'declare_threat',
        });
        expect(declared.outcome).toBe('declared');
        const declarationId = (declared as { declarationId: string }).declarationId;
        const declaration = (await repository.findDeclaration(declarationId))!;
        expect(declaration).toMatchObject({ insuredAmount: 900_00, deadline: '2026-04-30' });
        expect(declaration.declaredAt.toISOString() < '2026-04-30').toBe(true);

        await expect(receivables.recordInsuranceIndemnity({ declarationId, amount: 950_00, date: '2026-06-15', reference: 'IND-77' })).rejects.toMatchObject({
          code: 'invalid',
          field: 'amount',
        });
        const outcome = await receivables.recordInsuranceIndemnity({ declarationId, amount: 900_00, date: '2026-06-15', reference: 'IND-77' });

        const lines = (await new LedgerRepository(db).journal('2026-06-15', '2026-06-15')).filter((l) => l.invoiceNumber === 'F-2026-041').map((l) => l.line);
        const indemnity = lines.filter((l) => l.pieceRef === 'IND-77' && (l.account === '512' || l.account === '416' || l.account === '411'));
        expect(indemnity.map((l) => [l.account, l.debit, l.credit])).toEqual([
          ['512', 900_00, 0],
          ['416', 0, 900_00],
        ]);
        const invoice = (await new InvoicesRepository(db).findById(invoiceId))!;
        expect(invoice).toMatchObject({ balance: 300_00, status: 'doubtful' });
        expect(outcome.after.balance).toBe(300_00);
        expect(await repository.findDeclaration(declarationId)).toMatchObject({ status: 'indemnified', indemnityAmount: 900_00, indemnifiedOn: '2026-06-15' });
        // The invoice's workflow learns the balance through the outbox, as it does a payment.
        const signals = await db.select().from(workflowSignals).where(eq(workflowSignals.invoiceId, invoiceId));
        expect(signals.map((s) => [s.signal, (s.payload.after as { balance: number }).balance])).toEqual([['balanceChanged', 300_00]]);
      });
    });
  });
}
