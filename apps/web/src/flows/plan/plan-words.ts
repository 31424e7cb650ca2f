import type { FlowNode } from '@dunning/flow';
import type { TFunction } from 'i18next';
import { conditionSummary } from '../forms/conditions';
import type { PlanArm, PlanItem, PlanTiming } from './flow-plan';
import { templateWords } from '../forms/templates';

/* The plan in words (i18n/plan-messages.ts): "J-5 · E-mail · Pré-relance", "Si montant dû ≥ 500,00 €". */

const signed = (days: number) => `${days < 0 ? '-' : '+'}${Math.abs(days)}`;

/** When an action happens: "D-5", "J+15 (jours ouvrés)", "After the previous step". */
export function timingWords(timing: PlanTiming, t: TFunction): string {
  const business = (text: string, yes: boolean) => (yes ? `${text} ${t('plan.timing.business')}` : text);
  switch (timing.type) {
    case 'anchored':
      return business(t(timing.anchor === 'due_date' ? 'plan.timing.dueDate' : 'plan.timing.issueDate', { days: signed(timing.days) }), timing.business);
    case 'start':
      return timing.days === 0 ? t('plan.timing.atStart') : business(t('plan.timing.afterStart', { count: timing.days }), timing.business);
    case 'after_previous':
      return timing.days === 0 ? t('plan.timing.afterPrevious') : business(t('plan.timing.daysAfterPrevious', { count: timing.days }), timing.business);
    case 'after_outcome':
      return t('plan.timing.afterOutcome');
  }
}

const same = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]/g, '') === b.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A step's name: its label, or what it does in words. */
export function stepName(node: FlowNode, t: TFunction): string {
  return node.label?.trim() || whatWords(node, t) || t(`nodes.${node.kind}`);
}

/** What an action does, beyond its kind: the template in words, the status set, the notice period. */
export function whatWords(node: FlowNode, t: TFunction): string {
  const label = node.label?.trim();
  switch (node.kind) {
    case 'email':
    case 'sms':
    case 'letter': {
      const template = templateWords(node.data.template, t);
      const named = label && !same(label, template) ? t('plan.what.withTemplate', { label, template }) : (label ?? template);
      return node.kind === 'letter' && node.data.noticePeriodDays ? `${named} — ${t('plan.what.formalNotice', { count: node.data.noticePeriodDays })}` : named;
    }
    case 'call_task':
      return label || t('plan.what.call');
    case 'set_status':
      return label || t('plan.what.setStatus', { status: t(`statuses.${node.data.status}`, { defaultValue: node.data.status }) });
    case 'escalate':
      return label || t('plan.what.escalate');
    default:
      return label ?? '';
  }
}

/** One action on one line: "J-5 · E-mail · Pré-relance". */
export function actionLine(node: FlowNode, timing: PlanTiming, t: TFunction): string {
  return [timingWords(timing, t), t(`nodes.${node.kind}`), whatWords(node, t)].filter(Boolean).join(' · ');
}

/** An arm's heading: "If amount due ≥ 500,00 €", "Otherwise", "If the outcome is: No answer, Wrong contact". */
export function armWords(node: FlowNode, arm: PlanArm, t: TFunction, language: string): string {
  const plain = arm.outcomes.filter((o): o is string => o !== undefined && o !== 'else');
  if (node.kind === 'branch') {
    const conditions = plain.flatMap((o) => node.data.cases.filter((c) => c.outcome === o)).map((c) => lowerFirst(conditionSummary(c.when, t, language)));
    return conditions.length === 0 ? t('plan.otherwise') : t('plan.if', { condition: conditions.join(t('plan.or')) });
  }
  if (plain.length === 0) return t('plan.otherwise');
  return t('plan.ifOutcome', { outcomes: plain.map((o) => t(`outcomes.${o}`, { defaultValue: o })).join(', ') });
}

const lowerFirst = (text: string) => (/^[A-ZÀ-Ý][a-zà-ÿ]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

/** The whole plan as indented lines (two spaces a level): what a reader sees, for specs and copying. */
export function planLines(items: readonly PlanItem[], t: TFunction, language: string, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  return items.flatMap((item) => {
    switch (item.type) {
      case 'action':
        return [`${pad}${actionLine(item.node, item.timing, t)}`];
      case 'jump':
        return [`${pad}${t('plan.jump', { step: stepName(item.node, t) })}`];
      case 'fork':
        return item.arms.flatMap((arm) => [
          `${pad}${armWords(item.node, arm, t, language)}`,
          ...(arm.items.length > 0 ? planLines(arm.items, t, language, depth + 1) : [`${pad}  ${t('plan.ends')}`]),
        ]);
    }
  });
}
