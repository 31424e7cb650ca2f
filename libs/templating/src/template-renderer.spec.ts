import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_TEMPLATES, countSmsSegments, standardFlow, strictFlow, gentleFlow, validateFlow } from '@dunning/flow';
import { sampleTemplateContext } from './sample-context';
import { formatDate, formatMoney } from './template-helpers';
import { TemplateRenderer, loadTemplateCatalog } from './template-renderer';

const renderer = new TemplateRenderer();

describe('the templates', () => {
  const catalog = renderer.list();

  it('exist for every default step, in French and English', () => {
    for (const [channel, names] of Object.entries(DEFAULT_TEMPLATES)) {
      for (const name of names) {
        for (const locale of ['fr', 'en']) expect(catalog).toContainEqual(expect.objectContaining({ channel, name, locale }));
      }
    }
    for (const flow of [standardFlow(), gentleFlow(), strictFlow()]) expect(validateFlow(flow, { templates: catalog })).toEqual([]);
  });

  it.each(catalog.map((t) => [`${t.channel}/${t.name}/${t.locale}`, t] as const))('%s renders for one and for three invoices', (_id, t) => {
    for (const count of [1, 3]) {
      const context = sampleTemplateContext(t.locale as 'fr' | 'en', count);
      const rendered = renderer.render(t.channel, t.name, t.locale, context);
      const all = Object.values(rendered).join('\n');
      // A final SMS names the total only; everything else lists each invoice.
      if (t.name !== 'sms-final') for (const invoice of context.invoices) expect(all).toContain(invoice.number);
      expect(all).toContain(formatMoney(context.totalBalance, context.locale));
      expect(all).not.toMatch(/\{\{|\}\}|undefined|null|NaN/);
    }
  });

  it('speak the customer’s language', () => {
    const fr = renderer.render('email', 'reminder-2', 'fr', sampleTemplateContext('fr'));
    const en = renderer.render('email', 'reminder-2', 'en', sampleTemplateContext('en'));
    // The total owed: the invoice and the fees charged on it (40 € indemnity, 18,27 € interest).
    expect(fr.subject).toBe('Deuxième relance : 1 292,83 € en retard de paiement');
    expect(en.subject).toBe('Second reminder: €1,292.83 overdue');
    expect(fr.text).toContain('L441-10');
    expect(en.text).toContain('€40');
  });

  it('fit every SMS in two GSM-7 segments with sample data', () => {
    for (const sms of catalog.filter((t) => t.channel === 'sms')) {
      for (const count of [1, 3]) {
        const body = renderer.render('sms', sms.name, sms.locale, sampleTemplateContext(sms.locale as 'fr' | 'en', count)).body!;
        expect({ sms: `${sms.name}/${sms.locale}`, ...countSmsSegments(body) }).toMatchObject({ encoding: 'GSM-7', segments: expect.any(Number) });
        expect(countSmsSegments(body).segments).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('the renderer', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'templates-'));
  mkdirSync(path.join(dir, 'email/broken/fr'), { recursive: true });
  writeFileSync(path.join(dir, 'email/broken/fr/subject.hbs'), 'Facture {{invoice.numbr}}');
  writeFileSync(path.join(dir, 'email/broken/fr/html.hbs'), '<p>{{customer.name}}</p>');
  writeFileSync(path.join(dir, 'email/broken/fr/text.hbs'), '{{customer.name}}');

  it('fails on a missing variable, naming the template and the variable', () => {
    expect(() => new TemplateRenderer(dir).render('email', 'broken', 'fr', sampleTemplateContext('fr'))).toThrow(/^email\/broken\/fr\/subject\.hbs: "numbr" not defined .* 1:10$/);
  });

  it('escapes values in HTML, not in text', () => {
    const context = { ...sampleTemplateContext('fr'), customer: { name: '<script>alert(1)</script> & Co', addressLines: [] } };
    const rendered = new TemplateRenderer(dir).render('email', 'broken', 'fr', { ...context, invoice: { numbr: 1 } } as never);
    expect(rendered.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</p>');
    expect(rendered.text).toBe('<script>alert(1)</script> & Co');
  });

  it('lists templates with SMS sample texts for the flow validator', () => {
    const sms = loadTemplateCatalog().find((t) => t.channel === 'sms' && t.name === 'sms-reminder' && t.locale === 'fr');
    expect(sms?.sampleText).toContain('F-2026-1042');
  });
});

describe('helpers', () => {
  it('format money exactly, with the currency’s minor unit', () => {
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'fr')).toBe('1 234,56 €');
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'en')).toBe('€1,234.56');
    expect(formatMoney({ amount: 1234, currency: 'JPY' }, 'en')).toBe('JP¥1,234');
    expect(formatMoney({ amount: 9_007_199_254_740_991, currency: 'EUR' }, 'fr')).toBe('90 071 992 547 409,91 €');
    expect(formatMoney({ amount: -5, currency: 'EUR' }, 'en')).toBe('-€0.05');
    expect(() => formatMoney({ amount: 12.5, currency: 'EUR' }, 'fr')).toThrow(/minor units/);
  });

  it('format dates in the customer’s time zone', () => {
    expect(formatDate('2026-04-15T23:30:00.000Z', 'fr', 'Europe/Paris')).toBe('16 avril 2026');
    expect(formatDate('2026-04-15T23:30:00.000Z', 'en', 'America/New_York')).toBe('15 April 2026');
    expect(formatDate('2026-04-01', 'fr', 'Europe/Paris', 'short')).toBe('01/04/2026');
  });
});
