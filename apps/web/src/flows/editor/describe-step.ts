import type { FlowNode } from '@dunning/flow';
import type { TFunction } from 'i18next';

/** A step in a few words, on its card: "D+7, 09:00, business days", "Simplified procedure — 30 days to answer". */
export function describeStep(step: FlowNode, t: TFunction): string {
  const recoverable = (data: { requireRecoverable?: boolean }) => (data.requireRecoverable ? t('flowSteps.cards.ifRecoverable') : undefined);
  const join = (...parts: Array<string | undefined | false>) => parts.filter(Boolean).join(', ');
  switch (step.kind) {
    case 'wait': {
      const { anchor, offsetDays, dayType, at } = step.data;
      const sign = offsetDays >= 0 ? '+' : '−';
      const base = anchor === 'due_date' ? 'D' : anchor === 'issue_date' ? 'I' : t('flowSteps.cards.previous');
      return join(`${base}${sign}${Math.abs(offsetDays)}`, at, dayType === 'business' && t('flowSteps.cards.businessDays'));
    }
    case 'email':
      return `${step.data.template}${step.data.attachInvoice ? ' + PDF' : ''} → ${t(`flowSteps.options.recipient.${step.data.recipient}`, { defaultValue: step.data.recipient })}`;
    case 'sms':
      return `${step.data.template} (≤ ${step.data.maxSegments} SMS)`;
    case 'letter':
      return join(
        step.data.template,
        step.data.registered && t('flowSteps.cards.registered'),
        step.data.noticePeriodDays !== undefined && t('flowSteps.cards.notice', { count: step.data.noticePeriodDays }),
        recoverable(step.data),
      );
    case 'call_task':
      return `SLA ${step.data.slaHours} h${step.data.priority === 'high' ? ', !' : ''}`;
    case 'branch':
      return step.data.cases.map((c) => `${c.outcome}: ${c.when.field} ${c.when.op} ${String(c.when.value)}`).join(' · ');
    case 'set_status':
      return t(`statuses.${step.data.status}`, { defaultValue: step.data.status });
    case 'late_fee':
      return step.data.indemnity ? t('flowSteps.cards.indemnityAndInterest') : t('flowSteps.cards.interestOnly');
    case 'escalate':
      return join(step.data.agencyId ? t('flowSteps.cards.agency', { id: step.data.agencyId.slice(0, 8) }) : t('flowSteps.cards.defaultAgency'), recoverable(step.data));
    // CPCE L125-1: the debtor answers the commissaire de justice's invitation within the period.
    case 'simplified_procedure':
      return t('flowSteps.cards.simplifiedProcedure', { count: step.data.answerDays ?? 30 });
    // CPC 1406: the court follows the debtor (commercial court between traders) unless chosen.
    case 'payment_order':
      return t('flowSteps.cards.paymentOrder', { court: t(`flowSteps.cards.courts.${step.data.court ?? 'auto'}`) });
    case 'credit_insurance':
      return t(`flowSteps.cards.insurance.${step.data.action}`, { defaultValue: step.data.action });
    default:
      return '';
  }
}
