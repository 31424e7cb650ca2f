/**
 * Workflows the temporal-lite conformance tests run on the real SDK worker. Each one exercises
 * one server feature; together their histories feed the replay check.
 */
import { type Duration, defineSearchAttributeKey } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import type { TestActivities } from '../test-activities';

const acts = wf.proxyActivities<TestActivities>({ startToCloseTimeout: '10s', retry: { initialInterval: '50ms', maximumAttempts: 3 } });

// ---- basics ---------------------------------------------------------------------------------

export async function greet(name: string): Promise<string> {
  return await acts.echo(`Hello, ${name}!`);
}

export async function sleeper(ms: number): Promise<number> {
  const started = Date.now();
  await wf.sleep(ms);
  return Date.now() - started;
}

export async function failing(message: string): Promise<never> {
  throw wf.ApplicationFailure.nonRetryable(message, 'DunningTestError');
}

// ---- activities -----------------------------------------------------------------------------

export async function flakyActivity(failuresBeforeSuccess: number, key: string): Promise<{ result: string; attempts: number }> {
  const { flaky } = wf.proxyActivities<TestActivities>({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '100ms', backoffCoefficient: 2, maximumAttempts: 10 },
  });
  return await flaky(failuresBeforeSuccess, key);
}

export async function nonRetryableActivity(key: string): Promise<string> {
  const { alwaysNonRetryable } = wf.proxyActivities<TestActivities>({
    startToCloseTimeout: '10s',
    retry: { initialInterval: '10ms', maximumAttempts: 5 },
  });
  try {
    return await alwaysNonRetryable(key);
  } catch (error) {
    if (error instanceof wf.ActivityFailure && error.cause instanceof wf.ApplicationFailure) {
      return `${error.cause.type}: ${error.cause.message} (retryState ${error.retryState})`;
    }
    throw error;
  }
}

const TIMEOUT_OPTIONS: Record<string, wf.ActivityOptions> = {
  startToClose: { startToCloseTimeout: '300ms', retry: { maximumAttempts: 2, initialInterval: '10ms' } },
  scheduleToClose: { scheduleToCloseTimeout: '700ms', startToCloseTimeout: '300ms', retry: { initialInterval: '10ms' } },
  heartbeat: { startToCloseTimeout: '10s', heartbeatTimeout: '300ms', retry: { maximumAttempts: 1 } },
  // Nobody polls this queue, and both deadlines fall at the same instant.
  scheduleToStartAndClose: { taskQueue: 'nobody-polls', scheduleToStartTimeout: '500ms', scheduleToCloseTimeout: '500ms' },
};

export async function activityTimeout(kind: 'startToClose' | 'scheduleToClose' | 'heartbeat' | 'scheduleToStartAndClose'): Promise<string> {
  const options = TIMEOUT_OPTIONS[kind]!;
  const { hang } = wf.proxyActivities<TestActivities>(options);
  try {
    await hang(kind);
    return 'completed';
  } catch (error) {
    if (error instanceof wf.ActivityFailure && error.cause instanceof wf.TimeoutFailure) {
      return String(error.cause.timeoutType).replace(/^TIMEOUT_TYPE_/, '');
    }
    throw error;
  }
}

export async function heartbeatResume(key: string): Promise<number[]> {
  const { countWithHeartbeats } = wf.proxyActivities<TestActivities>({
    startToCloseTimeout: '10s',
    heartbeatTimeout: '2s',
    retry: { initialInterval: '10ms', maximumAttempts: 3 },
  });
  return await countWithHeartbeats(key);
}

export async function cancelRunningActivity(key: string): Promise<string> {
  const { waitForCancellation } = wf.proxyActivities<TestActivities>({
    startToCloseTimeout: '20s',
    heartbeatTimeout: '1s',
    cancellationType: wf.ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  });
  try {
    await wf.CancellationScope.cancellable(async () => {
      const pending = waitForCancellation(key);
      await wf.sleep(300);
      wf.CancellationScope.current().cancel();
      await pending;
    });
    return 'not cancelled';
  } catch (error) {
    return wf.isCancellation(error) ? 'cancelled' : `unexpected: ${(error as Error).message}`;
  }
}

export async function localActivities(count: number): Promise<string[]> {
  const { echo } = wf.proxyLocalActivities<TestActivities>({ startToCloseTimeout: '5s' });
  const results: string[] = [];
  for (let i = 0; i < count; i++) results.push(await echo(`local-${i}`));
  return results;
}

// ---- timers ---------------------------------------------------------------------------------

export async function cancelledTimer(): Promise<string> {
  const scope = new wf.CancellationScope();
  const timer = scope.run(() => wf.sleep('1 day'));
  await wf.sleep(10);
  scope.cancel();
  try {
    await timer;
    return 'fired';
  } catch (error) {
    return wf.isCancellation(error) ? 'cancelled' : 'error';
  }
}

export const approve = wf.defineSignal<[string]>('approve');
export const approvalState = wf.defineQuery<string | undefined>('approval');

export async function conditionWithTimeout(timeout: Duration): Promise<string> {
  let approvedBy: string | undefined;
  wf.setHandler(approve, (who) => {
    approvedBy = who;
  });
  wf.setHandler(approvalState, () => approvedBy);
  const approved = await wf.condition(() => approvedBy !== undefined, timeout);
  return approved ? `approved by ${approvedBy}` : 'timed out';
}

export async function manyTimers(count: number): Promise<number> {
  const fired: number[] = [];
  await Promise.all(Array.from({ length: count }, (_, i) => wf.sleep((i + 1) * 1000).then(() => fired.push(i))));
  // Timers fire in order of their deadlines.
  return fired.every((value, index) => value === index) ? fired.length : -1;
}

// ---- signals and queries --------------------------------------------------------------------

export const addItem = wf.defineSignal<[string]>('addItem');
export const finish = wf.defineSignal('finish');
export const items = wf.defineQuery<string[]>('items');

export async function collector(): Promise<string[]> {
  const received: string[] = [];
  let done = false;
  wf.setHandler(addItem, (item) => void received.push(item));
  wf.setHandler(finish, () => void (done = true));
  wf.setHandler(items, () => received);
  await wf.condition(() => done);
  return received;
}

// ---- lifecycle ------------------------------------------------------------------------------

export async function cancellableWithCleanup(key: string): Promise<string> {
  try {
    await wf.sleep('30 days');
    return 'slept';
  } catch (error) {
    if (!wf.isCancellation(error)) throw error;
    await wf.CancellationScope.nonCancellable(() => acts.recordCleanup(key));
    throw error;
  }
}

export async function counter(count: number, limit: number): Promise<number> {
  if (count >= limit) return count;
  await wf.sleep(10);
  return await wf.continueAsNew<typeof counter>(count + 1, limit);
}

export async function childWorker(value: number): Promise<number> {
  await wf.sleep(100);
  if (value < 0) throw wf.ApplicationFailure.nonRetryable('negative', 'ChildError');
  return value * 2;
}

export async function parent(values: number[]): Promise<{ results: number[]; failures: string[] }> {
  const outcomes = await Promise.allSettled(values.map((value, i) => wf.executeChild(childWorker, { args: [value], workflowId: `${wf.workflowInfo().workflowId}-child-${i}` })));
  return {
    results: outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : [])),
    failures: outcomes.flatMap((o) =>
      o.status === 'rejected' && o.reason instanceof wf.ChildWorkflowFailure && o.reason.cause instanceof wf.ApplicationFailure ? [o.reason.cause.message] : [],
    ),
  };
}

export async function signalSibling(targetWorkflowId: string, item: string): Promise<string> {
  await wf.getExternalWorkflowHandle(targetWorkflowId).signal(addItem, item);
  try {
    await wf.getExternalWorkflowHandle('no-such-workflow').signal(addItem, item);
    return 'signalled a missing workflow?';
  } catch (error) {
    return `sent; missing target: ${(error as Error).message}`;
  }
}

// ---- search attributes --------------------------------------------------------------------

export const customerTier = defineSearchAttributeKey('CustomerTier', 'KEYWORD');
export const amountDue = defineSearchAttributeKey('AmountDue', 'INT');
export const nextReminderAt = defineSearchAttributeKey('NextReminderAt', 'DATETIME');

export async function upsertsAttributes(tier: string, amount: number, nextAtIso: string): Promise<void> {
  wf.upsertSearchAttributes([
    { key: customerTier, value: tier },
    { key: amountDue, value: amount },
    { key: nextReminderAt, value: new Date(nextAtIso) },
  ]);
  await wf.condition(() => false, '1 hour');
}

// ---- worker restart and persistence ---------------------------------------------------------

export async function stepsWithTimers(key: string, steps: number, pauseMs: number): Promise<string[]> {
  const done: string[] = [];
  for (let i = 0; i < steps; i++) {
    await wf.sleep(pauseMs);
    done.push(await acts.recordStep(key, i));
  }
  return done;
}

export async function patchedWorkflow(): Promise<string> {
  if (wf.patched('v2-greeting')) return await acts.echo('v2');
  return await acts.echo('v1');
}

// ---- time skipping --------------------------------------------------------------------------

export async function raceActivityAndTimer(): Promise<{ winner: string; serverMsDuringActivity: number }> {
  const { measureServerTime } = wf.proxyActivities<{ measureServerTime(): Promise<number> }>({ startToCloseTimeout: '1 minute' });
  let serverMsDuringActivity = -1;
  const winner = await Promise.race([
    wf.sleep('1 day').then(() => 'timer'),
    measureServerTime().then((ms) => {
      serverMsDuringActivity = ms;
      return 'activity';
    }),
  ]);
  return { winner, serverMsDuringActivity };
}

export async function activitySleepsInTestTime(): Promise<number> {
  const { sleepInTestTime } = wf.proxyActivities<{ sleepInTestTime(): Promise<number> }>({ startToCloseTimeout: '3 days' });
  return await sleepInTestTime();
}

export * from './updates';
export * from './schedules';
