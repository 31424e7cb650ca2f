import { z } from 'zod';
import {
  branchData,
  callTaskData,
  emailData,
  endData,
  escalateData,
  lateFeeData,
  letterData,
  setStatusData,
  smsData,
  startData,
  waitData,
} from './node-kinds';

export const FLOW_SCHEMA_VERSION = 1;
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const position = z.object({ x: z.number(), y: z.number() });
const nodeId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'a node id: letters, digits, _ and -');
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
  z.object({ ...nodeBase, kind: z.literal('end'), data: endData.default({}) }),
]);

export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: nodeId,
  target: nodeId,
  /** Required on edges leaving a call_task or a branch; `bounced` marks an email's fallback. */
  outcome: z.string().min(1).optional(),
});

export const sendingWindowSchema = z.object({
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:mm'),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:mm'),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'at least one weekday'),
  skipHolidays: z.boolean(),
});

export const flowSchema = z.object({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().min(1).max(120),
  description: z.string().max(2000).optional(),
  locales: z.array(z.enum(LOCALES)).min(1, 'at least one locale'),
  /** One message per customer when several of its invoices reach a send step in the same window. */
  batchPerCustomer: z.boolean().default(true),
  sendingWindow: sendingWindowSchema,
  nodes: z.array(flowNodeSchema).min(1),
  edges: z.array(flowEdgeSchema),
});

export type Flow = z.infer<typeof flowSchema>;
export type FlowInput = z.input<typeof flowSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type NodeKind = FlowNode['kind'];
export type NodeOf<K extends NodeKind> = Extract<FlowNode, { kind: K }>;
export const NODE_KINDS = flowNodeSchema.options.map((option) => option.shape.kind.value) as NodeKind[];
