import { checkRecoverability, localToday, type RecoverabilityFacts } from '@dunning/domain';
import type { DunningActivities } from '@dunning/workflows';
import type { ActivityDependencies } from './ports';

/**
 * What a claim's recoverability is judged on, as the books and the documents hold it now. Also used
 * by the court routes (legal-cases.ts) before a case is opened.
 */
export interface RecoverabilityStore {
  /** The invoice's facts on a local date (the customer's today); undefined for an unknown invoice. */
  recoverabilityFacts(invoiceId: string, today: string): Promise<RecoverabilityFacts | undefined>;
}

/**
 * The gate before a formal notice, an agency handoff or a court route: the claim must be certain,
 * liquid and due — "certaine, liquide et exigible" (CPCE L111-2, L111-6; Code civil 1353 for the
 * proof of the obligation) — and not time-barred (Code civil 2219). Judged on the customer's local
 * date of the step; when it fails, the flow is held (`not_recoverable`) with what is missing, in
 * the exceptions inbox, until a person attaches the document (the API then retries the step).
 */
export function recoverabilityActivities(deps: ActivityDependencies): Pick<DunningActivities, 'checkRecoverability'> {
  return {
    async checkRecoverability(request) {
      const today = localToday(request.at, request.customer.timeZone);
      const facts = await deps.recoverability.recoverabilityFacts(request.invoice.invoiceId, today);
      if (!facts) return { recoverable: false, missing: ['certain'], detail: `invoice ${request.invoice.invoiceId}: unknown` };
      const check = checkRecoverability(facts);
      if (check.recoverable) return { recoverable: true };
      return {
        recoverable: false,
        missing: check.missing.map((m) => m.requirement),
        detail: check.missing.map((m) => `${m.message.en} (${m.article})`).join(' '),
      };
    },
  };
}

/**
 * What is missing, in French and English with each article, for the exceptions inbox entry of a
 * step held `not_recoverable` (the hold itself carries the English words only): checked again when
 * the hold is reported, on the Paris date (the books' zone). Empty when it cannot be read.
 */
export async function recoverabilityHoldDetail(deps: Pick<ActivityDependencies, 'recoverability'>, invoiceId: string, at: string): Promise<Record<string, unknown>> {
  try {
    const facts = await deps.recoverability.recoverabilityFacts(invoiceId, localToday(at, 'Europe/Paris'));
    return facts ? { missing: checkRecoverability(facts).missing } : {};
  } catch {
    return {};
  }
}
