import { z } from 'zod';
import { COURTS, FLOW_SET_STATUSES, RECIPIENT_ROLES } from '@dunning/domain';

/**
 * One zod schema per node kind: the single source for API validation, the editor's forms and the
 * workflow input. Each kind has its own data type (no bag of optional fields).
 */

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:mm');
const templateName = z
  .string()
  .min(1, 'choose a template')
  .regex(/^[a-z0-9-]+$/, 'a template name: lower case, digits and dashes');

export { CALL_OUTCOMES, type CallOutcome } from '@dunning/domain';

/** A step addresses a contact role of the customer (the database's vocabulary) or all of them. */
export { RECIPIENT_ROLES };

export const startData = z.object({}).strict();
export const endData = z.object({}).strict();

export const waitData = z
  .object({
    anchor: z.enum(['due_date', 'issue_date', 'previous_step']),
    offsetDays: z.number().int().min(-365).max(365),
    dayType: z.enum(['calendar', 'business']).default('calendar'),
    at: localTime.optional(),
  })
  .strict();

export const emailData = z
  .object({
    template: templateName,
    recipient: z.enum(RECIPIENT_ROLES).default('billing'),
    attachInvoice: z.boolean().default(false),
  })
  .strict();

export const smsData = z
  .object({
    template: templateName,
    recipient: z.enum(RECIPIENT_ROLES).default('billing'),
    maxSegments: z.number().int().min(1).max(6).default(2),
  })
  .strict();

export const callTaskData = z
  .object({
    slaHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    script: templateName.optional(),
    priority: z.enum(['normal', 'high']).default('normal'),
  })
  .strict();

export const letterData = z
  .object({
    template: templateName,
    registered: z.boolean().default(false),
    /**
     * A formal notice (mise en demeure, Code civil art. 1344) gives the debtor this many days, written
     * in the letter, before any escalation: an escalate step waits for it. Unset: not a formal notice.
     */
    noticePeriodDays: z.number().int().min(1).max(90).optional(),
    /**
     * Only for a claim that is certain, liquid and due (certaine, liquide, exigible — Code civil 1353,
     * CPC 1405): otherwise the step waits in the exceptions inbox saying what is missing.
     */
    requireRecoverable: z.boolean().default(false),
  })
  .strict();

export const conditionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('amount'), op: z.enum(['lt', 'lte', 'gt', 'gte', 'eq', 'neq']), value: z.number().int() }),
  z.object({ field: z.literal('days_overdue'), op: z.enum(['lt', 'lte', 'gt', 'gte', 'eq', 'neq']), value: z.number().int() }),
  z.object({ field: z.literal('risk_score'), op: z.enum(['lt', 'lte', 'gt', 'gte', 'eq', 'neq']), value: z.number().int().min(1).max(10) }),
  z.object({ field: z.literal('segment'), op: z.enum(['eq', 'neq', 'in']), value: z.union([z.string(), z.array(z.string())]) }),
  z.object({ field: z.literal('last_outcome'), op: z.enum(['eq', 'neq', 'in']), value: z.union([z.string(), z.array(z.string())]) }),
]);
export type Condition = z.infer<typeof conditionSchema>;

export const branchData = z
  .object({
    cases: z
      .array(
        z.object({
          outcome: z
            .string()
            .min(1)
            .regex(/^[a-z0-9_]+$/, 'an outcome name: lower case, digits and _'),
          when: conditionSchema,
        }),
      )
      .min(1, 'a branch needs at least one case'),
  })
  .strict();

/** The statuses a flow may set; paid, cancelled and the dated ones follow from money and dates. */
export const setStatusData = z.object({ status: z.enum(FLOW_SET_STATUSES) }).strict();

export const lateFeeData = z
  .object({
    indemnity: z.boolean().default(true),
    annualInterestRatePercent: z.number().min(0).max(100).optional(),
  })
  .strict();

export const escalateData = z
  .object({
    agencyId: z.string().min(1).optional(),
    /** Hand over only a claim that is certain, liquid and due (see letterData.requireRecoverable). */
    requireRecoverable: z.boolean().default(false),
  })
  .strict();

/**
 * The simplified recovery procedure for small claims (Code des procédures civiles d'exécution
 * L125-1, R125-1 s.): up to 5,000 EUR interest and fees included, a commissaire de justice invites
 * the debtor to agree, no judge. The debtor has one month to answer; silence is a refusal.
 * Outcomes: `accepted`, `refused`, `no_answer`.
 */
export const simplifiedProcedureData = z
  .object({
    answerDays: z.number().int().min(8).max(90).default(30),
  })
  .strict();

/**
 * An order for payment (injonction de payer, Code de procédure civile 1405 to 1425): a request to
 * the commercial court between traders, the judicial court otherwise (`auto`); once the order is
 * served the debtor may oppose within one month (1416). Outcomes: `enforceable`, `opposition`, `rejected`.
 */
export const paymentOrderData = z
  .object({
    court: z.enum(['auto', ...COURTS]).default('auto'),
  })
  .strict();

/**
 * Credit insurance: declare the threat of loss (menace de sinistre) before the policy's deadline
 * after the due date, or file the claim with its dossier. An uninsured customer skips the step.
 */
export const CREDIT_INSURANCE_ACTIONS = ['declare_threat', 'file_claim'] as const;
export type CreditInsuranceAction = (typeof CREDIT_INSURANCE_ACTIONS)[number];
export const creditInsuranceData = z.object({ action: z.enum(CREDIT_INSURANCE_ACTIONS) }).strict();

/** The outcomes each court route ends with (each one an edge of its node). */
export const SIMPLIFIED_PROCEDURE_OUTCOMES = ['accepted', 'refused', 'no_answer'] as const;
export const PAYMENT_ORDER_OUTCOMES = ['enforceable', 'opposition', 'rejected'] as const;
