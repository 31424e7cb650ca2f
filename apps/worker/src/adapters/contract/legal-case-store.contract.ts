import type { LegalCaseRequest } from '@dunning/domain';
import type { DunningActivities } from '@dunning/workflows';
import { legalCaseActivities } from '../../activities/legal-cases';
import type { ActivityDependencies } from '../../activities/ports';

/**
 * How a test sets up the court-case stores: the same assertions (through the `openLegalCase`
 * activity) run on the memory stores and the database ones, so the tests' double cannot drift.
 */
export interface LegalCaseFixture {
  deps: Pick<ActivityDependencies, 'store' | 'recoverability' | 'legalCases'>;
  /** An invoice of a new customer (with a SIREN and an address), due 2026-03-31, issued 2026-03-01. */
  invoice(options: { amount: number; customerType?: 'company' | 'person' }): Promise<{ invoiceId: string; customerId: string; number: string }>;
  attachDocument(invoiceId: string): Promise<void>;
  /** The case as stored, and its dossier. */
  legalCase(
    caseId: string,
  ): Promise<{ route: string; court: string | null; stage: string; deadline: string | null; request: LegalCaseRequest; dossier: { fileName: string; content: Buffer } }>;
  /** How many cases the invoice has. */
  casesOf(invoiceId: string): Promise<number>;
}

type OpenRequest = Parameters<DunningActivities['openLegalCase']>[0];

let seq = 0;

function stepRequest(
  invoice: { invoiceId: string; customerId: string; number: string },
  amount: number,
  customerType: 'company' | 'person',
  extra: Partial<OpenRequest>,
): OpenRequest {
  return {
    idempotencyKey: `${invoice.invoiceId}:court:${++seq}`,
    workflowId: `invoice-${invoice.invoiceId}`,
    invoice: {
      invoiceId: invoice.invoiceId,
      invoiceNumber: invoice.number,
      customerId: invoice.customerId,
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      amount: { amount, currency: 'EUR' },
      balance: { amount, currency: 'EUR' },
      riskScore: 5,
      segment: 'default',
      customerType,
    },
    customer: { customerId: invoice.customerId, name: 'Debtor', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
    flowId: 'court',
    flowVersion: 1,
    nodeId: 'payment-order',
    at: '2026-05-15T07:00:00.000Z',
    route: 'payment_order',
    ...extra,
  };
}

export function legalCaseStoreContract(name: string, fixture: () => LegalCaseFixture): void {
  describe(`${name}: the court-case store contract`, () => {
    it('opens an order for payment once per step key, at the commercial court for a company, with its request data and PDF dossier', async () => {
      const f = fixture();
      const invoice = await f.invoice({ amount: 12_000_00 });
      await f.attachDocument(invoice.invoiceId);
      const activity = legalCaseActivities(f.deps as ActivityDependencies);
      const request = stepRequest(invoice, 12_000_00, 'company', { court: 'auto' });
      const opened = await activity.openLegalCase(request);
      expect(opened).toEqual({ outcome: 'opened', caseId: expect.any(String) });
      // A retried step finds its case: one case, one dossier.
      expect(await activity.openLegalCase(request)).toEqual(opened);
      expect(await f.casesOf(invoice.invoiceId)).toBe(1);
      const stored = await f.legalCase((opened as { caseId: string }).caseId);
      expect(stored).toMatchObject({ route: 'payment_order', court: 'tribunal_de_commerce', stage: 'prepared', deadline: null });
      expect(stored.request).toMatchObject({
        court: 'tribunal_de_commerce',
        debtor: { type: 'company', legalId: expect.stringMatching(/\d{9}/), addressLines: expect.arrayContaining([expect.any(String)]) },
        claim: { invoiceNumber: invoice.number, principal: 12_000_00, total: 12_000_00, currency: 'EUR', interest: { basis: 'legal', from: '2026-03-31' } },
        documents: [expect.objectContaining({ kind: 'supporting', supportingType: 'order' })],
      });
      expect(stored.dossier.fileName).toBe(`injonction-de-payer-${invoice.number}.pdf`);
      expect(stored.dossier.content.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('asks the judicial court for a person, and the node’s court when it names one', async () => {
      const f = fixture();
      const activity = legalCaseActivities(f.deps as ActivityDependencies);
      const person = await f.invoice({ amount: 900_00, customerType: 'person' });
      await f.attachDocument(person.invoiceId);
      const opened = (await activity.openLegalCase(stepRequest(person, 900_00, 'person', { court: 'auto' }))) as { caseId: string };
      expect((await f.legalCase(opened.caseId)).court).toBe('tribunal_judiciaire');
      const company = await f.invoice({ amount: 900_00 });
      await f.attachDocument(company.invoiceId);
      const named = (await activity.openLegalCase(stepRequest(company, 900_00, 'company', { court: 'tribunal_judiciaire' }))) as { caseId: string };
      expect((await f.legalCase(named.caseId)).court).toBe('tribunal_judiciaire');
    });

    it('opens a simplified procedure up to 5,000 EUR with the debtor’s answer deadline, and holds one above', async () => {
      const f = fixture();
      const activity = legalCaseActivities(f.deps as ActivityDependencies);
      const small = await f.invoice({ amount: 3_000_00 });
      await f.attachDocument(small.invoiceId);
      const deadline = '2026-06-14T07:00:00.000Z';
      const opened = (await activity.openLegalCase(stepRequest(small, 3_000_00, 'company', { route: 'simplified_procedure', nodeId: 'simplified-procedure', deadline }))) as {
        caseId: string;
      };
      const stored = await f.legalCase(opened.caseId);
      expect(stored).toMatchObject({ route: 'simplified_procedure', court: null, stage: 'requested', deadline });
      expect(stored.request.answerDeadline).toBe(deadline);
      expect(stored.dossier.fileName).toBe(`procedure-simplifiee-${small.number}.pdf`);

      const large = await f.invoice({ amount: 5_000_01 });
      await f.attachDocument(large.invoiceId);
      const refused = await activity.openLegalCase(stepRequest(large, 5_000_01, 'company', { route: 'simplified_procedure', nodeId: 'simplified-procedure', deadline }));
      expect(refused).toMatchObject({ outcome: 'held', reason: 'not_recoverable', detail: expect.stringContaining('5000.00 EUR') });
      expect(await f.casesOf(large.invoiceId)).toBe(0);
    });

    it('holds a claim that is not certain (no supporting document), saying what is missing', async () => {
      const f = fixture();
      const invoice = await f.invoice({ amount: 2_000_00 });
      const held = await legalCaseActivities(f.deps as ActivityDependencies).openLegalCase(stepRequest(invoice, 2_000_00, 'company', { court: 'auto' }));
      expect(held).toMatchObject({ outcome: 'held', reason: 'not_recoverable', detail: expect.stringContaining('Code civil, art. 1353') });
      expect(await f.casesOf(invoice.invoiceId)).toBe(0);
    });
  });
}
