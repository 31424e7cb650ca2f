import { z } from 'zod';
import { EXCEPTION_KINDS, EXCEPTION_STATUSES } from '@dunning/domain';
import { instant, pageOf, uuid } from './common';

/** GET /api/exceptions */
export const exceptionListQuery = z.object({
  status: z.enum(EXCEPTION_STATUSES).optional(),
  kind: z.enum(EXCEPTION_KINDS).optional(),
  invoiceId: uuid.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const exceptionResolutionBody = z.object({ resolution: z.string().trim().min(1, 'say what was done').max(2000) });
export const exceptionSkipBody = z.object({ reason: z.string().trim().min(1, 'say why the step is skipped').max(2000) });

/** One entry of the exceptions inbox. */
export const exceptionEntry = z
  .object({
    id: uuid,
    kind: z.enum(EXCEPTION_KINDS),
    status: z.enum(EXCEPTION_STATUSES),
    dedupeKey: z.string(),
    invoiceId: uuid.nullable(),
    customerId: uuid.nullable(),
    workflowId: z.string().nullable(),
    /** The flow step held, when retry and skip act on it. */
    nodeId: z.string().nullable(),
    message: z.string(),
    detail: z.record(z.string(), z.unknown()),
    occurrences: z.number().int().min(1),
    resolvedAt: instant.nullable(),
    resolvedBy: uuid.nullable(),
    resolution: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Exception' });

export const exceptionListEntry = exceptionEntry.extend({ invoiceNumber: z.string().nullable(), customerName: z.string().nullable() }).meta({ id: 'ExceptionListEntry' });
export const exceptionPage = pageOf(exceptionListEntry).meta({ id: 'ExceptionPage' });

export type ExceptionEntry = z.infer<typeof exceptionEntry>;
export type ExceptionListEntry = z.infer<typeof exceptionListEntry>;
