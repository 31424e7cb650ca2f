import { temporal } from '../proto/temporal-proto';
import type { BufferedStart } from './schedule-state';

export const OverlapPolicy = temporal.api.enums.v1.ScheduleOverlapPolicy;
const P = OverlapPolicy;

export interface BufferDecision {
  /** Starts that may run beside anything (ALLOW_ALL). */
  overlapping: BufferedStart[];
  /** The one start that takes the "running" slot, if any. */
  nonOverlapping?: BufferedStart;
  /** What stays buffered, waiting for the running workflow to close. */
  buffer: BufferedStart[];
  overlapSkipped: number;
  cancelRunning: boolean;
  terminateRunning: boolean;
}

/**
 * Decides what to do with the buffered starts given whether a workflow of the schedule is
 * running, applying each start's overlap policy (resolved late, so a policy update applies to
 * starts already buffered), as the Temporal scheduler does.
 */
export function decideBuffer(starts: BufferedStart[], isRunning: boolean, resolve: (policy: number) => number): BufferDecision {
  const decision: BufferDecision = { overlapping: [], buffer: [], overlapSkipped: 0, cancelRunning: false, terminateRunning: false };
  for (const start of starts) {
    const policy = resolve(start.overlapPolicy);
    if (policy === P.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL) {
      decision.overlapping.push(start);
      continue;
    }
    if (!isRunning && !decision.nonOverlapping) {
      decision.nonOverlapping = start;
      continue;
    }
    switch (policy) {
      case P.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE:
        if (decision.buffer.length === 0) decision.buffer.push(start);
        else decision.overlapSkipped++;
        break;
      case P.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL:
        decision.buffer.push(start);
        break;
      case P.SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER:
      case P.SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER:
        if (isRunning) {
          // Started once the running one has closed.
          if (policy === P.SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER) decision.cancelRunning = true;
          else decision.terminateRunning = true;
          decision.buffer.push(start);
        } else {
          // Nothing runs yet: this one replaces the start chosen a moment ago.
          decision.nonOverlapping = start;
        }
        break;
      default: // SKIP
        decision.overlapSkipped++;
    }
  }
  // The running workflow is going away; starting overlapping ones now would only see them cancelled too.
  if (decision.cancelRunning || decision.terminateRunning) decision.overlapping = [];
  return decision;
}
