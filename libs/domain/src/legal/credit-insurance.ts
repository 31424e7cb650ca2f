import { addCalendarDays as addDays } from '../calendar/business-calendar';

/**
 * Credit insurance (assurance-crédit): the policy's terms and what they mean for one invoice.
 *
 * A credit insurance policy is a contract of indemnity (Code des assurances L121-1: the indemnity
 * never exceeds the loss) whose terms — the insured share, the credit limit granted per debtor
 * (agrément), the deadline to declare a threat of loss (menace de sinistre / déclaration
 * d'impayé) after the due date and the deadline to file the claim (demande d'indemnisation) — are
 * the policy's own (Code des assurances L112-4: the conditions and deadlines must be written in
 * the policy; L113-2 4°: the insured declares the loss within the agreed deadline, and a late
 * declaration loses the cover — déchéance — only when the policy says so and the insurer shows it
 * was harmed). Once it has paid, the insurer is subrogated in the creditor's rights up to the
 * indemnity (L121-12): the uninsured share stays the creditor's to recover.
 */
export interface InsurancePolicyTerms {
  /** The insured share of a covered loss, 60 to 100 % (the rest is the creditor's own retention, quotité non garantie). */
  coveragePercent: number;
  /** A threat of loss must be declared within this many days after the due date. */
  threatDeclarationDays: number;
  /** The claim must be filed within this many days after the threat was declared. */
  claimDeadlineDays: number;
  /** Declare threats automatically this many days before their deadline (null: only flow steps and people declare). */
  autoDeclareDaysBefore?: number | null;
}

export const COVERAGE_PERCENT_RANGE = { min: 60, max: 100 } as const;

/** The last local date to declare the threat of loss on an invoice: its due date + the policy's days. */
export function threatDeadline(dueDate: string, terms: Pick<InsurancePolicyTerms, 'threatDeclarationDays'>): string {
  return addDays(dueDate, terms.threatDeclarationDays);
}

/** The last local date to file the claim: the day the threat was declared + the policy's days. */
export function claimDeadline(threatDeclaredOn: string, terms: Pick<InsurancePolicyTerms, 'claimDeadlineDays'>): string {
  return addDays(threatDeclaredOn, terms.claimDeadlineDays);
}

/** The automatic rule declares a threat from this local date on (undefined when the policy has no automatic rule). */
export function autoDeclareFrom(dueDate: string, terms: InsurancePolicyTerms): string | undefined {
  if (terms.autoDeclareDaysBefore === null || terms.autoDeclareDaysBefore === undefined) return undefined;
  const from = addDays(threatDeadline(dueDate, terms), -terms.autoDeclareDaysBefore);
  // Never before the day after the due date: a threat of loss is an unpaid invoice.
  const dayAfterDue = addDays(dueDate, 1);
  return from < dayAfterDue ? dayAfterDue : from;
}

/**
 * What the insurer covers of an amount owed: the part within the customer's credit limit (less what
 * other open declarations of the customer already take of it), times the insured share. Minor units,
 * rounded down (the insurer never pays more than its share).
 */
export function insuredAmount(outstanding: number, limit: number, coveragePercent: number, alreadyInsured = 0): number {
  if (outstanding <= 0 || limit <= 0) return 0;
  const covered = Math.min(outstanding, limit);
  const share = Math.floor((covered * Math.round(coveragePercent * 100)) / 10_000);
  const remaining = Math.max(0, Math.floor((limit * Math.round(coveragePercent * 100)) / 10_000) - alreadyInsured);
  return Math.min(share, remaining);
}

/** A customer's exposure: what is owed, how much of it the insurer covers, and what stays the creditor's risk. */
export function insuranceExposure(openBalance: number, limit: number, coveragePercent: number): { insured: number; uninsured: number } {
  const insured = insuredAmount(openBalance, limit, coveragePercent);
  return { insured, uninsured: Math.max(0, openBalance - insured) };
}
