import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTestWorker, createTimeSkippingEnv, replayAllHistories } from './temporal-lite-env';
import { activityTimeout, cancelRunningActivity, flakyActivity, heartbeatResume, localActivities, nonRetryableActivity } from './workflows';

describe('temporal-lite: activities', () => {
  let env: TestWorkflowEnvironment;
  let calls: Map<string, unknown[]>;
  let stopWorker: () => void;
  let workerDone: Promise<void>;
  const taskQueue = 'activities';

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

  const run = <A extends unknown[], R>(workflow: (...args: A) => Promise<R>, id: string, ...args: A) => env.client.workflow.execute(workflow, { args, taskQueue, workflowId: id });

  it('retries a failing activity with exponential backoff until it succeeds', async () => {
    const result = await run(flakyActivity, 'flaky-1', 3, 'flaky-1');
    expect(result).toEqual({ result: 'ok', attempts: 4 });
    const times = calls.get('flaky-1') as number[];
    expect(times).toHaveLength(4);
    // Each attempt is scheduled after 100 ms, 200 ms, then 400 ms of backoff (server time).
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    expect(gaps[2]).toBeGreaterThanOrEqual(400);
    expect(gaps[2]).toBeLessThan(1000);
  });

  it('does not retry a non-retryable failure', async () => {
    const result = await run(nonRetryableActivity, 'non-retryable-1', 'non-retryable-1');
    expect(result).toBe('InvalidAddress: the address is invalid (retryState NON_RETRYABLE_FAILURE)');
    expect(calls.get('non-retryable-1')).toEqual([1]);
  });

  it('times out start-to-close per attempt and retries up to the limit', async () => {
    expect(await run(activityTimeout, 'timeout-stc', 'startToClose')).toBe('START_TO_CLOSE');
    expect(calls.get('startToClose')).toEqual([1, 2]);
  });

  it('times out schedule-to-close across attempts', async () => {
    expect(await run(activityTimeout, 'timeout-stc-total', 'scheduleToClose')).toBe('SCHEDULE_TO_CLOSE');
    expect((calls.get('scheduleToClose') ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('reports schedule-to-start when it falls at the same instant as schedule-to-close, as the real server orders its timers', async () => {
    expect(await run(activityTimeout, 'timeout-sts-and-stc', 'scheduleToStartAndClose')).toBe('SCHEDULE_TO_START');
  });

  it('times out an activity that stops heartbeating', async () => {
    expect(await run(activityTimeout, 'timeout-hb', 'heartbeat')).toBe('HEARTBEAT');
  });

  it('carries heartbeat details to the next attempt', async () => {
    expect(await run(heartbeatResume, 'heartbeat-resume', 'heartbeat-resume')).toEqual([0, 3]);
  });

  it('delivers cancellation to a running activity through its heartbeat', async () => {
    expect(await run(cancelRunningActivity, 'cancel-activity', 'cancel-activity')).toBe('cancelled');
    expect(calls.get('cancel-activity')).toEqual(['cancelled']);
  });

  it('runs local activities', async () => {
    expect(await run(localActivities, 'local-activities', 3)).toEqual(['local-0', 'local-1', 'local-2']);
  });

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client);
    expect(errors).toEqual([]);
    expect(replayed).toBe(9);
  });
});
