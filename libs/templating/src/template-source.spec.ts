import { readFileSync } from 'node:fs';
import { sampleTemplateContext } from './sample-context';
import { TemplateRenderer } from './template-renderer';
import { TEMPLATE_VARIABLES } from './template-variables';
import { CHANNEL_PARTS } from './template-context';

const renderer = new TemplateRenderer();
const fr = sampleTemplateContext('fr');

describe('a template saved in the app', () => {
  it('is rendered instead of the file on disk; without one, the file is', () => {
    const saved = { version: 3, parts: { body: 'Édité : {{customer.name}}, {{money totalBalance}}' } };
    expect(renderer.render('sms', 'sms-reminder', 'fr', fr, saved)).toEqual({ body: 'Édité : Boulangerie Martin SARL, 1 292,83 €' });
    expect(renderer.render('sms', 'sms-reminder', 'fr', fr).body).toContain('STOP');
    // Another version of the same number (another database) is not mixed up with the cached one.
    expect(renderer.render('sms', 'sms-reminder', 'fr', fr, { version: 3, parts: { body: 'Autre' } })).toEqual({ body: 'Autre' });
  });

  it('keeps strict mode, escaping, helpers and partials', () => {
    const parts = { subject: '{{money totalBalance}}', html: '<p>{{customer.name}}</p>{{> invoice-table}}', text: '{{> invoice-lines}}' };
    const context = { ...fr, customer: { ...fr.customer, name: 'A & B' } };
    const rendered = renderer.render('email', 'reminder-1', 'fr', context, { parts });
    expect(rendered.subject).toBe('1 292,83 €');
    expect(rendered.html).toContain('<p>A &amp; B</p>');
    expect(rendered.text).toContain('F-2026-1042');
    expect(() => renderer.render('sms', 'x', 'fr', fr, { parts: { body: '{{customer.nam}}' } })).toThrow(/sms\/x\/fr\/body \(draft\): "nam" not defined/);
  });
});

describe('checking a source before it is saved', () => {
  it('accepts every template on disk', () => {
    for (const t of renderer.list()) {
      const parts = Object.fromEntries(
        CHANNEL_PARTS[t.channel].map((part) => [part, readFileSync(`${renderer.templatesDir}/${t.channel}/${t.name}/${t.locale}/${part}.hbs`, 'utf8')]),
      );
      expect({ template: `${t.channel}/${t.name}/${t.locale}`, problems: renderer.check(t.channel, t.locale, parts) }).toEqual({
        template: `${t.channel}/${t.name}/${t.locale}`,
        problems: [],
      });
    }
  });

  it('names the part and the unknown variable, even in a branch sample data never takes', () => {
    expect(renderer.check('letter', 'fr', { subject: 'Rappel {{invoice.numbr}}', body: '<p>ok</p>' })).toEqual([
      expect.objectContaining({ part: 'subject', variable: 'invoice.numbr', line: 1 }),
    ]);
    expect(renderer.check('sms', 'fr', { body: '{{#unless fees}}{{frais}}{{/unless}}' })).toEqual([expect.objectContaining({ part: 'body', variable: 'frais' })]);
    expect(renderer.check('sms', 'fr', { body: '{{#each invoices}}{{numero}}{{/each}}' })).toEqual([expect.objectContaining({ part: 'body', variable: 'numero' })]);
    expect(renderer.check('sms', 'fr', { body: '{{#each invoices}}{{number}} {{../customer.name}} {{@index}}{{/each}} {{invoices.length}}' })).toEqual([]);
    expect(renderer.check('sms', 'fr', { body: '{{montant totalBalance}}' })).toEqual([expect.objectContaining({ part: 'body', variable: 'montant' })]);
    expect(renderer.check('sms', 'fr', { body: '{{> nowhere}}' })).toEqual([expect.objectContaining({ part: 'body', variable: '> nowhere' })]);
  });

  it('refuses a source that does not compile, or parts the channel does not have', () => {
    expect(renderer.check('sms', 'fr', { body: 'Bonjour {{customer.name' })).toEqual([expect.objectContaining({ part: 'body', message: expect.stringMatching(/cannot be read/) })]);
    expect(renderer.check('sms', 'fr', { body: 'x', subject: 'y' })).toEqual([expect.objectContaining({ part: 'subject' })]);
    expect(renderer.check('email', 'fr', { subject: 'x' })).toEqual([expect.objectContaining({ part: 'html' }), expect.objectContaining({ part: 'text' })]);
  });

  it('refuses a source that fails on data without the optional values', () => {
    expect(renderer.check('sms', 'fr', { body: '{{money fees.indemnity}}' })).toEqual([expect.objectContaining({ part: 'body' })]);
    expect(renderer.check('sms', 'fr', { body: '{{#if fees}}{{money fees.indemnity}}{{/if}}' })).toEqual([]);
  });
});

describe('the variables the editor offers', () => {
  it.each(TEMPLATE_VARIABLES.map((v) => [v.path, v] as const))('%s inserts Handlebars that renders', (_path, variable) => {
    const body = variable.path.startsWith('invoices.') && variable.path !== 'invoices.length' ? `{{#each invoices}}${variable.insert}{{/each}}` : variable.insert;
    expect(renderer.check('sms', 'fr', { body })).toEqual([]);
    expect(variable.meaning.fr).not.toBe(variable.meaning.en);
  });
});
