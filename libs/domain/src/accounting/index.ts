/**
 * The books of receivables, French chart of accounts (Plan comptable général): the accounts, one
 * balanced entry per event (postings), VAT and provision arithmetic, lettering and the FEC export.
 */
export * from './chart-of-accounts';
export * from './journal-entry';
export * from './postings';
export * from './vat';
export * from './lettering';
export * from './fec';
