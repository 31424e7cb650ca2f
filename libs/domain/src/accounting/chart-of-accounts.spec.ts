import { ACCOUNTS, ACCOUNT_LABELS, JOURNALS, accountLabel, isCustomerAccount, journalLabel } from './chart-of-accounts';

describe('chart of accounts', () => {
  it('labels every account in French, and an unknown one with its number', () => {
    expect(accountLabel('411')).toBe('Clients');
    expect(accountLabel(ACCOUNTS.doubtfulCustomers)).toBe('Clients douteux ou litigieux');
    expect(accountLabel(ACCOUNTS.recoveryIndemnity)).toBe('Produits divers de gestion courante');
    expect(accountLabel('999')).toBe('999');
    expect(accountLabel('toString')).toBe('toString');
    for (const account of Object.values(ACCOUNTS)) expect(ACCOUNT_LABELS[account]).toBeTruthy();
    expect(new Set(Object.values(ACCOUNTS)).size).toBe(Object.keys(ACCOUNTS).length);
  });

  it('knows the customer accounts', () => {
    expect(['411', '416', '4191'].every(isCustomerAccount)).toBe(true);
    expect(['491', '512', '706', '41'].some(isCustomerAccount)).toBe(false);
  });

  it('lists the journals', () => {
    expect(JOURNALS.sales).toEqual({ code: 'VT', label: 'Ventes' });
    expect(journalLabel('BQ')).toBe('Banque');
    expect(journalLabel('OD')).toBe('Opérations diverses');
  });
});
