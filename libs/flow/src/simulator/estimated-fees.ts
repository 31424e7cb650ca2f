import { ECB_REFINANCING_RATES, type HalfYearRate, RECOVERY_INDEMNITY, lateInterestByHalfYear, utcToLocalDate } from '@dunning/domain';
import type { FlowRuntimeState } from '../interpreter/flow-state';

/**
 * What a late_fee step would charge, by the rules the books apply (libs/domain apply-event 'fees'):
 * the recovery indemnity once for a company in euros, and late interest on the principal since the
 * due date or the last charge. The simulation needs it because the balance it adds moves amount branches.
 */
export class EstimatedFees {
  private indemnityCharged = false;
  private interestChargedThrough: string | undefined;

  constructor(
    private readonly timeZone: string,
    private readonly lateRates: readonly HalfYearRate[] = ECB_REFINANCING_RATES,
  ) {}

  charge(state: FlowRuntimeState, at: string, step: { indemnity: boolean; annualInterestRatePercent?: number }): number {
    const { invoice } = state;
    const balance = invoice.balance.amount;
    if (balance <= 0) return 0;
    const indemnity =
      step.indemnity && !this.indemnityCharged && invoice.customerType === 'company' && invoice.balance.currency === RECOVERY_INDEMNITY.currency ? RECOVERY_INDEMNITY.amount : 0;
    this.indemnityCharged ||= indemnity > 0;
    const date = utcToLocalDate(at, this.timeZone);
    const from = this.interestChargedThrough && this.interestChargedThrough > invoice.dueDate ? this.interestChargedThrough : invoice.dueDate;
    if (date <= from) return indemnity;
    this.interestChargedThrough = date;
    const principal = { amount: Math.max(0, balance - state.feesAdded), currency: invoice.balance.currency };
    const { interest } = lateInterestByHalfYear(principal, from, date, { contractualRatePercent: step.annualInterestRatePercent, table: this.lateRates });
    return indemnity + interest.amount;
  }
}
