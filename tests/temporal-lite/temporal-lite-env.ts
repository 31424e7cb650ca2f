import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';

/** The temporal-lite executable, as the SDK's ephemeral-server launcher runs it. */
export const TEMPORAL_LITE_BIN = path.resolve(__dirname, '../../apps/temporal-lite/bin/temporal-lite');

let runtimeInstalled = false;

/** Keeps the SDK's logs to warnings, so test output stays readable. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEMPORAL_LITE_BIN } },
  });
}

export function createDevServerEnv(options: { searchAttributes?: Parameters<typeof TestWorkflowEnvironment.createLocal>[0] extends infer O ? O extends { server?: { searchAttributes?: infer S } } ? S : never : never; dbFilename?: string } = {}) {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: TEMPORAL_LITE_BIN },
      searchAttributes: options.searchAttributes,
      dbFilename: options.dbFilename,
    },
  });
}

export const workflowsPath = (file: string) => path.resolve(__dirname, 'workflows', file);
