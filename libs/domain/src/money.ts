/**
 * Money is an integer number of minor units (cents for EUR) with its ISO 4217 currency.
 * Never a float: every amount that crosses a boundary is checked with `assertMoney`.
 */
export interface Money {
  /** Integer minor units, e.g. 12050 for 120.50 EUR. */
  readonly amount: number;
  /** ISO 4217 alphabetic code, upper case, e.g. "EUR". */
  readonly currency: string;
}
