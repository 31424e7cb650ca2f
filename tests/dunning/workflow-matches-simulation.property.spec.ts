import fc from 'fast-check';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { simulate, validateFlow } from '@dunning/flow';
import { randomFlow } from '@dunning/flow/src/testing/random-flow';
import { timelineQuery } from '@dunning/workflows';
import { createTimeSkippingEnv, replayAllHistories } from '../temporal-lite/temporal-lite-env';
import { calendar, createDunningWorker, type DunningHarness, invoiceFacts, invoiceWorkflowBundle, startInvoice } from './dunning-env';

/**
 * The workflow and the simulator drive the same interpreter; this holds them together on random
 * valid flows and invoices: the workflow, run for real under time skipping, writes exactly the
 * timeline `simulate()` predicts.
 */
describe('the invoice workflow produces the timeline simulate() predicts', () => {
  let env: TestWorkflowEnvironment;
  let harness: DunningHarness;
  let running: Promise<void>;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    harness = await createDunningWorker(env);
    running = harness.worker.run();
  });
  afterAll(async () => {
    harness?.worker.shutdown();
    await running;
    await env?.teardown();
  });

  it('for random valid flows and invoices', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        randomFlow,
        fc.integer({ min: 1_00, max: 10_000_00 }),
        fc.integer({ min: -20, max: 60 }),
        fc.constantFrom('company' as const, 'person' as const),
        async (flow, amount, dueInDays, customerType) => {
          expect(validateFlow(flow)).toEqual([]);
          const id = `prop-${run++}`;
          const now = await env.currentTimeMs();
          const invoice = invoiceFacts(id, now, {
            dueDate: new Date(now + dueInDays * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' }),
            amount: { amount, currency: 'EUR' },
            balance: { amount, currency: 'EUR' },
            customerType,
          });
          const handle = await startInvoice(env, flow, invoice);
          await handle.result();
          const startedAt = (await handle.describe()).startTime.toISOString();
          const predicted = await simulate(flow, invoice, { calendar, start: startedAt });
          expect(predicted.outcome).toBe('finished');
          const actual = await handle.query(timelineQuery);
          // Fees are computed by the activity, not by the simulator: compare everything else.
          const comparable = (entries: typeof actual) => entries.map(({ amount: _amount, ...rest }) => rest);
          expect(comparable(actual)).toEqual(comparable(predicted.timeline));
        },
      ),
      { numRuns: 25, endOnFailure: true },
    );
  }, 240_000);

  it('writes histories the SDK replays without error', async () => {
    const { errors, replayed } = await replayAllHistories(env.client, invoiceWorkflowBundle);
    expect(errors).toEqual([]);
    expect(replayed).toBeGreaterThanOrEqual(25); // and the customers' mailboxes
  });
});
