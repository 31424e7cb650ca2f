import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createTestActivities } from './test-activities';
import { createTestWorker, createTimeSkippingEnv, quietRuntime, workflowBundle } from './temporal-lite-env';
import { ServerProcess, freePort } from './fixtures/server-process';
import { greet, sleeper } from './workflows';

/**
 * Closed executions stay for their namespace's retention period, then go — from describe, history
 * and visibility — while open ones stay whatever their age; a restart on the same journal does not
 * bring removed ones back. Retention here is two seconds (`--dynamic-config-value`), swept every 200 ms.
 */
describe('temporal-lite: retention of closed executions', () => {
  let dir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    quietRuntime();
    dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-lite-retention-'));
    server = new ServerProcess(await freePort(), path.join(dir, 'temporal.db'), [
      '--dynamic-config-value',
      'temporal-lite.namespaceRetention="2s"',
      '--dynamic-config-value',
      'temporal-lite.retentionSweepInterval=200',
    ]);
    await server.start();
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('removes a closed execution after the retention period, keeps an open one, and does not bring it back after a restart', async () => {
    const taskQueue = 'retention';
    let connection = await server.connect();
    let client = new Client({ connection });
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: createTestActivities() });
    const namespace = await client.workflowService.describeNamespace({ namespace: 'default' });
    expect(Number(namespace.config?.workflowExecutionRetentionTtl?.seconds)).toBe(2);

    await worker.runUntil(async () => {
      expect(await client.workflow.execute(greet, { args: ['Ada'], taskQueue, workflowId: 'closed-one' })).toBe('Hello, Ada!');
      await client.workflow.start(sleeper, { args: [60_000], taskQueue, workflowId: 'open-one' });
      // Within the retention period: still there.
      expect((await client.workflow.getHandle('closed-one').describe()).status.name).toBe('COMPLETED');
      const gone = Date.now() + 10_000;
      while (Date.now() < gone) {
        const found = await client.workflow
          .getHandle('closed-one')
          .describe()
          .then(() => true)
          .catch((error: unknown) => (error instanceof WorkflowNotFoundError ? false : Promise.reject(error)));
        if (!found) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
    await expect(client.workflow.getHandle('closed-one').describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(client.workflow.getHandle('closed-one').fetchHistory()).rejects.toThrow(/not found/i);
    const listed: string[] = [];
    for await (const execution of client.workflow.list()) listed.push(execution.workflowId);
    expect(listed).toEqual(['open-one']);
    expect((await client.workflow.getHandle('open-one').describe()).status.name).toBe('RUNNING');
    await nativeConnection.close();

    // The removed run may still be in the journal: a restart must not resurrect it.
    await server.kill();
    await connection.close();
    await server.start();
    connection = await server.connect();
    client = new Client({ connection });
    await expect(client.workflow.getHandle('closed-one').describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect((await client.workflow.getHandle('open-one').describe()).status.name).toBe('RUNNING');
    await connection.close();
  });

  it('takes a namespace’s retention as registered or updated, to the second', async () => {
    const connection = await server.connect();
    const service = new Client({ connection }).workflowService;
    await service.registerNamespace({ namespace: 'brief', workflowExecutionRetentionPeriod: msToTs(90_000) });
    expect(Number((await service.describeNamespace({ namespace: 'brief' })).config?.workflowExecutionRetentionTtl?.seconds)).toBe(90);
    await service.updateNamespace({ namespace: 'brief', config: { workflowExecutionRetentionTtl: msToTs(3 * 86_400_000) } });
    expect(Number((await service.describeNamespace({ namespace: 'brief' })).config?.workflowExecutionRetentionTtl?.seconds)).toBe(3 * 86_400);
    await connection.close();
  });
});

describe('temporal-lite test server (time skipping): closed executions stay for the test', () => {
  it('still describes a finished workflow after skipping weeks past the default retention, as the Java test server does', async () => {
    // Swept every 100 ms, as a long test would be every minute: nothing to sweep without a retention given.
    const env = await createTimeSkippingEnv(['--dynamic-config-value', 'temporal-lite.retentionSweepInterval=100']);
    try {
      const { worker } = await createTestWorker(env, 'kept');
      await worker.runUntil(async () => {
        expect(await env.client.workflow.execute(greet, { args: ['Grace'], taskQueue: 'kept', workflowId: 'finished-early' })).toBe('Hello, Grace!');
        // Three weeks of skipped time: far beyond the dev server's one-day default retention.
        expect(await env.client.workflow.execute(sleeper, { args: [21 * 86_400_000], taskQueue: 'kept', workflowId: 'three-weeks' })).toBeGreaterThanOrEqual(21 * 86_400_000);
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await env.client.workflow.getHandle('finished-early').describe()).status.name).toBe('COMPLETED');
      expect((await env.client.workflow.getHandle('finished-early').fetchHistory()).events?.length).toBeGreaterThan(0);
    } finally {
      await env.teardown();
    }
  });

  it('removes them as the dev server does when a retention is given on its command line', async () => {
    const env = await createTimeSkippingEnv([
      '--dynamic-config-value',
      'temporal-lite.namespaceRetention="1d"',
      '--dynamic-config-value',
      'temporal-lite.retentionSweepInterval=100',
    ]);
    try {
      const { worker } = await createTestWorker(env, 'swept');
      await worker.runUntil(async () => {
        await env.client.workflow.execute(greet, { args: ['Ada'], taskQueue: 'swept', workflowId: 'swept-early' });
        await env.client.workflow.execute(sleeper, { args: [3 * 86_400_000], taskQueue: 'swept', workflowId: 'three-days' });
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(env.client.workflow.getHandle('swept-early').describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    } finally {
      await env.teardown();
    }
  });
});
