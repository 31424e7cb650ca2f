import { LOCALES, type Locale } from '@dunning/domain';
import { DEFAULT_CATCH_UP, FLOW_SCHEMA_VERSION, NODE_KINDS, type CatchUp, type Flow, type FlowEdge, type FlowNode } from '@dunning/flow';
import type { FlowDetail } from '../../api/types';

/** A draft as the API answers it: saved as it was, so it may break the Flow schema (an empty template, a step not yet linked). */
export type FlowDraft = FlowDetail['draftGraph'];

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isLocale = (value: unknown): value is Locale => LOCALES.some((locale) => locale === value);

function isSendingWindow(value: unknown): value is Flow['sendingWindow'] {
  return (
    isFields(value) && isString(value.start) && isString(value.end) && Array.isArray(value.weekdays) && value.weekdays.every(isNumber) && typeof value.skipHolidays === 'boolean'
  );
}

function isCatchUp(value: unknown): value is CatchUp {
  return isFields(value) && (value.policy === 'latest_due' || value.policy === 'replay') && isNumber(value.minGapHours);
}

/**
 * A step the canvas can draw: an id, a kind, a position and its data. The data is edited through
 * its kind's schema form and checked by validateFlow (problems are shown on the step), so only
 * what the canvas reads without a check is checked here: a branch's cases.
 */
function isStep(node: Fields): node is Fields & FlowNode {
  const { id, kind, position, label, data } = node;
  if (!isString(id) || !NODE_KINDS.some((known) => known === kind) || !isFields(position) || !isNumber(position.x) || !isNumber(position.y)) return false;
  if (label !== undefined && !isString(label)) return false;
  if (!isFields(data)) return false;
  return kind !== 'branch' || (Array.isArray(data.cases) && data.cases.every((c) => isFields(c) && isString(c.outcome) && isFields(c.when)));
}

function isLink(edge: Fields): edge is Fields & FlowEdge {
  return isString(edge.id) && isString(edge.source) && isString(edge.target) && (edge.outcome === undefined || isString(edge.outcome));
}

/**
 * The draft as the editor edits it, or undefined when the editor cannot draw it (a draft another
 * client saved in another shape): it is then not opened rather than saved back changed. What the
 * Flow schema fills by default (one message per customer, the catch-up policy, not following the solvency score) is filled the same way.
 */
export function editableFlow(draft: FlowDraft): Flow | undefined {
  const { schemaVersion, id, name, description, locales, batchPerCustomer, sendingWindow, catchUp, rerouteOnScoreChange } = draft;
  if (schemaVersion !== FLOW_SCHEMA_VERSION || !isString(id) || !isString(name) || (description !== undefined && !isString(description))) return undefined;
  if (!Array.isArray(locales) || !locales.every(isLocale) || !isSendingWindow(sendingWindow)) return undefined;
  if (batchPerCustomer !== undefined && typeof batchPerCustomer !== 'boolean') return undefined;
  if (catchUp !== undefined && !isCatchUp(catchUp)) return undefined;
  if (rerouteOnScoreChange !== undefined && typeof rerouteOnScoreChange !== 'boolean') return undefined;
  const nodes = draft.nodes.filter(isStep);
  const edges = draft.edges.filter(isLink);
  if (nodes.length !== draft.nodes.length || edges.length !== draft.edges.length) return undefined;
  return {
    schemaVersion,
    id,
    name,
    ...(description !== undefined ? { description } : {}),
    locales,
    batchPerCustomer: batchPerCustomer ?? true,
    sendingWindow,
    catchUp: catchUp ?? DEFAULT_CATCH_UP,
    rerouteOnScoreChange: rerouteOnScoreChange ?? false,
    nodes,
    edges,
  };
}
