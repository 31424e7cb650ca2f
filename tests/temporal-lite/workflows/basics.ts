import * as wf from '@temporalio/workflow';
import type * as activities from '../activities/basics';

const { greet } = wf.proxyActivities<typeof activities>({ startToCloseTimeout: '10s' });

export async function helloWorkflow(name: string): Promise<string> {
  return await greet(name);
}

export async function sleepyWorkflow(ms: number): Promise<number> {
  const start = Date.now();
  await wf.sleep(ms);
  return Date.now() - start;
}
