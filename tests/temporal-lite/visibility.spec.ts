import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createDevServerEnv, createTestWorker, replayAllHistories } from './temporal-lite-env';
import { amountDue, customerTier, greet, nextReminderAt, upsertsAttributes } from './workflows';

/** Search attributes and list queries, on the dev server as `createLocal` launches it. */
describe('temporal-lite: search attributes and visibility', () => {
  let env: TestWorkflowEnvironment;
  let stopWorker: () => void;
  let workerDone: Promise<void>;
  const taskQueue = 'visibility';

  beforeAll(async () => {
    env = await createDevServerEnv({
      searchAttributes: [
        { name: 'CustomerTier', type: 'KEYWORD' },
        { name: 'AmountDue', type: 'INT' },
        { name: 'NextReminderAt', type: 'DATETIME' },
      ],
    });
    const { worker } = await createTestWorker(env, taskQueue);
    workerDone = worker.run();
    stopWorker = () => worker.shutdown();

    await env.client.workflow.execute(greet, { args: ['a'], taskQueue, workflowId: 'greet-a' });
    const invoices: Array<[string, string, number, string]> = [
      ['inv-1', 'gold', 120_00, '2026-12-01T09:00:00Z'],
      ['inv-2', 'gold', 4_500_00, '2026-12-15T09:00:00Z'],
      ['inv-3', 'silver', 80_00, '2027-01-10T09:00:00Z'],
    ];
    for (const [workflowId, tier, amount, nextAt] of invoices) {
      const handle = await env.client.workflow.start(upsertsAttributes, { args: [tier, amount, nextAt], taskQueue, workflowId });
      // Wait until the upsert is in history.
      for (let i = 0; i < 100 && !(await handle.describe()).searchAttributes.CustomerTier; i++) await new Promise((r) => setTimeout(r, 20));
    }
  });
  afterAll(async () => {
    stopWorker?.();
    await workerDone;
    await env?.teardown();
  });

  const ids = async (query: string) => {
    const found: string[] = [];
    for await (const execution of env.client.workflow.list({ query })) found.push(execution.workflowId);
    return found.sort();
  };

  it('lists by workflow type, status and id', async () => {
    expect(await ids("WorkflowType = 'upsertsAttributes'")).toEqual(['inv-1', 'inv-2', 'inv-3']);
    expect(await ids("ExecutionStatus = 'Completed'")).toEqual(['greet-a']);
    expect(await ids("ExecutionStatus = 'Running' AND WorkflowId IN ('inv-1', 'inv-3', 'nope')")).toEqual(['inv-1', 'inv-3']);
    expect(await ids("WorkflowId STARTS_WITH 'inv-'")).toEqual(['inv-1', 'inv-2', 'inv-3']);
  });

  it('filters on custom keyword, int and datetime attributes upserted by the workflow', async () => {
    expect(await ids("CustomerTier = 'gold'")).toEqual(['inv-1', 'inv-2']);
    expect(await ids('AmountDue >= 10000 AND AmountDue < 100000')).toEqual(['inv-1']);
    expect(await ids("NextReminderAt < '2027-01-01T00:00:00Z'")).toEqual(['inv-1', 'inv-2']);
    expect(await ids("(CustomerTier = 'silver' OR AmountDue > 400000) AND NextReminderAt BETWEEN '2026-12-10T00:00:00Z' AND '2027-02-01T00:00:00Z'")).toEqual(['inv-2', 'inv-3']);
    expect(await ids('CustomerTier IS NULL')).toEqual(['greet-a']);
  });

  it('returns typed search attributes and counts', async () => {
    const description = await env.client.workflow.getHandle('inv-2').describe();
    expect(description.typedSearchAttributes.get(customerTier)).toBe('gold');
    expect(description.typedSearchAttributes.get(amountDue)).toBe(4_500_00);
    expect(description.typedSearchAttributes.get(nextReminderAt)).toEqual(new Date('2026-12-15T09:00:00Z'));
    expect((await env.client.workflow.count("CustomerTier = 'gold'")).count).toBe(2);
  });

  it('rejects a query on an unknown attribute, or a value of the wrong type, naming it', async () => {
    const cause = (query: string) => ids(query).catch((error) => error.cause);
    expect(await cause("Nope = 'x'")).toMatchObject({ code: 3, details: expect.stringMatching(/unknown .*search attribute Nope/) });
    expect(await cause("AmountDue = 'lots'")).toMatchObject({ code: 3, details: expect.stringMatching(/AmountDue expects a number/) });
  });

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client);
    expect(errors).toEqual([]);
    expect(replayed).toBe(4);
  });
});
