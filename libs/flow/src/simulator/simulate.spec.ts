import { publicHolidays } from '@dunning/domain/holidays';
import { standardFlow, strictFlow } from '../default-flows';
import type { TimelineEntry } from '../interpreter/timeline';
import { sampleInvoice } from '../testing/sample-invoice';
import { type SimulationOptions, simulate } from './simulate';

const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2027) };
const start = '2026-04-01T10:00:00.000Z';
const run = (options: Partial<SimulationOptions> = {}, invoice = sampleInvoice()) => simulate(standardFlow(), invoice, { calendar, start, ...options });
const steps = (timeline: TimelineEntry[]) => timeline.filter((e) => e.type === 'step').map((e) => `${e.at.slice(0, 16)} ${e.nodeId}`);

describe('simulate: the standard flow on an invoice due Friday 1 May 2026 (a French holiday)', () => {
  it('dates every step on business days inside the sending window, Paris time', async () => {
    const { timeline, outcome, state } = await run();
    expect(outcome).toBe('finished');
    expect(steps(timeline)).toEqual([
      '2026-04-24T07:00 pre-reminder', //  D-5 business days, 09:00 Paris
      '2026-05-04T07:00 reminder-1', //    D+2 is Sunday 3 May → Monday 09:00
      '2026-05-11T07:00 call', //          D+7 is Friday 8 May (holiday), then the weekend → Monday
      '2026-05-13T07:00 reminder-2', //    the call's 48 h SLA expired
      '2026-05-18T07:00 reminder-3', //    D+15 is Saturday → Monday
      '2026-05-31T07:00 late-fee', //      D+30, a Sunday: no message, so no window
      '2026-05-31T07:00 doubtful',
      '2026-06-01T07:00 formal-notice', // the letter waits for Monday
      '2026-06-15T07:00 escalate', //      D+45
    ]);
    expect(timeline).toContainEqual({ at: '2026-05-13T07:00:00.000Z', type: 'outcome', nodeId: 'call', kind: 'call_task', outcome: 'sla_expired' });
    expect(state.finished).toEqual({ status: 'with_agency', reason: 'end of flow' });
  });

  it('stops when the invoice is paid in full', async () => {
    const { timeline, state } = await run({ events: [{ type: 'payment', at: '2026-05-06T12:00:00.000Z', amount: 1200_00 }] });
    expect(steps(timeline)).toEqual(['2026-04-24T07:00 pre-reminder', '2026-05-04T07:00 reminder-1']);
    expect(state.finished?.status).toBe('paid');
    expect(state.invoice.balance.amount).toBe(0);
  });

  it('goes on with the new balance after a partial payment', async () => {
    const { timeline, state } = await run({ events: [{ type: 'payment', at: '2026-05-06T12:00:00.000Z', amount: 1000_00 }] });
    expect(timeline).toContainEqual({ at: '2026-05-06T12:00:00.000Z', type: 'payment', amount: 1000_00 });
    // 200.00 EUR left, then the late fee at D+30: 40.00 indemnity and 30 days of interest at 12.15 % on 200.00 (2.00).
    // Still worth an agency (the branch sends less than 100.00 to irrecoverable).
    expect(state.invoice.balance.amount).toBe(242_00);
    expect(state.finished?.status).toBe('with_agency');
  });

  it('adds the late fees the books would charge, so an amount branch after them takes the same path as the workflow', async () => {
    const small = { amount: { amount: 70_00, currency: 'EUR' }, balance: { amount: 70_00, currency: 'EUR' } };
    // A company owes the 40 EUR indemnity (L441-10) and interest from the due date: 70 EUR becomes more than 100, worth an agency.
    const company = await run({}, sampleInvoice(small));
    const fee = company.timeline.find((e) => e.nodeId === 'late-fee' && e.type === 'step');
    expect(fee?.amount).toBeGreaterThan(40_00);
    expect(company.state.invoice.balance.amount).toBe(70_00 + (fee?.amount ?? 0));
    expect(company.state.finished?.status).toBe('with_agency');
    // A consumer owes no indemnity: the interest alone leaves it under 100 EUR.
    const person = await run({}, sampleInvoice({ ...small, customerType: 'person' }));
    expect(person.state.invoice.balance.amount).toBeLessThan(100_00);
    expect(person.state.finished?.status).toBe('irrecoverable');
  });

  it('pauses on a dispute and resumes on its resolution with the latest step whose time has come', async () => {
    const { timeline } = await run({
      events: [
        { type: 'dispute_opened', at: '2026-05-05T09:00:00.000Z', reason: 'goods damaged' },
        { type: 'dispute_resolved', at: '2026-05-20T13:00:00.000Z', resolution: 'rejected' },
      ],
    });
    // The call (D+7), its follow-up and reminder 3 (D+15) all fell due during the dispute: only the
    // latest goes out, at the resolution (15:00 Paris); the others are recorded as skipped.
    expect(steps(timeline).slice(2, 3)).toEqual(['2026-05-20T13:00 reminder-3']);
    expect(timeline.filter((e) => e.type === 'skipped').map((e) => e.nodeId)).toEqual(['call', 'reminder-2']);
  });

  it('ends when a promise is kept, resumes when it is broken', async () => {
    const promise = { type: 'promise_to_pay' as const, at: '2026-05-05T09:00:00.000Z', date: '2026-05-12', amount: 1200_00 };
    const kept = await run({ events: [promise, { type: 'payment', at: '2026-05-12T10:00:00.000Z', amount: 1200_00 }] });
    expect(kept.state.finished?.status).toBe('paid');
    expect(steps(kept.timeline)).toEqual(['2026-04-24T07:00 pre-reminder', '2026-05-04T07:00 reminder-1']);

    const broken = await run({ events: [promise] });
    // Paused until 12 May + 2 days of grace (end of day), then the flow resumes with the step whose
    // time has come: the call's SLA would have run out on 13 May, so the firm reminder.
    expect(broken.timeline).toContainEqual(expect.objectContaining({ type: 'promise_broken', at: '2026-05-14T23:59:59.000Z' }));
    expect(steps(broken.timeline)[2]).toBe('2026-05-15T07:00 reminder-2');
  });

  it('takes the edge of the collector’s outcome, and the SLA edge when there is none', async () => {
    const answered = await run({ callOutcomes: { call: { outcome: 'no_answer', afterHours: 3 } } });
    expect(answered.timeline).toContainEqual({ at: '2026-05-11T10:00:00.000Z', type: 'outcome', nodeId: 'call', kind: 'call_task', outcome: 'no_answer' });
    expect(steps(answered.timeline)[3]).toBe('2026-05-11T10:00 reminder-2');

    const promised = await run({ callOutcomes: { call: { outcome: 'promise_to_pay', promise: { date: '2026-05-14', amount: 1200_00 } } } });
    expect(promised.timeline.map((e) => e.type)).toContain('promise');
    expect(steps(promised.timeline)).not.toContain('reminder-2');
  });

  it('moves every later step when the due date changes', async () => {
    const { timeline } = await run({ events: [{ type: 'invoice_changed', at: '2026-05-06T08:00:00.000Z', dueDate: '2026-06-01' }] });
    expect(steps(timeline).slice(2, 4)).toEqual(['2026-06-08T08:00 call', '2026-06-10T08:00 reminder-2']);
  });

  it('cancels on a credit note for the whole balance', async () => {
    const { state } = await run({ events: [{ type: 'credit_note', at: '2026-05-02T08:00:00.000Z', amount: 1200_00 }] });
    expect(state.finished?.status).toBe('cancelled');
  });

  it('sends SMS in the strict flow, earlier', async () => {
    const { timeline } = await simulate(strictFlow(), sampleInvoice({ riskScore: 2 }), { calendar, start });
    expect(steps(timeline).slice(0, 4)).toEqual([
      '2026-04-24T07:00 pre-reminder', // D-7
      '2026-05-04T07:00 reminder-1', //   D+1 = Saturday 2 May → Monday
      '2026-05-04T07:00 sms-reminder',
      '2026-05-06T07:30 call', //          D+3 business days (1 May is a holiday, then the weekend)
    ]);
  });
});
