import type { Flow, FlowEdge, FlowNode } from '@dunning/flow';
import type { TFunction } from 'i18next';
import { optionWords, stepFieldWords } from './editor/step-words';
import { conditionSummary } from './forms/conditions';
import { templateWords } from './forms/templates';
import { armWords, stepName } from './plan/plan-words';

export interface DiffLine {
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  text: string;
}

/**
 * What changed between two versions, in words, by step name (positions ignored): steps added,
 * removed, renamed or changed field by field ("Changed “Wait”: 5 days after the due date → 7 days
 * after the due date"), links added or removed between steps that are in both, the flow's settings.
 */
export function diffFlows(before: Flow, after: Flow, t: TFunction, language: string): DiffLine[] {
  const lines: DiffLine[] = [];
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const name = (node: FlowNode) => stepName(node, t);

  for (const setting of ['name', 'description', 'sendingWindow', 'catchUp', 'locales', 'batchPerCustomer', 'rerouteOnScoreChange'] as const) {
    const [a, b] = [before[setting], after[setting]];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    lines.push({ kind: 'changed', text: t('versionDiff.setting', { setting: t(`versionDiff.settings.${setting}`), before: settingWords(a, t), after: settingWords(b, t) }) });
  }
  for (const node of before.nodes) if (!afterNodes.has(node.id) && isStep(node)) lines.push({ kind: 'removed', text: t('versionDiff.removed', { step: name(node) }) });
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) {
      if (isStep(node)) lines.push({ kind: 'added', text: t('versionDiff.added', { step: name(node) }) });
      continue;
    }
    if (old.kind !== node.kind) {
      lines.push({ kind: 'removed', text: t('versionDiff.removed', { step: name(old) }) }, { kind: 'added', text: t('versionDiff.added', { step: name(node) }) });
      continue;
    }
    const [oldLabel, newLabel] = [old.label?.trim() ?? '', node.label?.trim() ?? ''];
    if (oldLabel !== newLabel) lines.push({ kind: 'renamed', text: t('versionDiff.renamed', { before: name(old), after: name(node) }) });
    const changes = dataChanges(old, node, t, language);
    if (changes.length > 0) lines.push({ kind: 'changed', text: t('versionDiff.changed', { step: name(node), changes: changes.join(' ; ') }) });
  }

  // Links of steps added or removed go with them; the others are listed.
  const key = (e: FlowEdge) => `${e.source}\u0000${e.target}\u0000${e.outcome ?? ''}`;
  const kept = (e: FlowEdge) => beforeNodes.has(e.source) && afterNodes.has(e.source) && beforeNodes.has(e.target) && afterNodes.has(e.target);
  const link = (e: FlowEdge, nodes: Map<string, FlowNode>, which: 'linkAdded' | 'linkRemoved') => {
    const source = nodes.get(e.source)!;
    const outcome = e.outcome ? t('versionDiff.linkOutcome', { outcome: armWords(source, { outcomes: [e.outcome], items: [] }, t, language) }) : '';
    return t(`versionDiff.${which}`, { source: name(source), target: name(nodes.get(e.target)!), outcome });
  };
  const beforeEdges = new Set(before.edges.map(key));
  const afterEdges = new Set(after.edges.map(key));
  for (const e of before.edges) if (kept(e) && !afterEdges.has(key(e))) lines.push({ kind: 'removed', text: link(e, beforeNodes, 'linkRemoved') });
  for (const e of after.edges) if (kept(e) && !beforeEdges.has(key(e))) lines.push({ kind: 'added', text: link(e, afterNodes, 'linkAdded') });
  return lines;
}

/** The start and the end are not steps a person adds; every other node is. */
const isStep = (node: FlowNode) => node.kind !== 'start' && node.kind !== 'end';

/** A step's changed fields, each "Field: before → after"; a wait in one phrase ("5 days after the due date → 7 days after the due date"). */
function dataChanges(before: FlowNode, after: FlowNode, t: TFunction, language: string): string[] {
  if (JSON.stringify(before.data) === JSON.stringify(after.data)) return [];
  if (before.kind === 'wait' && after.kind === 'wait') return [`${waitWords(before.data, t)} → ${waitWords(after.data, t)}`];
  if (before.kind === 'branch' && after.kind === 'branch') {
    const cases = (node: typeof before) => node.data.cases.map((c) => conditionSummary(c.when, t, language)).join(', ');
    return [t('versionDiff.change', { field: t('versionDiff.cases'), before: cases(before), after: cases(after) })];
  }
  const { labels } = stepFieldWords(after.kind, t);
  const a = before.data as Record<string, unknown>;
  const b = after.data as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map((field) => t('versionDiff.change', { field: labels[field] ?? field, before: valueWords(field, a[field], t), after: valueWords(field, b[field], t) }));
}

/** A wait in words: "5 days after the due date, business days, at 09:00". */
export function waitWords(data: Extract<FlowNode, { kind: 'wait' }>['data'], t: TFunction): string {
  const anchor = data.anchor === 'due_date' ? 'dueDate' : data.anchor === 'issue_date' ? 'issueDate' : 'previous';
  const days = data.offsetDays;
  const when = days === 0 ? t(`versionDiff.wait.${anchor}.on`) : t(`versionDiff.wait.${anchor}.${days > 0 ? 'after' : 'before'}`, { count: Math.abs(days) });
  return [when, data.dayType === 'business' && t('versionDiff.wait.business'), data.at && t('versionDiff.wait.at', { time: data.at })].filter(Boolean).join(', ');
}

function valueWords(field: string, value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '') return t('versionDiff.empty');
  if (typeof value === 'boolean') return t(value ? 'versionDiff.yes' : 'versionDiff.no');
  if (field === 'template' || field === 'script') return templateWords(String(value), t);
  if (typeof value === 'string') return optionWords(field, value, t);
  return String(value);
}

function settingWords(value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '') return t('versionDiff.empty');
  if (typeof value === 'boolean') return t(value ? 'versionDiff.yes' : 'versionDiff.no');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  const window = value as { start?: string; end?: string; weekdays?: number[] };
  if (window.start && window.end) return `${window.start}–${window.end}`;
  const catchUp = value as { policy?: string; minGapHours?: number };
  if (catchUp.policy) return `${t(`flowSteps.settings.catchUp.policy.options.${catchUp.policy}`, { defaultValue: catchUp.policy })}, ${catchUp.minGapHours ?? 0} h`;
  return JSON.stringify(value);
}
