import { z } from 'zod';
import {
  CALL_OUTCOMES,
  CUSTOMER_TYPES,
  LEGAL_CASE_STAGES,
  LEGAL_ROUTES,
  MAX_DOCUMENT_MINOR_UNITS,
  RECEIVABLE_STATUSES,
  TEMPLATE_CHANNELS,
  TIMELINE_ENTRY_TYPES,
  LOCALES,
  isKnownCurrency,
} from '@dunning/domain';
import { HOLD_REASONS, NODE_KINDS, type NodeKind, flowEdgeSchema, flowSchema } from '@dunning/flow';
import { amountOnWire, currencyCode, instant, localDate, money, positiveAmount, storable, text, timeZone, uuid } from './common';

/* Flows (/api/flows): drafts, validation, published versions, assignment rules, simulation. */

/** Steps a flow may have: flows of 5,000 steps fit (issue 11), and a body cannot carry an unbounded list. */
export const MAX_FLOW_STEPS = 10_000;
/** Links between steps: a call task has six outcomes, so six per step at most in practice. */
export const MAX_FLOW_LINKS = 6 * MAX_FLOW_STEPS;

const flowObject = flowSchema.out;
/** A step's id, as libs/flow checks it. */
const stepId = flowEdgeSchema.shape.source;

/**
 * A flow that may be published or simulated: libs/flow's schema (stored flows upgraded as it
 * does), its steps and links bounded.
 */
export const flowGraph = z
  .pipe(
    flowSchema.in,
    flowObject.extend({
      nodes: flowObject.shape.nodes.max(MAX_FLOW_STEPS, `at most ${MAX_FLOW_STEPS} steps`),
      edges: flowObject.shape.edges.max(MAX_FLOW_LINKS, `at most ${MAX_FLOW_LINKS} links`),
    }),
  )
  .meta({ id: 'Flow' });

/** Where a JSON value holds the NUL character (PostgreSQL cannot store it), in a key or a string; walked without recursion. */
function pathToNul(value: unknown): PropertyKey[] | undefined {
  const stack: Array<[unknown, PropertyKey[]]> = [[value, []]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const at = [...path, Array.isArray(current) ? Number(key) : key];
        if (key.includes('\u0000')) return at;
        stack.push([child, at]);
      }
    }
  }
  return undefined;
}

/**
 * A flow as the editor holds it: the Flow schema, though a draft may break it while being edited
 * (an empty template, a step not yet linked). Only its envelope, its size and that it can be
 * stored are checked here; its problems are answered with it (`problems`) and publishing refuses
 * it until there are none.
 */
export const flowDraft = z
  .looseObject({
    nodes: z.array(z.looseObject({})).max(MAX_FLOW_STEPS, `at most ${MAX_FLOW_STEPS} steps`),
    edges: z.array(z.looseObject({})).max(MAX_FLOW_LINKS, `at most ${MAX_FLOW_LINKS} links`),
  })
  .superRefine((draft, context) => {
    const path = pathToNul(draft);
    if (path) context.addIssue({ code: 'custom', path, message: 'no NUL character' });
  })
  .meta({ id: 'FlowDraft' });

const flowName = storable().trim().min(1, 'required').max(120);

/** POST /api/flows: a new flow, its draft given or a start step alone. */
export const flowCreateBody = z.object({ name: flowName, graph: flowDraft.optional() });
/** PUT /api/flows/:id/draft: saved as it is, problems included. */
export const flowDraftBody = z.object({ name: flowName.optional(), graph: flowDraft });
/** POST /api/flows/validate */
export const flowValidateBody = z.object({ graph: flowDraft });

/** GET /api/flows/:id/versions/:version */
export const flowVersionNumber = z.coerce.number().int('a version number').min(1).max(2_147_483_647);

/** A problem of a flow, on the step it concerns, in words a credit manager understands. */
export const flowProblem = z
  .object({
    nodeId: z.string().optional(),
    /** A path into the flow (`nodes.3.data.template`) or a concept (`edges`). */
    field: z.string(),
    message: z.string(),
  })
  .meta({ id: 'FlowProblem' });
export const flowValidation = z.object({ problems: z.array(flowProblem) });

/** A flow as stored: its editable draft. */
export const flowEntity = z
  .object({
    id: uuid,
    name: z.string(),
    description: z.string().nullable(),
    draftGraph: flowDraft,
    archivedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'FlowEntity' });

/** GET /api/flows: each flow with its latest published version (null: never published). */
export const flowSummary = flowEntity.extend({ latestVersion: z.number().int().min(1).nullable() }).meta({ id: 'FlowSummary' });
export const flowList = z.array(flowSummary);

/** An immutable published version: running invoices keep theirs. */
export const flowVersion = z
  .object({
    id: uuid,
    flowId: uuid,
    version: z.number().int().min(1),
    graph: flowGraph,
    publishedAt: instant,
    publishedBy: uuid.nullable(),
  })
  .meta({ id: 'FlowVersion' });
export const flowVersionList = z.array(flowVersion);

/** POST /api/flows and PUT /api/flows/:id/draft: the flow and its draft's problems. */
export const flowWithProblems = flowEntity.extend({ problems: z.array(flowProblem) }).meta({ id: 'FlowWithProblems' });
/** GET /api/flows/:id: the flow, its draft's problems and its versions, newest first. */
export const flowDetail = flowWithProblems.extend({ versions: flowVersionList }).meta({ id: 'FlowDetail' });

const riskScore = z.number().int().min(1).max(10);
/** Amount bounds of a rule, in minor units of its currency. */
const ruleAmount = z.number().int('an integer amount of minor units (cents)').min(0).max(MAX_DOCUMENT_MINOR_UNITS);

/** One assignment rule: the lowest priority whose every set criterion matches an invoice wins. */
export const assignmentRuleInput = z
  .object({
    flowId: uuid,
    priority: z.number().int().min(-1_000_000).max(1_000_000),
    riskMin: riskScore.nullish(),
    riskMax: riskScore.nullish(),
    segment: storable().trim().min(1).max(100).nullish(),
    amountMin: ruleAmount.nullish(),
    amountMax: ruleAmount.nullish(),
    /** Required with an amount bound: the currency it is expressed in. */
    currency: currencyCode.nullish(),
    /** A running experiment this rule splits its invoices for (set by POST /api/experiments; send it back to keep it). */
    experimentId: uuid.nullish(),
  })
  .superRefine((rule, context) => {
    if (rule.riskMin != null && rule.riskMax != null && rule.riskMin > rule.riskMax) {
      context.addIssue({ code: 'custom', path: ['riskMax'], message: 'at least riskMin' });
    }
    if (rule.amountMin != null && rule.amountMax != null && rule.amountMin > rule.amountMax) {
      context.addIssue({ code: 'custom', path: ['amountMax'], message: 'at least amountMin' });
    }
    if ((rule.amountMin != null || rule.amountMax != null) && rule.currency == null) {
      context.addIssue({ code: 'custom', path: ['currency'], message: 'the currency of the amount bounds' });
    }
  });

/** PUT /api/flows/assignments: the whole list, replaced at once (each flow must have a published version: 422). */
export const assignmentsBody = z.object({
  rules: z
    .array(assignmentRuleInput)
    .max(1000)
    .superRefine((rules, context) => {
      const seen = new Set<number>();
      rules.forEach((rule, index) => {
        if (seen.has(rule.priority)) context.addIssue({ code: 'custom', path: [index, 'priority'], message: 'another rule has this priority' });
        seen.add(rule.priority);
        if (rule.experimentId && rules.findIndex((other) => other.experimentId === rule.experimentId) !== index) {
          context.addIssue({ code: 'custom', path: [index, 'experimentId'], message: 'another rule splits for this experiment' });
        }
      });
    }),
});
export type AssignmentRuleInput = z.infer<typeof assignmentRuleInput>;

/** An assignment rule as stored. */
export const assignmentRule = z
  .object({
    id: uuid,
    flowId: uuid,
    priority: z.number().int(),
    riskMin: z.number().int().nullable(),
    riskMax: z.number().int().nullable(),
    segment: z.string().nullable(),
    amountMin: z.number().int().nullable(),
    amountMax: z.number().int().nullable(),
    currency: z.string().nullable(),
    experimentId: uuid.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'AssignmentRule' });
export const assignmentRuleList = z.array(assignmentRule);

/** Simulated time stays within the years the calendars know. */
const simulatedInstant = instant.refine((at) => {
  const year = new Date(at).getUTCFullYear();
  return year >= 1970 && year <= 2200;
}, 'between 1970 and 2200');
const simulatedDate = localDate.refine((date) => date >= '1970-01-01' && date <= '2200-12-31', 'between 1970 and 2200');
const reason = text(2000).optional();

/** What happens to the invoice during a simulation, as the workflow would receive it. */
export const simulationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('payment'), at: simulatedInstant, amount: positiveAmount }),
  z.object({ type: z.literal('credit_note'), at: simulatedInstant, amount: positiveAmount }),
  z.object({ type: z.literal('written_off'), at: simulatedInstant, reason }),
  z.object({ type: z.literal('cancellation'), at: simulatedInstant, reason }),
  z.object({ type: z.literal('dispute_opened'), at: simulatedInstant, reason: text(2000) }),
  z.object({ type: z.literal('dispute_resolved'), at: simulatedInstant, resolution: reason }),
  z
    .object({ type: z.literal('promise_to_pay'), at: simulatedInstant, date: simulatedDate, amount: positiveAmount })
    .refine((event) => event.date >= event.at.slice(0, 10), { path: ['date'], message: 'a promise is for a day after it is made' }),
  z.object({ type: z.literal('pause'), at: simulatedInstant, reason }),
  z.object({ type: z.literal('resume'), at: simulatedInstant }),
  z.object({ type: z.literal('invoice_changed'), at: simulatedInstant, amount: positiveAmount.optional(), dueDate: simulatedDate.optional() }),
  z.object({ type: z.literal('message_bounced'), at: simulatedInstant, nodeId: stepId, reason }),
  z.object({ type: z.literal('retry_step'), at: simulatedInstant }),
  z.object({ type: z.literal('skip_step'), at: simulatedInstant, reason }),
  /** A court case's news at a court step: an outcome stage takes its edge; `served` with `deadline` starts the opposition month. */
  z.object({ type: z.literal('legal_case'), at: simulatedInstant, nodeId: stepId, stage: z.enum(LEGAL_CASE_STAGES), deadline: simulatedInstant.optional(), detail: reason }),
]);

/** How the collector answers a call task of the simulated flow (unanswered tasks run out their SLA). */
export const scriptedCallOutcome = z
  .object({
    outcome: z.enum(CALL_OUTCOMES),
    /** Hours after the task is created (default 2). */
    afterHours: z
      .number()
      .min(0)
      .max(24 * 365)
      .optional(),
    /** With `promise_to_pay`: what the customer promised. */
    promise: z.object({ date: simulatedDate, amount: positiveAmount }).optional(),
  })
  .refine((answer) => answer.promise === undefined || answer.outcome === 'promise_to_pay', { path: ['promise'], message: 'only with the outcome promise_to_pay' });

/** POST /api/flows/simulate: the dated timeline a flow would produce for a sample invoice. */
export const simulateBody = z
  .object({
    graph: flowGraph,
    invoice: z
      .object({
        amount: positiveAmount,
        currency: currencyCode.refine(isKnownCurrency, { message: 'not a known currency', when: (payload) => payload.issues.length === 0 }).default('EUR'),
        issueDate: simulatedDate,
        dueDate: simulatedDate,
        riskScore: riskScore.default(5),
        segment: z.string().max(100).default(''),
        customerType: z.enum(CUSTOMER_TYPES).default('company'),
      })
      .refine((invoice) => invoice.issueDate <= invoice.dueDate, { path: ['dueDate'], message: 'not before the issue date' }),
    /** ISO 3166-1 alpha-2: its public holidays are not business days (an unknown country: 422). */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166 country code')
      .default('FR'),
    timeZone: timeZone.default('Europe/Paris'),
    /** When the flow starts; by default 08:00 UTC on the issue date. */
    start: simulatedInstant.optional(),
    events: z.array(simulationEvent).max(1000).optional(),
    /** The language of the holidays' names in the reasons a date moved. */
    locale: z.enum(LOCALES).default('en'),
    /** By call task step id. */
    callOutcomes: z
      .record(stepId, scriptedCallOutcome)
      .refine((outcomes) => Object.keys(outcomes).length <= MAX_FLOW_STEPS, `at most ${MAX_FLOW_STEPS} call tasks`)
      .optional(),
  })
  .superRefine((body, context) => {
    body.events?.forEach((event, index) => {
      if (event.type === 'invoice_changed' && event.dueDate !== undefined && event.dueDate < body.invoice.issueDate) {
        context.addIssue({ code: 'custom', path: ['events', index, 'dueDate'], message: 'not before the issue date' });
      }
    });
  });
export type SimulateBody = z.infer<typeof simulateBody>;

/** One dated line of an invoice's story (libs/flow TimelineEntry), the same whether the workflow or the simulator wrote it. */
export const timelineEntry = z
  .object({
    at: instant,
    type: z.enum(TIMELINE_ENTRY_TYPES),
    nodeId: z.string().optional(),
    kind: z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]]).optional(),
    channel: z.enum(TEMPLATE_CHANNELS).optional(),
    template: z.string().optional(),
    outcome: z.string().optional(),
    status: z.enum(RECEIVABLE_STATUSES).optional(),
    /** Minor units (payments, fees, promises). */
    amount: amountOnWire.optional(),
    detail: z.string().optional(),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntryOnWire = z.infer<typeof timelineEntry>;

const promiseTerms = z.object({ date: localDate, amount: z.number().int() });

/** Where the simulated flow stands at the end: the same state the workflow keeps. */
export const flowRuntimeState = z
  .object({
    flowId: z.string(),
    invoice: z.object({
      invoiceId: z.string(),
      invoiceNumber: z.string(),
      customerId: z.string(),
      issueDate: localDate,
      dueDate: localDate,
      amount: money,
      balance: money,
      riskScore: z.number().int(),
      segment: z.string(),
      customerType: z.enum(CUSTOMER_TYPES),
      revision: z.number().int().optional(),
    }),
    nodeId: z.string(),
    cursor: instant,
    scheduledAt: instant.optional(),
    previousStepAt: instant,
    stepCount: z.number().int().min(0),
    status: z.enum(RECEIVABLE_STATUSES).optional(),
    lastOutcome: z.string().optional(),
    pause: z
      .object({
        reason: z.enum(['dispute', 'promise', 'manual']),
        until: instant.optional(),
        promise: promiseTerms.extend({ balanceWhenPromised: z.number().int() }).optional(),
      })
      .optional(),
    pendingTask: z.object({ nodeId: z.string(), deadline: instant }).optional(),
    pendingCase: z
      .object({ nodeId: z.string(), route: z.enum(LEGAL_ROUTES), stage: z.enum(LEGAL_CASE_STAGES), deadline: instant.optional(), onDeadline: z.string().optional() })
      .optional(),
    finished: z.object({ status: z.enum(RECEIVABLE_STATUSES), reason: z.string() }).optional(),
    feesAdded: z.number().int(),
    hold: z.object({ nodeId: z.string(), reason: z.enum(HOLD_REASONS), detail: z.string().optional(), at: instant }).optional(),
    instant: z.object({ at: instant, steps: z.number().int() }).optional(),
    lastSentAt: z.object({ email: instant, sms: instant, letter: instant }).partial().optional(),
    notice: z.object({ at: instant, days: z.number().int() }).optional(),
    /** The last step performed: where a migration places the invoice from. */
    lastStep: z.object({ nodeId: z.string(), at: instant }).optional(),
    /** The migration that brought the invoice to this version (a rollback returns it while no step has run since). */
    migratedFrom: z
      .object({ migrationId: z.string(), flowVersion: z.number().int(), lastStep: z.object({ nodeId: z.string(), at: instant }).optional(), stepCount: z.number().int() })
      .optional(),
  })
  .meta({ id: 'FlowRuntimeState' });

/** Why a simulated step went later than its nominal date (libs/flow ShiftReason). */
export const shiftReason = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('weekend'), date: localDate }),
    /** `name`: the holiday's name in the body's locale. */
    z.object({ kind: z.literal('holiday'), date: localDate, name: z.string().optional() }),
    /** A weekday the flow's sending window is closed. */
    z.object({ kind: z.literal('closed_day'), date: localDate }),
    /** The nominal time of day (local) fell outside the window's hours. */
    z.object({ kind: z.literal('outside_window'), localTime: z.string(), start: z.string(), end: z.string() }),
    /** The minimum gap between two messages of one invoice on one channel. */
    z.object({ kind: z.literal('min_gap'), hours: z.number().int() }),
    /** An escalation waits for the end of the formal notice's period. */
    z.object({ kind: z.literal('notice_period') }),
  ])
  .meta({ id: 'ShiftReason' });

/** A performed step of a simulation: its timeline entry, nominal and actual instants, why it moved, the edges that led to it. */
export const simulatedStep = z
  .object({
    entry: z.number().int().min(0),
    nodeId: z.string(),
    at: instant,
    nominalAt: instant,
    shiftReasons: z.array(shiftReason),
    via: z.array(z.string()),
  })
  .meta({ id: 'SimulatedStep' });

/** What a simulation answers: the timeline, the final state, why it stopped, the path taken and each step's dates. */
export const flowSimulation = z
  .object({
    timeline: z.array(timelineEntry),
    state: flowRuntimeState,
    outcome: z.enum(['finished', 'waiting', 'step_limit']),
    /** The nodes and edges the invoice went through, in order. */
    path: z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()) }),
    steps: z.array(simulatedStep),
  })
  .meta({ id: 'FlowSimulation' });
export type FlowSimulation = z.infer<typeof flowSimulation>;
