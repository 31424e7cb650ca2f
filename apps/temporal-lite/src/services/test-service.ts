import type { UnaryHandler } from '../grpc/grpc-service';
import { timestampToMs, durationToMs, msToTimestamp } from '../proto/time';
import type { ServerParts } from '../server/server-parts';

/**
 * The TestService of the time-skipping test server, as `@temporalio/testing` drives it: the test
 * client unlocks time skipping while it awaits a result and sleeps in virtual time.
 */
export function testServiceHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { clock } = server.engine;
  const sleepUntil = (at: number, relock: boolean) =>
    new Promise<object>((resolve) => {
      clock.schedule(at, () => {
        if (relock) clock.lockForClient();
        resolve({});
      });
    });

  return {
    LockTimeSkipping: () => {
      clock.lockForClient();
      return {};
    },
    UnlockTimeSkipping: () => {
      clock.unlockForClient();
      return {};
    },
    Sleep: (request: { duration?: object | null }) => sleepUntil(clock.now() + durationToMs(request.duration), false),
    SleepUntil: (request: { timestamp?: object | null }) => sleepUntil(timestampToMs(request.timestamp), false),
    UnlockTimeSkippingWithSleep: (request: { duration?: object | null }) => {
      const done = sleepUntil(clock.now() + durationToMs(request.duration), true);
      clock.unlockForClient();
      return done;
    },
    GetCurrentTime: () => ({ time: msToTimestamp(clock.now()) }),
  };
}
