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
