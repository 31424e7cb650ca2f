import type { CaseFile } from '../agency/case-file';

/** A realistic case for tests and for the sample in docs/agency-handoff.md. */
export function sampleCaseFile(): CaseFile {
  return {
    format: 'dunning-handoff',
    version: 1,
    handoff: { id: '7d0c1f0e-2a51-4a8e-9a43-0f7e9d3f6a01', reference: 'HO-2026-000123', createdAt: '2026-11-20T08:00:00.000Z', agency: 'Recouvra SAS' },
    creditor: {
      name: 'Atelier Dupont SARL',
      email: 'compta@atelier-dupont.example',
      phone: '+33140000000',
      addressLines: ['12 rue des Artisans', '75011 Paris'],
      iban: 'FR7630006000011234567890189',
    },
    debtor: {
      reference: 'C-1042',
      legalName: 'Boulangerie Éclair SAS',
      type: 'company',
      registrationNumber: '732829320',
      vatId: 'FR44732829320',
      address: { lines: ['5 place du Marché', 'Bâtiment B'], postcode: '69002', city: 'Lyon', country: 'FR' },
      contacts: [{ role: 'billing', name: 'Hélène Martin', email: 'compta@eclair.example', phone: '+33612345678' }],
    },
    invoices: [
      {
        number: 'F-2026-0312',
        issueDate: '2026-08-01',
        dueDate: '2026-08-31',
        currency: 'EUR',
        originalAmount: 240000,
        paid: 40000,
        credited: 0,
        outstanding: 200000,
        fees: 4000,
        interest: 5193,
        feesFrom: '2026-08-31',
      },
      {
        number: 'F-2026-0377',
        issueDate: '2026-08-20',
        dueDate: '2026-09-19',
        currency: 'EUR',
        originalAmount: 98050,
        paid: 0,
        credited: 10000,
        outstanding: 88050,
        fees: 4000,
        interest: 1788,
        feesFrom: '2026-09-19',
      },
    ],
    dispute: { open: false, history: [] },
    promises: [{ madeAt: '2026-09-22T14:03:00.000Z', date: '2026-09-30', amount: 100000, status: 'broken' }],
    contactHistory: [
      { at: '2026-09-01T07:00:00.000Z', channel: 'email', step: 'reminder-1', template: 'reminder-1', deliveryStatus: 'delivered' },
      { at: '2026-09-07T07:00:00.000Z', channel: 'call', step: 'call', deliveryStatus: 'done', outcome: 'promise_to_pay' },
      { at: '2026-10-15T07:00:00.000Z', channel: 'letter', step: 'formal-notice', template: 'formal-notice', deliveryStatus: 'sent' },
    ],
    documents: [],
  };
}
