import { publicHolidays } from '@dunning/domain/holidays';
import { standardFlow } from '../default-flows';
import { simulate } from '../simulator/simulate';
import { sampleInvoice } from '../testing/sample-invoice';
import { standardFlowVersion2 } from '../testing/standard-flow-v2';
import { planMigration } from './migration-plan';
import { performedSteps, proposeStepMapping } from './step-mapping';

describe('migrating running invoices to a new version', () => {
  const v1 = standardFlow();
  const v2 = standardFlowVersion2();

  it('proposes a mapping: kept steps by id, a renamed or removed one to the first step after it that survives', () => {
    const mapping = proposeStepMapping(v1, v2);
    expect(mapping['pre-reminder']).toEqual({ target: 'pre-reminder', how: 'same_id' });
    expect(mapping['reminder-1']).toEqual({ target: 'reminder-1', how: 'same_id' });
    // reminder-2 was renamed: without a hand mapping its invoices go on after it, never back to a reminder they had.
    expect(mapping['reminder-2']).toEqual({ target: 'late-fee', how: 'next_surviving' });
    expect(mapping['reminder-3']).toEqual({ target: 'late-fee', how: 'next_surviving' });
    // By hand: the renamed step is the same step.
    expect(proposeStepMapping(v1, v2, { 'reminder-2': 'second-reminder' })['reminder-2']).toEqual({ target: 'second-reminder', how: 'explicit' });
    expect(performedSteps(v1)).toEqual(expect.arrayContaining(['pre-reminder', 'reminder-1', 'call', 'reminder-2', 'reminder-3', 'escalate']));
  });

  it('places each running invoice after its mapped step, counts the moves and lists those it cannot place with the reason', () => {
    const positions = [
      { invoiceId: 'i1', number: 'F-1', lastStep: null },
      { invoiceId: 'i2', number: 'F-2', lastStep: { nodeId: 'reminder-1', at: '2026-05-02T09:00:00Z' } },
      { invoiceId: 'i3', number: 'F-3', lastStep: { nodeId: 'reminder-2', at: '2026-05-20T09:00:00Z' } },
      { invoiceId: 'i4', number: 'F-4', lastStep: { nodeId: 'reminder-3', at: '2026-06-01T09:00:00Z' } },
      { invoiceId: 'i5', number: 'F-5', lastStep: { nodeId: 'reminder-1', at: '2026-05-02T09:00:00Z' } },
    ];
    const plan = planMigration(positions, proposeStepMapping(v1, v2, { 'reminder-2': 'second-reminder', 'reminder-3': null }));
    expect(plan.moves.map((m) => [m.number, m.from, m.to])).toEqual([
      ['F-1', 'start', 'start'],
      ['F-2', 'reminder-1', 'reminder-1'],
      ['F-3', 'reminder-2', 'second-reminder'],
      ['F-4', 'reminder-3', null],
      ['F-5', 'reminder-1', 'reminder-1'],
    ]);
    expect(plan.moves[3]!.reason).toMatch(/reminder-3.*stay on the running version/);
    expect(plan.counts).toEqual(
      expect.arrayContaining([
        { from: 'reminder-1', to: 'reminder-1', invoices: 2 },
        { from: 'reminder-3', to: null, invoices: 1 },
      ]),
    );
  });

  it('dates the next step from where the invoice stands, on the real calendar: the added SMS comes before the call', async () => {
    const invoice = sampleInvoice({ dueDate: '2026-04-30', issueDate: '2026-03-31' });
    const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2027) };
    const options = { calendar, start: '2026-05-04T08:00:00.000Z', resumeAfter: { nodeId: 'reminder-1', at: '2026-05-04T07:00:00.000Z' } };
    const before = await simulate(v1, invoice, options);
    const after = await simulate(v2, invoice, options);
    expect(before.steps[0]!.nodeId).toBe('call');
    expect(after.steps[0]!.nodeId).toBe('sms-nudge');
    expect(Date.parse(after.steps[0]!.at)).toBeLessThanOrEqual(Date.parse(before.steps[0]!.at));
    // A call waiting for its outcome: no date until a collector answers.
    expect((await simulate(v2, invoice, { ...options, resumeAfter: { nodeId: 'call', at: options.start } })).outcome).toBe('waiting');
  });
});
