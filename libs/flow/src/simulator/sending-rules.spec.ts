import { publicHolidays } from '@dunning/domain/holidays';
import { FlowBuilder } from '../default-flows/flow-builder';
import { sampleInvoice } from '../testing/sample-invoice';
import { simulate } from './simulate';

/**
 * The sending rules every channel obeys, in the customer's time zone: the window (09:00–18:00 by
 * default), weekdays only, the country's public holidays skipped. The workflow takes the same
 * dates as the simulator (workflow-matches-simulation.property.spec.ts), so these hold for sends.
 */
const paris = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2027) };

function emailAt(offsetDays: number, at: string, bounced = false) {
  const f = new FlowBuilder({ id: 'rules', name: 'Sending rules' });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const wait = f.node({ id: 'wait', kind: 'wait', data: { anchor: 'due_date', offsetDays, dayType: 'calendar', at } });
  const email = f.node({ id: 'email', kind: 'email', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } });
  const end = f.node({ id: 'end', kind: 'end', data: {} });
  // After the email the flow waits a week: a bounce reported meanwhile finds it running.
  const after = f.node({ id: 'after', kind: 'wait', data: { anchor: 'previous_step', offsetDays: 7, dayType: 'calendar' } });
  f.chain(start, wait, email, after, end);
  if (bounced) {
    const call = f.node({ id: 'call', kind: 'call_task', data: { slaHours: 24, priority: 'high' } });
    f.link(email, call, 'bounced')
      .link(call, end, 'no_answer')
      .link(call, end, 'sla_expired')
      .link(call, end, 'promise_to_pay')
      .link(call, end, 'dispute')
      .link(call, end, 'paid')
      .link(call, end, 'wrong_contact');
  }
  return f.build();
}

async function sentAt(offsetDays: number, at: string, dueDate: string) {
  const { timeline } = await simulate(emailAt(offsetDays, at), sampleInvoice({ dueDate }), { calendar: paris, start: '2026-01-02T08:00:00.000Z' });
  return timeline.find((e) => e.type === 'step' && e.nodeId === 'email')?.at;
}

describe('sending rules (Paris)', () => {
  it('holds a send due at 22:00 local time until the window opens next morning', async () => {
    // Due Tuesday 3 March 2026 at 22:00 Paris → Wednesday 09:00 Paris (08:00 UTC in winter).
    expect(await sentAt(0, '22:00', '2026-03-03')).toBe('2026-03-04T08:00:00.000Z');
  });

  it('moves a Saturday step to Monday', async () => {
    expect(await sentAt(0, '10:00', '2026-03-07')).toBe('2026-03-09T08:00:00.000Z');
  });

  it('skips a French public holiday (Bastille Day, Tuesday 14 July 2026), in summer time', async () => {
    expect(await sentAt(0, '10:00', '2026-07-14')).toBe('2026-07-15T07:00:00.000Z');
  });

  it('takes the email’s fallback edge when a bounce arrives after the send', async () => {
    const flow = emailAt(0, '10:00', true);
    const { timeline } = await simulate(flow, sampleInvoice({ dueDate: '2026-03-03' }), {
      calendar: paris,
      start: '2026-01-02T08:00:00.000Z',
      events: [{ type: 'message_bounced', at: '2026-03-03T09:05:00.000Z', nodeId: 'email', reason: 'HardBounce' }],
    });
    expect(timeline.filter((e) => e.type === 'step' || e.type === 'bounced').map((e) => `${e.type}:${e.nodeId}`)).toEqual(['step:email', 'bounced:email', 'step:call']);
  });
});
