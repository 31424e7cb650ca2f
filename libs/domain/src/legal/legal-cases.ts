import type { Court, LegalCaseStage, LegalRoute } from '../vocabularies';
import { addCalendarDays, localTimeToUtc } from '../calendar/business-calendar';
import { oppositionLastDay } from './court-terms';

/**
 * The stages a court case goes through, per route, and which may follow which.
 *
 * - Simplified recovery procedure (procédure simplifiée de recouvrement des petites créances, Code des
 *   procédures civiles d'exécution L125-1, R125-1 s.): the commissaire de justice is asked
 *   (`requested`), invites the debtor to agree within a month; the debtor accepts (an agreement on
 *   the amount and the payment terms, made enforceable by the commissaire — L125-1 al. 2), refuses,
 *   or does not answer (R125-5).
 * - Order for payment (injonction de payer, Code de procédure civile 1405 s.): the request is
 *   `prepared`, `filed` at the court's registry (CPC 1407), the judge grants or rejects it (CPC
 *   1409), the order is `served` on the debtor (CPC 1411), who may oppose it within a month (CPC 1416);
 *   without opposition it is made `enforceable` (CPC 1422).
 *
 * `closed` ends a case that has reached an end (paid under the agreement, enforced, abandoned).
 */
export const LEGAL_CASE_TRANSITIONS: Readonly<Record<LegalRoute, Partial<Record<LegalCaseStage, readonly LegalCaseStage[]>>>> = {
  simplified_procedure: {
    requested: ['accepted', 'refused', 'no_answer'],
    accepted: ['closed'],
    refused: ['closed'],
    no_answer: ['closed'],
  },
  payment_order: {
    prepared: ['filed'],
    filed: ['granted', 'rejected'],
    granted: ['served'],
    served: ['opposition', 'enforceable'],
    rejected: ['closed'],
    opposition: ['closed'],
    enforceable: ['closed'],
  },
};

/** The stage a route's case opens at. */
export const LEGAL_CASE_FIRST_STAGE: Readonly<Record<LegalRoute, LegalCaseStage>> = { simplified_procedure: 'requested', payment_order: 'prepared' };

/** The stages that may be recorded next on a case of this route at this stage (none once closed). */
export function nextLegalCaseStages(route: LegalRoute, stage: LegalCaseStage): readonly LegalCaseStage[] {
  return LEGAL_CASE_TRANSITIONS[route][stage] ?? [];
}

export type LegalCaseMove = { allowed: true } | { allowed: false; message: string };

/** Whether `to` may follow `from` on a case of this route, and why not. */
export function checkLegalCaseMove(route: LegalRoute, from: LegalCaseStage, to: LegalCaseStage): LegalCaseMove {
  const next = nextLegalCaseStages(route, from);
  if (next.includes(to)) return { allowed: true };
  const expected = next.length > 0 ? `expected ${next.join(' or ')}` : 'the case is closed';
  return { allowed: false, message: `${to} cannot follow ${from} on a ${route.replace('_', ' ')} (${expected})` };
}

/** The stages a flow's step takes as its outcome (its edges); the others only move the case along. */
export const LEGAL_CASE_OUTCOMES: Readonly<Record<LegalRoute, readonly LegalCaseStage[]>> = {
  simplified_procedure: ['accepted', 'refused', 'no_answer'],
  payment_order: ['enforceable', 'opposition', 'rejected'],
};

/**
 * When an order for payment served on `servedOn` may be made enforceable: the day after the last
 * day of the opposition period (one month, CPC 1416 and 641; enforceable from the next day, CPC
 * 1422), at 00:00 in the debtor's zone. A UTC instant.
 */
export function oppositionPeriodEnd(servedOn: string, timeZone: string): string {
  return localTimeToUtc(addCalendarDays(oppositionLastDay(servedOn), 1), '00:00', timeZone);
}

/**
 * The information of a court request, as the official forms ask it (CPC 1407 for an order for
 * payment: the parties' identities and addresses, the court, the amount claimed with the breakdown
 * of its elements and its grounds, the list of supporting documents; CPCE R125-1 for the
 * simplified procedure). Kept as the case's `request` JSON and laid out in its PDF dossier.
 * Amounts are minor units of `claim.currency`.
 */
export interface LegalCaseRequest {
  route: LegalRoute;
  /** Only for an order for payment. */
  court: Court | null;
  /** The local date the request was prepared on. */
  preparedOn: string;
  /** The step that opened the case (`invoice:node:step`). */
  reference: string;
  creditor: { name: string; legalId: string | null; addressLines: string[]; email: string; phone: string };
  debtor: { name: string; type: 'company' | 'person'; legalId: string | null; addressLines: string[] };
  claim: {
    invoiceNumber: string;
    issueDate: string;
    dueDate: string;
    currency: string;
    /** What is left of the invoice itself. */
    principal: number;
    interest: {
      amount: number;
      ratePercent: number;
      /** The contract's rate, or the legal one (ECB main refinancing rate + 10 points, Code de commerce L441-10 II). */
      basis: 'contractual' | 'legal';
      from: string;
    };
    /** Fees owed: the fixed recovery indemnity (40 EUR, Code de commerce L441-10 II and D441-5), when charged. */
    fees: { amount: number; recoveryIndemnity: number };
    total: number;
  };
  /** The grounds (fondement) of the claim, in French as the form asks. */
  grounds: string;
  supportingReference: string | null;
  documents: Array<{ kind: string; fileName: string; supportingType: string | null }>;
  /** The simplified procedure: the end of the debtor's time to answer (UTC instant). */
  answerDeadline: string | null;
  /** The articles the request rests on. */
  articles: string[];
}
