import { TemplateRenderer, sampleTemplateContext } from '@dunning/templating';
import { renderInvoicePdf } from '../documents/invoice-pdf';
import { renderLetterPdf } from './letter-pdf';

/** The text a PDF viewer would show: pdfkit writes each run as a hex string in the page's content stream. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { inflateSync } = await import('node:zlib');
  const streams = [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      return '';
    }
  });
  return streams
    .join('\n')
    .match(/<([0-9a-f]+)>/g)!
    .map((hex) => Buffer.from(hex.slice(1, -1), 'hex').toString('latin1'))
    .join('')
    .replace(/\x80/g, '€'); // WinAnsi, the standard fonts' encoding
}

describe('letters as PDF', () => {
  it('lays out the French formal notice with its parties, its object and every invoice', async () => {
    const rendered = new TemplateRenderer().render('letter', 'formal-notice', 'fr', sampleTemplateContext('fr', 2));
    const pdf = await renderLetterPdf(rendered.body!, { title: rendered.subject!, author: 'Atelier' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Mise en demeure de payer');
    expect(text).toContain('Lettre recommandée avec accusé de réception');
    for (const invoice of sampleTemplateContext('fr', 2).invoices) expect(text).toContain(invoice.number);
  });

  it('renders the same letter to the same bytes (stored copies are checked by hash)', async () => {
    const rendered = new TemplateRenderer().render('letter', 'formal-notice', 'en', sampleTemplateContext('en', 1));
    const first = await renderLetterPdf(rendered.body!, { title: 't', author: 'a' });
    const second = await renderLetterPdf(rendered.body!, { title: 't', author: 'a' });
    expect(first.equals(second)).toBe(true);
  });

  it('renders an invoice copy with its number and balance', async () => {
    const pdf = await renderInvoicePdf({
      number: 'F-2026-0042',
      issueDate: '2026-10-01',
      dueDate: '2026-10-31',
      amount: { amount: 120000, currency: 'EUR' },
      balance: { amount: 45050, currency: 'EUR' },
      locale: 'en',
      creditor: { name: 'Atelier Dupont', addressLines: ['1 rue de la Paix', '75002 Paris'], email: 'compta@atelier.example', iban: 'FR76 3000 6000 0112 3456 7890 189' },
      customer: { name: 'Martin SA', addressLines: ['5 avenue Foch', '69006 Lyon'] },
    });
    const text = await pdfText(pdf);
    expect(text).toContain('Invoice F-2026-0042');
    expect(text).toContain('€450.50');
  });
});
