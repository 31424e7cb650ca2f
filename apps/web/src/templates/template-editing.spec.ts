import { changedLocales, groupByChannel, insertAtCursor, problemsOf, templateLabel } from './template-editing';

describe('editing a template', () => {
  it('inserts a variable at the cursor, replacing the selection', () => {
    expect(insertAtCursor('Bonjour ,', 8, 8, '{{customer.name}}')).toEqual({ text: 'Bonjour {{customer.name}},', cursor: 25 });
    expect(insertAtCursor('Total : XXX', 8, 11, '{{money totalBalance}}')).toEqual({ text: 'Total : {{money totalBalance}}', cursor: 30 });
    expect(insertAtCursor('abc', 99, 99, '!')).toEqual({ text: 'abc!', cursor: 4 });
  });

  it('groups the library by channel in reading order', () => {
    const t = (channel: 'email' | 'sms' | 'letter' | 'call', name: string) => ({ channel, name, parts: [], locales: [], edited: false, custom: false });
    expect(
      groupByChannel([t('letter', 'formal-notice'), t('email', 'reminder-1'), t('letter', 'reminder-letter')]).map((g) => [g.channel, g.templates.map((x) => x.name)]),
    ).toEqual([
      ['email', ['reminder-1']],
      ['letter', ['formal-notice', 'reminder-letter']],
    ]);
  });

  it('reads the problems the API names, by locale and part', () => {
    expect(
      problemsOf(
        {
          problems: [
            { field: 'locales.fr.subject', message: '"numbr" is not a variable' },
            { field: 'parts.body', message: 'cannot be read' },
            { field: 'invoiceId', message: 'no such invoice' },
          ],
        },
        'en',
      ),
    ).toEqual([
      { locale: 'fr', part: 'subject', message: '"numbr" is not a variable' },
      { locale: 'en', part: 'body', message: 'cannot be read' },
      { message: 'invoiceId: no such invoice' },
    ]);
    expect(problemsOf(undefined)).toEqual([]);
  });

  it('saves only the locales that changed', () => {
    const sent = { fr: { body: 'a' }, en: { body: 'b' } };
    expect(changedLocales({ fr: { body: 'a' }, en: { body: 'B' } }, sent)).toEqual({ en: { body: 'B' } });
    expect(changedLocales(sent, sent)).toEqual({});
  });

  it('names templates in words when it knows them', () => {
    expect(templateLabel('formal-notice', { 'formal-notice': 'Mise en demeure' })).toBe('Mise en demeure');
    expect(templateLabel('my-letter', {})).toBe('my-letter');
  });
});
