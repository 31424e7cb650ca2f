import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createDevServerEnv, createTestWorker, replayAllHistories, workflowBundle } from './temporal-lite-env';
import { killProcess, readCalls, spawnWorker, waitFor } from './fixtures/spawn-worker';
import { stepsWithTimers } from './workflows';

/**
 * A worker caches workflows and gets their next tasks on its sticky queue, with partial history.
 * When it dies, the server must hand those tasks to another worker with the full history.
 */
describe('temporal-lite: sticky execution and worker restarts', () => {
  let env: TestWorkflowEnvironment;
  let dir: string;

  beforeAll(async () => {
    env = await createDevServerEnv();
    // Bundled now: the second test times the hand-over to a new in-process worker, not webpack.
    await workflowBundle();
    dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-lite-worker-'));
  });
  afterAll(async () => {
    await env?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  const lastTaskWorkers = async (workflowId: string) => {
    const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    return history.events!.filter((e) => e.workflowTaskStartedEventAttributes).map((e) => e.workflowTaskStartedEventAttributes!.identity!);
  };

  it('hands the workflow of a worker killed mid-workflow to a new worker, which finishes it', async () => {
    const callsFile = path.join(dir, 'killed.jsonl');
    const taskQueue = 'restart-killed';
    const first = await spawnWorker(env.address, taskQueue, callsFile);
    const handle = await env.client.workflow.start(stepsWithTimers, { args: ['killed', 6, 300], taskQueue, workflowId: 'killed-worker' });
    await waitFor(() => readCalls(callsFile).length >= 2, 20_000, 'two steps on the first worker');
    await killProcess(first, 'SIGKILL');

    const second = await spawnWorker(env.address, taskQueue, callsFile);
    try {
      expect(await handle.result()).toEqual(['step-0', 'step-1', 'step-2', 'step-3', 'step-4', 'step-5']);
    } finally {
      await killProcess(second, 'SIGTERM');
    }
    const pids = new Set(readCalls(callsFile).map((c) => c.pid));
    expect(pids).toEqual(new Set([first.pid, second.pid]));
    const identities = await lastTaskWorkers('killed-worker');
    expect(identities[0]).toBe(`worker-process-${first.pid}`);
    expect(identities.at(-1)).toBe(`worker-process-${second.pid}`);
  }, 90_000);

  it('moves the sticky tasks of a worker that shuts down cleanly to the normal queue at once', async () => {
    const callsFile = path.join(dir, 'graceful.jsonl');
    const taskQueue = 'restart-graceful';
    const first = await spawnWorker(env.address, taskQueue, callsFile);
    const handle = await env.client.workflow.start(stepsWithTimers, { args: ['graceful', 3, 2_000], taskQueue, workflowId: 'graceful-worker' });
    await waitFor(() => readCalls(callsFile).length >= 1, 20_000, 'one step on the first worker');
    // The workflow now sleeps 2 s: the worker shuts down with nothing in flight.
    await killProcess(first, 'SIGTERM');

    const { worker } = await createTestWorker(env, taskQueue);
    expect(await worker.runUntil(handle.result())).toEqual(['step-0', 'step-1', 'step-2']);

    // Every timer that fired after the shutdown was picked up by the new worker within a second or
    // two, not after the dead sticky queue's 10 s schedule-to-start timeout.
    const events = (await handle.fetchHistory()).events!;
    const ms = (e: (typeof events)[number]) => Number(e.eventTime!.seconds) * 1000 + Math.floor((e.eventTime!.nanos ?? 0) / 1e6);
    const delays = events.flatMap((event, i) => {
      if (!event.timerFiredEventAttributes) return [];
      const started = events.slice(i).find((e) => e.workflowTaskStartedEventAttributes);
      return started && started.workflowTaskStartedEventAttributes!.identity !== `worker-process-${first.pid}` ? [ms(started) - ms(event)] : [];
    });
    expect(delays.length).toBeGreaterThanOrEqual(1);
    for (const delay of delays) expect(delay).toBeLessThan(5_000);
  }, 90_000);

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client);
    expect(errors).toEqual([]);
    expect(replayed).toBe(2);
  });
});
