/**
 * The case an agency receives for one debtor, built from what the agencies' own formats ask for
 * (Debitura's case API, French *dossiers de recouvrement*): who owes, what, since when, what was
 * already tried. Amounts are integer minor units with their currency, dates ISO, instants UTC.
 * docs/agency-handoff.md documents every field.
 */
export interface CaseFile {
  format: 'dunning-handoff';
  version: 1;
  handoff: { id: string; reference: string; createdAt: string; agency: string };
  creditor: { name: string; email: string; phone: string; addressLines: string[]; iban?: string };
  debtor: {
    reference: string;
    legalName: string;
    type: 'company' | 'person';
    registrationNumber?: string;
    vatId?: string;
    address: { lines: string[]; postcode?: string; city?: string; country: string };
    contacts: Array<{ role: string; name?: string; email?: string; phone?: string; emailUnreachable?: boolean; smsOptedOut?: boolean }>;
  };
  invoices: Array<{
    number: string;
    issueDate: string;
    dueDate: string;
    currency: string;
    originalAmount: number;
    paid: number;
    credited: number;
    outstanding: number;
    /** The fixed recovery indemnity and late interest claimed, and the date they run from (the due date). */
    fees: number;
    interest: number;
    feesFrom: string;
  }>;
  dispute: { open: boolean; reason?: string; history: Array<{ openedAt: string; resolvedAt?: string; reason: string; status: string }> };
  promises: Array<{ madeAt: string; date: string; amount: number; status: string }>;
  contactHistory: Array<{ at: string; channel: string; step: string; template?: string; deliveryStatus: string; outcome?: string }>;
  documents: Array<{ filename: string; kind: string; contentType: string; size: number; sha256: string }>;
}
