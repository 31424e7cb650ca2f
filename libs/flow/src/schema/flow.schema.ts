import { z } from 'zod';
import { LOCALES } from '@dunning/domain';
import {
  branchData,
  callTaskData,
  creditInsuranceData,
  emailData,
  endData,
  escalateData,
  lateFeeData,
  letterData,
  paymentOrderData,
  setStatusData,
  simplifiedProcedureData,
  smsData,
  startData,
  waitData,
} from './node-kinds';

export const FLOW_SCHEMA_VERSION = 1;
export { LOCALES, type Locale } from '@dunning/domain';

const position = z.object({ x: z.number(), y: z.number() });
const nodeId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a node id: letters, digits, _ and -');
const nodeBase = { id: nodeId, position, label: z.string().max(120).optional() };

export const flowNodeSchema = z.discriminatedUnion('kind', [
  z.object({ ...nodeBase, kind: z.literal('start'), data: startData.default({}) }),
  z.object({ ...nodeBase, kind: z.literal('wait'), data: waitData }),
  z.object({ ...nodeBase, kind: z.literal('email'), data: emailData }),
  z.object({ ...nodeBase, kind: z.literal('sms'), data: smsData }),
  z.object({ ...nodeBase, kind: z.literal('call_task'), data: callTaskData }),
  z.object({ ...nodeBase, kind: z.literal('letter'), data: letterData }),
  z.object({ ...nodeBase, kind: z.literal('branch'), data: branchData }),
  z.object({ ...nodeBase, kind: z.literal('set_status'), data: setStatusData }),
  z.object({ ...nodeBase, kind: z.literal('late_fee'), data: lateFeeData }),
  z.object({ ...nodeBase, kind: z.literal('escalate'), data: escalateData }),
  z.object({ ...nodeBase, kind: z.literal('simplified_procedure'), data: simplifiedProcedureData }),
  z.object({ ...nodeBase, kind: z.literal('payment_order'), data: paymentOrderData }),
  z.object({ ...nodeBase, kind: z.literal('credit_insurance'), data: creditInsuranceData }),
  z.object({ ...nodeBase, kind: z.literal('end'), data: endData.default({}) }),
]);

export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: nodeId,
  target: nodeId,
  /** Required on edges leaving a call_task or a branch; `bounced` marks an email's fallback. */
  outcome: z.string().min(1).optional(),
});

export const sendingWindowSchema = z
  .object({
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:mm'),
    end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:mm'),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'at least one weekday'),
    skipHolidays: z.boolean(),
  })
  .refine((w) => w.start < w.end, { path: ['end'], message: 'the window must close after it opens: nothing could ever be sent' });

/**
 * What a flow does for an invoice that reaches its steps late (imported overdue, resumed after a
 * long dispute): `latest_due` (default) performs only the latest step whose time has come and
 * skips the ones it supersedes; `replay` performs every past step in turn. Either way a message
 * written for before the due date never goes to an overdue invoice, and messages to one invoice
 * on one channel keep `minGapHours` between them.
 */
export const CATCH_UP_POLICIES = ['latest_due', 'replay'] as const;
export const catchUpSchema = z
  .object({
    policy: z.enum(CATCH_UP_POLICIES).default('latest_due'),
    minGapHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 30)
      .default(48),
  })
  .strict();
export type CatchUp = z.infer<typeof catchUpSchema>;
export const DEFAULT_CATCH_UP: CatchUp = { policy: 'latest_due', minGapHours: 48 };

const flowObjectSchema = z.object({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().min(1).max(120),
  description: z.string().max(2000).optional(),
  locales: z.array(z.enum(LOCALES)).min(1, 'at least one locale'),
  /** One message per customer when several of its invoices reach a send step in the same window. */
  batchPerCustomer: z.boolean().default(true),
  sendingWindow: sendingWindowSchema,
  catchUp: catchUpSchema.default(DEFAULT_CATCH_UP),
  /**
   * When the customer's solvency band changes and the assignment rules pick another flow, running
   * invoices move to it at their next step boundary (never during a send, a call or a court case).
   */
  rerouteOnScoreChange: z.boolean().default(false),
  nodes: z.array(flowNodeSchema).min(1),
  edges: z.array(flowEdgeSchema),
});

/** Flows stored before the contact roles were unified addressed `primary`: today's `billing`. */
function upgradeStoredFlow(input: unknown): unknown {
  const flow = input as { nodes?: unknown };
  if (!flow || typeof flow !== 'object' || !Array.isArray(flow.nodes)) return input;
  const nodes = flow.nodes.map((node: { data?: { recipient?: unknown } }) =>
    node && typeof node === 'object' && node.data && typeof node.data === 'object' && node.data.recipient === 'primary'
      ? { ...node, data: { ...node.data, recipient: 'billing' } }
      : node,
  );
  return { ...flow, nodes };
}

export const flowSchema = z.preprocess(upgradeStoredFlow, flowObjectSchema);

export type Flow = z.infer<typeof flowSchema>;
export type FlowInput = z.input<typeof flowObjectSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type NodeKind = FlowNode['kind'];
export type NodeOf<K extends NodeKind> = Extract<FlowNode, { kind: K }>;
export const NODE_KINDS = flowNodeSchema.options.map((option) => option.shape.kind.value) as NodeKind[];
