import { Injectable } from '@nestjs/common';
import { AGING_BUCKETS, type FecLine, accountLabel, agingBucket, assignLettering, fecText, formatFec, isCustomerAccount } from '@dunning/domain';
import { CustomersRepository, InvoicesRepository, LedgerRepository } from '@dunning/db';

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

/**
 * Reports read from the books (the journal the receivables service writes): the trial balance, the
 * aged balance per customer (equal to the open balances by construction), DSO month by month, and
 * the French FEC.
 */
@Injectable()
export class BooksReportsService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
  ) {}

  /** Debit, credit and balance per account and currency up to a date; balanced when debits equal credits. */
  async trialBalance(asOf: string) {
    const rows = await this.ledger.trialBalance(asOf);
    const currencies = [...new Set(rows.map((r) => r.currency))];
    return {
      asOf,
      accounts: rows.map((r) => ({ ...r, label: accountLabel(r.account), balance: r.debit - r.credit })),
      totals: currencies.map((currency) => {
        const lines = rows.filter((r) => r.currency === currency);
        const debit = sum(lines.map((l) => l.debit));
        const credit = sum(lines.map((l) => l.credit));
        return { currency, debit, credit, balanced: debit === credit };
      }),
    };
  }

  /** What each customer owes by the books (411 + 416) up to a date, by how late each invoice is, every bucket in order. */
  async agedBalance(asOf: string) {
    const balances = (await this.ledger.receivableBalances(asOf)).filter((b) => b.balance !== 0);
    const invoices = new Map((await this.invoices.findByIds(balances.map((b) => b.invoiceId))).map((i) => [i.id, i]));
    const byCustomer = new Map<string, { customerId: string; currency: string; buckets: Record<string, number>; total: number }>();
    for (const balance of balances) {
      const invoice = invoices.get(balance.invoiceId)!;
      const key = `${balance.customerId}:${balance.currency}`;
      const row = byCustomer.get(key) ?? { customerId: balance.customerId, currency: balance.currency, buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])), total: 0 };
      row.buckets[agingBucket(invoice.dueDate, asOf)]! += balance.balance;
      row.total += balance.balance;
      byCustomer.set(key, row);
    }
    const names = new Map<string, { name: string; reference: string }>();
    for (const id of new Set([...byCustomer.values()].map((r) => r.customerId))) {
      const customer = await this.customers.findById(id);
      if (customer) names.set(id, { name: customer.name, reference: customer.reference });
    }
    const customers = [...byCustomer.values()].map((r) => ({ ...r, ...names.get(r.customerId) })).sort((a, b) => b.total - a.total);
    return { asOf, buckets: AGING_BUCKETS, customers };
  }

  /**
   * DSO per month from the books: receivables (411 + 416) at the month's end ÷ what was invoiced
   * over the three months to it × their days (the count-back a credit manager reads every month).
   */
  async dsoTrend(from: string, to: string) {
    const start = new Date(`${from}T00:00:00Z`);
    const earlier = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 2, 1)).toISOString().slice(0, 10);
    const months = await this.ledger.monthlyReceivablesAndSales(earlier, to);
    const result: Array<{ month: string; currency: string; receivables: number; sales: number; dso: number | null }> = [];
    for (const row of months.filter((m) => m.month >= from.slice(0, 7))) {
      const window = months.filter((m) => m.currency === row.currency && m.month <= row.month).slice(-3);
      const sales = sum(window.map((m) => m.sales));
      const days = sum(window.map((m) => daysInMonth(m.month)));
      result.push({
        month: row.month,
        currency: row.currency,
        receivables: row.receivables,
        sales,
        dso: sales > 0 ? Math.round((row.receivables / sales) * days * 10) / 10 : null,
      });
    }
    return result;
  }

  /** DSO over a period: receivables at its end ÷ what was invoiced in it × its days, per currency. */
  async dso(from: string, to: string) {
    const months = await this.ledger.monthlyReceivablesAndSales(from, to);
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    return [...new Set(months.map((m) => m.currency))].map((currency) => {
      const rows = months.filter((m) => m.currency === currency);
      const receivables = rows.at(-1)?.receivables ?? 0;
      const revenue = sum(rows.map((r) => r.sales));
      return { currency, receivables, revenue, days, dso: revenue > 0 ? Math.round((receivables / revenue) * days * 10) / 10 : null };
    });
  }

  /**
   * The FEC of a period (Livre des procédures fiscales, art. A47 A-1): every line of the books in
   * euros, entries numbered continuously per journal, customer sub-accounts on 411/416/4191 lines,
   * an invoice's customer lines lettered once they balance. Lines in another currency are left out
   * (the FEC is in the book currency; converting them needs the day's rate) and reported.
   */
  async fec(from: string, to: string, separator: '\t' | '|' = '\t'): Promise<{ text: string; excludedCurrencies: string[] }> {
    const lines = await this.ledger.numberedLines(from, to);
    const excluded = [...new Set(lines.filter((l) => l.currency !== 'EUR').map((l) => l.currency))];
    const fecLines = lines
      .filter((l) => l.currency === 'EUR')
      .map((l): FecLine & { letterGroup?: string } => {
        const customerLine = isCustomerAccount(l.account) && l.customerReference !== undefined;
        return {
          journal: l.journal,
          entryNumber: l.entryNumber,
          entryDate: l.entryDate,
          account: l.account,
          auxNum: customerLine ? fecText(l.customerReference!) : undefined,
          auxLabel: customerLine ? fecText(l.customerName ?? '') : undefined,
          pieceRef: fecText(l.pieceRef),
          pieceDate: l.pieceDate,
          label: fecText(l.label),
          debit: l.debit,
          credit: l.credit,
          currency: l.currency,
          validDate: l.createdAt.toISOString().slice(0, 10) < l.entryDate ? l.entryDate : l.createdAt.toISOString().slice(0, 10),
          letterGroup: customerLine && l.account !== '4191' ? l.invoiceId : undefined,
        };
      });
    return {
      text: formatFec(
        assignLettering(fecLines).map(({ letterGroup: _group, ...line }) => line),
        { separator },
      ),
      excludedCurrencies: excluded,
    };
  }
}

function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year!, m!, 0)).getUTCDate();
}
