import { z } from 'zod';
import { instant, uuid } from './common';

/* Safe mode's approval queue (issue 16, point 3): messages held until a person approves them. */

export const approvalQueueQuery = z.object({
  flowId: uuid.optional(),
  nodeId: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});

export const approval = z
  .object({
    id: uuid,
    invoiceId: uuid,
    invoiceNumber: z.string(),
    customerId: uuid,
    customerName: z.string(),
    flowId: uuid.nullable(),
    flowVersion: z.number().int().nullable(),
    /** The flow step the message is (all of a step can be approved at once). */
    nodeId: z.string(),
    channel: z.enum(['email', 'sms']),
    /** The contact role the step addresses, and the addresses or numbers it resolves to now. */
    recipientRole: z.string(),
    recipients: z.array(z.string()),
    /** The message as it would go now (an email's subject and text; an SMS's text). */
    subject: z.string().nullable(),
    body: z.string(),
    requestedAt: instant,
    /** Past it without a decision, `onTimeout` applies: sent anyway, or skipped. */
    expiresAt: instant,
    onTimeout: z.enum(['send', 'skip']),
    /** A person's decision on its way to the workflow (null: none yet). */
    decision: z.enum(['approve', 'skip']).nullable(),
    recipientOverride: z.string().nullable(),
  })
  .meta({ id: 'Approval' });
export type Approval = z.infer<typeof approval>;
export const approvalList = z.array(approval);

/** POST /api/approvals/:id/approve: `recipient` sends it to this address (email) or number (SMS) instead. */
export const approveBody = z.object({ recipient: z.string().trim().min(3).max(320).optional() }).strict();

/** POST /api/approvals/approve-step: every waiting message of one step of a flow. */
export const approveStepBody = z.object({ flowId: uuid, nodeId: z.string().min(1).max(200) }).strict();

export const approvalDecisions = z.object({ decided: z.number().int() });
