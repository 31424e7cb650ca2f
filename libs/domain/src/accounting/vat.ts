/**
 * VAT and impairment arithmetic on receivables, exact: integer minor units and BigInt, every
 * division rounded half up to the minor unit.
 */

/** Half-up rounding of numerator / denominator, both non-negative, denominator > 0. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function minor(field: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new Error(`${field}: an integer amount of minor units (got ${value})`);
  if (value < 0) throw new Error(`${field}: cannot be negative (got ${value})`);
  return value;
}

/**
 * The VAT part of `amount` (tax included) paid on or credited against an invoice of
 * `invoiceTotal` (tax included) carrying `invoiceVat`: amount × vat / total, rounded half up.
 * 0 when the invoice carries no VAT. vatShare(total, total, vat) === vat; 0 ≤ share ≤ amount.
 */
export function vatShare(amount: number, invoiceTotal: number, invoiceVat: number): number {
  minor('amount', amount);
  minor('invoiceTotal', invoiceTotal);
  minor('invoiceVat', invoiceVat);
  if (invoiceVat > invoiceTotal) throw new Error(`invoiceVat: ${invoiceVat} is larger than invoiceTotal ${invoiceTotal}`);
  if (invoiceVat === 0 || amount === 0) return 0;
  return Number(divideHalfUp(BigInt(amount) * BigInt(invoiceVat), BigInt(invoiceTotal)));
}

/** The part of `amount` (tax included) before VAT: amount − vatShare. */
export function netShare(amount: number, invoiceTotal: number, invoiceVat: number): number {
  return amount - vatShare(amount, invoiceTotal, invoiceVat);
}

export interface ImpairmentFacts {
  /** What remains due on the invoice itself, tax included. */
  principalOutstanding: number;
  invoiceTotal: number;
  invoiceVat: number;
  /** Recovery indemnity and late interest still due (outside the scope of VAT). */
  feesOutstanding: number;
  /** Share of the receivable deemed lost, 0 to 100, at most 2 decimals. */
  ratePercent: number;
}

/**
 * The provision (491) a doubtful receivable should carry. It is computed on the amount before
 * VAT — the VAT is recovered if the loss happens (PCG on 491; BOFiP BIC-PROV-30-20-10; CGI 272):
 * (netShare(principalOutstanding) + feesOutstanding) × ratePercent / 100, rounded half up.
 */
export function impairmentTarget(facts: ImpairmentFacts): number {
  const principal = minor('principalOutstanding', facts.principalOutstanding);
  const fees = minor('feesOutstanding', facts.feesOutstanding);
  const { ratePercent } = facts;
  if (!Number.isFinite(ratePercent) || ratePercent < 0 || ratePercent > 100) throw new Error(`ratePercent: between 0 and 100 (got ${ratePercent})`);
  const rateHundredths = Math.round(ratePercent * 100);
  if (Math.abs(ratePercent * 100 - rateHundredths) > 1e-6) throw new Error(`ratePercent: at most 2 decimals (got ${ratePercent})`);
  const base = BigInt(netShare(principal, facts.invoiceTotal, facts.invoiceVat)) + BigInt(fees);
  return Number(divideHalfUp(base * BigInt(rateHundredths), 10_000n));
}
