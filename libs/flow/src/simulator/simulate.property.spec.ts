import fc from 'fast-check';
import { publicHolidays } from '@dunning/domain/holidays';
import { validateFlow } from '../validation/validate-flow';
import { randomFlow } from '../testing/random-flow';
import { sampleInvoice } from '../testing/sample-invoice';
import { simulate } from './simulate';

const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2028) };

describe('simulate on random valid flows', () => {
  it('terminates with a timeline in time order, messages inside the sending window', async () => {
    await fc.assert(
      fc.asyncProperty(randomFlow, fc.integer({ min: 1_00, max: 10_000_00 }), fc.integer({ min: 0, max: 60 }), async (flow, amount, dueInDays) => {
        expect(validateFlow(flow)).toEqual([]);
        const dueDate = new Date(Date.parse('2026-03-02') + dueInDays * 86_400_000).toISOString().slice(0, 10);
        const invoice = sampleInvoice({ dueDate, amount: { amount, currency: 'EUR' }, balance: { amount, currency: 'EUR' } });
        const { timeline, outcome } = await simulate(flow, invoice, { calendar, start: '2026-03-01T08:00:00.000Z' });
        expect(outcome).toBe('finished');
        const times = timeline.map((e) => Date.parse(e.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        for (const entry of timeline.filter((e) => e.channel === 'email' || e.channel === 'sms' || e.channel === 'letter')) {
          const local = new Date(entry.at).toLocaleString('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', weekday: 'short', hour12: false });
          expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? (09|1\d)$/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
