import { EventType } from '../proto/temporal-proto';
import { durationToMs } from '../proto/time';
import type { Engine } from './engine';
import type { TimerState } from './run-state';
import type { WorkflowRun } from './workflow-run';
import type { Loose, temporal } from '../proto/temporal-proto';

type StartTimerAttributes = Loose<temporal.api.command.v1.IStartTimerCommandAttributes>;

/** Durable workflow timers (`sleep`, `condition` with a timeout), on the server's clock. */
export class Timers {
  constructor(private readonly engine: Engine) {}

  validate(run: WorkflowRun, attrs: StartTimerAttributes | null | undefined, startedIds: Set<string>): string | undefined {
    if (!attrs?.timerId) return 'TimerId is not set on command.';
    if (run.state.timers[attrs.timerId] || startedIds.has(attrs.timerId)) return `TimerId ${attrs.timerId} is already started.`;
    if (durationToMs(attrs.startToFireTimeout) <= 0) return 'A valid StartToFireTimeout is not set on command.';
    return undefined;
  }

  start(run: WorkflowRun, attrs: StartTimerAttributes, completedEventId: number): void {
    const started = this.engine.appendEvent(run, {
      eventType: EventType.EVENT_TYPE_TIMER_STARTED,
      timerStartedEventAttributes: {
        timerId: attrs.timerId,
        startToFireTimeout: attrs.startToFireTimeout,
        workflowTaskCompletedEventId: completedEventId,
      },
    });
    const timer: TimerState = {
      timerId: attrs.timerId as string,
      startedEventId: started.eventId as number,
      fireAt: this.engine.now() + durationToMs(attrs.startToFireTimeout),
    };
    run.state.timers[timer.timerId] = timer;
    this.arm(run, timer);
  }

  cancel(run: WorkflowRun, timerId: string, completedEventId: number, identity: string): void {
    const timer = run.state.timers[timerId];
    if (!timer) return;
    delete run.state.timers[timerId];
    run.setTimer(`timer:${timerId}`, undefined);
    this.engine.appendEvent(run, {
      eventType: EventType.EVENT_TYPE_TIMER_CANCELED,
      timerCanceledEventAttributes: {
        timerId,
        startedEventId: timer.startedEventId,
        workflowTaskCompletedEventId: completedEventId,
        identity,
      },
    });
  }

  /** Arms every timer of a run rebuilt after a restart; overdue ones fire at once. */
  restore(run: WorkflowRun): void {
    for (const timer of Object.values(run.state.timers)) this.arm(run, timer);
  }

  private arm(run: WorkflowRun, timer: TimerState): void {
    run.setTimer(
      `timer:${timer.timerId}`,
      this.engine.clock.schedule(timer.fireAt, () => this.fire(run, timer)),
    );
  }

  private fire(run: WorkflowRun, timer: TimerState): void {
    if (!run.isOpen || run.state.timers[timer.timerId] !== timer) return;
    delete run.state.timers[timer.timerId];
    run.timerHandles.delete(`timer:${timer.timerId}`);
    this.engine.appendEvent(
      run,
      {
        eventType: EventType.EVENT_TYPE_TIMER_FIRED,
        timerFiredEventAttributes: { timerId: timer.timerId, startedEventId: timer.startedEventId },
      },
      true,
    );
    this.engine.commitInBackground();
  }
}
