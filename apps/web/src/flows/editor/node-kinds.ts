import { CALL_OUTCOMES, type FlowNode, type NodeKind, PAYMENT_ORDER_OUTCOMES, SIMPLIFIED_PROCEDURE_OUTCOMES, flowNodeSchema } from '@dunning/flow';
import type { ZodType } from 'zod';

/** The outcome handles a step offers: `next` is the plain edge (no outcome label). */
export function outcomeHandles(node: FlowNode): string[] {
  switch (node.kind) {
    case 'end':
      return [];
    case 'call_task':
      return [...CALL_OUTCOMES];
    // A court route ends with one of its outcomes, each its own handle (CPCE L125-1; CPC 1405–1425).
    case 'simplified_procedure':
      return [...SIMPLIFIED_PROCEDURE_OUTCOMES];
    case 'payment_order':
      return [...PAYMENT_ORDER_OUTCOMES];
    case 'branch':
      return [...node.data.cases.map((c) => c.outcome), 'else'];
    case 'email':
    case 'sms':
    case 'letter':
      return ['next', 'bounced'];
    default:
      return ['next'];
  }
}

/** What a step dragged in from the palette starts with: valid where it can be, a template to pick otherwise. */
export function newNodeData(kind: NodeKind): FlowNode['data'] {
  switch (kind) {
    case 'wait':
      return { anchor: 'due_date', offsetDays: 3, dayType: 'calendar', at: '09:00' };
    case 'email':
      return { template: 'reminder-1', recipient: 'billing', attachInvoice: true };
    case 'sms':
      return { template: 'sms-reminder', recipient: 'billing', maxSegments: 2 };
    case 'letter':
      return { template: 'formal-notice', registered: true, requireRecoverable: false };
    case 'call_task':
      return { slaHours: 48, script: 'call-script', priority: 'normal' };
    case 'branch':
      return { cases: [{ outcome: 'large', when: { field: 'amount', op: 'gte', value: 100000 } }] };
    case 'set_status':
      return { status: 'doubtful' };
    case 'late_fee':
      return { indemnity: true };
    case 'escalate':
      return { requireRecoverable: false };
    case 'simplified_procedure':
      return { answerDays: 30 };
    case 'payment_order':
      return { court: 'auto' };
    case 'credit_insurance':
      return { action: 'declare_threat' };
    default:
      return {};
  }
}

/** The zod schema of a kind's data: the same one the API validates with. */
export function dataSchemaOf(kind: NodeKind): ZodType {
  const option = flowNodeSchema.options.find((o) => o.shape.kind.value === kind);
  return option!.shape.data as unknown as ZodType;
}

export const PALETTE_KINDS: NodeKind[] = [
  'start',
  'wait',
  'email',
  'sms',
  'call_task',
  'letter',
  'branch',
  'set_status',
  'late_fee',
  'escalate',
  'simplified_procedure',
  'payment_order',
  'credit_insurance',
  'end',
];

/** Width on a card of one outcome handle and its label (12 px text, up to two lines). */
export const HANDLE_WIDTH = 80;
/** Branch handles read their condition in words ("Amount < 100,00 €"): wider. */
export const BRANCH_HANDLE_WIDTH = 124;

/**
 * A card's size as StepCard draws it: its width, and its least height (the card grows no smaller;
 * the layout uses it unless the canvas has measured the card). Problems add up to three lines.
 */
export function cardSize(node: FlowNode, problemCount = 0): { width: number; height: number } {
  const handles = outcomeHandles(node);
  const labelled = handles.some((h) => h !== 'next');
  const width = Math.max(220, handles.length * (node.kind === 'branch' ? BRANCH_HANDLE_WIDTH : HANDLE_WIDTH));
  return { width, height: 68 + (labelled ? 40 : 0) + (problemCount > 0 ? 58 : 0) };
}
