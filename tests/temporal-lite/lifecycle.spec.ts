import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure, TerminatedFailure } from '@temporalio/common';
import { createTestWorker, createTimeSkippingEnv, replayAllHistories } from './temporal-lite-env';
import { addItem, cancellableWithCleanup, collector, counter, finish, greet, parent, signalSibling } from './workflows';

describe('temporal-lite: workflow lifecycle', () => {
  let env: TestWorkflowEnvironment;
  let calls: Map<string, unknown[]>;
  let stopWorker: () => void;
  let workerDone: Promise<void>;
  const taskQueue = 'lifecycle';

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    const created = await createTestWorker(env, taskQueue);
    calls = created.calls;
    workerDone = created.worker.run();
    stopWorker = () => created.worker.shutdown();
  });
  afterAll(async () => {
    stopWorker?.();
    await workerDone;
    await env?.teardown();
  });

  it('cancels a workflow, which runs its cleanup before closing as cancelled', async () => {
    const handle = await env.client.workflow.start(cancellableWithCleanup, { args: ['cleanup-1'], taskQueue, workflowId: 'cancel-1' });
    await handle.query('__stack_trace'); // the workflow has started and is sleeping
    await handle.cancel();
    const error = await handle.result().catch((e) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect(error.cause).toBeInstanceOf(CancelledFailure);
    expect(calls.get('cleanup-1')).toEqual(['cleanup']);
    expect((await handle.describe()).status.name).toBe('CANCELLED');
  });

  it('terminates a workflow at once', async () => {
    const handle = await env.client.workflow.start(collector, { taskQueue, workflowId: 'terminate-1' });
    await handle.terminate('wrong customer');
    const error = await handle.result().catch((e) => e);
    expect(error.cause).toBeInstanceOf(TerminatedFailure);
    expect((await handle.describe()).status.name).toBe('TERMINATED');
    const history = await handle.fetchHistory();
    expect(history.events!.at(-1)!.workflowExecutionTerminatedEventAttributes!.reason).toBe('wrong customer');
  });

  it('continues as new and follows the chain of runs to the final result', async () => {
    const handle = await env.client.workflow.start(counter, { args: [0, 5], taskQueue, workflowId: 'counter-1' });
    expect(await handle.result()).toBe(5);
    const runs = [];
    for await (const execution of env.client.workflow.list({ query: "WorkflowId = 'counter-1'" })) runs.push(execution);
    expect(runs).toHaveLength(6);
    expect(runs.filter((r) => r.status.name === 'CONTINUED_AS_NEW')).toHaveLength(5);
    const latest = await env.client.workflow.getHandle('counter-1').describe();
    expect(latest.status.name).toBe('COMPLETED');
    expect(latest.runId).not.toBe(handle.firstExecutionRunId);
  });

  it('runs child workflows and reports their results and failures to the parent', async () => {
    const result = await env.client.workflow.execute(parent, { args: [[1, -1, 3]], taskQueue, workflowId: 'parent-1' });
    expect(result).toEqual({ results: [2, 6], failures: ['negative'] });
    const child = await env.client.workflow.getHandle('parent-1-child-0').describe();
    expect(child.parentExecution?.workflowId).toBe('parent-1');
  });

  it('signals another workflow from a workflow, and reports a missing target', async () => {
    const target = await env.client.workflow.start(collector, { taskQueue, workflowId: 'signal-target' });
    const outcome = await env.client.workflow.execute(signalSibling, { args: ['signal-target', 'from-sibling'], taskQueue, workflowId: 'signaller' });
    expect(outcome).toMatch(/^sent; missing target: .*not found/);
    await target.signal(finish);
    expect(await target.result()).toEqual(['from-sibling']);
  });

  it('applies workflow id reuse and conflict policies', async () => {
    const running = await env.client.workflow.start(collector, { taskQueue, workflowId: 'policy-1' });
    await expect(env.client.workflow.start(collector, { taskQueue, workflowId: 'policy-1' })).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    const existing = await env.client.workflow.start(collector, { taskQueue, workflowId: 'policy-1', workflowIdConflictPolicy: 'USE_EXISTING' });
    expect(existing.firstExecutionRunId).toBe(running.firstExecutionRunId);

    const replacement = await env.client.workflow.start(collector, { taskQueue, workflowId: 'policy-1', workflowIdConflictPolicy: 'TERMINATE_EXISTING' });
    expect(replacement.firstExecutionRunId).not.toBe(running.firstExecutionRunId);
    const previous = env.client.workflow.getHandle('policy-1', running.firstExecutionRunId);
    expect((await previous.describe()).status.name).toBe('TERMINATED');
    await replacement.signal(addItem, 'x');
    await replacement.signal(finish);
    await replacement.result();

    // Closed: a duplicate is allowed by default, refused with REJECT_DUPLICATE.
    await expect(env.client.workflow.start(greet, { args: ['x'], taskQueue, workflowId: 'policy-1', workflowIdReusePolicy: 'REJECT_DUPLICATE' })).rejects.toBeInstanceOf(
      WorkflowExecutionAlreadyStartedError,
    );
    await expect(env.client.workflow.start(greet, { args: ['x'], taskQueue, workflowId: 'policy-1', workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' })).rejects.toBeInstanceOf(
      WorkflowExecutionAlreadyStartedError,
    );
    const again = await env.client.workflow.start(greet, { args: ['again'], taskQueue, workflowId: 'policy-1' });
    expect(await again.result()).toBe('Hello, again!');
  });

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client);
    expect(errors).toEqual([]);
    expect(replayed).toBeGreaterThanOrEqual(17);
  });
});
