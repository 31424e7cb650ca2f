import { and, desc, eq, sql } from 'drizzle-orm';
import type { TemplateChannel } from '@dunning/domain';
import type { Database } from '../connection/database';
import { messageTemplates } from '../schema';

export type MessageTemplateRow = typeof messageTemplates.$inferSelect;

/** The parts each channel's template is made of (the templating library's CHANNEL_PARTS; a spec checks they agree). */
export const MESSAGE_TEMPLATE_PARTS: Record<TemplateChannel, readonly string[]> = {
  email: ['subject', 'html', 'text'],
  sms: ['body'],
  letter: ['subject', 'body'],
  call: ['body'],
};

export interface NewTemplateVersion {
  channel: TemplateChannel;
  name: string;
  locale: string;
  parts: Record<string, string>;
  comment?: string | null;
  createdBy?: string | null;
}

/** A template's parts do not match its channel's (a part missing, or one the channel does not have). */
export class TemplatePartsError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(message);
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * Message templates edited in the app. Each save is a new version, never changed afterwards; the
 * highest version of a channel/name/locale is the one sent. Templates with no row are read from
 * the repository's templates/ folder (the seeded defaults) by the templating library.
 */
export class MessageTemplatesRepository {
  constructor(private readonly db: Database) {}

  /** Saves the next version (the highest + 1, computed in the insert itself); refuses parts that are not the channel's. */
  async saveVersion(input: NewTemplateVersion): Promise<MessageTemplateRow> {
    checkParts(input.channel, input.parts);
    const { channel, name, locale } = input;
    const same = and(eq(messageTemplates.channel, channel), eq(messageTemplates.name, name), eq(messageTemplates.locale, locale));
    // Two saves at once compute the same number: the unique key refuses one, which tries again.
    for (let attempt = 1; ; attempt++) {
      try {
        // Its own transaction (a savepoint inside a caller's): a refused attempt leaves the caller's transaction usable.
        const [row] = await this.db.transaction((tx) =>
          tx
            .insert(messageTemplates)
            .values({
              channel,
              name,
              locale,
              parts: input.parts,
              comment: input.comment ?? null,
              createdBy: input.createdBy ?? null,
              version: sql`(select coalesce(max(${messageTemplates.version}), 0) + 1 from ${messageTemplates} where ${same})`,
            })
            .returning(),
        );
        return row!;
      } catch (error) {
        if (attempt >= 5 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /** Saves the next version of several templates (the locales of one edit): all of them, or none. */
  async saveVersions(inputs: NewTemplateVersion[]): Promise<MessageTemplateRow[]> {
    for (const input of inputs) checkParts(input.channel, input.parts);
    return this.db.transaction(async (tx) => {
      const inTransaction = new MessageTemplatesRepository(tx as unknown as Database);
      const rows: MessageTemplateRow[] = [];
      for (const input of inputs) rows.push(await inTransaction.saveVersion(input));
      return rows;
    });
  }

  /** The version sent: the highest saved for a channel/name/locale (undefined: the file on disk is used). */
  async latest(channel: TemplateChannel, name: string, locale: string): Promise<MessageTemplateRow | undefined> {
    const [row] = await this.db
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.channel, channel), eq(messageTemplates.name, name), eq(messageTemplates.locale, locale)))
      .orderBy(desc(messageTemplates.version))
      .limit(1);
    return row;
  }

  /** The highest version of every template edited in the app, one row per channel/name/locale. */
  async latestOfEach(): Promise<MessageTemplateRow[]> {
    return this.db
      .selectDistinctOn([messageTemplates.channel, messageTemplates.name, messageTemplates.locale])
      .from(messageTemplates)
      .orderBy(messageTemplates.channel, messageTemplates.name, messageTemplates.locale, desc(messageTemplates.version));
  }

  /** Every version of a template in one or every locale, newest first. */
  async versions(channel: TemplateChannel, name: string, locale?: string): Promise<MessageTemplateRow[]> {
    return this.db
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.channel, channel), eq(messageTemplates.name, name), locale ? eq(messageTemplates.locale, locale) : undefined))
      .orderBy(messageTemplates.locale, desc(messageTemplates.version));
  }

  async version(channel: TemplateChannel, name: string, locale: string, version: number): Promise<MessageTemplateRow | undefined> {
    const [row] = await this.db
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.channel, channel), eq(messageTemplates.name, name), eq(messageTemplates.locale, locale), eq(messageTemplates.version, version)));
    return row;
  }
}

function checkParts(channel: TemplateChannel, parts: Record<string, string>): void {
  const expected = MESSAGE_TEMPLATE_PARTS[channel];
  if (!expected) throw new TemplatePartsError('channel', `no such channel: ${channel}`);
  for (const part of expected) {
    if (typeof parts[part] !== 'string') throw new TemplatePartsError(part, `a ${channel} template needs a "${part}" part`);
  }
  for (const part of Object.keys(parts)) {
    if (!expected.includes(part)) throw new TemplatePartsError(part, `a ${channel} template has no "${part}" part (only ${expected.join(', ')})`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === UNIQUE_VIOLATION) return true;
  return false;
}
