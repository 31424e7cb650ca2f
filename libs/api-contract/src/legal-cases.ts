import { z } from 'zod';
import { COURTS, LEGAL_CASE_STAGES, LEGAL_ROUTES } from '@dunning/domain';
import { amountOnWire, currencyCode, instant, localDate, pageOf, positiveAmount, requiredText, text, uuid } from './common';

/** GET /api/legal-cases */
export const legalCaseListQuery = z.object({
  stage: z.enum(LEGAL_CASE_STAGES).optional(),
  route: z.enum(LEGAL_ROUTES).optional(),
  invoiceId: uuid.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** A court case opened by a flow step: the simplified procedure (CPCE L125-1) or an order for payment (CPC 1405). */
export const legalCaseEntry = z
  .object({
    id: uuid,
    invoiceId: uuid,
    invoiceNumber: z.string(),
    customerId: uuid,
    customerName: z.string(),
    route: z.enum(LEGAL_ROUTES),
    /** An order for payment's court (CPC 1406); null for the simplified procedure. */
    court: z.enum(COURTS).nullable(),
    stage: z.enum(LEGAL_CASE_STAGES),
    /** The stages that may be recorded next. */
    nextStages: z.array(z.enum(LEGAL_CASE_STAGES)),
    /** What was claimed when it opened (minor units). */
    principal: amountOnWire,
    interest: amountOnWire,
    fees: amountOnWire,
    currency: currencyCode,
    dossierDocumentId: uuid.nullable(),
    servedOn: localDate.nullable(),
    /** The end of the debtor's time to answer, or of the opposition month once served (CPC 1416). */
    deadline: instant.nullable(),
    closedAt: instant.nullable(),
    workflowId: z.string().nullable(),
    nodeId: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'LegalCase' });

export const legalCasePage = pageOf(legalCaseEntry).meta({ id: 'LegalCasePage' });

/** A stage recorded, or a legal fee paid. */
export const legalCaseEvent = z
  .object({
    id: uuid,
    kind: z.enum(['stage', 'cost']),
    stage: z.enum(LEGAL_CASE_STAGES).nullable(),
    date: localDate,
    amount: amountOnWire.nullable(),
    currency: currencyCode.nullable(),
    note: z.string().nullable(),
    reference: z.string(),
    recordedBy: uuid.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'LegalCaseEvent' });

export const legalCaseDetail = legalCaseEntry
  .extend({
    events: z.array(legalCaseEvent),
    /** The request's information (the official form's fields), as in the dossier. */
    request: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'LegalCaseDetail' });

/** POST /api/legal-cases/:id/events — what the commissaire de justice or the court did, on its date; the same reference again records nothing. */
export const legalCaseStageBody = z.object({
  stage: z.enum(LEGAL_CASE_STAGES),
  date: localDate,
  /** The act's or the registry's reference (e.g. the order's number, the service act's). */
  reference: requiredText(200, 'the act’s reference'),
  note: text(2000).optional(),
});

/** POST /api/legal-cases/:id/costs — a legal fee paid (6227 / 512 in the books); the same reference again records nothing. */
export const legalCaseCostBody = z.object({
  amount: positiveAmount,
  currency: currencyCode,
  date: localDate,
  label: requiredText(200, 'say what the fee is for'),
  reference: requiredText(200, 'the invoice’s or receipt’s reference'),
});

export type LegalCaseEntry = z.infer<typeof legalCaseEntry>;
export type LegalCaseDetail = z.infer<typeof legalCaseDetail>;
export type LegalCaseEvent = z.infer<typeof legalCaseEvent>;
