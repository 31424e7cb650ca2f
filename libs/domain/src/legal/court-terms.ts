import { localDay, toLocalDate } from './local-date';

/**
 * The simplified recovery procedure is open to claims up to 5,000 EUR, principal, interest and fees
 * included (Code des procédures civiles d'exécution L125-1, R125-1).
 */
export const SIMPLIFIED_PROCEDURE_MAX = { amount: 5_000_00, currency: 'EUR' } as const;

/**
 * The last day the debtor may oppose an order for payment: one month from its service (Code de
 * procédure civile 1416), to the same day of the next month, or that month's last day when it has
 * none (CPC 641). The order may be made enforceable from the next day (CPC 1422).
 */
export function oppositionLastDay(servedOn: string): string {
  return toLocalDate(localDay('servedOn', servedOn).plus({ months: 1 }));
}

/** The court an order for payment is asked of: the commercial court between traders, the judicial court otherwise (CPC 1406, Code de l'organisation judiciaire L721-3). */
export function courtFor(debtorType: 'company' | 'person'): 'tribunal_de_commerce' | 'tribunal_judiciaire' {
  return debtorType === 'company' ? 'tribunal_de_commerce' : 'tribunal_judiciaire';
}
