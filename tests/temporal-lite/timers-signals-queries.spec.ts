import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { QueryNotRegisteredError } from '@temporalio/client';
import { createTestWorker, createTimeSkippingEnv, replayAllHistories } from './temporal-lite-env';
import { addItem, approvalState, approve, cancelledTimer, collector, conditionWithTimeout, finish, items, manyTimers, sleeper } from './workflows';

describe('temporal-lite: timers, signals and queries', () => {
  let env: TestWorkflowEnvironment;
  let stopWorker: () => void;
  let workerDone: Promise<void>;
  const taskQueue = 'timers-signals';

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    const { worker } = await createTestWorker(env, taskQueue);
    workerDone = worker.run();
    stopWorker = () => worker.shutdown();
  });
  afterAll(async () => {
    stopWorker?.();
    await workerDone;
    await env?.teardown();
  });

  const start = <A extends unknown[], R>(workflow: (...args: A) => Promise<R>, workflowId: string, ...args: A) =>
    env.client.workflow.start(workflow, { args, taskQueue, workflowId });

  it('sleeps 60 days in a few seconds of wall time', async () => {
    const began = Date.now();
    const slept = await (await start(sleeper, 'sleep-60d', 60 * 86_400_000)).result();
    expect(slept).toBeGreaterThanOrEqual(60 * 86_400_000);
    expect(Date.now() - began).toBeLessThan(5_000);
  });

  it('cancels a timer', async () => {
    expect(await (await start(cancelledTimer, 'cancelled-timer')).result()).toBe('cancelled');
  });

  it('ends condition(fn, timeout) by its timeout, or early when the condition holds', async () => {
    expect(await (await start(conditionWithTimeout, 'condition-timeout', '7 days')).result()).toBe('timed out');

    const handle = await start(conditionWithTimeout, 'condition-signal', '7 days');
    expect(await handle.query(approvalState)).toBeUndefined();
    await handle.signal(approve, 'credit manager');
    expect(await handle.result()).toBe('approved by credit manager');
  });

  it('fires many timers of one workflow in deadline order', async () => {
    expect(await (await start(manyTimers, 'many-timers', 200)).result()).toBe(200);
  });

  it('delivers signals in order and answers queries on running and closed workflows', async () => {
    const handle = await start(collector, 'collector-1');
    await handle.signal(addItem, 'invoice-1');
    await handle.signal(addItem, 'invoice-2');
    expect(await handle.query(items)).toEqual(['invoice-1', 'invoice-2']);
    await handle.signal(finish);
    expect(await handle.result()).toEqual(['invoice-1', 'invoice-2']);
    // A closed workflow is queried by replaying its history on a worker.
    expect(await handle.query(items)).toEqual(['invoice-1', 'invoice-2']);
    await expect(handle.query('no-such-query')).rejects.toBeInstanceOf(QueryNotRegisteredError);
  });

  it('starts a workflow with signal-with-start, and signals the running one the second time', async () => {
    const first = await env.client.workflow.signalWithStart(collector, {
      workflowId: 'collector-sws',
      taskQueue,
      signal: addItem,
      signalArgs: ['first'],
    });
    const second = await env.client.workflow.signalWithStart(collector, {
      workflowId: 'collector-sws',
      taskQueue,
      signal: addItem,
      signalArgs: ['second'],
    });
    expect(second.signaledRunId).toBe(first.signaledRunId);
    await first.signal(finish);
    expect(await first.result()).toEqual(['first', 'second']);
  });

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client);
    expect(errors).toEqual([]);
    expect(replayed).toBe(7);
  });
});
