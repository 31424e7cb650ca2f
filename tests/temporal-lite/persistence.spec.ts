import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createTestActivities } from './test-activities';
import { quietRuntime, replayAllHistories, workflowBundle } from './temporal-lite-env';
import { ServerProcess, freePort } from './fixtures/server-process';
import { waitFor } from './fixtures/spawn-worker';
import { stepsWithTimers } from './workflows';

/**
 * The dev server with --db-filename, killed with SIGKILL while workflows wait on timers and
 * activities, then restarted on the same journal: nothing acknowledged is lost, every workflow
 * completes, and no activity completion is recorded twice.
 */
describe('temporal-lite: persistence across kill -9', () => {
  let dir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    quietRuntime();
    dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-lite-db-'));
    server = new ServerProcess(await freePort(), path.join(dir, 'temporal.db'));
    await server.start();
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes every workflow after the server is killed and restarted', async () => {
    const taskQueue = 'persistence';
    let connection = await server.connect();
    let client = new Client({ connection });
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    const activities = createTestActivities();
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const workerDone = worker.run();

    const steps = 3;
    const ids = Array.from({ length: 20 }, (_, i) => `persisted-${i}`);
    for (const id of ids.slice(0, 10)) {
      await client.workflow.start(stepsWithTimers, { args: [id, steps, 1_500], taskQueue, workflowId: id });
    }
    // Let the first ones make progress, so some wait on timers and some on activities.
    await waitFor(() => (activities.calls.get('persisted-0')?.length ?? 0) >= 1, 20_000, 'a first step');
    // Acknowledged just before the crash: these must survive it too.
    for (const id of ids.slice(10)) {
      await client.workflow.start(stepsWithTimers, { args: [id, steps, 1_500], taskQueue, workflowId: id });
    }
    await server.kill();
    await connection.close();

    await server.start();
    connection = await server.connect();
    client = new Client({ connection });
    try {
      const results = await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
      for (const result of results) expect(result).toEqual(['step-0', 'step-1', 'step-2']);

      for (const id of ids) {
        const events = (await client.workflow.getHandle(id).fetchHistory()).events!;
        const scheduled = events.filter((e) => e.activityTaskScheduledEventAttributes).length;
        const completed = events.filter((e) => e.activityTaskCompletedEventAttributes).length;
        expect({ id, scheduled, completed }).toEqual({ id, scheduled: steps, completed: steps });
      }
      const { replayed, errors } = await replayAllHistories(client);
      expect(errors).toEqual([]);
      expect(replayed).toBe(ids.length);
    } finally {
      worker.shutdown();
      await workerDone;
      await nativeConnection.close();
      await connection.close();
    }
  }, 120_000);
});
