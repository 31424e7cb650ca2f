import { publicHolidays } from '@dunning/domain/holidays';
import { courtFlow, standardFlow } from '../default-flows';
import { advance, applyEvent } from '../interpreter/flow-interpreter';
import { createInitialState } from '../interpreter/flow-state';
import type { TimelineEntry } from '../interpreter/timeline';
import { sampleInvoice } from '../testing/sample-invoice';
import { validateFlow } from '../validation/validate-flow';
import { simulate } from './simulate';

const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2027) };
const start = '2026-04-01T10:00:00.000Z';
const euros = (amount: number) => ({ amount: amount * 100, currency: 'EUR' });
const invoiceOf = (amount: number) => sampleInvoice({ amount: euros(amount), balance: euros(amount) });
const steps = (timeline: TimelineEntry[]) => timeline.filter((e) => e.type === 'step').map((e) => e.nodeId);
const outcomes = (timeline: TimelineEntry[]) => timeline.filter((e) => e.type === 'outcome').map((e) => `${e.nodeId}:${e.outcome}`);

describe('court routes by amount (the court flow)', () => {
  it('is a valid flow, and a court step must wire each of its outcomes', () => {
    expect(validateFlow(courtFlow())).toEqual([]);
    const flow = courtFlow();
    const broken = { ...flow, edges: flow.edges.filter((e) => !(e.source === 'payment-order' && e.outcome === 'rejected')) };
    expect(validateFlow(broken)).toContainEqual(expect.objectContaining({ nodeId: 'payment-order', field: 'outcomes.rejected' }));
  });

  it('sends a 3,000 EUR claim to the simplified procedure; without an answer in 30 days it goes on to an order for payment', async () => {
    const { timeline, state } = await simulate(courtFlow(), invoiceOf(3_000), { calendar, start, horizonDays: 200 });
    expect(steps(timeline)).toEqual(['reminder-3', 'late-fee', 'formal-notice', 'simplified-procedure', 'payment-order']);
    const opened = timeline.find((e) => e.type === 'step' && e.nodeId === 'simplified-procedure')!;
    const noAnswer = timeline.find((e) => e.type === 'outcome' && e.outcome === 'no_answer')!;
    expect(Date.parse(noAnswer.at) - Date.parse(opened.at)).toBe(30 * 86_400_000);
    // The order waits for the court's news: no term until it is served.
    expect(state.pendingCase).toMatchObject({ nodeId: 'payment-order', route: 'payment_order', stage: 'prepared' });
    expect(state.pendingCase?.deadline).toBeUndefined();
  });

  it('takes `accepted` when the debtor agrees before the month is out', async () => {
    const { timeline, state } = await simulate(courtFlow(), invoiceOf(3_000), {
      calendar,
      start,
      events: [{ type: 'legal_case', at: '2026-06-25T10:00:00.000Z', nodeId: 'simplified-procedure', stage: 'accepted' }],
    });
    expect(outcomes(timeline)).toEqual(['simplified-procedure:accepted']);
    expect(state.finished?.reason).toBe('end of flow');
    expect(state.nodeId).toBe('end-agreement');
  });

  it('sends a 12,000 EUR claim to an order for payment; once served, the month of opposition runs out and the order is enforceable', async () => {
    const deadline = '2026-08-02T22:00:00.000Z';
    const { timeline, state } = await simulate(courtFlow(), invoiceOf(12_000), {
      calendar,
      start,
      events: [
        { type: 'legal_case', at: '2026-06-20T10:00:00.000Z', nodeId: 'payment-order', stage: 'filed' },
        { type: 'legal_case', at: '2026-06-28T10:00:00.000Z', nodeId: 'payment-order', stage: 'granted' },
        { type: 'legal_case', at: '2026-07-01T10:00:00.000Z', nodeId: 'payment-order', stage: 'served', deadline },
      ],
    });
    expect(steps(timeline)).toEqual(['reminder-3', 'late-fee', 'formal-notice', 'payment-order']);
    expect(timeline.filter((e) => e.type === 'legal_case').map((e) => e.outcome)).toEqual(['filed', 'granted', 'served']);
    expect(timeline).toContainEqual({ at: deadline, type: 'outcome', nodeId: 'payment-order', kind: 'payment_order', outcome: 'enforceable' });
    expect(state.nodeId).toBe('end-enforceable');
  });

  it('takes `opposition` when the debtor opposes within the month', async () => {
    const { state, timeline } = await simulate(courtFlow(), invoiceOf(12_000), {
      calendar,
      start,
      events: [
        { type: 'legal_case', at: '2026-07-01T10:00:00.000Z', nodeId: 'payment-order', stage: 'served', deadline: '2026-08-02T22:00:00.000Z' },
        { type: 'legal_case', at: '2026-07-20T10:00:00.000Z', nodeId: 'payment-order', stage: 'opposition' },
      ],
    });
    expect(outcomes(timeline)).toEqual(['payment-order:opposition']);
    expect(state.nodeId).toBe('end-opposition');
  });
});

describe('re-routing at a step boundary', () => {
  const context = { calendar, now: '2026-05-10T10:00:00.000Z' };

  it('moves between steps, never while a call is open', () => {
    const flow = standardFlow();
    const state = createInitialState(flow.id, 'start', sampleInvoice(), start);
    const asked = applyEvent(flow, state, { type: 'reroute', at: context.now, flowId: 'flow-uuid', flowVersion: 3, reason: 'band correct → poor', riskScore: 2 }).state;
    expect(asked.invoice.riskScore).toBe(2);
    expect(advance(flow, asked, context).action).toEqual({ type: 'reroute', flowId: 'flow-uuid', flowVersion: 3, reason: 'band correct → poor' });
    const calling = { ...asked, pendingTask: { nodeId: 'call', deadline: '2026-05-12T10:00:00.000Z' } };
    expect(advance(flow, calling, context).action.type).toBe('await_outcome');
  });

  it('stays on its flow where the driver cannot move it (the simulator), saying so', async () => {
    const { timeline, state } = await simulate(standardFlow(), sampleInvoice(), {
      calendar,
      start,
      events: [{ type: 'reroute', at: '2026-04-10T10:00:00.000Z', flowId: 'x', flowVersion: 1, reason: 'band correct → poor' }],
    });
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'rerouted', detail: 'stayed on this flow (band correct → poor)' }));
    expect(state.finished?.status).toBe('with_agency');
  });
});
