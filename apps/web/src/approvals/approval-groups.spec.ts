import type { Approval } from '../api/approvals-queries';
import { canApproveStep, deadlineKey, groupByStep, recipientProblemKey } from './approval-groups';

const FLOW_A = '11111111-1111-4111-8111-111111111111';
const FLOW_B = '22222222-2222-4222-8222-222222222222';

let next = 0;
function approval(change: Partial<Approval>): Approval {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    invoiceId: '33333333-3333-4333-8333-333333333333',
    invoiceNumber: `INV-${next}`,
    customerId: '44444444-4444-4444-8444-444444444444',
    customerName: 'Boulangerie Martin',
    flowId: FLOW_A,
    flowVersion: 1,
    nodeId: 'reminder-1',
    channel: 'email',
    recipientRole: 'billing',
    recipients: ['compta@martin.example'],
    subject: 'Relance',
    body: 'Bonjour',
    requestedAt: '2026-03-02T09:00:00.000Z',
    expiresAt: '2026-03-04T09:00:00.000Z',
    onTimeout: 'skip',
    decision: null,
    recipientOverride: null,
    ...change,
  };
}

describe('the approval queue by step', () => {
  it('groups by flow and step, in the order of each group’s oldest message, whatever version each runs', () => {
    const queue = [
      approval({ invoiceNumber: 'A-1' }),
      approval({ invoiceNumber: 'B-1', nodeId: 'reminder-2' }),
      approval({ invoiceNumber: 'A-2', flowVersion: 2 }),
      approval({ invoiceNumber: 'C-1', flowId: FLOW_B }),
    ];
    const groups = groupByStep(queue);
    expect(groups.map((g) => [g.key, g.items.map((a) => a.invoiceNumber)])).toEqual([
      [`${FLOW_A}:reminder-1`, ['A-1', 'A-2']],
      [`${FLOW_A}:reminder-2`, ['B-1']],
      [`${FLOW_B}:reminder-1`, ['C-1']],
    ]);
    // The label is read in the version of the group's first message.
    expect(groups[0]!.flowVersion).toBe(1);
  });

  it('counts what is left to decide; "approve all" needs a flow and one undecided message', () => {
    const [step] = groupByStep([approval({ decision: 'approve' }), approval({})]);
    expect(step!.undecided).toBe(1);
    expect(canApproveStep(step!)).toBe(true);
    const [decided] = groupByStep([approval({ decision: 'skip' })]);
    expect(canApproveStep(decided!)).toBe(false);
    const [orphan] = groupByStep([approval({ flowId: null })]);
    expect(orphan!.key).toBe(':reminder-1');
    expect(canApproveStep(orphan!)).toBe(false);
  });

  it('is empty for an empty queue', () => {
    expect(groupByStep([])).toEqual([]);
  });

  it('says what the deadline does and which recipient a channel takes', () => {
    expect(deadlineKey({ onTimeout: 'send' })).toBe('approvals.deadlineSend');
    expect(deadlineKey({ onTimeout: 'skip' })).toBe('approvals.deadlineSkip');
    expect(recipientProblemKey('email')).toBe('approvals.problems.email');
    expect(recipientProblemKey('sms')).toBe('approvals.problems.sms');
  });
});
