import { TemplateRenderer, sampleTemplateContext } from '@dunning/templating';
import { renderStep, type TemplateVersions } from '../../activities/render-step';

/** How the contract saves a version (the API's job) and reads the store; run on the memory double and on the database. */
export interface TemplateVersionsFixture {
  store: TemplateVersions;
  save(channel: 'sms' | 'email' | 'letter', name: string, locale: string, parts: Record<string, string>): Promise<void>;
}

let seq = 0;

export function templateVersionsContract(name: string, fixture: () => TemplateVersionsFixture): void {
  describe(`${name}: the template versions contract`, () => {
    const renderer = new TemplateRenderer();

    it('answers nothing for a template never edited: the default on disk is sent', async () => {
      const { store } = fixture();
      expect(await store.latest('sms', `never-edited-${++seq}`, 'fr')).toBeUndefined();
      const rendered = await renderStep({ renderer, templates: store }, 'sms', 'sms-reminder', 'fr', sampleTemplateContext('fr'));
      expect(rendered.templateVersion).toBeUndefined();
      expect(rendered.body).toContain('F-2026-1042');
    });

    it('answers the latest version of the locale asked, which the step renders', async () => {
      const { store, save } = fixture();
      const template = `edited-${++seq}`;
      await save('sms', template, 'fr', { body: 'Version 1 : {{customer.name}}' });
      await save('sms', template, 'fr', { body: 'Version 2 : {{customer.name}} doit {{money totalBalance}}' });
      await save('sms', template, 'en', { body: 'English {{customer.name}}' });
      expect(await store.latest('sms', template, 'fr')).toMatchObject({ version: 2, parts: { body: expect.stringContaining('Version 2') } });
      expect(await store.latest('email', template, 'fr')).toBeUndefined();
      const rendered = await renderStep({ renderer, templates: store }, 'sms', template, 'fr', sampleTemplateContext('fr'));
      expect(rendered).toEqual({ body: 'Version 2 : Boulangerie Martin SARL doit 1 292,83 €', templateVersion: 2 });
    });
  });
}
