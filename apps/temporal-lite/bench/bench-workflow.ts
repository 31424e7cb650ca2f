import { proxyActivities, sleep } from '@temporalio/workflow';

const { work } = proxyActivities<{ work(step: number): Promise<number> }>({ startToCloseTimeout: '1 minute' });

/** The benchmark's workflow: 6 activities and 5 timers, interleaved. */
export async function benchWorkflow(timerMs: number): Promise<number> {
  let total = await work(0);
  for (let step = 1; step < 6; step++) {
    await sleep(timerMs);
    total += await work(step);
  }
  return total;
}

/**
 * An invoice-like workflow for the open-workflows mode: its input is about the size of an invoice
 * workflow's (flow graph, calendar), it runs one activity, then waits a month on a timer.
 */
export async function idleWorkflow(input: string): Promise<number> {
  const total = await work(input.length);
  await sleep('30 days');
  return total;
}
