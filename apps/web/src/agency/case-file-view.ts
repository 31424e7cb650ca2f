/**
 * The parts of a case file (GET /api/handoffs/:id, `caseFile`; docs/agency-handoff.md) the portal
 * shows, read defensively: the file is stored as it was built, and an older one may lack a field.
 */
export interface CaseFileView {
  debtor?: {
    legalName?: string;
    reference?: string;
    registrationNumber?: string;
    vatId?: string;
    address?: { lines?: string[]; postcode?: string; city?: string; country?: string };
    contacts?: Array<{ role?: string; name?: string; email?: string; phone?: string }>;
  };
  invoices?: Array<{ number: string; dueDate?: string; currency: string; originalAmount?: number; outstanding?: number; interest?: number; fees?: number }>;
  dispute?: { open?: boolean; reason?: string };
}

/** What the case owed when it was handed over: principal (outstanding), late interest and recovery fees, summed over its invoices. */
export function caseTotals(file: CaseFileView): { principal: number; interest: number; fees: number } {
  const invoices = file.invoices ?? [];
  const sum = (pick: (invoice: (typeof invoices)[number]) => number | undefined) => invoices.reduce((total, invoice) => total + (Number(pick(invoice)) || 0), 0);
  return { principal: sum((i) => i.outstanding), interest: sum((i) => i.interest), fees: sum((i) => i.fees) };
}

/** The debtor's postal address as lines ("12 rue…", "75001 Paris", "FR"). */
export function addressLines(address: NonNullable<CaseFileView['debtor']>['address']): string[] {
  if (!address) return [];
  const city = [address.postcode, address.city].filter(Boolean).join(' ');
  return [...(address.lines ?? []), city, address.country ?? ''].filter((line) => line.trim());
}
