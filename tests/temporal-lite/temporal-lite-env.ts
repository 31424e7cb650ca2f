import { existsSync } from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { createTestActivities } from './test-activities';

/** The temporal-lite executable, as the SDK's ephemeral-server launcher runs it. */
export const TEMPORAL_LITE_BIN = path.resolve(__dirname, '../../apps/temporal-lite/bin/temporal-lite');

/**
 * The SDK hides why a server it launches did not start ("did not start within 5s"): say it here
 * when temporal-lite was never built (`npm test` builds it; running jest alone does not).
 */
function assertTemporalLiteBuilt(): void {
  const entry = path.resolve(__dirname, '../../apps/temporal-lite/dist/main.js');
  if (!existsSync(entry)) throw new Error(`temporal-lite is not built (${entry} is missing): run npx nx build @dunning/temporal-lite`);
}

const WORKFLOWS_PATH = path.resolve(__dirname, 'workflows/index.ts');

let runtimeInstalled = false;
let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Keeps the SDK's own logs to warnings so test output stays readable. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/** The test workflows, bundled once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('WARN') });
  return bundle;
}

export function createTimeSkippingEnv(extraArgs: string[] = []): Promise<TestWorkflowEnvironment> {
  assertTemporalLiteBuilt();
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEMPORAL_LITE_BIN }, extraArgs },
  });
}

export function createDevServerEnv(
  server: { searchAttributes?: Array<{ name: string; type: 'KEYWORD' | 'INT' | 'DATETIME' | 'TEXT' | 'BOOL' | 'DOUBLE' }> } = {},
): Promise<TestWorkflowEnvironment> {
  assertTemporalLiteBuilt();
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: TEMPORAL_LITE_BIN },
      searchAttributes: server.searchAttributes?.map(({ name, type }) => ({ name, type })) as never,
    },
  });
}

/** A worker on the test workflows with recording activities. */
export async function createTestWorker(env: TestWorkflowEnvironment, taskQueue: string, calls?: Map<string, unknown[]>) {
  const activities = createTestActivities(calls);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
  return { worker, calls: activities.calls };
}

/**
 * Replays every history the server holds through the SDK's own replayer: any malformed history
 * (wrong event ids, missing events, bad ordering) shows up as a nondeterminism or replay error.
 */
export async function replayAllHistories(client: Client, bundleOf: () => Promise<WorkflowBundleWithSourceMap> = workflowBundle): Promise<{ replayed: number; errors: string[] }> {
  const histories = [];
  for await (const execution of client.workflow.list()) {
    const handle = client.workflow.getHandle(execution.workflowId, execution.runId);
    histories.push({ workflowId: execution.workflowId, history: await handle.fetchHistory() });
  }
  const errors: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: await bundleOf() }, histories)) {
    replayed++;
    if (result.error) errors.push(`${result.workflowId}: ${result.error.message}`);
  }
  return { replayed, errors };
}
