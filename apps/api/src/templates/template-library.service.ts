import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { LOCALES, type TemplateChannel } from '@dunning/domain';
import { type MessageTemplateRow, MessageTemplatesRepository } from '@dunning/db';
import type { TemplateDetail, TemplateSaveBody, TemplateSummary } from '@dunning/api-contract';
import { CHANNEL_PARTS, TEMPLATE_HELPERS, TEMPLATE_VARIABLES, type TemplateRef, TemplateRenderer, type TemplateSource, sampleTemplateContext } from '@dunning/templating';

/** Refused: each problem names its field (`locales.fr.subject`) and says why. */
export const templateProblems = (problems: Array<{ field: string; message: string }>) =>
  new UnprocessableEntityException({ message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });

/**
 * The templates module: the one writer of message_templates. A template is the files on disk (the
 * seeded defaults) until a version is saved in the app; the highest version is then the one sent.
 * Every save is checked first (syntax, variables, helpers, partials, rendering on sample data):
 * a source that would fail at send time is refused, so a bad edit never reaches a customer.
 */
@Injectable()
export class TemplateLibraryService {
  readonly renderer = new TemplateRenderer();

  constructor(private readonly templates: MessageTemplatesRepository) {}

  /** Every template (disk and app), each locale with the version sent; SMS with their sample text (the flow validator counts segments). */
  async catalog(): Promise<TemplateRef[]> {
    const saved = await this.templates.latestOfEach();
    const refs = new Map<string, TemplateRef>();
    for (const ref of this.renderer.list()) refs.set(`${ref.channel}/${ref.name}/${ref.locale}`, ref);
    for (const row of saved) {
      const channel = row.channel as TemplateChannel;
      const ref: TemplateRef = { channel, name: row.name, locale: row.locale };
      if (channel === 'sms' && (row.locale === 'fr' || row.locale === 'en')) {
        try {
          ref.sampleText = this.renderer.render('sms', row.name, row.locale, sampleTemplateContext(row.locale, 1), { version: row.version, parts: row.parts }).body;
        } catch {
          // Checked when saved; a template that no longer renders keeps no sample (the validator says so).
        }
      }
      refs.set(`${channel}/${row.name}/${row.locale}`, ref);
    }
    return [...refs.values()].sort((a, b) => `${a.channel}/${a.name}/${a.locale}`.localeCompare(`${b.channel}/${b.name}/${b.locale}`));
  }

  /** The library: one entry per channel/name, its locales and whether each was edited in the app. */
  async library(): Promise<TemplateSummary[]> {
    const saved = await this.templates.latestOfEach();
    const names = new Map<string, { channel: TemplateChannel; name: string }>();
    for (const ref of this.renderer.list()) names.set(`${ref.channel}/${ref.name}`, { channel: ref.channel, name: ref.name });
    for (const row of saved) names.set(`${row.channel}/${row.name}`, { channel: row.channel as TemplateChannel, name: row.name });
    return [...names.values()].sort((a, b) => `${a.channel}/${a.name}`.localeCompare(`${b.channel}/${b.name}`)).map(({ channel, name }) => this.summary(channel, name, saved));
  }

  async detail(channel: TemplateChannel, name: string): Promise<TemplateDetail> {
    const saved = (await this.templates.latestOfEach()).filter((r) => r.channel === channel && r.name === name);
    const summary = this.summary(channel, name, saved);
    if (summary.locales.every((l) => l.version === null && !this.renderer.has(channel, name, l.locale))) throw new NotFoundException(`no ${channel} template "${name}"`);
    return {
      ...summary,
      locales: summary.locales.map((l) => ({ ...l, parts: this.current(channel, name, l.locale, saved)?.parts ?? emptyParts(channel) })),
      variables: [...TEMPLATE_VARIABLES],
      helpers: [...TEMPLATE_HELPERS],
    };
  }

  /** What is sent today for a locale: the latest saved version, else the file on disk. */
  async sent(channel: TemplateChannel, name: string, locale: string): Promise<TemplateSource | undefined> {
    const row = await this.templates.latest(channel, name, locale);
    if (row) return { version: row.version, parts: row.parts };
    const parts = this.renderer.source(channel, name, locale);
    return parts ? { parts } : undefined;
  }

  /** Problems of a source, as fields of the request (`<prefix><part>`), empty when it can be saved. */
  problems(channel: TemplateChannel, locale: string, parts: Record<string, string>, prefix: string): Array<{ field: string; message: string }> {
    return this.renderer.check(channel, locale, parts).map((p) => ({
      field: `${prefix}${p.part}`,
      message: `${p.message}${p.line ? ` (line ${p.line})` : ''}`,
    }));
  }

  /** Saves a new version of each locale given: all of them, or none when one is refused. */
  async save(channel: TemplateChannel, name: string, body: TemplateSaveBody, userId?: string): Promise<MessageTemplateRow[]> {
    await this.detail(channel, name);
    const given = LOCALES.flatMap((locale) => (body.locales[locale] ? [{ locale, parts: body.locales[locale]! }] : []));
    const problems = given.flatMap(({ locale, parts }) => this.problems(channel, locale, parts, `locales.${locale}.`));
    if (problems.length > 0) throw templateProblems(problems);
    return this.templates.saveVersions(given.map(({ locale, parts }) => ({ channel, name, locale, parts, comment: body.comment || null, createdBy: userId ?? null })));
  }

  /** An old version saved again as the newest (checked again: the helpers or partials may have changed since). */
  async restore(channel: TemplateChannel, name: string, locale: string, version: number, comment: string | undefined, userId?: string): Promise<MessageTemplateRow[]> {
    const old = await this.templates.version(channel, name, locale, version);
    if (!old) throw new NotFoundException(`no version ${version} of ${channel} template "${name}" in ${locale}`);
    return this.save(channel, name, { locales: { [locale]: old.parts }, comment: comment || `restored version ${version}` }, userId);
  }

  /** A new template under a new name: every locale of another of the same channel, as sent today, saved as its version 1. */
  async create(channel: TemplateChannel, name: string, copyOf: string, userId?: string): Promise<TemplateDetail> {
    const existing = await this.templates.versions(channel, name);
    if (existing.length > 0 || LOCALES.some((l) => this.renderer.has(channel, name, l))) throw new ConflictException(`a ${channel} template "${name}" exists already`);
    const sources = await Promise.all(LOCALES.map(async (locale) => ({ locale, source: await this.sent(channel, copyOf, locale) })));
    const copied = sources.filter((s) => s.source);
    if (copied.length === 0) throw templateProblems([{ field: 'copyOf', message: `no ${channel} template "${copyOf}"` }]);
    await this.templates.saveVersions(
      copied.map(({ locale, source }) => ({ channel, name, locale, parts: source!.parts, comment: `copy of ${copyOf}`, createdBy: userId ?? null })),
    );
    return this.detail(channel, name);
  }

  async versions(channel: TemplateChannel, name: string): Promise<MessageTemplateRow[]> {
    return this.templates.versions(channel, name);
  }

  async version(channel: TemplateChannel, name: string, locale: string, version: number): Promise<MessageTemplateRow> {
    const row = await this.templates.version(channel, name, locale, version);
    if (!row) throw new NotFoundException(`no version ${version} of ${channel} template "${name}" in ${locale}`);
    return row;
  }

  private current(channel: TemplateChannel, name: string, locale: string, saved: MessageTemplateRow[]): { parts: Record<string, string> } | undefined {
    const row = saved.find((r) => r.channel === channel && r.name === name && r.locale === locale);
    if (row) return { parts: row.parts };
    const parts = this.renderer.source(channel, name, locale);
    return parts ? { parts } : undefined;
  }

  private summary(channel: TemplateChannel, name: string, saved: MessageTemplateRow[]): TemplateSummary {
    const locales = LOCALES.map((locale) => {
      const row = saved.find((r) => r.channel === channel && r.name === name && r.locale === locale);
      return { locale, version: row?.version ?? null, edited: Boolean(row), updatedAt: row?.createdAt.toISOString() ?? null };
    });
    return {
      channel,
      name,
      parts: [...CHANNEL_PARTS[channel]],
      locales,
      edited: locales.some((l) => l.edited),
      custom: !LOCALES.some((l) => this.renderer.has(channel, name, l)),
    };
  }
}

function emptyParts(channel: TemplateChannel): Record<string, string> {
  return Object.fromEntries(CHANNEL_PARTS[channel].map((part) => [part, '']));
}
