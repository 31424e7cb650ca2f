import type { InvoiceFacts } from '../interpreter/flow-state';

/** An unpaid B2B invoice of 1 200.00 EUR, for specs and examples. */
export function sampleInvoice(overrides: Partial<InvoiceFacts> = {}): InvoiceFacts {
  return {
    invoiceId: 'inv-1',
    invoiceNumber: 'F-2026-0001',
    customerId: 'cust-1',
    issueDate: '2026-04-01',
    dueDate: '2026-05-01',
    amount: { amount: 1200_00, currency: 'EUR' },
    balance: { amount: 1200_00, currency: 'EUR' },
    riskScore: 5,
    segment: 'smb',
    customerType: 'company',
    ...overrides,
  };
}
