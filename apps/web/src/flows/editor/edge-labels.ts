import type { Condition, Flow, FlowNode } from '@dunning/flow';
import type { TFunction } from 'i18next';

/** An edge label box: 12 px text on 18 px lines, 4 px padding and a 1 px border. */
export const LABEL_LINE = 18;
export const LABEL_PAD = 10;
/** Between two boxes stacked above one card, and between the lowest box and the card. */
export const LABEL_GAP = 4;
export const LABEL_MARGIN = 8;
/** A label never grows wider than the narrowest card (220 px), so it stays within its card's column. */
export const LABEL_MAX_WIDTH = 208;

/** One label box: the outcomes of every edge from one step to another, one line each. */
export interface LabelSlot {
  /** The edge that draws the box (the others of the group draw their line only). */
  edgeId: string;
  source: string;
  target: string;
  outcomes: string[];
  /** From the target card's top up to the box's bottom, and the box's height, in px. */
  offset: number;
  height: number;
}

/**
 * Where the edge labels go: above the card they lead to, one box per step they come from, stacked.
 * A label thus sits on the edge where it enters its step, inside the room the layout keeps above
 * that card (`zone`), so labels overlap neither cards nor each other, whatever the flow's shape.
 */
export function edgeLabelLayout(flow: Flow): { slots: Map<string, LabelSlot>; zone: Map<string, number> } {
  const groups = new Map<string, LabelSlot>();
  const slots = new Map<string, LabelSlot>();
  for (const edge of flow.edges) {
    if (!edge.outcome || edge.outcome === 'next') continue;
    const key = `${edge.source}\u0000${edge.target}`;
    let slot = groups.get(key);
    if (!slot) {
      slot = { edgeId: edge.id, source: edge.source, target: edge.target, outcomes: [], offset: 0, height: 0 };
      groups.set(key, slot);
    }
    slot.outcomes.push(edge.outcome);
    slots.set(edge.id, slot);
  }
  const zone = new Map<string, number>();
  for (const slot of groups.values()) {
    const below = zone.get(slot.target) ?? LABEL_MARGIN - LABEL_GAP;
    slot.offset = below + LABEL_GAP;
    slot.height = slot.outcomes.length * LABEL_LINE + LABEL_PAD;
    zone.set(slot.target, slot.offset + slot.height);
  }
  return { slots, zone };
}

const SYMBOLS: Record<string, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=', neq: '≠' };

/** A branch condition in words: "Amount ≥ 1 000,00 €", "Last call outcome is Promise to pay". */
export function conditionWords(when: Condition, t: TFunction, locale: string): string {
  const list = (values: string | string[], word: (v: string) => string) => (Array.isArray(values) ? values : [values]).map(word).join(', ');
  switch (when.field) {
    case 'amount': {
      const value = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(when.value / 100);
      return t('editorCanvas.conditions.amount', { op: SYMBOLS[when.op], value });
    }
    case 'days_overdue':
      return t('editorCanvas.conditions.daysOverdue', { op: SYMBOLS[when.op], value: when.value });
    case 'risk_score':
      return t('editorCanvas.conditions.riskScore', { op: SYMBOLS[when.op], value: when.value });
    case 'segment':
      return t('editorCanvas.conditions.segment', { op: t(`editorCanvas.ops.${when.op}`), value: list(when.value, (v) => v) });
    case 'last_outcome':
      return t('editorCanvas.conditions.lastOutcome', { op: t(`editorCanvas.ops.${when.op}`), value: list(when.value, (v) => t(`outcomes.${v}`, { defaultValue: v })) });
  }
}

/** An edge's outcome in words: a branch case reads its condition, other outcomes their name ("Promise to pay"). */
export function outcomeWords(source: FlowNode | undefined, outcome: string, t: TFunction, locale: string): string {
  if (source?.kind === 'branch') {
    const found = source.data.cases.find((c) => c.outcome === outcome);
    if (found) return conditionWords(found.when, t, locale);
  }
  return t(`outcomes.${outcome}`, { defaultValue: outcome });
}
