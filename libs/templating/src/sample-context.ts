import type { ReminderTemplateContext } from './template-context';

/** Realistic data for previews (the editor) and for rendering every template in tests. */
export function sampleTemplateContext(locale: 'fr' | 'en', invoiceCount = 1): ReminderTemplateContext {
  const invoices = Array.from({ length: invoiceCount }, (_, i) => ({
    number: `F-2026-${String(1042 + i).padStart(4, '0')}`,
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    amount: { amount: 1234_56 + i * 100_00, currency: 'EUR' },
    balance: { amount: 1234_56 + i * 100_00, currency: 'EUR' },
    daysOverdue: 15,
  }));
  return {
    locale,
    timeZone: 'Europe/Paris',
    sentAt: '2026-04-16T07:00:00.000Z',
    creditor: {
      name: 'Atelier Durand SAS',
      email: 'comptabilite@atelier-durand.example',
      phone: '+33 1 23 45 67 89',
      addressLines: ['12 rue des Artisans', '69002 Lyon', 'France'],
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      legalMentions: 'SAS au capital de 50 000 € — RCS Lyon 123 456 789',
    },
    customer: { name: 'Boulangerie Martin SARL', contactName: 'Claire Martin', addressLines: ['4 place du Marché', '38000 Grenoble', 'France'] },
    invoices,
    totalBalance: { amount: invoices.reduce((sum, inv) => sum + inv.balance.amount, 0) + 40_00 + 18_27, currency: 'EUR' },
    fees: { indemnity: { amount: 40_00, currency: 'EUR' }, interest: { amount: 18_27, currency: 'EUR' }, annualInterestRatePercent: 12.15 },
    paymentUrl: 'https://pay.atelier-durand.example/i/F-2026-1042',
    notice: { periodDays: 8, deadline: '2026-04-24' },
    promise: { date: '2026-04-20', amount: { amount: 1234_56, currency: 'EUR' } },
  };
}
