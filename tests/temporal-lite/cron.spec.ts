import type { WorkflowExecutionInfo } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTestActivities } from './test-activities';
import { createTimeSkippingEnv, workflowBundle } from './temporal-lite-env';
import { cronCounter, cronParent } from './workflows';

const HOUR = 3_600_000;
const CRON_SCHEDULE = 3; // ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_CRON_SCHEDULE

type History = temporal.api.history.v1.IHistory;
const decode = (payloads: temporal.api.common.v1.IPayloads | null | undefined) => (payloads?.payloads?.[0] ? defaultPayloadConverter.fromPayload(payloads.payloads[0]) : undefined);

describe('temporal-lite: cron workflows (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let workerDone: Promise<void>;
  const taskQueue = 'cron';

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: createTestActivities() });
    workerDone = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await workerDone;
    await env?.teardown();
  });

  /** The runs of a workflow id, oldest first, with their histories. */
  async function runsOf(workflowId: string): Promise<Array<{ info: WorkflowExecutionInfo; history: History }>> {
    const runs = [];
    for await (const info of env.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      runs.push({ info, history: await env.client.workflow.getHandle(workflowId, info.runId).fetchHistory() });
    }
    return runs.sort((a, b) => a.info.startTime.getTime() - b.info.startTime.getTime());
  }

  it('runs at each cron time, hands each run the last result, and stops when terminated', async () => {
    const startedAt = await env.currentTimeMs();
    const handle = await env.client.workflow.start(cronCounter, { taskQueue, workflowId: 'hourly-counter', cronSchedule: '0 * * * *' });
    const firstHour = Math.ceil(startedAt / HOUR) * HOUR;

    // The first run waits for the first cron time.
    const waiting = await handle.describe();
    expect(waiting.status.name).toBe('RUNNING');
    expect(waiting.executionTime!.getTime()).toBeGreaterThanOrEqual(firstHour);
    expect(waiting.executionTime!.getTime()).toBeLessThan(firstHour + 1_000);

    await env.sleep(firstHour + 3 * HOUR + HOUR / 2 - (await env.currentTimeMs()));
    const runs = await runsOf('hourly-counter');
    expect(runs.map((run) => run.info.status.name)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'RUNNING']);
    // One chain: every run names the first.
    expect(runs.every((run) => run.history.events![0]!.workflowExecutionStartedEventAttributes!.firstExecutionRunId === runs[0]!.info.runId)).toBe(true);

    for (const [i, run] of runs.entries()) {
      const events = run.history.events!;
      const started = events[0]!.workflowExecutionStartedEventAttributes!;
      expect(started.cronSchedule).toBe('0 * * * *');
      expect(started.initiator).toBe(CRON_SCHEDULE);
      // Each run starts its work on the hour, and sees the previous run's result.
      expect(run.info.executionTime!.getTime() - (firstHour + i * HOUR)).toBeLessThan(1_000);
      expect(decode(started.lastCompletionResult)).toBe(i === 0 ? undefined : i);
      if (i > 0) expect(started.continuedExecutionRunId).toBe(runs[i - 1]!.info.runId);
      if (run.info.status.name === 'COMPLETED') {
        const completed = events.at(-1)!.workflowExecutionCompletedEventAttributes!;
        expect(decode(completed.result)).toBe(i + 1);
        expect(completed.newExecutionRunId).toBe(runs[i + 1]!.info.runId);
      }
    }
    // The current run waits for the next hour.
    expect((await handle.describe()).executionTime!.getTime() - (firstHour + 4 * HOUR)).toBeLessThan(1_000);

    await handle.terminate('enough');
    await env.sleep('3 hours');
    const after = await runsOf('hourly-counter');
    expect(after.map((run) => run.info.status.name)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'TERMINATED']);
  });

  it('goes on after a failed run, which passes its failure and keeps the last result', async () => {
    const handle = await env.client.workflow.start(cronCounter, { taskQueue, workflowId: 'daily-counter', cronSchedule: '@daily', args: [2] });
    await env.sleep('3 days');
    const runs = await runsOf('daily-counter');
    expect(runs.map((run) => run.info.status.name)).toEqual(['COMPLETED', 'FAILED', 'COMPLETED', 'RUNNING']);

    const failed = runs[1]!.history.events!.at(-1)!.workflowExecutionFailedEventAttributes!;
    expect(failed.failure!.message).toBe('planned failure');
    expect(failed.newExecutionRunId).toBe(runs[2]!.info.runId);
    const afterFailure = runs[2]!.history.events![0]!.workflowExecutionStartedEventAttributes!;
    expect(afterFailure.continuedFailure!.message).toBe('planned failure');
    expect(decode(afterFailure.lastCompletionResult)).toBe(1);
    expect(decode(runs[2]!.history.events!.at(-1)!.workflowExecutionCompletedEventAttributes!.result)).toBe(2);
    await handle.terminate();
  });

  it('starts cron workflows with signal-with-start and as children, first runs waiting for their time', async () => {
    const startedAt = await env.currentTimeMs();
    const nextHour = Math.ceil(startedAt / HOUR) * HOUR;
    const signalled = await env.client.workflow.signalWithStart(cronCounter, { taskQueue, workflowId: 'signalled-counter', cronSchedule: '@hourly', signal: 'poke' });
    // The signal waits with the run: no workflow task before the cron time.
    const early = (await signalled.fetchHistory()).events!.map((event) => event.eventType);
    expect(early).toEqual([1, 26]); // started, signaled
    expect((await signalled.describe()).executionTime!.getTime() - nextHour).toBeLessThan(1_000);

    const parentResult = await env.client.workflow.execute(cronParent, { taskQueue, workflowId: 'cron-parent', args: ['cron-child'] });
    await env.sleep(nextHour + HOUR + HOUR / 2 - (await env.currentTimeMs()));
    for (const workflowId of ['signalled-counter', 'cron-child']) {
      const runs = await runsOf(workflowId);
      expect({ workflowId, statuses: runs.map((run) => run.info.status.name) }).toEqual({ workflowId, statuses: ['COMPLETED', 'COMPLETED', 'RUNNING'] });
      expect(decode(runs[1]!.history.events!.at(-1)!.workflowExecutionCompletedEventAttributes!.result)).toBe(2);
      await env.client.workflow.getHandle(workflowId).terminate();
    }
    expect((await runsOf('cron-child'))[0]!.info.runId).toBe(parentResult);
  });

  it('refuses a cron schedule the server cannot read', async () => {
    const error = await env.client.workflow.start(cronCounter, { taskQueue, workflowId: 'bad-cron', cronSchedule: '0 0 * *' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(((error as Error).cause as Error).message).toContain('invalid CronSchedule.');
  });

  it('writes histories the SDK replays without error', async () => {
    // The runs that ran (a terminated run waiting for its cron time never did).
    const histories = [];
    for (const workflowId of ['hourly-counter', 'daily-counter', 'signalled-counter', 'cron-child', 'cron-parent']) {
      for (const run of await runsOf(workflowId)) if (run.info.status.name !== 'TERMINATED') histories.push({ workflowId, history: run.history });
    }
    const errors: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) if (result.error) errors.push(result.error.message);
    expect(errors).toEqual([]);
    expect(histories).toHaveLength(12);
  });
});
