import type { BusinessCalendar } from '@dunning/domain';
import type { Flow } from '../schema/flow.schema';
import type { FlowEvent, FlowHold, FlowRuntimeState } from './flow-state';
import { type FlowAction, type StepResult, advance, applyEvent, applyStepResult } from './flow-interpreter';
import type { TimelineEntry } from './timeline';

/** What a driver gives the loop: its clock, its events, its side effects. */
export interface FlowDriver {
  calendar: BusinessCalendar;
  now(): string;
  /**
   * An event that has already arrived, without waiting (null when none): the loop applies these
   * before every step, so a cancellation or a payment reaches a flow between any two steps.
   */
  takeEvent(): FlowEvent | null;
  /** Resolves with the next event, or with null once `until` is reached (never, when null). */
  nextEvent(until: string | null): Promise<FlowEvent | null>;
  perform(action: Extract<FlowAction, { type: 'perform' }>, state: FlowRuntimeState): Promise<StepResult>;
  record(entries: TimelineEntry[], state: FlowRuntimeState): void;
  /** Called once when the flow is held at a step: the driver tells a person (the exceptions inbox). */
  onHold?(hold: FlowHold, state: FlowRuntimeState): Promise<void>;
  /**
   * Moves the invoice to another flow at this step boundary. The workflow continues as new with it
   * (and does not return); a driver without it (the simulator) stays on its flow.
   */
  reroute?(state: FlowRuntimeState, action: Extract<FlowAction, { type: 'reroute' }>): Promise<string | void>;
  /** Called at every wait; a workflow may continue-as-new here (it does not return then). */
  beforeWait?(state: FlowRuntimeState, action: FlowAction): Promise<void>;
}

/**
 * The one loop that runs a flow. The invoice workflow drives it with durable timers, activities and
 * signals; the simulator with virtual time and scripted events. Same loop, same dates.
 */
export async function runFlow(flow: Flow, initial: FlowRuntimeState, driver: FlowDriver): Promise<FlowRuntimeState> {
  let state = initial;
  const apply = (event: FlowEvent) => {
    const applied = applyEvent(flow, state, event);
    state = applied.state;
    if (applied.entries.length > 0) driver.record(applied.entries, state);
  };
  let reportedHold: FlowHold | undefined;
  for (;;) {
    for (let event = driver.takeEvent(); event; event = driver.takeEvent()) apply(event);
    const step = advance(flow, state, { calendar: driver.calendar, now: driver.now() });
    state = step.state;
    if (step.entries.length > 0) driver.record(step.entries, state);
    const { action } = step;
    switch (action.type) {
      case 'finished':
        return state;
      case 'reroute': {
        const stayed = await driver.reroute?.(state, action);
        // Still here: this driver cannot move flows, the target was not found, or a migration could not place the invoice; the flow goes on.
        state = { ...state, reroute: undefined };
        const detail = `stayed on this flow (${action.reason}${stayed ? `: ${stayed}` : ''})`;
        driver.record([{ at: driver.now(), type: action.migration ? 'migrated' : 'rerouted', detail }], state);
        break;
      }
      case 'perform': {
        const result = await driver.perform(action, state);
        const applied = applyStepResult(flow, state, action, result);
        state = applied.state;
        driver.record(applied.entries, state);
        break;
      }
      default: {
        if (action.type === 'held' && reportedHold !== action.hold) {
          reportedHold = action.hold;
          await driver.onHold?.(action.hold, state);
        }
        await driver.beforeWait?.(state, action);
        const until =
          action.type === 'wait' ? action.until : action.type === 'await_outcome' ? (action.deadline ?? null) : action.type === 'paused' ? (action.until ?? null) : null;
        const event = await driver.nextEvent(until);
        if (event) apply(event);
      }
    }
  }
}
