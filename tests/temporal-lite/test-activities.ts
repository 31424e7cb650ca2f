import { Context, ApplicationFailure, CancelledFailure, sleep } from '@temporalio/activity';

/**
 * Activities for the temporal-lite tests. Every call is recorded in `calls`, so a test can count
 * attempts and check what the server delivered (heartbeat details, cancellation).
 */
export function createTestActivities(calls: Map<string, unknown[]> = new Map()) {
  const record = (key: string, value: unknown) => {
    const list = calls.get(key) ?? [];
    list.push(value);
    calls.set(key, list);
    return list.length;
  };
  return {
    calls,
    async echo(value: string): Promise<string> {
      return value;
    },
    async flaky(failuresBeforeSuccess: number, key: string): Promise<{ result: string; attempts: number }> {
      const { attempt, currentAttemptScheduledTimestampMs } = Context.current().info;
      record(key, currentAttemptScheduledTimestampMs);
      if (attempt <= failuresBeforeSuccess) throw new Error(`transient failure ${attempt}`);
      return { result: 'ok', attempts: attempt };
    },
    async alwaysNonRetryable(key: string): Promise<string> {
      record(key, Context.current().info.attempt);
      throw ApplicationFailure.nonRetryable('the address is invalid', 'InvalidAddress');
    },
    async hang(key: string): Promise<void> {
      record(key, Context.current().info.attempt);
      await sleep(30_000);
    },
    async countWithHeartbeats(key: string): Promise<number[]> {
      const context = Context.current();
      const resumedFrom = (context.info.heartbeatDetails as number | undefined) ?? 0;
      record(key, { attempt: context.info.attempt, resumedFrom });
      for (let i = resumedFrom; i < 5; i++) {
        context.heartbeat(i + 1);
        if (context.info.attempt === 1 && i === 2) {
          await sleep(100); // let the heartbeat reach the server
          throw new Error('crash after 3 units of work');
        }
      }
      return (calls.get(key) as Array<{ resumedFrom: number }>).map((c) => c.resumedFrom);
    },
    async waitForCancellation(key: string): Promise<void> {
      const context = Context.current();
      try {
        for (;;) {
          context.heartbeat();
          await sleep(100);
        }
      } catch (error) {
        if (error instanceof CancelledFailure) record(key, 'cancelled');
        throw error;
      }
    },
    async recordCleanup(key: string): Promise<void> {
      record(key, 'cleanup');
    },
    async recordStep(key: string, step: number): Promise<string> {
      record(key, step);
      return `step-${step}`;
    },
  };
}

export type TestActivities = Omit<ReturnType<typeof createTestActivities>, 'calls'>;
