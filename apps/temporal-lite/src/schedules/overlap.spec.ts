import { OverlapPolicy, decideBuffer } from './overlap';
import type { BufferedStart } from './schedule-state';

const P = OverlapPolicy;
const start = (nominalTime: number, overlapPolicy = 0): BufferedStart => ({ nominalTime, actualTime: nominalTime, overlapPolicy, manual: false });
const decide = (policy: number, starts: BufferedStart[], running: boolean) => decideBuffer(starts, running, (p) => p || policy);

describe('overlap policies', () => {
  const three = [start(1), start(2), start(3)];

  it('starts the first when nothing runs, and applies the policy to the rest', () => {
    expect(decide(P.SCHEDULE_OVERLAP_POLICY_SKIP, three, false)).toMatchObject({ nonOverlapping: start(1), buffer: [], overlapSkipped: 2 });
    expect(decide(P.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE, three, false)).toMatchObject({ nonOverlapping: start(1), buffer: [start(2)], overlapSkipped: 1 });
    expect(decide(P.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL, three, false)).toMatchObject({ nonOverlapping: start(1), buffer: [start(2), start(3)], overlapSkipped: 0 });
    const allowAll = decide(P.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL, three, false);
    expect(allowAll).toMatchObject({ overlapping: three, buffer: [] });
    expect(allowAll.nonOverlapping).toBeUndefined();
  });

  it('waits for the running workflow, or cancels / terminates it first', () => {
    expect(decide(P.SCHEDULE_OVERLAP_POLICY_SKIP, [start(1)], true)).toEqual({ overlapping: [], buffer: [], overlapSkipped: 1, cancelRunning: false, terminateRunning: false });
    expect(decide(P.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE, three, true)).toEqual({
      overlapping: [],
      buffer: [start(1)],
      overlapSkipped: 2,
      cancelRunning: false,
      terminateRunning: false,
    });
    expect(decide(P.SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER, [start(1)], true)).toMatchObject({ cancelRunning: true, buffer: [start(1)] });
    expect(decide(P.SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER, [start(1)], true)).toMatchObject({ terminateRunning: true, buffer: [start(1)] });
    // Nothing running: the latest replaces the one about to start.
    expect(decide(P.SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER, three, false)).toMatchObject({ nonOverlapping: start(3), terminateRunning: false, buffer: [] });
  });

  it('resolves each start with its own policy when it has one', () => {
    const decision = decide(P.SCHEDULE_OVERLAP_POLICY_SKIP, [start(1), start(2, P.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL), start(3)], true);
    expect(decision).toMatchObject({ overlapping: [start(2, P.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL)], overlapSkipped: 2 });
  });
});
