import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { CHANNEL_PARTS, HTML_PARTS, type ReminderTemplateContext, type RenderedTemplate, type TemplateChannel } from './template-context';
import { registerHelpers } from './template-helpers';
import { sampleTemplateContext } from './sample-context';

export interface TemplateRef {
  channel: TemplateChannel;
  name: string;
  locale: string;
  /** SMS only: the template rendered with sample data (the flow validator counts its segments). */
  sampleText?: string;
}

/** The repository's templates/ folder. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(__dirname, '../../../templates');

export class TemplateError extends Error {}

/**
 * Renders the Handlebars templates of templates/<channel>/<name>/<locale>/<part>.hbs with one
 * isolated Handlebars environment: named helpers, shared partials, strict mode (a missing variable
 * is an error naming the template and the variable, never a blank in a customer's message), HTML
 * escaping for HTML parts only. Compiled once, then cached.
 */
export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(readonly templatesDir: string = DEFAULT_TEMPLATES_DIR) {
    registerHelpers(this.handlebars);
    const partialsDir = path.join(templatesDir, 'partials');
    if (existsSync(partialsDir)) {
      for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
        this.handlebars.registerPartial(path.basename(file, '.hbs'), readFileSync(path.join(partialsDir, file), 'utf8'));
      }
    }
  }

  has(channel: TemplateChannel, name: string, locale: string): boolean {
    return existsSync(this.file(channel, name, locale, CHANNEL_PARTS[channel][0]!));
  }

  render(channel: TemplateChannel, name: string, locale: string, context: ReminderTemplateContext): RenderedTemplate {
    const rendered: RenderedTemplate = {};
    for (const part of CHANNEL_PARTS[channel]) {
      const id = `${channel}/${name}/${locale}/${part}.hbs`;
      try {
        rendered[part as keyof RenderedTemplate] = this.template(channel, name, locale, part)(withOptionalKeys(context)).trim();
      } catch (error) {
        throw new TemplateError(`${id}: ${(error as Error).message}`);
      }
    }
    return rendered;
  }

  /** Every template on disk, with SMS sample texts. */
  list(): TemplateRef[] {
    const refs: TemplateRef[] = [];
    for (const channel of Object.keys(CHANNEL_PARTS) as TemplateChannel[]) {
      const channelDir = path.join(this.templatesDir, channel);
      if (!existsSync(channelDir)) continue;
      for (const name of readdirSync(channelDir).sort()) {
        for (const locale of readdirSync(path.join(channelDir, name)).sort()) {
          const ref: TemplateRef = { channel, name, locale };
          if (channel === 'sms' && (locale === 'fr' || locale === 'en')) {
            ref.sampleText = this.render('sms', name, locale, sampleTemplateContext(locale, 1)).body;
          }
          refs.push(ref);
        }
      }
    }
    return refs;
  }

  private file(channel: string, name: string, locale: string, part: string): string {
    return path.join(this.templatesDir, channel, name, locale, `${part}.hbs`);
  }

  private template(channel: TemplateChannel, name: string, locale: string, part: string): Handlebars.TemplateDelegate {
    const key = `${channel}/${name}/${locale}/${part}`;
    let template = this.compiled.get(key);
    if (!template) {
      const file = this.file(channel, name, locale, part);
      if (!existsSync(file)) throw new Error(`no such template file`);
      template = this.handlebars.compile(readFileSync(file, 'utf8'), {
        strict: true,
        noEscape: !HTML_PARTS.has(`${channel}/${part}`),
      });
      this.compiled.set(key, template);
    }
    return template;
  }
}

/**
 * Strict mode throws on any absent key, optional ones included; optional parts are given as null
 * so that `{{#if fees}}` works while a misspelt variable still fails.
 */
function withOptionalKeys(context: ReminderTemplateContext): ReminderTemplateContext {
  return {
    fees: null,
    paymentUrl: null,
    promise: null,
    ...context,
    creditor: { iban: null, legalMentions: null, ...context.creditor },
    customer: { contactName: null, ...context.customer },
  } as unknown as ReminderTemplateContext;
}

/** The catalog the flow validator checks templates against. */
export function loadTemplateCatalog(templatesDir: string = DEFAULT_TEMPLATES_DIR): TemplateRef[] {
  return new TemplateRenderer(templatesDir).list();
}
