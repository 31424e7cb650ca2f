import { publicHolidays } from '@dunning/domain/holidays';
import { FlowBuilder, standardFlow, strictFlow } from '../default-flows';
import type { Flow } from '../schema/flow.schema';
import type { TimelineEntry } from '../interpreter/timeline';
import { sampleInvoice } from '../testing/sample-invoice';
import { simulate } from './simulate';

const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2027) };
const steps = (timeline: TimelineEntry[]) => timeline.filter((e) => e.type === 'step').map((e) => `${e.at.slice(0, 16)} ${e.nodeId}`);
const sends = (timeline: TimelineEntry[]) => timeline.filter((e) => e.type === 'step' && e.channel && e.channel !== 'call');
const skipped = (timeline: TimelineEntry[]) => timeline.filter((e) => e.type === 'skipped').map((e) => e.nodeId);

describe('catch-up: an invoice that starts its flow late', () => {
  // Due Wednesday 1 April 2026.
  const invoice = sampleInvoice({ issueDate: '2026-03-02', dueDate: '2026-04-01' });

  it('imported 62 days overdue: one formal notice, never the six past messages; the agency only after the notice’s deadline', async () => {
    // Thursday 2 June 2026, 10:00 Paris.
    const { timeline } = await simulate(standardFlow(), invoice, { calendar, start: '2026-06-02T08:00:00.000Z' });
    expect(steps(timeline)).toEqual([
      '2026-06-02T08:00 late-fee',
      '2026-06-02T08:00 doubtful',
      '2026-06-02T08:00 formal-notice',
      // 8 days written in the notice (until 10 June), escalation the day after, at the window's opening.
      '2026-06-11T07:00 escalate',
    ]);
    expect(sends(timeline)).toHaveLength(1);
    expect(skipped(timeline)).toEqual(['pre-reminder', 'reminder-1', 'call', 'reminder-2', 'reminder-3']);
  });

  it('imported 7 days overdue: the call whose time has come, no "due soon" email, no reminder 1', async () => {
    // Wednesday 8 April 2026, 11:00 Paris: the D+7 call is due today.
    const { timeline } = await simulate(standardFlow(), invoice, { calendar, start: '2026-04-08T09:00:00.000Z' });
    expect(steps(timeline).slice(0, 3)).toEqual(['2026-04-08T09:00 call', '2026-04-10T09:00 reminder-2', '2026-04-16T07:00 reminder-3']);
    expect(skipped(timeline)).toEqual(['pre-reminder', 'reminder-1']);
  });

  it('imported the day after the due date: reminder 1 when it is due, never the pre-reminder', async () => {
    const { timeline } = await simulate(standardFlow(), invoice, { calendar, start: '2026-04-02T09:00:00.000Z' });
    expect(steps(timeline)[0]).toBe('2026-04-03T07:00 reminder-1');
    expect(skipped(timeline)).toEqual(['pre-reminder']);
  });

  it('keeps an email and its SMS companion together (strict flow, imported at D+2)', async () => {
    const { timeline } = await simulate(strictFlow(), invoice, { calendar, start: '2026-04-03T08:00:00.000Z' });
    expect(steps(timeline).slice(0, 2)).toEqual(['2026-04-03T08:00 reminder-1', '2026-04-03T08:00 sms-reminder']);
  });

  it('replays every past step when the flow asks for it, but still never a "due soon" message once overdue', async () => {
    const replay: Flow = { ...standardFlow(), catchUp: { policy: 'replay', minGapHours: 0 } };
    const { timeline } = await simulate(replay, invoice, { calendar, start: '2026-06-02T08:00:00.000Z' });
    expect(skipped(timeline)).toEqual(['pre-reminder']);
    expect(steps(timeline).slice(0, 2)).toEqual(['2026-06-02T08:00 reminder-1', '2026-06-02T08:00 call']);
  });

  it('keeps the minimum gap between two messages of one channel', async () => {
    const f = new FlowBuilder({ id: 'two-emails', name: 'Two emails' });
    const start = f.node({ id: 'start', kind: 'start', data: {} });
    const wait = f.node({ id: 'wait', kind: 'wait', data: { anchor: 'due_date', offsetDays: 1, dayType: 'calendar', at: '09:00' } });
    const first = f.node({ id: 'first', kind: 'email', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } });
    const second = f.node({ id: 'second', kind: 'email', data: { template: 'reminder-2', recipient: 'billing', attachInvoice: false } });
    const sms = f.node({ id: 'sms', kind: 'sms', data: { template: 'sms-reminder', recipient: 'billing', maxSegments: 2 } });
    const end = f.node({ id: 'end', kind: 'end', data: {} });
    f.chain(start, wait, first, second, sms, end);
    const { timeline } = await simulate(f.build(), invoice, { calendar, start: '2026-03-02T08:00:00.000Z' });
    // Thursday 2 April 09:00 Paris; the second email 48 h later (Saturday) goes after the weekend and
    // Easter Monday, on Tuesday; the SMS goes with it.
    expect(steps(timeline)).toEqual(['2026-04-02T07:00 first', '2026-04-07T07:00 second', '2026-04-07T07:00 sms']);
  });
});

describe('safety: a flow that loops without waiting', () => {
  const looping = () => {
    const f = new FlowBuilder({ id: 'loop', name: 'Loop' });
    const start = f.node({ id: 'start', kind: 'start', data: {} });
    const wait = f.node({ id: 'wait', kind: 'wait', data: { anchor: 'previous_step', offsetDays: 0, dayType: 'calendar' } });
    const fee = f.node({ id: 'fee', kind: 'late_fee', data: { indemnity: false } });
    const again = f.node({ id: 'again', kind: 'branch', data: { cases: [{ outcome: 'loop', when: { field: 'days_overdue', op: 'lt', value: 100000 } }] } });
    const end = f.node({ id: 'end', kind: 'end', data: {} });
    f.chain(start, wait, fee, again).link(again, wait, 'loop').link(again, end, 'else');
    return f.build();
  };

  it('is held after a bounded number of steps at one instant, and a person can retry or skip', async () => {
    const { timeline, state, outcome } = await simulate(looping(), sampleInvoice(), { calendar, start: '2026-04-01T08:00:00.000Z', horizonDays: 2 });
    expect(outcome).toBe('waiting');
    expect(state.hold).toMatchObject({ reason: 'loop' });
    expect(timeline.filter((e) => e.type === 'step').length).toBeLessThan(100);
    expect(timeline.at(-1)).toMatchObject({ type: 'held' });
  });
});

describe('safety: a stored flow whose sending window never opens', () => {
  it('is held at its first message, saying why, instead of failing for ever', async () => {
    const flow = { ...standardFlow(), sendingWindow: { start: '12:00', end: '12:00', weekdays: [1, 2, 3, 4, 5], skipHolidays: true } };
    const { state, outcome } = await simulate(flow, sampleInvoice(), { calendar, start: '2026-04-01T08:00:00.000Z', horizonDays: 60 });
    expect(outcome).toBe('waiting');
    expect(state.hold).toMatchObject({ reason: 'configuration', nodeId: 'pre-reminder', detail: expect.stringMatching(/empty/) });
  });
});
