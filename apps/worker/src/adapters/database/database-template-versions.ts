import { type Database, MessageTemplatesRepository } from '@dunning/db';
import type { SavedTemplate, TemplateChannel } from '@dunning/templating';
import type { TemplateVersions } from '../../activities/render-step';

/** The versions the templates module saved (message_templates; the worker only reads them). */
export class DatabaseTemplateVersions implements TemplateVersions {
  private readonly templates: MessageTemplatesRepository;

  constructor(db: Database) {
    this.templates = new MessageTemplatesRepository(db);
  }

  async latest(channel: TemplateChannel, name: string, locale: string): Promise<SavedTemplate | undefined> {
    const row = await this.templates.latest(channel, name, locale);
    return row ? { version: row.version, parts: row.parts } : undefined;
  }
}
