import type { Flow } from '../schema/flow.schema';
import { FlowBuilder } from './flow-builder';

/** For poor solvency scores (1–4): earlier steps, SMS beside email, a call within a day, the agency at D+30. */
export function strictFlow(): Flow {
  const f = new FlowBuilder({
    rerouteOnScoreChange: true,
    id: 'strict',
    name: 'Strict — poor solvency',
    description: 'D-7 pre-reminder, D+1 reminder + SMS, D+3 call, D+8 formal email, D+15 formal notice, D+30 agency.',
  });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const waitPre = f.node({ id: 'wait-pre-reminder', kind: 'wait', data: { anchor: 'due_date', offsetDays: -7, dayType: 'calendar', at: '09:00' } });
  const pre = f.node({ id: 'pre-reminder', kind: 'email', label: 'Pre-reminder', data: { template: 'pre-reminder', recipient: 'billing', attachInvoice: true } });
  const waitR1 = f.node({ id: 'wait-reminder-1', kind: 'wait', data: { anchor: 'due_date', offsetDays: 1, dayType: 'calendar', at: '09:00' } });
  const r1 = f.node({ id: 'reminder-1', kind: 'email', label: 'Reminder 1', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: true } });
  const sms1 = f.node({ id: 'sms-reminder', kind: 'sms', label: 'SMS reminder', data: { template: 'sms-reminder', recipient: 'billing', maxSegments: 2 } });
  const waitCall = f.node({ id: 'wait-call', kind: 'wait', data: { anchor: 'due_date', offsetDays: 3, dayType: 'business', at: '09:30' } });
  const call = f.node({ id: 'call', kind: 'call_task', label: 'Urgent call', data: { slaHours: 24, script: 'call-script', priority: 'high' } });
  const r2 = f.node({ id: 'reminder-2', kind: 'email', label: 'Reminder 2 (firm)', data: { template: 'reminder-2', recipient: 'all', attachInvoice: true } });
  const sms2 = f.node({ id: 'sms-final', kind: 'sms', label: 'Final SMS', data: { template: 'sms-final', recipient: 'billing', maxSegments: 2 } });
  const waitR3 = f.node({ id: 'wait-reminder-3', kind: 'wait', data: { anchor: 'due_date', offsetDays: 8, dayType: 'calendar', at: '09:00' } });
  const r3 = f.node({ id: 'reminder-3', kind: 'email', label: 'Reminder 3 (formal)', data: { template: 'reminder-3', recipient: 'all', attachInvoice: true } });
  const waitNotice = f.node({ id: 'wait-formal-notice', kind: 'wait', data: { anchor: 'due_date', offsetDays: 15, dayType: 'calendar', at: '09:00' } });
  const fee = f.node({ id: 'late-fee', kind: 'late_fee', label: 'Recovery indemnity and interest', data: { indemnity: true } });
  const doubtful = f.node({ id: 'doubtful', kind: 'set_status', label: 'Doubtful receivable', data: { status: 'doubtful' } });
  const notice = f.node({
    id: 'formal-notice',
    kind: 'letter',
    label: 'Formal notice',
    data: { template: 'formal-notice', registered: true, noticePeriodDays: 8, requireRecoverable: false },
  });
  const waitAgency = f.node({ id: 'wait-agency', kind: 'wait', data: { anchor: 'due_date', offsetDays: 30, dayType: 'calendar', at: '09:00' } });
  const escalate = f.node({ id: 'escalate', kind: 'escalate', label: 'Collections agency', data: { requireRecoverable: false } });
  const end = f.node({ id: 'end', kind: 'end', data: {} });

  f.chain(start, waitPre, pre, waitR1, r1, sms1, waitCall, call);
  for (const outcome of ['no_answer', 'wrong_contact', 'sla_expired']) f.link(call, r2, outcome);
  for (const outcome of ['promise_to_pay', 'dispute', 'paid']) f.link(call, waitR3, outcome);
  f.chain(r2, sms2, waitR3, r3, waitNotice, fee, doubtful, notice, waitAgency, escalate, end);
  return f.build();
}
