import { sectorDerogations } from '@dunning/api-contract';
import {
  DEFAULT_END_OF_MONTH_COMPUTATION,
  type PaymentTerm,
  type PaymentTermFinding,
  type SectorDerogation,
  checkPaymentTerm,
  describePaymentTerm,
  dueDateFor,
} from '@dunning/domain';

/** The settings key holding the admin's sector derogations (Code de commerce L441-11). */
export const DEROGATIONS_SETTING = 'paymentTermDerogations';

/** The derogations stored in the settings (none when unset, or when what is stored is no longer valid). */
export function derogationsFrom(stored: Record<string, unknown>): SectorDerogation[] {
  const parsed = sectorDerogations.safeParse(stored[DEROGATIONS_SETTING] ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * The due date a term gives (dueDateFor, libs/domain). The legal default runs 30 days from receipt
 * (L441-10 I): an invoice issued more than 30 days after the receipt is due on its own date, never
 * before it (the books refuse a due date before the issue date).
 */
export function dueDateFromTerm(term: PaymentTerm, issueDate: string, receiptDate?: string | null): string {
  const due = dueDateFor(term, issueDate, receiptDate ?? undefined);
  return due < issueDate ? issueDate : due;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Sectors are matched as people type them: case and surrounding spaces ignored. */
const sectorKey = (sector: string) => sector.trim().toLowerCase();

/**
 * What an invoice's term breaks: the agreed term when there is one, otherwise the delay its due
 * date implies (due − issue, in days from the invoice date), against L441-10 I (60 days from the
 * invoice date, 45 days end of month) or, for a customer whose sector has derogations, against
 * those (L441-11). A finding never refuses the invoice; the legal default is compliant.
 */
export function termFindingsFor(
  invoice: { paymentTerm?: PaymentTerm | null; issueDate: string; dueDate: string },
  options: { sector?: string | null; derogations: readonly SectorDerogation[] },
): PaymentTermFinding[] {
  const judged: PaymentTerm = invoice.paymentTerm ?? { kind: 'days', days: Math.max(0, daysBetween(invoice.issueDate, invoice.dueDate)) };
  const sector = options.sector ? sectorKey(options.sector) : undefined;
  const derogations = options.derogations.map((d) => ({ ...d, sector: sectorKey(d.sector) }));
  return checkPaymentTerm(judged, invoice.issueDate, { sector, derogations }).findings;
}

/** An invoice as GET /api/invoices/:id answers it: with its term in French and English (null when none was agreed). */
export function withTermDescription<T extends { paymentTerm: PaymentTerm | null }>(invoice: T): T & { paymentTermDescription: { fr: string; en: string } | null } {
  return { ...invoice, paymentTermDescription: invoice.paymentTerm ? describePaymentTerm(invoice.paymentTerm) : null };
}

/** Two terms that say the same (an end-of-month term without its computation counts as the default one). */
export function samePaymentTerm(a: PaymentTerm | null | undefined, b: PaymentTerm | null | undefined): boolean {
  const key = (term: PaymentTerm | null | undefined) =>
    !term
      ? 'none'
      : term.kind === 'legal-default'
        ? term.kind
        : `${term.kind}:${term.days}:${term.kind === 'days-end-of-month' ? (term.computation ?? DEFAULT_END_OF_MONTH_COMPUTATION) : ''}`;
  return key(a) === key(b);
}
