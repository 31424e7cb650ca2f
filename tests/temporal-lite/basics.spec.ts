import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { createTestWorker, createTimeSkippingEnv, replayAllHistories } from './temporal-lite-env';
import { failing, greet } from './workflows';

describe('temporal-lite: start, result, describe, history', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('starts a workflow, returns its result through the history long poll, describes it and serves its history', async () => {
    const { worker } = await createTestWorker(env, 'basics');
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(greet, { args: ['Ada'], taskQueue: 'basics', workflowId: 'greet-ada' });
      expect(await handle.result()).toBe('Hello, Ada!');

      const description = await handle.describe();
      expect(description.status.name).toBe('COMPLETED');
      expect(description.type).toBe('greet');
      expect(description.taskQueue).toBe('basics');
      expect(description.runId).toBe(handle.firstExecutionRunId);
      expect(description.closeTime).toBeInstanceOf(Date);

      const history = await handle.fetchHistory();
      const types = history.events!.map((e) => e.eventType);
      expect(types[0]).toBe(1); // WorkflowExecutionStarted
      expect(types.at(-1)).toBe(2); // WorkflowExecutionCompleted
      expect(history.events!.map((e) => Number(e.eventId))).toEqual(types.map((_, i) => i + 1));
      expect(types).toEqual(expect.arrayContaining([10, 11, 12])); // activity scheduled, started, completed
    });
  });

  it('starts a workflow eagerly: its first workflow task comes back in the start answer, to the worker of the same connection', async () => {
    const { worker } = await createTestWorker(env, 'eager');
    await worker.runUntil(async () => {
      // Eager start needs the worker's own connection: the SDK reserves one of its task slots.
      const client = new Client({ connection: env.nativeConnection, namespace: env.namespace });
      const handle = await client.workflow.start(greet, { args: ['Eve'], taskQueue: 'eager', workflowId: 'greet-eager', requestEagerStart: true });
      expect(handle.eagerlyStarted).toBe(true);
      expect(await handle.result()).toBe('Hello, Eve!');
      const { events } = await handle.fetchHistory();
      // Scheduled and started with the start itself, by the client's identity.
      expect(events!.slice(0, 3).map((e) => e.eventType)).toEqual([1, 5, 6]);
      expect(events![2]!.workflowTaskStartedEventAttributes?.identity).toBe(events![0]!.workflowExecutionStartedEventAttributes?.identity);

      const lazy = await client.workflow.start(greet, { args: ['Lazy'], taskQueue: 'eager', workflowId: 'greet-not-eager' });
      expect(lazy.eagerlyStarted).toBe(false);
      expect(await lazy.result()).toBe('Hello, Lazy!');
    });
  });

  it('reports the backlog of a task queue: workflow tasks no worker has taken yet, none once a worker took them', async () => {
    const backlog = async () =>
      Number(
        (await env.client.workflowService.describeTaskQueue({ namespace: env.namespace ?? 'default', taskQueue: { name: 'backlog' }, taskQueueType: 1, reportStats: true })).stats
          ?.approximateBacklogCount ?? -1,
      );
    expect(await backlog()).toBe(0);
    const handles = await Promise.all([1, 2, 3].map((i) => env.client.workflow.start(greet, { args: [`B${i}`], taskQueue: 'backlog', workflowId: `backlog-${i}` })));
    expect(await backlog()).toBe(3);
    const { worker } = await createTestWorker(env, 'backlog');
    await worker.runUntil(async () => {
      for (const handle of handles) await handle.result();
    });
    expect(await backlog()).toBe(0);
  });

  it('reports a workflow failure with its cause', async () => {
    const { worker } = await createTestWorker(env, 'basics');
    await worker.runUntil(async () => {
      const error = await env.client.workflow.execute(failing, { args: ['invoice not found'], taskQueue: 'basics', workflowId: 'failing-1' }).catch((e) => e);
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect(error.cause.message).toBe('invoice not found');
      expect(error.cause.type).toBe('DunningTestError');
    });
  });

  it('answers NOT_FOUND for an unknown workflow id', async () => {
    await expect(env.client.workflow.getHandle('no-such-invoice').describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(env.client.workflow.getHandle('no-such-invoice').signal('x')).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client);
    expect(errors).toEqual([]);
    expect(replayed).toBeGreaterThanOrEqual(2);
  });
});
