import type { SavedTemplate, TemplateChannel } from '@dunning/templating';
import type { TemplateVersions } from '../../activities/render-step';

/** The test double of message_templates: versions numbered per channel/name/locale, the highest sent. */
export class MemoryTemplateVersions implements TemplateVersions {
  private readonly versions = new Map<string, SavedTemplate[]>();

  /** Saves the next version (as the API does). */
  save(channel: TemplateChannel, name: string, locale: string, parts: Record<string, string>): SavedTemplate {
    const key = `${channel}/${name}/${locale}`;
    const list = this.versions.get(key) ?? [];
    const saved = { version: list.length + 1, parts: { ...parts } };
    this.versions.set(key, [...list, saved]);
    return saved;
  }

  async latest(channel: TemplateChannel, name: string, locale: string): Promise<SavedTemplate | undefined> {
    return this.versions.get(`${channel}/${name}/${locale}`)?.at(-1);
  }
}
