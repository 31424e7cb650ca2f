import type { TFunction } from 'i18next';
import { translator } from '../flows/forms/translator.spec-helper';
import { metricRows } from './arm-metrics';
import { sampleReport } from './report.spec-helper';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the report’s table', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('has every metric of every arm, in the user’s number and money formats', () => {
    const rows = metricRows(sampleReport(), t.en, 'en');
    const table = Object.fromEntries(rows.map((row) => [plain(row.label), row.cells.map(plain)]));
    expect(table).toEqual({
      Invoices: ['1,200', '340'],
      Customers: ['800', '210'],
      Invoiced: ['€123,456.78', '€50,000.00'],
      Recovered: ['€0.00', '€21,050.00'],
      'Recovery rate': ['0 % (0 % to 1.2 %)', '42.1 % (38.1 % to 46.2 %)'],
      'Paid invoices': ['0', '120'],
      'Days to pay after the due date (median, quartiles)': ['—', '12.5 (3 to 27)'],
      Messages: ['3', '1,200'],
      Calls: ['0', '45'],
      'Messages per 1,000 EUR recovered': ['—', '57'],
      'Calls per 1,000 EUR recovered': ['—', '2.1'],
      Disputes: ['2', '0'],
      'Complaints (STOP replies, spam reports)': ['0', '1'],
      Bounces: ['0', '7'],
    });
  });

  it('writes French amounts and rates the French way', () => {
    const rows = metricRows(sampleReport(), t.fr, 'fr');
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(plain(row('invoicedAmount').label)).toBe('Facturé');
    expect(row('invoicedAmount').cells.map(plain)).toEqual(['123 456,78 €', '50 000,00 €']);
    expect(row('recoveryRate').cells.map(plain)).toEqual(['0 % (0 % à 1,2 %)', '42,1 % (38,1 % à 46,2 %)']);
    expect(plain(row('messagesPer1000Recovered').label)).toBe('Messages pour 1 000 EUR recouvrés');
  });
});
