import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { sleep } from '@temporalio/activity';
import { createTestActivities } from './test-activities';
import { createTimeSkippingEnv, replayAllHistories, workflowBundle } from './temporal-lite-env';
import { activitySleepsInTestTime, raceActivityAndTimer, sleeper } from './workflows';

describe('temporal-lite: time skipping', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let workerDone: Promise<void>;
  const taskQueue = 'time-skipping';

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: {
        ...createTestActivities(),
        // Measures how far the server clock moves while this activity works for 500 ms of wall time.
        async measureServerTime(): Promise<number> {
          const before = await env.currentTimeMs();
          await sleep(500);
          return (await env.currentTimeMs()) - before;
        },
        // Sleeps two days of server time from inside an activity, as Temporal's timer-examples sample does.
        async sleepInTestTime(): Promise<number> {
          const before = await env.currentTimeMs();
          await env.sleep('2 days');
          return (await env.currentTimeMs()) - before;
        },
      },
    });
    workerDone = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await workerDone;
    await env?.teardown();
  });

  it('advances the server clock with env.sleep(), firing the timers it passes', async () => {
    const before = await env.currentTimeMs();
    const handle = await env.client.workflow.start(sleeper, { args: [86_400_000], taskQueue, workflowId: 'sleep-1d' });
    await env.sleep('25 hours');
    expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(before + 25 * 3_600_000);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });

  it('does not skip time while an activity runs', async () => {
    const { winner, serverMsDuringActivity } = await env.client.workflow.execute(raceActivityAndTimer, {
      taskQueue,
      workflowId: 'race-1',
    });
    expect(winner).toBe('activity');
    expect(serverMsDuringActivity).toBeGreaterThanOrEqual(450);
    expect(serverMsDuringActivity).toBeLessThan(10_000);
  });

  it('lets an activity sleep in server time while the client waits on the result (one lock counter, as the Java test server)', async () => {
    const serverMs = await env.client.workflow.execute(activitySleepsInTestTime, { taskQueue, workflowId: 'activity-sleeps-2d' });
    expect(serverMs).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect(serverMs).toBeLessThan(3 * 86_400_000);
  }, 20_000);

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client);
    expect(errors).toEqual([]);
    expect(replayed).toBe(3);
  });
});
