import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv, workflowsPath } from './temporal-lite-env';
import * as activities from './activities/basics';
import { helloWorkflow, sleepyWorkflow } from './workflows/basics';

describe('smoke', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 30_000);
  afterAll(async () => env?.teardown());

  it('runs a workflow with an activity and a long sleep', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'smoke',
      workflowsPath: workflowsPath('basics.ts'),
      activities,
    });
    await worker.runUntil(async () => {
      expect(await env.client.workflow.execute(helloWorkflow, { args: ['Ada'], taskQueue: 'smoke', workflowId: 'smoke-1' })).toBe('Hello, Ada!');
      const slept = await env.client.workflow.execute(sleepyWorkflow, { args: [60 * 86_400_000], taskQueue: 'smoke', workflowId: 'smoke-2' });
      expect(slept).toBeGreaterThanOrEqual(60 * 86_400_000);
    });
  }, 60_000);
});
