import { describeOnEveryDatabase } from '../testing/database-kinds';
import { MessageTemplatesRepository, TemplatePartsError } from './message-templates.repository';

describeOnEveryDatabase('message templates', (database) => {
  const repo = () => new MessageTemplatesRepository(database().db);

  it('numbers each save as the next version of its channel/name/locale and answers the latest', async () => {
    const templates = repo();
    expect(await templates.latest('sms', 'sms-reminder', 'fr')).toBeUndefined();
    const first = await templates.saveVersion({ channel: 'sms', name: 'sms-reminder', locale: 'fr', parts: { body: 'Bonjour {{customer.name}}' } });
    const second = await templates.saveVersion({ channel: 'sms', name: 'sms-reminder', locale: 'fr', parts: { body: 'Rebonjour' }, comment: 'plus court' });
    const english = await templates.saveVersion({ channel: 'sms', name: 'sms-reminder', locale: 'en', parts: { body: 'Hello' } });
    expect([first.version, second.version, english.version]).toEqual([1, 2, 1]);
    expect(await templates.latest('sms', 'sms-reminder', 'fr')).toMatchObject({ version: 2, parts: { body: 'Rebonjour' }, comment: 'plus court' });
    expect((await templates.versions('sms', 'sms-reminder', 'fr')).map((v) => v.version)).toEqual([2, 1]);
    expect((await templates.versions('sms', 'sms-reminder')).map((v) => `${v.locale}${v.version}`)).toEqual(['en1', 'fr2', 'fr1']);
    expect(await templates.version('sms', 'sms-reminder', 'fr', 1)).toMatchObject({ parts: { body: 'Bonjour {{customer.name}}' } });
    expect(await templates.version('sms', 'sms-reminder', 'fr', 9)).toBeUndefined();
    expect((await templates.latestOfEach()).filter((r) => r.name === 'sms-reminder').map((r) => `${r.locale}${r.version}`)).toEqual(['en1', 'fr2']);
  });

  it('gives concurrent saves distinct versions', async () => {
    const templates = repo();
    const saved = await Promise.all(Array.from({ length: 4 }, (_, i) => templates.saveVersion({ channel: 'call', name: 'call-script', locale: 'fr', parts: { body: `v${i}` } })));
    expect(saved.map((s) => s.version).sort()).toEqual([1, 2, 3, 4]);
  });

  it('saves the locales of one edit together, or none of them', async () => {
    const templates = repo();
    const rows = await templates.saveVersions([
      { channel: 'letter', name: 'reminder-letter', locale: 'fr', parts: { subject: 'Rappel', body: '<p>fr</p>' }, comment: 'both' },
      { channel: 'letter', name: 'reminder-letter', locale: 'en', parts: { subject: 'Reminder', body: '<p>en</p>' }, comment: 'both' },
    ]);
    expect(rows.map((r) => `${r.locale}${r.version}`)).toEqual(['fr1', 'en1']);
    await expect(
      templates.saveVersions([
        { channel: 'letter', name: 'reminder-letter', locale: 'fr', parts: { subject: 'Rappel 2', body: '<p>fr</p>' } },
        { channel: 'letter', name: 'reminder-letter', locale: 'en', parts: { subject: 'Reminder 2' } },
      ]),
    ).rejects.toMatchObject({ part: 'body' });
    expect((await templates.latest('letter', 'reminder-letter', 'fr'))!.version).toBe(1);
  });

  it('refuses parts the channel does not have, or a missing one, writing nothing', async () => {
    const templates = repo();
    await expect(templates.saveVersion({ channel: 'letter', name: 'formal-notice', locale: 'fr', parts: { subject: 'Mise en demeure' } })).rejects.toThrow(TemplatePartsError);
    await expect(templates.saveVersion({ channel: 'sms', name: 'sms-final', locale: 'fr', parts: { body: 'x', html: '<p>x</p>' } })).rejects.toMatchObject({ part: 'html' });
    expect(await templates.latest('letter', 'formal-notice', 'fr')).toBeUndefined();
    expect(await templates.latest('sms', 'sms-final', 'fr')).toBeUndefined();
  });
});
