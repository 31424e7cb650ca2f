import { oppositionPeriodEnd } from '@dunning/domain';
import { courtFlow, type TimelineEntry } from '@dunning/flow';
import { legalCaseSignal, snapshotQuery, timelineQuery } from '@dunning/workflows';
import { MemoryLegalCaseStore } from '@dunning/worker/src/adapters/memory/memory-legal-case-store';
import { MemoryRecoverabilityStore } from '@dunning/worker/src/adapters/memory/memory-recoverability-store';
import { dunningWorkerPerSuite, invoiceFacts, startInvoice } from './dunning-env';

const DAY = 86_400_000;
const outcomes = (timeline: TimelineEntry[]) => timeline.filter((e) => e.type === 'outcome').map((e) => `${e.nodeId} → ${e.outcome}`);

/**
 * Court routes by amount (issue 13): with courtFlow(), a claim up to 5,000 EUR takes the simplified
 * recovery procedure (CPCE L125-1) and a larger one the order for payment (CPC 1405); each opens its
 * case with a PDF dossier. The order's month of opposition (CPC 1416) runs on a durable timer; an
 * opposition signalled before its end moves the case on.
 */
/** Run by legal-routes.spec.ts, so the toolkit's workflow suites share one bundle of the workflows. */
export function courtRoutesCases(): void {
  describe('court routes by amount, under time skipping', () => {
    const suite = dunningWorkerPerSuite();

    it('routes 3,000 EUR to the simplified procedure and 12,000 EUR to an order for payment, which becomes enforceable when the opposition month ends, or goes to opposition', async () => {
      const start = await suite.env.currentTimeMs();
      const recoverability = MemoryRecoverabilityStore.of(suite.harness.store);
      const cases = MemoryLegalCaseStore.of(suite.harness.store);
      const invoices = {
        small: invoiceFacts('court-small', start, { amount: { amount: 3_000_00, currency: 'EUR' }, balance: { amount: 3_000_00, currency: 'EUR' } }),
        large: invoiceFacts('court-large', start, { amount: { amount: 12_000_00, currency: 'EUR' }, balance: { amount: 12_000_00, currency: 'EUR' } }),
        opposed: invoiceFacts('court-opposed', start, { amount: { amount: 12_000_00, currency: 'EUR' }, balance: { amount: 12_000_00, currency: 'EUR' } }),
      };
      // The formal notice and the court need a certain claim: an order backs each invoice (Code civil 1353).
      for (const invoice of Object.values(invoices)) recoverability.attachDocument(invoice.invoiceId, 'order');
      const handles = {
        small: await startInvoice(suite.env, courtFlow(), invoices.small),
        large: await startInvoice(suite.env, courtFlow(), invoices.large),
        opposed: await startInvoice(suite.env, courtFlow(), invoices.opposed),
      };

      // Due at D+30 (from today), the court routes at D+45 after the due date: 75 days, and a little more for the steps.
      await suite.env.sleep(76 * DAY);
      const caseOf = (invoiceId: string) => [...cases.cases.values()].find((c) => c.invoiceId === invoiceId);
      const small = caseOf('court-small')!;
      const large = caseOf('court-large')!;
      expect(small).toMatchObject({ route: 'simplified_procedure', stage: 'requested', court: null, nodeId: 'simplified-procedure', deadline: expect.any(String) });
      expect(large).toMatchObject({ route: 'payment_order', stage: 'prepared', court: 'tribunal_de_commerce', nodeId: 'payment-order', deadline: null });
      // Each with its dossier: the request (parties, claim with the 40 EUR indemnity and interest, documents) as a PDF.
      expect(large.request.claim).toMatchObject({ principal: 12_000_00, fees: { recoveryIndemnity: 40_00 }, currency: 'EUR' });
      expect(large.request.claim.interest.amount).toBeGreaterThan(0);
      expect(large.request.documents).toEqual([
        { kind: 'supporting', fileName: 'order-1.pdf', supportingType: 'order' },
        { kind: 'invoice', fileName: 'invoice-F-court-large.pdf', supportingType: null },
        { kind: 'letter', fileName: expect.stringMatching(/^letter-formal-notice-F-court-large/), supportingType: null },
      ]);
      for (const opened of [small, large]) expect(cases.dossiers.get(opened.stepKey)!.content.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await handles.large.query(snapshotQuery)).currentStep?.nodeId).toBe('payment-order');

      // The debtor accepts the commissaire de justice's proposal: the flow ends with the agreement.
      await handles.small.signal(legalCaseSignal, { nodeId: 'simplified-procedure', stage: 'accepted', eventKey: 'small-accepted' });
      expect((await handles.small.result()).currentNodeId).toBe('end-agreement');

      // The order is filed, granted and served: the month of opposition (CPC 1416) runs on a timer.
      const servedOn = new Date(await suite.env.currentTimeMs()).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
      const deadline = oppositionPeriodEnd(servedOn, 'Europe/Paris');
      for (const [handle, nodeId] of [
        [handles.large, 'payment-order'],
        [handles.opposed, 'payment-order'],
      ] as const) {
        await handle.signal(legalCaseSignal, { nodeId, stage: 'filed', eventKey: `${handle.workflowId}-filed` });
        await handle.signal(legalCaseSignal, { nodeId, stage: 'granted', eventKey: `${handle.workflowId}-granted` });
        await handle.signal(legalCaseSignal, { nodeId, stage: 'served', deadline, eventKey: `${handle.workflowId}-served` });
      }
      await suite.env.sleep(10 * DAY);
      expect((await handles.large.query(snapshotQuery)).finished).toBeUndefined();
      // The debtor opposes within the month: that case leaves for the opposition's end.
      await handles.opposed.signal(legalCaseSignal, { nodeId: 'payment-order', stage: 'opposition', eventKey: 'opposed-opposition' });
      const opposed = await handles.opposed.result();
      expect(opposed.currentNodeId).toBe('end-opposition');
      expect(outcomes(await handles.opposed.query(timelineQuery))).toContain('payment-order → opposition');

      // No opposition: at the end of the month the order may be made enforceable (CPC 1422).
      const enforceable = await handles.large.result();
      expect(enforceable.currentNodeId).toBe('end-enforceable');
      const timeline = await handles.large.query(timelineQuery);
      const taken = timeline.find((e) => e.type === 'outcome' && e.nodeId === 'payment-order')!;
      expect(taken.outcome).toBe('enforceable');
      expect(taken.at).toBe(deadline);
      expect(timeline.filter((e) => e.type === 'legal_case').map((e) => e.outcome)).toEqual(['filed', 'granted', 'served']);
    });
  });
}
