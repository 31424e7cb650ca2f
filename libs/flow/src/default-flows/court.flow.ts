import { SIMPLIFIED_PROCEDURE_MAX } from '@dunning/domain';
import type { Flow } from '../schema/flow.schema';
import { FlowBuilder } from './flow-builder';

/**
 * Court routes by amount: a formal notice that only goes to a recoverable claim (certain, liquid,
 * due), then below 5,000 EUR the simplified recovery procedure (CPCE L125-1) and, when the debtor
 * refuses or does not answer, or above it, an order for payment (injonction de payer, CPC 1405).
 */
export function courtFlow(): Flow {
  const f = new FlowBuilder({
    id: 'court',
    name: 'Court routes — by amount',
    description: 'D+15 formal email, D+30 fees and formal notice (recoverable claims only), D+45 simplified procedure up to 5,000 EUR, else an order for payment.',
  });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const waitR3 = f.node({ id: 'wait-reminder-3', kind: 'wait', data: { anchor: 'due_date', offsetDays: 15, dayType: 'calendar', at: '09:00' } });
  const r3 = f.node({ id: 'reminder-3', kind: 'email', label: 'Reminder 3 (formal)', data: { template: 'reminder-3', recipient: 'all', attachInvoice: true } });
  const waitNotice = f.node({ id: 'wait-formal-notice', kind: 'wait', data: { anchor: 'due_date', offsetDays: 30, dayType: 'calendar', at: '09:00' } });
  const fee = f.node({ id: 'late-fee', kind: 'late_fee', label: 'Recovery indemnity and interest', data: { indemnity: true } });
  const notice = f.node({
    id: 'formal-notice',
    kind: 'letter',
    label: 'Formal notice (mise en demeure)',
    data: { template: 'formal-notice', registered: true, noticePeriodDays: 8, requireRecoverable: true },
  });
  const waitCourt = f.node({ id: 'wait-court', kind: 'wait', data: { anchor: 'due_date', offsetDays: 45, dayType: 'calendar', at: '09:00' } });
  const size = f.node({
    id: 'route-by-amount',
    kind: 'branch',
    label: 'Up to 5,000 EUR?',
    data: { cases: [{ outcome: 'small_claim', when: { field: 'amount', op: 'lte', value: SIMPLIFIED_PROCEDURE_MAX.amount } }] },
  });
  const simplified = f.node({ id: 'simplified-procedure', kind: 'simplified_procedure', label: 'Simplified recovery procedure', data: { answerDays: 30 } });
  const order = f.node({ id: 'payment-order', kind: 'payment_order', label: 'Order for payment (injonction de payer)', data: { court: 'auto' } });
  const agreed = f.node({ id: 'end-agreement', kind: 'end', label: 'Agreement: paid under it', data: {} });
  const enforceable = f.node({ id: 'end-enforceable', kind: 'end', label: 'Enforceable order', data: {} });
  const opposed = f.node({ id: 'end-opposition', kind: 'end', label: 'Opposition: to a lawyer', data: {} });
  const rejected = f.node({ id: 'end-rejected', kind: 'end', label: 'Request rejected', data: {} });

  f.chain(start, waitR3, r3, waitNotice, fee, notice, waitCourt, size);
  f.link(size, simplified, 'small_claim').link(size, order, 'else');
  f.link(simplified, agreed, 'accepted').link(simplified, order, 'refused').link(simplified, order, 'no_answer');
  f.link(order, enforceable, 'enforceable').link(order, opposed, 'opposition').link(order, rejected, 'rejected');
  return f.build();
}
