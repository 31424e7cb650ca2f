import type { FlowNode } from '@dunning/flow';
import type { TFunction } from 'i18next';
import { conditionSummary } from '../forms/conditions';
import { offsetCode } from '../forms/offset';
import { slaWords } from '../forms/sla';
import { templateWords } from '../forms/templates';

/** A step in a few words, on its card: "J-5, 09:00, jours ouvrés", "Formal notice, registered", "Amount due ≥ 500,00 €". */
export function describeStep(step: FlowNode, t: TFunction): string {
  // The language numbers and money are written in follows the words' language.
  const language = t('stepForms.language');
  const recoverable = (data: { requireRecoverable?: boolean }) => (data.requireRecoverable ? t('flowSteps.cards.ifRecoverable') : undefined);
  const join = (...parts: Array<string | undefined | false>) => parts.filter(Boolean).join(', ');
  switch (step.kind) {
    case 'wait': {
      const { anchor, offsetDays, dayType, at } = step.data;
      return join(offsetCode(anchor, offsetDays, t), at, dayType === 'business' && t('flowSteps.cards.businessDays'));
    }
    case 'email':
      return `${templateWords(step.data.template, t)}${step.data.attachInvoice ? ' + PDF' : ''} → ${t(`flowSteps.options.recipient.${step.data.recipient}`, { defaultValue: step.data.recipient })}`;
    case 'sms':
      return `${templateWords(step.data.template, t)} (≤ ${step.data.maxSegments} SMS)`;
    case 'letter':
      return join(
        templateWords(step.data.template, t),
        step.data.registered && t('flowSteps.cards.registered'),
        step.data.noticePeriodDays !== undefined && t('flowSteps.cards.notice', { count: step.data.noticePeriodDays }),
        recoverable(step.data),
      );
    case 'call_task':
      return join(slaWords(step.data.slaHours, t), step.data.priority === 'high' && t('flowSteps.options.priority.high'));
    case 'branch':
      return step.data.cases.map((c) => conditionSummary(c.when, t, language)).join(' · ');
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
