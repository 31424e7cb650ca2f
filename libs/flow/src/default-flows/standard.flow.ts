import type { Flow } from '../schema/flow.schema';
import { FlowBuilder } from './flow-builder';

/**
 * The common French escalation ladder: a polite pre-reminder, a cordial reminder with the invoice,
 * a collector's call, a firmer then a formal email, the formal notice (mise en demeure) with the
 * recovery indemnity, then the collections agency.
 */
export function standardFlow(): Flow {
  const f = new FlowBuilder({
    rerouteOnScoreChange: true,
    id: 'standard',
    name: 'Standard — French escalation ladder',
    description: 'D-5 pre-reminder, D+2 reminder with invoice, D+7 call, D+15 formal email, D+30 formal notice, D+45 agency.',
  });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const waitPre = f.node({ id: 'wait-pre-reminder', kind: 'wait', data: { anchor: 'due_date', offsetDays: -5, dayType: 'business', at: '09:00' } });
  const pre = f.node({ id: 'pre-reminder', kind: 'email', label: 'Pre-reminder', data: { template: 'pre-reminder', recipient: 'billing', attachInvoice: false } });
  const waitR1 = f.node({ id: 'wait-reminder-1', kind: 'wait', data: { anchor: 'due_date', offsetDays: 2, dayType: 'calendar', at: '09:00' } });
  const r1 = f.node({ id: 'reminder-1', kind: 'email', label: 'Reminder 1', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: true } });
  const waitCall = f.node({ id: 'wait-call', kind: 'wait', data: { anchor: 'due_date', offsetDays: 7, dayType: 'calendar', at: '10:00' } });
  const call = f.node({ id: 'call', kind: 'call_task', label: 'Call the customer', data: { slaHours: 48, script: 'call-script', priority: 'normal' } });
  const r2 = f.node({ id: 'reminder-2', kind: 'email', label: 'Reminder 2 (firm)', data: { template: 'reminder-2', recipient: 'billing', attachInvoice: true } });
  const waitR3 = f.node({ id: 'wait-reminder-3', kind: 'wait', data: { anchor: 'due_date', offsetDays: 15, dayType: 'calendar', at: '09:00' } });
  const r3 = f.node({ id: 'reminder-3', kind: 'email', label: 'Reminder 3 (formal)', data: { template: 'reminder-3', recipient: 'all', attachInvoice: true } });
  const waitNotice = f.node({ id: 'wait-formal-notice', kind: 'wait', data: { anchor: 'due_date', offsetDays: 30, dayType: 'calendar', at: '09:00' } });
  const fee = f.node({ id: 'late-fee', kind: 'late_fee', label: 'Recovery indemnity and interest', data: { indemnity: true } });
  const doubtful = f.node({ id: 'doubtful', kind: 'set_status', label: 'Doubtful receivable', data: { status: 'doubtful' } });
  const notice = f.node({
    id: 'formal-notice',
    kind: 'letter',
    label: 'Formal notice (mise en demeure)',
    data: { template: 'formal-notice', registered: true, noticePeriodDays: 8, requireRecoverable: false },
  });
  const waitAgency = f.node({ id: 'wait-agency', kind: 'wait', data: { anchor: 'due_date', offsetDays: 45, dayType: 'calendar', at: '09:00' } });
  const size = f.node({
    id: 'amount-check',
    kind: 'branch',
    label: 'Worth an agency?',
    data: { cases: [{ outcome: 'small', when: { field: 'amount', op: 'lt', value: 100_00 } }] },
  });
  const irrecoverable = f.node({ id: 'irrecoverable', kind: 'set_status', label: 'Too small to pursue', data: { status: 'irrecoverable' } });
  const escalate = f.node({ id: 'escalate', kind: 'escalate', label: 'Collections agency', data: { requireRecoverable: false } });
  const end = f.node({ id: 'end', kind: 'end', data: {} });
  const endSmall = f.node({ id: 'end-small', kind: 'end', data: {} });

  f.chain(start, waitPre, pre, waitR1, r1, waitCall, call);
  for (const outcome of ['no_answer', 'wrong_contact', 'sla_expired']) f.link(call, r2, outcome);
  for (const outcome of ['promise_to_pay', 'dispute', 'paid']) f.link(call, waitR3, outcome);
  f.chain(r2, waitR3, r3, waitNotice, fee, doubtful, notice, waitAgency, size);
  f.link(size, irrecoverable, 'small').link(irrecoverable, endSmall);
  f.link(size, escalate, 'else').link(escalate, end);
  return f.build();
}
