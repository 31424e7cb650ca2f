import type { Money } from './money';

/**
 * Accounting entries of a receivable's life (French chart of accounts, PCG):
 *   invoice issued        411 Clients            D  / 706 Prestations de services  C
 *   becomes doubtful      416 Clients douteux    D  / 411 Clients                  C
 *   provisioned           681 Dotations          D  / 491 Dépréciations clients    C
 *   paid (normal)         512 Banque             D  / 411 Clients                  C
 *   paid (doubtful)       512 Banque D, 491 D (provision reversed) / 416 C, 781 Reprises C
 *   written off           654 Pertes sur créances irrécouvrables D / 416 C (and 491 D / 781 C)
 * Every entry balances; `assertBalanced` refuses one that does not.
 */
export interface JournalLine {
  account: string;
  label: string;
  debit: number;
  credit: number;
}

export interface JournalEntry {
  date: string;
  invoiceNumber: string;
  currency: string;
  lines: JournalLine[];
}

export type ReceivableEvent =
  | { type: 'issued'; amount: Money }
  | { type: 'doubtful'; balance: Money; provision: Money }
  | { type: 'paid'; amount: Money; doubtful: boolean; provisionReleased?: Money }
  | { type: 'written_off'; balance: Money; provisionReleased?: Money };

const line = (account: string, label: string, debit: number, credit: number): JournalLine => ({ account, label, debit, credit });

export function journalEntryFor(event: ReceivableEvent, invoiceNumber: string, date: string): JournalEntry {
  const lines: JournalLine[] = [];
  let currency: string;
  switch (event.type) {
    case 'issued':
      currency = event.amount.currency;
      lines.push(line('411', `Facture ${invoiceNumber}`, event.amount.amount, 0), line('706', `Facture ${invoiceNumber}`, 0, event.amount.amount));
      break;
    case 'doubtful':
      currency = event.balance.currency;
      lines.push(line('416', `Créance douteuse ${invoiceNumber}`, event.balance.amount, 0), line('411', `Créance douteuse ${invoiceNumber}`, 0, event.balance.amount));
      if (event.provision.amount > 0) {
        lines.push(line('681', `Dépréciation ${invoiceNumber}`, event.provision.amount, 0), line('491', `Dépréciation ${invoiceNumber}`, 0, event.provision.amount));
      }
      break;
    case 'paid': {
      currency = event.amount.currency;
      const receivable = event.doubtful ? '416' : '411';
      lines.push(line('512', `Règlement ${invoiceNumber}`, event.amount.amount, 0), line(receivable, `Règlement ${invoiceNumber}`, 0, event.amount.amount));
      const released = event.provisionReleased?.amount ?? 0;
      if (released > 0) lines.push(line('491', `Reprise dépréciation ${invoiceNumber}`, released, 0), line('781', `Reprise dépréciation ${invoiceNumber}`, 0, released));
      break;
    }
    case 'written_off': {
      currency = event.balance.currency;
      lines.push(line('654', `Perte ${invoiceNumber}`, event.balance.amount, 0), line('416', `Perte ${invoiceNumber}`, 0, event.balance.amount));
      const released = event.provisionReleased?.amount ?? 0;
      if (released > 0) lines.push(line('491', `Reprise dépréciation ${invoiceNumber}`, released, 0), line('781', `Reprise dépréciation ${invoiceNumber}`, 0, released));
      break;
    }
  }
  const entry = { date, invoiceNumber, currency, lines };
  assertBalanced(entry);
  return entry;
}

export function assertBalanced(entry: JournalEntry): void {
  const debit = entry.lines.reduce((sum, l) => sum + l.debit, 0);
  const credit = entry.lines.reduce((sum, l) => sum + l.credit, 0);
  if (debit !== credit) throw new Error(`journal entry for ${entry.invoiceNumber} does not balance: debit ${debit}, credit ${credit}`);
  for (const l of entry.lines) {
    if (!Number.isSafeInteger(l.debit) || !Number.isSafeInteger(l.credit) || l.debit < 0 || l.credit < 0 || (l.debit > 0) === (l.credit > 0)) {
      throw new Error(`journal line ${l.account} of ${entry.invoiceNumber}: one side, a positive integer amount`);
    }
  }
}
