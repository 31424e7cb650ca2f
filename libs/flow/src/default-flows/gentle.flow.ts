import type { Flow } from '../schema/flow.schema';
import { FlowBuilder } from './flow-builder';

/** For customers with a very good score (8–10): later, softer steps, a call before anything formal. */
export function gentleFlow(): Flow {
  const f = new FlowBuilder({
    rerouteOnScoreChange: true,
    id: 'gentle',
    name: 'Gentle — good payers',
    description: 'D-5 pre-reminder, D+5 reminder, D+12 call, D+20 formal email, D+40 formal notice, D+60 agency.',
  });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const waitPre = f.node({ id: 'wait-pre-reminder', kind: 'wait', data: { anchor: 'due_date', offsetDays: -5, dayType: 'business', at: '10:00' } });
  const pre = f.node({ id: 'pre-reminder', kind: 'email', label: 'Pre-reminder', data: { template: 'pre-reminder', recipient: 'billing', attachInvoice: false } });
  const waitR1 = f.node({ id: 'wait-reminder-1', kind: 'wait', data: { anchor: 'due_date', offsetDays: 5, dayType: 'calendar', at: '10:00' } });
  const r1 = f.node({ id: 'reminder-1', kind: 'email', label: 'Reminder 1', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: true } });
  const waitCall = f.node({ id: 'wait-call', kind: 'wait', data: { anchor: 'due_date', offsetDays: 12, dayType: 'calendar', at: '10:00' } });
  const call = f.node({ id: 'call', kind: 'call_task', label: 'Courtesy call', data: { slaHours: 72, script: 'call-script', priority: 'normal' } });
  const waitR3 = f.node({ id: 'wait-reminder-3', kind: 'wait', data: { anchor: 'due_date', offsetDays: 20, dayType: 'calendar', at: '10:00' } });
  const r3 = f.node({ id: 'reminder-3', kind: 'email', label: 'Reminder 3 (formal)', data: { template: 'reminder-3', recipient: 'all', attachInvoice: true } });
  const waitNotice = f.node({ id: 'wait-formal-notice', kind: 'wait', data: { anchor: 'due_date', offsetDays: 40, dayType: 'calendar', at: '10:00' } });
  const fee = f.node({ id: 'late-fee', kind: 'late_fee', label: 'Recovery indemnity and interest', data: { indemnity: true } });
  const notice = f.node({
    id: 'formal-notice',
    kind: 'letter',
    label: 'Formal notice',
    data: { template: 'formal-notice', registered: true, noticePeriodDays: 8, requireRecoverable: false },
  });
  const waitAgency = f.node({ id: 'wait-agency', kind: 'wait', data: { anchor: 'due_date', offsetDays: 60, dayType: 'calendar', at: '10:00' } });
  const escalate = f.node({ id: 'escalate', kind: 'escalate', label: 'Collections agency', data: { requireRecoverable: false } });
  const end = f.node({ id: 'end', kind: 'end', data: {} });

  f.chain(start, waitPre, pre, waitR1, r1, waitCall, call);
  for (const outcome of ['promise_to_pay', 'dispute', 'paid', 'no_answer', 'wrong_contact', 'sla_expired']) f.link(call, waitR3, outcome);
  f.chain(waitR3, r3, waitNotice, fee, notice, waitAgency, escalate, end);
  return f.build();
}
