/**
 * The French chart of accounts (Plan comptable général, règlement ANC n° 2014-03 as amended,
 * notably by règlement ANC n° 2022-06 for years opened from 1 January 2025): the accounts this
 * product posts to. Account numbers are strings — they are identifiers, and exports keep them as written.
 */
export const ACCOUNTS = {
  customers: '411',
  doubtfulCustomers: '416',
  customerCredits: '4191',
  sales: '706',
  vatCollected: '44571',
  vatDeductible: '44566',
  bank: '512',
  rebates: '709',
  impairmentCharge: '6817',
  impairmentReversal: '7817',
  impairment: '491',
  badDebt: '654',
  lateInterest: '7631',
  recoveryIndemnity: '7588',
  agencyFees: '6226',
  /** Court and bailiff fees of a recovery (PCG 6227 "Frais d'actes et de contentieux"). */
  legalCosts: '6227',
  recoveredAfterWriteOff: '7714',
} as const;

export type AccountKey = keyof typeof ACCOUNTS;
export type AccountNumber = (typeof ACCOUNTS)[AccountKey];

/** French PCG labels of the accounts above. */
export const ACCOUNT_LABELS: Readonly<Record<AccountNumber, string>> = {
  '411': 'Clients',
  '416': 'Clients douteux ou litigieux',
  '4191': 'Clients - avances et acomptes reçus',
  '706': 'Prestations de services',
  '44571': 'TVA collectée',
  '44566': 'TVA sur autres biens et services',
  '512': 'Banques',
  '709': 'Rabais, remises et ristournes accordés',
  '6817': 'Dotations aux dépréciations des actifs circulants',
  '7817': 'Reprises sur dépréciations des actifs circulants',
  '491': 'Dépréciations des comptes de clients',
  '654': 'Pertes sur créances irrécouvrables',
  '7631': 'Revenus des créances commerciales',
  '7588': 'Produits divers de gestion courante',
  '6226': 'Honoraires',
  '6227': 'Frais d’actes et de contentieux',
  '7714': 'Rentrées sur créances amorties',
};

/** The French label of an account; an account the product does not know is labelled with its number. */
export function accountLabel(account: string): string {
  return Object.prototype.hasOwnProperty.call(ACCOUNT_LABELS, account) ? ACCOUNT_LABELS[account as AccountNumber] : account;
}

const CUSTOMER_ACCOUNTS: ReadonlySet<string> = new Set([ACCOUNTS.customers, ACCOUNTS.doubtfulCustomers, ACCOUNTS.customerCredits]);

/** True for the customer accounts (411, 416, 4191): their lines carry the customer sub-account (CompAuxNum) in exports. */
export function isCustomerAccount(account: string): boolean {
  return CUSTOMER_ACCOUNTS.has(account);
}

export type JournalCode = 'VT' | 'BQ' | 'OD';
export type JournalKey = 'sales' | 'bank' | 'misc';

/** The journals entries are posted to. */
export const JOURNALS: { readonly [K in JournalKey]: { readonly code: JournalCode; readonly label: string } } = {
  sales: { code: 'VT', label: 'Ventes' },
  bank: { code: 'BQ', label: 'Banque' },
  misc: { code: 'OD', label: 'Opérations diverses' },
};

/** The label of a journal code (FEC JournalLib). */
export function journalLabel(code: JournalCode): string {
  const journal = Object.values(JOURNALS).find((j) => j.code === code);
  if (!journal) throw new Error(`journal: unknown journal code ${String(code)}`);
  return journal.label;
}
