import { formatMoney } from '@dunning/templating';
import { createPdf, pdfBytes } from './pdf-document';

export interface InvoiceCopy {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: { amount: number; currency: string };
  balance: { amount: number; currency: string };
  locale: string;
  creditor: { name: string; addressLines: string[]; email: string; iban?: string; legalMentions?: string };
  customer: { name: string; addressLines: string[]; legalId?: string };
}

const LABELS = {
  fr: { title: 'Facture', copy: 'Duplicata', issued: 'Date d’émission', due: 'Échéance', total: 'Montant TTC', balance: 'Reste dû', pay: 'Règlement par virement, IBAN' },
  en: { title: 'Invoice', copy: 'Copy', issued: 'Issue date', due: 'Due date', total: 'Total amount', balance: 'Balance due', pay: 'Pay by bank transfer, IBAN' },
};

/**
 * A copy of the invoice (the *duplicata* a reminder carries): who owes what to whom, by when. The
 * ledger, not this file, is the source of truth; it is rendered from it at send time.
 */
export async function renderInvoicePdf(invoice: InvoiceCopy): Promise<Buffer> {
  const labels = invoice.locale === 'fr' ? LABELS.fr : LABELS.en;
  const money = (m: { amount: number; currency: string }) => formatMoney(m, invoice.locale === 'fr' ? 'fr' : 'en');
  const doc = createPdf(`${labels.title} ${invoice.number}`, invoice.creditor.name);
  doc.font('Helvetica-Bold').fontSize(12).text(invoice.creditor.name, 56, 56);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text([...invoice.creditor.addressLines, invoice.creditor.email].join('\n'));
  doc.text([invoice.customer.name, ...invoice.customer.addressLines, invoice.customer.legalId ?? ''].filter(Boolean).join('\n'), 312, 142, { width: 230 });
  doc.x = 56;
  doc.y = 240;
  doc.font('Helvetica-Bold').fontSize(16).text(`${labels.title} ${invoice.number}`);
  doc.font('Helvetica').fontSize(9).fillColor('#666').text(labels.copy).fillColor('#000').moveDown();
  doc.fontSize(10.5);
  for (const [label, value] of [
    [labels.issued, invoice.issueDate],
    [labels.due, invoice.dueDate],
    [labels.total, money(invoice.amount)],
    [labels.balance, money(invoice.balance)],
  ] as const) {
    const top = doc.y;
    doc.font('Helvetica').text(label, 56, top, { width: 200 });
    doc.font('Helvetica-Bold').text(value, 256, top, { width: 200, align: 'right' });
    doc.x = 56;
  }
  if (invoice.creditor.iban) doc.moveDown().font('Helvetica').text(`${labels.pay} ${invoice.creditor.iban}`);
  if (invoice.creditor.legalMentions) doc.moveDown().fontSize(8).text(invoice.creditor.legalMentions);
  return pdfBytes(doc);
}
