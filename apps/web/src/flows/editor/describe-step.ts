import type { FlowNode } from '@dunning/flow';
import type { TFunction } from 'i18next';

/** When a step fires, in a few words: "D+7, 09:00, business days". */
export function describeStep(step: FlowNode, t: TFunction): string {
  switch (step.kind) {
    case 'wait': {
      const { anchor, offsetDays, dayType, at } = step.data;
      const sign = offsetDays >= 0 ? '+' : '−';
      const base = anchor === 'due_date' ? 'D' : anchor === 'issue_date' ? 'I' : t('flows.previous', { defaultValue: 'prev.' });
      return [`${base}${sign}${Math.abs(offsetDays)}`, at, dayType === 'business' ? t('flows.businessDays', { defaultValue: 'business days' }) : undefined]
        .filter(Boolean)
        .join(', ');
    }
    case 'email':
      return `${step.data.template}${step.data.attachInvoice ? ' + PDF' : ''} → ${step.data.recipient}`;
    case 'sms':
      return `${step.data.template} (≤ ${step.data.maxSegments} SMS)`;
    case 'letter':
      return `${step.data.template}${step.data.registered ? ', LRAR' : ''}`;
    case 'call_task':
      return `SLA ${step.data.slaHours} h${step.data.priority === 'high' ? ', !' : ''}`;
    case 'branch':
      return step.data.cases.map((c) => `${c.outcome}: ${c.when.field} ${c.when.op} ${String(c.when.value)}`).join(' · ');
    case 'set_status':
      return step.data.status;
    case 'late_fee':
      return step.data.indemnity ? '40 € + interest' : 'interest';
    case 'escalate':
      return step.data.agencyId ? `agency ${step.data.agencyId.slice(0, 8)}` : 'default agency';
    default:
      return '';
  }
}
