/**
 * The French legal toolkit: payment-term ceilings (Code de commerce L441-10, L441-11), the terms
 * as written in imports, and claim limitation (prescription).
 */
export * from './payment-terms';
export * from './parse-payment-term';
export * from './claim-limitation';
export * from './recoverability';
export * from './court-terms';
export * from './credit-insurance';
export * from './legal-cases';
