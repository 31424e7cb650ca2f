import fc from 'fast-check';
import type { Flow } from '../schema/flow.schema';
import { CALL_OUTCOMES } from '../schema/node-kinds';
import { FlowBuilder } from '../default-flows/flow-builder';

/**
 * Random valid flows for property tests: a chain of steps — waits on the due date (in order) or
 * on the previous step, messages, call tasks with one outcome to a side step, branches on the
 * amount, status changes, fees — ending in an end node. Side steps rejoin the chain.
 */
type StepSpec =
  | { kind: 'wait-due'; offset: number; business: boolean; at: string }
  | { kind: 'wait-previous'; days: number; business: boolean }
  | { kind: 'email' | 'sms' | 'letter' }
  | { kind: 'call'; slaHours: number; sideOutcome: (typeof CALL_OUTCOMES)[number] }
  | { kind: 'branch'; threshold: number }
  | { kind: 'status'; status: 'doubtful' | 'with_agency' }
  | { kind: 'fee' };

const stepArbitrary: fc.Arbitrary<StepSpec> = fc.oneof(
  fc.record({ kind: fc.constant('wait-due' as const), offset: fc.integer({ min: -10, max: 90 }), business: fc.boolean(), at: fc.constantFrom('08:00', '09:30', '14:00', '19:00') }),
  fc.record({ kind: fc.constant('wait-previous' as const), days: fc.integer({ min: 0, max: 10 }), business: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('email' as const, 'sms' as const, 'letter' as const) }),
  fc.record({ kind: fc.constant('call' as const), slaHours: fc.integer({ min: 1, max: 96 }), sideOutcome: fc.constantFrom(...CALL_OUTCOMES) }),
  fc.record({ kind: fc.constant('branch' as const), threshold: fc.integer({ min: 1, max: 5000_00 }) }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('doubtful' as const, 'with_agency' as const) }),
  fc.record({ kind: fc.constant('fee' as const) }),
);

export const randomFlow: fc.Arbitrary<Flow> = fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }).map(buildFlow);

function buildFlow(steps: StepSpec[]): Flow {
  const f = new FlowBuilder({ id: 'random', name: 'Random flow' });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  let latestDueOffset: number | undefined;
  const chain = steps.map((step, i) => {
    const id = `s${i}`;
    switch (step.kind) {
      case 'wait-due': {
        const offset = Math.max(step.offset, latestDueOffset ?? step.offset);
        latestDueOffset = offset;
        return { id: f.node({ id, kind: 'wait', data: { anchor: 'due_date', offsetDays: offset, dayType: step.business ? 'business' : 'calendar', at: step.at } }) };
      }
      case 'wait-previous':
        return { id: f.node({ id, kind: 'wait', data: { anchor: 'previous_step', offsetDays: step.days, dayType: step.business ? 'business' : 'calendar' } }) };
      case 'email':
        return { id: f.node({ id, kind: 'email', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } }) };
      case 'sms':
        return { id: f.node({ id, kind: 'sms', data: { template: 'sms-reminder', recipient: 'billing', maxSegments: 2 } }) };
      case 'letter':
        return { id: f.node({ id, kind: 'letter', data: { template: 'formal-notice', registered: true, requireRecoverable: false } }) };
      case 'call':
        return {
          id: f.node({ id, kind: 'call_task', data: { slaHours: step.slaHours, priority: 'normal' } }),
          outcomes: CALL_OUTCOMES.filter((o) => o !== step.sideOutcome) as string[],
          side: { outcome: step.sideOutcome, id: f.node({ id: `${id}-side`, kind: 'email', data: { template: 'reminder-2', recipient: 'all', attachInvoice: true } }) },
        };
      case 'branch':
        return {
          id: f.node({ id, kind: 'branch', data: { cases: [{ outcome: 'small', when: { field: 'amount', op: 'lt', value: step.threshold } }] } }),
          outcomes: ['else'],
          side: { outcome: 'small', id: f.node({ id: `${id}-side`, kind: 'set_status', data: { status: 'irrecoverable' } }) },
        };
      case 'status':
        return { id: f.node({ id, kind: 'set_status', data: { status: step.status } }) };
      case 'fee':
        return { id: f.node({ id, kind: 'late_fee', data: { indemnity: true } }) };
    }
  });
  const end = f.node({ id: 'end', kind: 'end', data: {} });
  f.link(start, chain[0]!.id);
  chain.forEach((step, i) => {
    const next = chain[i + 1]?.id ?? end;
    if ('side' in step && step.side) {
      for (const outcome of step.outcomes) f.link(step.id, next, outcome);
      f.link(step.id, step.side.id, step.side.outcome).link(step.side.id, next);
    } else {
      f.link(step.id, next);
    }
  });
  return f.build();
}
