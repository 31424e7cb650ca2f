import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { status } from '@grpc/grpc-js';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateStage,
} from '@temporalio/client';
import { ApplicationFailure, defaultPayloadConverter, defineSearchAttributeKey } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { ServerProcess, freePort } from './fixtures/server-process';
import { waitFor } from './fixtures/spawn-worker';
import { createTestWorker, createTimeSkippingEnv, quietRuntime, replayAllHistories, workflowBundle } from './temporal-lite-env';
import { addLine, awaitRelease, closeLedger, closingLedger, ledger, ledgerLines, refuseLine, release, settleAfter, settlement } from './workflows';

const { EventType, UpdateWorkflowExecutionLifecycleStage: Stage } = temporal.api.enums.v1;
const ACCEPTED = EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED;
const COMPLETED = EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED;

async function updateEvents(handle: WorkflowHandle) {
  const { events } = await handle.fetchHistory();
  return (events ?? []).filter((e) => e.eventType === ACCEPTED || e.eventType === COMPLETED);
}

describe('temporal-lite: workflow updates (time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;
  let calls: Map<string, unknown[]>;
  let stopWorker: () => void;
  let workerDone: Promise<void>;
  const taskQueue = 'updates';

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    const created = await createTestWorker(env, taskQueue);
    const { worker } = created;
    calls = created.calls;
    workerDone = worker.run();
    stopWorker = () => worker.shutdown();
  });
  afterAll(async () => {
    stopWorker?.();
    await workerDone;
    await env?.teardown();
  });

  const startLedger = (workflowId: string) => env.client.workflow.start(ledger, { taskQueue, workflowId });

  it("returns the update handler's value, and the workflow keeps what the update changed", async () => {
    const handle = await startLedger('ledger-values');
    expect(await handle.executeUpdate(addLine, { args: ['rent', 100] })).toBe(100);
    expect(await handle.executeUpdate(addLine, { args: ['fees', 40] })).toBe(140);
    expect(await handle.query(ledgerLines)).toEqual(['rent', 'fees']);

    const events = await updateEvents(handle);
    expect(events.map((e) => e.eventType)).toEqual([ACCEPTED, COMPLETED, ACCEPTED, COMPLETED]);
    // The accepted event keeps the request: that is what a replay rebuilds the update from.
    expect(events[0]!.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name).toBe('addLine');
    await handle.signal(closeLedger);
    expect(await handle.result()).toEqual({ total: 140, lines: ['rent', 'fees'] });
  });

  it('answers startUpdate once the update is accepted, and its result once it completes', async () => {
    const handle = await startLedger('ledger-accepted');
    const update = await handle.startUpdate(awaitRelease, { waitForStage: WorkflowUpdateStage.ACCEPTED, updateId: 'release-1' });
    expect((await updateEvents(handle)).map((e) => e.eventType)).toEqual([ACCEPTED]);

    await handle.signal(release);
    expect(await update.result()).toBe('released');
    // Another client finds the outcome by update id.
    expect(await env.client.workflow.getHandle('ledger-accepted').getUpdateHandle<string>('release-1').result()).toBe('released');
    await handle.signal(closeLedger);
    await handle.result();
  });

  it('refuses an update its validator rejects, leaving no update event in history', async () => {
    const handle = await startLedger('ledger-rejected');
    const error = await handle.executeUpdate(addLine, { args: ['refund', -5] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause).toBeInstanceOf(ApplicationFailure);
    expect((error as WorkflowUpdateFailedError).cause?.message).toBe('amount must be positive, got -5');
    expect(await updateEvents(handle)).toEqual([]);
    expect(await handle.query(ledgerLines)).toEqual([]);
    // The workflow is unharmed: a valid update goes through.
    expect(await handle.executeUpdate(addLine, { args: ['rent', 10] })).toBe(10);
  });

  it('reports a handler that throws as the failure of the update, recorded in history', async () => {
    const handle = await startLedger('ledger-failing');
    const error = await handle.executeUpdate(refuseLine, { args: ['penalty'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause).toMatchObject({ message: 'cannot book penalty', type: 'LedgerError' });
    const [accepted, completed] = await updateEvents(handle);
    expect(accepted?.eventType).toBe(ACCEPTED);
    expect(completed?.workflowExecutionUpdateCompletedEventAttributes?.outcome?.failure?.message).toBe('cannot book penalty');
  });

  it('applies an update id once, answers it after the workflow closed, and refuses new updates then', async () => {
    const handle = await startLedger('ledger-dedupe');
    expect(await handle.executeUpdate(addLine, { args: ['rent', 100], updateId: 'line-rent' })).toBe(100);
    expect(await handle.executeUpdate(addLine, { args: ['rent', 100], updateId: 'line-rent' })).toBe(100);
    expect(await handle.executeUpdate(addLine, { args: ['fees', 1], updateId: 'line-fees' })).toBe(101);
    expect(await handle.query(ledgerLines)).toEqual(['rent', 'fees']);
    expect(await updateEvents(handle)).toHaveLength(4);
    // The run must be the chain the caller names.
    const wrongChain = env.client.workflow.getHandle('ledger-dedupe', undefined, { firstExecutionRunId: 'not-its-first-run' });
    await expect(wrongChain.executeUpdate(addLine, { args: ['x', 1] })).rejects.toBeInstanceOf(WorkflowNotFoundError);

    await handle.signal(closeLedger);
    await handle.result();
    expect(await handle.executeUpdate(addLine, { args: ['rent', 100], updateId: 'line-rent' })).toBe(100);
    const late = await handle.executeUpdate(addLine, { args: ['late', 1] }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(WorkflowNotFoundError);
    expect((late as Error).message).toBe('workflow execution already completed');
  });

  it('fails the updates a closing workflow leaves unfinished instead of leaving their callers waiting', async () => {
    // Accepted, not completed: the update fails (the real server's AcceptedUpdateCompletedWorkflow).
    const running = await startLedger('ledger-terminated');
    const accepted = await running.startUpdate(awaitRelease, { waitForStage: WorkflowUpdateStage.ACCEPTED });
    // Admitted, never accepted: no worker polls this workflow's queue.
    const unserved = await env.client.workflow.start(ledger, { taskQueue: 'nobody-polls-updates', workflowId: 'ledger-unserved' });
    const pending = unserved.executeUpdate(addLine, { args: ['rent', 1], updateId: 'never-accepted' }).catch((e: unknown) => e);
    const poll = { namespace: 'default', updateRef: { workflowExecution: { workflowId: 'ledger-unserved' }, updateId: 'never-accepted' } };
    await waitFor(
      () =>
        env.client.workflowService.pollWorkflowExecutionUpdate(poll).then(
          () => true,
          () => false,
        ),
      5_000,
      'the update to be admitted',
    );

    await running.terminate('closing the books');
    await unserved.terminate('closing the books');
    const failed = await accepted.result().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((failed as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'AcceptedUpdateCompletedWorkflow' });
    const aborted = await pending;
    expect(aborted).toBeInstanceOf(WorkflowNotFoundError);
    expect((aborted as Error).message).toBe('workflow update was aborted by closing workflow');
  });

  it('shows an update that arrives while the workflow is finishing to the workflow before it closes', async () => {
    const handle = await env.client.workflow.start(closingLedger, { taskQueue, workflowId: 'closing-ledger' });
    // The local activity runs inside the workflow task: the update arrives while that task is open.
    await waitFor(() => (calls.get('closing-ledger')?.length ?? 0) > 0, 10_000, 'the local activity to start');
    expect(await handle.executeUpdate(addLine, { args: ['last-minute', 1] })).toBe(1);
    expect(await handle.result()).toEqual(['last-minute']);
  });

  it('update-with-start starts the workflow, updates the running one under USE_EXISTING, and honours FAIL', async () => {
    const useExisting = () => new WithStartWorkflowOperation(ledger, { workflowId: 'ledger-uws', taskQueue, workflowIdConflictPolicy: 'USE_EXISTING' });
    const first = useExisting();
    expect(await env.client.workflow.executeUpdateWithStart(addLine, { args: ['rent', 100], startWorkflowOperation: first })).toBe(100);
    const second = useExisting();
    expect(await env.client.workflow.executeUpdateWithStart(addLine, { args: ['fees', 20], startWorkflowOperation: second })).toBe(120);
    const running = await first.workflowHandle();
    const runId = (await running.describe()).runId;
    expect((await (await second.workflowHandle()).describe()).runId).toBe(runId);

    const refused = new WithStartWorkflowOperation(ledger, { workflowId: 'ledger-uws', taskQueue, workflowIdConflictPolicy: 'FAIL' });
    await expect(env.client.workflow.executeUpdateWithStart(addLine, { args: ['x', 1], startWorkflowOperation: refused })).rejects.toBeInstanceOf(
      WorkflowExecutionAlreadyStartedError,
    );
    await expect(refused.workflowHandle()).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);

    // An invalid start writes nothing: even TERMINATE_EXISTING leaves the running workflow alone.
    const invalid = new WithStartWorkflowOperation(ledger, {
      workflowId: 'ledger-uws',
      taskQueue,
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      typedSearchAttributes: [{ key: defineSearchAttributeKey('NoSuchAttribute', 'KEYWORD'), value: 'x' }],
    });
    const error = await env.client.workflow.executeUpdateWithStart(addLine, { args: ['x', 1], startWorkflowOperation: invalid }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringContaining('NoSuchAttribute') });
    expect((await running.describe()).status.name).toBe('RUNNING');
    expect(await running.query(ledgerLines)).toEqual(['rent', 'fees']);

    // Once it closed, update-with-start starts a new run.
    await running.signal(closeLedger);
    await running.result();
    const third = useExisting();
    expect(await env.client.workflow.executeUpdateWithStart(addLine, { args: ['new', 7], startWorkflowOperation: third })).toBe(7);
    expect((await (await third.workflowHandle()).describe()).runId).not.toBe(runId);
  });

  it('lets an update handler sleep on a durable timer while time skips', async () => {
    const handle = await env.client.workflow.start(settlement, { taskQueue, workflowId: 'settlement' });
    const began = Date.now();
    // result() releases time skipping while it waits, as the testing client does.
    const [slept, result] = await Promise.all([handle.executeUpdate(settleAfter, { args: [3 * 86_400_000] }), handle.result()]);
    expect(slept).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(result).toBe(slept);
    expect(Date.now() - began).toBeLessThan(10_000);
  });

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client);
    expect(errors).toEqual([]);
    expect(replayed).toBe(11);
  });
});

describe('temporal-lite: workflow updates across kill -9 (dev server)', () => {
  let dir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    quietRuntime();
    dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-lite-updates-'));
    server = new ServerProcess(await freePort(), path.join(dir, 'temporal.db'));
    await server.start();
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers completed updates, completes accepted ones and delivers admitted ones after a restart', async () => {
    const taskQueue = 'durable-updates';
    const bundle = await workflowBundle();
    const runWorker = async () => {
      const connection = await NativeConnection.connect({ address: server.address });
      const worker = await Worker.create({ connection, taskQueue, workflowBundle: bundle });
      const done = worker.run();
      return async () => {
        worker.shutdown();
        await done;
        await connection.close();
      };
    };
    let connection = await server.connect();
    let client = new Client({ connection });
    let stopWorker = await runWorker();
    const handle = await client.workflow.start(ledger, { taskQueue, workflowId: 'durable-ledger' });
    expect(await handle.executeUpdate(addLine, { args: ['rent', 100], updateId: 'rent' })).toBe(100);
    await handle.startUpdate(awaitRelease, { waitForStage: WorkflowUpdateStage.ACCEPTED, updateId: 'release' });
    // With no worker, an update only gets admitted; this server keeps admitted updates on disk.
    await stopWorker();
    const admitted = await client.workflowService.updateWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: 'durable-ledger' },
      waitPolicy: { lifecycleStage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED },
      request: { meta: { updateId: 'fees' }, input: { name: 'addLine', args: { payloads: ['fees', 20].map((v) => defaultPayloadConverter.toPayload(v)) } } },
    });
    expect(admitted.stage).toBe(Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED);

    await server.kill();
    await connection.close();
    await server.start();
    connection = await server.connect();
    client = new Client({ connection });
    stopWorker = await runWorker();
    try {
      const restarted = client.workflow.getHandle('durable-ledger');
      expect(await restarted.getUpdateHandle('rent').result()).toBe(100);
      expect(await restarted.getUpdateHandle('fees').result()).toBe(120);
      await restarted.signal(release);
      expect(await restarted.getUpdateHandle('release').result()).toBe('released');
      // The same id again is answered from history, not applied twice.
      expect(await restarted.executeUpdate(addLine, { args: ['rent', 100], updateId: 'rent' })).toBe(100);
      await restarted.signal(closeLedger);
      expect(await restarted.result()).toEqual({ total: 120, lines: ['rent', 'fees'] });

      const { replayed, errors } = await replayAllHistories(client);
      expect(errors).toEqual([]);
      expect(replayed).toBe(1);
    } finally {
      await stopWorker();
      await connection.close();
    }
  }, 60_000);
});
