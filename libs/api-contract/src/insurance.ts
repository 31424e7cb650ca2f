import { z } from 'zod';
import { INSURANCE_DECLARATION_KINDS, INSURANCE_DECLARATION_STATUSES } from '@dunning/domain';
import { amountOnWire, currencyCode, instant, localDate, positiveAmount, requiredText, storable, uuid } from './common';

/*
 * Credit insurance (issue 13, point 5): the insurer's policy (Code des assurances L112-4: its terms
 * and deadlines are written in it), the credit limit granted per customer, the threats of loss and
 * claims declared, the indemnity (posted by the receivables service) and the exposure report.
 */

const coveragePercent = z.number().min(60, 'from 60 to 100 %').max(100, 'from 60 to 100 %').multipleOf(0.01, 'at most two decimals');
const threatDeclarationDays = z.number().int('whole days').min(1, 'from 1 to 365 days').max(365, 'from 1 to 365 days');
const claimDeadlineDays = z.number().int('whole days').min(1, 'from 1 to 730 days').max(730, 'from 1 to 730 days');
const autoDeclareDaysBefore = z.number().int('whole days').min(0, 'from 0 to 365 days').max(365, 'from 0 to 365 days').nullable();

/** POST /api/insurance/policies */
export const insurancePolicyBody = z.strictObject({
  insurer: requiredText(200),
  policyNumber: requiredText(100),
  /** The insured share of a covered loss (quotité garantie), 60 to 100 %. */
  coveragePercent,
  currency: currencyCode,
  /** Days after the due date to declare a threat of loss (menace de sinistre). */
  threatDeclarationDays,
  /** Days after the threat to file the claim (demande d'indemnisation). */
  claimDeadlineDays,
  /** Declare threats automatically this many days before their deadline; null: only flow steps and people declare. */
  autoDeclareDaysBefore: autoDeclareDaysBefore.optional(),
});
export type InsurancePolicyBody = z.infer<typeof insurancePolicyBody>;

/** PATCH /api/insurance/policies/:id */
export const insurancePolicyPatch = z.strictObject({
  insurer: requiredText(200).optional(),
  coveragePercent: coveragePercent.optional(),
  threatDeclarationDays: threatDeclarationDays.optional(),
  claimDeadlineDays: claimDeadlineDays.optional(),
  autoDeclareDaysBefore: autoDeclareDaysBefore.optional(),
  active: z.boolean().optional(),
});
export type InsurancePolicyPatch = z.infer<typeof insurancePolicyPatch>;

export const insurancePolicy = z
  .object({
    id: uuid,
    insurer: z.string(),
    policyNumber: z.string(),
    coveragePercent: z.number(),
    currency: z.string(),
    threatDeclarationDays: z.number().int(),
    claimDeadlineDays: z.number().int(),
    autoDeclareDaysBefore: z.number().int().nullable(),
    active: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'InsurancePolicy' });
export const insurancePolicyList = z.object({ items: z.array(insurancePolicy) });

/** PUT /api/insurance/limits/:customerId: the limit the insurer granted on the customer (agrément). */
export const insuredLimitBody = z.strictObject({
  policyId: uuid,
  limitAmount: positiveAmount,
  currency: currencyCode,
  /** When the insurer granted it. */
  grantedOn: localDate,
});
export type InsuredLimitBody = z.infer<typeof insuredLimitBody>;

export const insuredLimit = z
  .object({
    id: uuid,
    policyId: uuid,
    customerId: uuid,
    customerName: z.string(),
    insurer: z.string(),
    policyNumber: z.string(),
    limitAmount: amountOnWire,
    currency: z.string(),
    grantedOn: z.string(),
  })
  .meta({ id: 'InsuredLimit' });
export const insuredLimitList = z.object({ items: z.array(insuredLimit) });

/** GET /api/insurance/declarations */
export const insuranceDeclarationQuery = z.strictObject({ customerId: uuid.optional(), invoiceId: uuid.optional() });

/** POST /api/insurance/declarations: a person declares by hand (the same dedupe rules as a flow step). */
export const insuranceDeclarationBody = z.strictObject({
  invoiceId: uuid,
  kind: z.enum(INSURANCE_DECLARATION_KINDS),
});
export type InsuranceDeclarationBody = z.infer<typeof insuranceDeclarationBody>;

export const insuranceDeclaration = z
  .object({
    id: uuid,
    policyId: uuid,
    insurer: z.string(),
    policyNumber: z.string(),
    invoiceId: uuid,
    invoiceNumber: z.string(),
    invoiceBalance: amountOnWire,
    customerId: uuid,
    customerName: z.string(),
    kind: z.enum(INSURANCE_DECLARATION_KINDS),
    status: z.enum(INSURANCE_DECLARATION_STATUSES),
    outstanding: amountOnWire,
    insuredAmount: amountOnWire,
    currency: z.string(),
    declaredAt: instant,
    deadline: z.string(),
    /** Declared after the policy's deadline: the insurer may refuse the cover (Code des assurances L113-2 4°). */
    late: z.boolean(),
    declaredBy: z.string(),
    dossierDocumentId: uuid.nullable(),
    indemnityAmount: amountOnWire.nullable(),
    indemnifiedOn: z.string().nullable(),
  })
  .meta({ id: 'InsuranceDeclaration' });
export const insuranceDeclarationList = z.object({ items: z.array(insuranceDeclaration) });

/** POST /api/insurance/declarations/:id/indemnity: what the insurer paid. */
export const insuranceIndemnityBody = z.strictObject({
  amount: positiveAmount,
  /** The day the money was received (dates the bank entry). */
  date: localDate,
  /** The insurer's payment reference. */
  reference: storable().trim().min(1, 'required').max(100),
});
export type InsuranceIndemnityBody = z.infer<typeof insuranceIndemnityBody>;

export const insuranceIndemnityResult = z.object({
  declaration: insuranceDeclaration,
  invoice: z.object({ id: uuid, number: z.string(), balance: amountOnWire, status: z.string(), currency: z.string() }),
  replayed: z.boolean(),
});

const exposureLine = z.object({
  customerId: uuid,
  customerName: z.string(),
  currency: z.string(),
  openBalance: amountOnWire,
  insurer: z.string().nullable(),
  policyNumber: z.string().nullable(),
  limitAmount: amountOnWire.nullable(),
  coveragePercent: z.number().nullable(),
  insuredExposure: amountOnWire,
  uninsuredExposure: amountOnWire,
  threats: z.number().int(),
  claims: z.number().int(),
  indemnified: amountOnWire,
});

/** GET /api/reports/insurance-exposure */
export const insuranceExposureReport = z
  .object({
    lines: z.array(exposureLine),
    /** One total per currency. */
    totals: z.array(
      z.object({
        currency: z.string(),
        openBalance: amountOnWire,
        insuredExposure: amountOnWire,
        uninsuredExposure: amountOnWire,
        threats: z.number().int(),
        claims: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'InsuranceExposureReport' });
export type InsuranceExposureReport = z.infer<typeof insuranceExposureReport>;
