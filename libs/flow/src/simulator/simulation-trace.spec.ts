import { publicHolidays } from '@dunning/domain/holidays';
import { DEFAULT_SENDING_WINDOW } from '@dunning/domain';
import { standardFlow } from '../default-flows';
import { sampleInvoice } from '../testing/sample-invoice';
import { windowShiftReasons } from './shift-reasons';
import { simulate } from './simulate';

const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2027) };
const start = '2026-04-01T10:00:00.000Z';
const holidayNames = { '2026-05-01': 'Fête du Travail', '2026-05-08': 'Victoire 1945' };

describe('simulate: the path taken and why each date moved', () => {
  it('gives the nodes and edges the invoice went through, branches and call outcomes included', async () => {
    const { path } = await simulate(standardFlow(), sampleInvoice(), { calendar, start, callOutcomes: { call: { outcome: 'no_answer' } } });
    expect(path.nodeIds).toEqual([
      'start',
      'wait-pre-reminder',
      'pre-reminder',
      'wait-reminder-1',
      'reminder-1',
      'wait-call',
      'call',
      'reminder-2',
      'wait-reminder-3',
      'reminder-3',
      'wait-formal-notice',
      'late-fee',
      'doubtful',
      'formal-notice',
      'wait-agency',
      'amount-check',
      'escalate',
      'end',
    ]);
    expect(path.edgeIds).toContain('call->reminder-2:no_answer');
    expect(path.edgeIds).not.toContain('call->wait-reminder-3:promise_to_pay');
    expect(path.edgeIds).toContain('amount-check->escalate:else');
    expect(path.edgeIds).not.toContain('amount-check->irrecoverable:small');
  });

  it('takes the other arm of a branch for a small invoice', async () => {
    const { path } = await simulate(standardFlow(), sampleInvoice({ balance: { amount: 50_00, currency: 'EUR' } }), { calendar, start });
    expect(path.edgeIds).toContain('amount-check->irrecoverable:small');
    expect(path.nodeIds.slice(-2)).toEqual(['irrecoverable', 'end-small']);
    expect(path.nodeIds).not.toContain('escalate');
    // Without an answer the call runs out its SLA.
    expect(path.edgeIds).toContain('call->reminder-2:sla_expired');
  });

  it('says why a step went later than its nominal date: weekend, named holiday, window', async () => {
    const { steps, timeline } = await simulate(standardFlow(), sampleInvoice(), { calendar, start, holidayNames });
    const step = (nodeId: string) => steps.find((s) => s.nodeId === nodeId)!;
    // D+2 is Sunday 3 May at 09:00 → Monday 4 May.
    expect(step('reminder-1')).toMatchObject({ nominalAt: '2026-05-03T07:00:00.000Z', at: '2026-05-04T07:00:00.000Z', shiftReasons: [{ kind: 'weekend', date: '2026-05-03' }] });
    // D+7 is Friday 8 May (Victoire 1945), then the weekend → Monday 11 May at the window's opening.
    expect(step('call')).toMatchObject({
      nominalAt: '2026-05-08T08:00:00.000Z',
      at: '2026-05-11T07:00:00.000Z',
      shiftReasons: [
        { kind: 'holiday', date: '2026-05-08', name: 'Victoire 1945' },
        { kind: 'weekend', date: '2026-05-09' },
      ],
    });
    // D-5 business days at 09:00: on time, nothing to explain.
    expect(step('pre-reminder')).toMatchObject({ nominalAt: step('pre-reminder').at, shiftReasons: [] });
    // Each step points at its timeline entry, and at the edges that led to it.
    for (const s of steps) expect(timeline[s.entry]).toMatchObject({ type: 'step', nodeId: s.nodeId, at: s.at });
    expect(step('reminder-1').via).toEqual(['pre-reminder->wait-reminder-1', 'wait-reminder-1->reminder-1']);
  });

  it('names the hours outside the window, a closed weekday and a holiday without a name', () => {
    const paris = { timeZone: 'Europe/Paris', holidays: ['2026-07-14'] };
    // Monday 13 July 2026 at 19:00 Paris → Wednesday 15 July 09:00 (Tuesday is Bastille Day).
    expect(windowShiftReasons('2026-07-13T17:00:00.000Z', '2026-07-15T07:00:00.000Z', DEFAULT_SENDING_WINDOW, paris)).toEqual([
      { kind: 'outside_window', localTime: '19:00', start: '09:00', end: '18:00' },
      { kind: 'holiday', date: '2026-07-14' },
    ]);
    // A window closed on Wednesdays: Wednesday 15 July → Thursday.
    const noWednesday = { ...DEFAULT_SENDING_WINDOW, weekdays: [1, 2, 4, 5] };
    expect(windowShiftReasons('2026-07-15T07:00:00.000Z', '2026-07-16T07:00:00.000Z', noWednesday, paris)).toEqual([{ kind: 'closed_day', date: '2026-07-15' }]);
    expect(windowShiftReasons('2026-07-15T07:00:00.000Z', '2026-07-15T07:00:00.000Z', DEFAULT_SENDING_WINDOW, paris)).toEqual([]);
  });
});
