import type { StepRequest } from '@dunning/workflows';
import { insuranceActivities, type InsurancePolicy, type InsuranceStore } from '../../activities/credit-insurance';
import type { ActivityDependencies, DunningStore, ExceptionReport } from '../../activities/ports';

/**
 * The credit insurance store's contract, run through the activities on the memory store and on the
 * database: a test on the memory double cannot pass where the database would not.
 */
export interface InsuranceFixture {
  store: DunningStore;
  insurance: InsuranceStore;
  customer(reference: string): Promise<string>;
  invoice(customerId: string, number: string, options: { amount: number; dueDate: string }): Promise<string>;
  policy(terms: Omit<InsurancePolicy, 'policyId'>): Promise<string>;
  limit(customerId: string, policyId: string, amount: number): Promise<void>;
  /** The dossier's bytes, by document id. */
  dossier(documentId: string): Promise<Buffer | undefined>;
  openExceptions(): Promise<ExceptionReport[]>;
}

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;

const TERMS = { insurer: 'Allianz Trade', coveragePercent: 90, currency: 'EUR', threatDeclarationDays: 60, claimDeadlineDays: 90, autoDeclareDaysBefore: 10 };

function step(invoiceId: string, customerId: string, key: string, at: string): StepRequest {
  return {
    idempotencyKey: key,
    workflowId: `invoice-${invoiceId}`,
    invoice: {
      invoiceId,
      invoiceNumber: invoiceId,
      customerId,
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      amount: { amount: 0, currency: 'EUR' },
      balance: { amount: 0, currency: 'EUR' },
      riskScore: 5,
      segment: 'smb',
      customerType: 'company',
    },
    customer: { customerId, name: customerId, locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
    flowId: 'flow',
    flowVersion: 1,
    nodeId: 'insurance',
    at,
  };
}

export function insuranceStoreContract(name: string, fixture: () => InsuranceFixture): void {
  describe(`${name}: the credit insurance contract`, () => {
    const activitiesOf = (f: InsuranceFixture) => insuranceActivities({ store: f.store, insurance: f.insurance } as unknown as ActivityDependencies);

    it('declares the threat once per invoice before its deadline, for the insured share within the limit; an uninsured customer is skipped', async () => {
      const f = fixture();
      const activities = activitiesOf(f);
      const customerId = await f.customer(unique('C'));
      const policyId = await f.policy({ ...TERMS, policyNumber: unique('POL') });
      await f.limit(customerId, policyId, 1000_00);
      const invoiceId = await f.invoice(customerId, unique('F'), { amount: 1500_00, dueDate: '2026-03-31' });
      const first = await activities.declareToInsurer({ ...step(invoiceId, customerId, `${invoiceId}:insurance:3`, '2026-05-10T08:00:00.000Z'), action: 'declare_threat' });
      expect(first.outcome).toBe('declared');
      // The same step retried, or another threat step, gets the same declaration.
      expect(await activities.declareToInsurer({ ...step(invoiceId, customerId, `${invoiceId}:insurance:3`, '2026-05-10T08:00:00.000Z'), action: 'declare_threat' })).toEqual(
        first,
      );
      expect(await activities.declareToInsurer({ ...step(invoiceId, customerId, `${invoiceId}:insurance:7`, '2026-05-12T08:00:00.000Z'), action: 'declare_threat' })).toEqual(
        first,
      );
      const [threat, ...others] = await f.insurance.declarationsOf(invoiceId);
      expect(others).toEqual([]);
      // 90 % of the 1 000.00 limit (the invoice owes 1 500.00); deadline = due date + 60 days.
      expect(threat).toMatchObject({
        kind: 'threat',
        status: 'declared',
        outstanding: 1500_00,
        insuredAmount: 900_00,
        deadline: '2026-05-30',
        declaredBy: 'flow',
        declaredAt: '2026-05-10T08:00:00.000Z',
      });
      expect((await f.openExceptions()).filter((e) => e.invoiceId === invoiceId)).toEqual([]);

      const uninsured = await f.customer(unique('C'));
      const other = await f.invoice(uninsured, unique('F'), { amount: 100_00, dueDate: '2026-03-31' });
      expect(await activities.declareToInsurer({ ...step(other, uninsured, `${other}:insurance:3`, '2026-05-10T08:00:00.000Z'), action: 'declare_threat' })).toEqual({
        outcome: 'skipped',
        reason: expect.stringMatching(/not insured/),
      });
    });

    it('files a claim with its dossier, declaring the threat first when none was; late, both go to the exceptions inbox', async () => {
      const f = fixture();
      const activities = activitiesOf(f);
      const customerId = await f.customer(unique('C'));
      const policyId = await f.policy({ ...TERMS, policyNumber: unique('POL') });
      await f.limit(customerId, policyId, 5000_00);
      const invoiceId = await f.invoice(customerId, unique('F'), { amount: 2000_00, dueDate: '2026-03-31' });
      // 1 July: past the threat's deadline (30 May).
      const claimed = await activities.declareToInsurer({ ...step(invoiceId, customerId, `${invoiceId}:claim:5`, '2026-07-01T08:00:00.000Z'), action: 'file_claim' });
      expect(claimed.outcome).toBe('declared');
      const declarations = await f.insurance.declarationsOf(invoiceId);
      expect(declarations.map((d) => [d.kind, d.insuredAmount, d.deadline])).toEqual([
        ['threat', 1800_00, '2026-05-30'],
        ['claim', 1800_00, '2026-09-29'],
      ]);
      const claim = declarations.find((d) => d.kind === 'claim')!;
      expect(claim.declarationId).toBe((claimed as { declarationId: string }).declarationId);
      const pdf = await f.dossier(claim.dossierDocumentId!);
      expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
      const late = (await f.openExceptions()).filter((e) => e.invoiceId === invoiceId);
      expect(late.map((e) => e.kind)).toEqual(['insurance_deadline']);
      expect(late[0]!.message).toMatch(/2026-05-30/);
      // Retried: nothing new.
      expect(await activities.declareToInsurer({ ...step(invoiceId, customerId, `${invoiceId}:claim:5`, '2026-07-01T08:00:00.000Z'), action: 'file_claim' })).toEqual(claimed);
      expect(await f.insurance.declarationsOf(invoiceId)).toHaveLength(2);
    });

    it('the automatic rule declares threats from the policy’s auto date on, once, and leaves paid or uninsured invoices alone', async () => {
      const f = fixture();
      const activities = activitiesOf(f);
      const customerId = await f.customer(unique('C'));
      const policyId = await f.policy({ ...TERMS, policyNumber: unique('POL') });
      await f.limit(customerId, policyId, 5000_00);
      const invoiceId = await f.invoice(customerId, unique('F'), { amount: 300_00, dueDate: '2026-03-31' });
      const mine = async () => (await f.insurance.declarationsOf(invoiceId)).filter((d) => d.kind === 'threat');
      // The deadline is 30 May; the rule starts 10 days before it, on 20 May (Paris).
      await activities.declareDueThreats({ at: '2026-05-18T22:30:00.000Z' });
      expect(await mine()).toEqual([]);
      await activities.declareDueThreats({ at: '2026-05-19T22:30:00.000Z' });
      expect(await mine()).toMatchObject([{ declaredBy: 'rule', deadline: '2026-05-30', insuredAmount: 270_00 }]);
      const declaredAt = (await mine())[0]!.declaredAt;
      expect(declaredAt < '2026-05-30').toBe(true);
      await activities.declareDueThreats({ at: '2026-05-20T22:30:00.000Z' });
      expect(await mine()).toHaveLength(1);
    });
  });
}
