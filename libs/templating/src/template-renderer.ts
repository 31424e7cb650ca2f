import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { CHANNEL_PARTS, HTML_PARTS, type ReminderTemplateContext, type RenderedTemplate, type TemplateChannel } from './template-context';
import { registerHelpers } from './template-helpers';
import { sampleTemplateContext } from './sample-context';
import { type TemplateProblem, unknownVariables } from './template-check';
import { TEMPLATE_HELPERS } from './template-variables';

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

/** A version saved in the app (message_templates): it replaces the file on disk. */
export interface SavedTemplate {
  version: number;
  parts: Record<string, string>;
}

/** The template's source to render: a saved version, or a draft being edited (version undefined). */
export interface TemplateSource {
  version?: number;
  parts: Record<string, string>;
}

/**
 * Renders the Handlebars templates of templates/<channel>/<name>/<locale>/<part>.hbs with one
 * isolated Handlebars environment: named helpers, shared partials, strict mode (a missing variable
 * is an error naming the template and the variable, never a blank in a customer's message), HTML
 * escaping for HTML parts only. Compiled once, then cached.
 */
export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  private readonly partials = new Set<string>();

  constructor(readonly templatesDir: string = DEFAULT_TEMPLATES_DIR) {
    registerHelpers(this.handlebars);
    const partialsDir = path.join(templatesDir, 'partials');
    if (existsSync(partialsDir)) {
      for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
        this.handlebars.registerPartial(path.basename(file, '.hbs'), readFileSync(path.join(partialsDir, file), 'utf8'));
        this.partials.add(path.basename(file, '.hbs'));
      }
    }
  }

  /** The default's source on disk, part by part (undefined: no such file). */
  source(channel: TemplateChannel, name: string, locale: string): Record<string, string> | undefined {
    if (!this.has(channel, name, locale)) return undefined;
    return Object.fromEntries(
      CHANNEL_PARTS[channel].map((part) => [part, existsSync(this.file(channel, name, locale, part)) ? readFileSync(this.file(channel, name, locale, part), 'utf8') : '']),
    );
  }

  has(channel: TemplateChannel, name: string, locale: string): boolean {
    return existsSync(this.file(channel, name, locale, CHANNEL_PARTS[channel][0]!));
  }

  /**
   * Renders a template: the saved version when one is given (the latest, as the caller read it from
   * message_templates), else the file on disk; a draft (a source with no version) is compiled afresh.
   */
  render(channel: TemplateChannel, name: string, locale: string, context: ReminderTemplateContext, source?: TemplateSource): RenderedTemplate {
    const rendered: RenderedTemplate = {};
    for (const part of CHANNEL_PARTS[channel]) {
      const id = source
        ? `${channel}/${name}/${locale}/${part} (${source.version === undefined ? 'draft' : `version ${source.version}`})`
        : `${channel}/${name}/${locale}/${part}.hbs`;
      try {
        const template = source ? this.sourceTemplate(channel, name, locale, part, source) : this.template(channel, name, locale, part);
        rendered[part as keyof RenderedTemplate] = template(withOptionalKeys(context)).trim();
      } catch (error) {
        throw new TemplateError(`${id}: ${(error as Error).message}`);
      }
    }
    return rendered;
  }

  /**
   * Why a source cannot be saved, part by part: a part missing or not the channel's, a syntax error,
   * a variable or helper or partial that does not exist (read from the source, every branch), or a
   * failure rendering it on sample data (with and without the optional values, one and three invoices).
   */
  check(channel: TemplateChannel, locale: string, parts: Record<string, string>): TemplateProblem[] {
    const problems: TemplateProblem[] = [];
    const expected = CHANNEL_PARTS[channel];
    for (const part of expected) if (typeof parts[part] !== 'string') problems.push({ part, message: `a ${channel} template needs a "${part}" part` });
    for (const part of Object.keys(parts)) if (!expected.includes(part)) problems.push({ part, message: `a ${channel} template has no "${part}" part` });
    if (problems.length > 0) return problems;
    const helpers = new Set<string>(TEMPLATE_HELPERS);
    for (const part of expected) {
      const found = unknownVariables(parts[part]!, helpers, this.partials).map((p) => ({ ...p, part }));
      problems.push(...found);
      if (found.length > 0) continue;
      const lang = locale === 'en' ? 'en' : 'fr';
      for (const context of [sampleTemplateContext(lang, 1), sampleTemplateContext(lang, 3), withoutOptionalValues(sampleTemplateContext(lang, 1))]) {
        try {
          this.compile(channel, part, parts[part]!)(withOptionalKeys(context));
        } catch (error) {
          const message = (error as Error).message;
          const variable = /"([^"]+)" not defined/.exec(message)?.[1];
          problems.push({ part, message: variable ? `"${variable}" is not a variable templates can use` : message.split('\n')[0]!, ...(variable ? { variable } : {}) });
          break;
        }
      }
    }
    return problems;
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

  private compile(channel: TemplateChannel, part: string, source: string): Handlebars.TemplateDelegate {
    return this.handlebars.compile(source, { strict: true, noEscape: !HTML_PARTS.has(`${channel}/${part}`) });
  }

  private sourceTemplate(channel: TemplateChannel, name: string, locale: string, part: string, source: TemplateSource): Handlebars.TemplateDelegate {
    const text = source.parts[part];
    if (typeof text !== 'string') throw new Error(`no "${part}" part`);
    // Saved versions never change: compiled once (keyed by their text too: another database may hold another version 1). Drafts are compiled each time.
    if (source.version === undefined) return this.compile(channel, part, text);
    const key = `${channel}/${name}/${locale}/${part}@${source.version}\n${text}`;
    let template = this.compiled.get(key);
    if (!template) {
      template = this.compile(channel, part, text);
      this.compiled.set(key, template);
    }
    return template;
  }

  private template(channel: TemplateChannel, name: string, locale: string, part: string): Handlebars.TemplateDelegate {
    const key = `${channel}/${name}/${locale}/${part}`;
    let template = this.compiled.get(key);
    if (!template) {
      const file = this.file(channel, name, locale, part);
      if (!existsSync(file)) throw new Error(`no such template file`);
      template = this.compile(channel, part, readFileSync(file, 'utf8'));
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
    notice: null,
    ...context,
    creditor: { ...context.creditor, iban: context.creditor.iban ?? null, legalMentions: context.creditor.legalMentions ?? null },
    customer: { ...context.customer, contactName: context.customer.contactName ?? null },
  } as unknown as ReminderTemplateContext;
}

/** The sample context with every optional value left out (a template must read well without them). */
function withoutOptionalValues(context: ReminderTemplateContext): ReminderTemplateContext {
  const { fees: _fees, paymentUrl: _paymentUrl, promise: _promise, notice: _notice, ...rest } = context;
  return { ...rest, creditor: { ...context.creditor, iban: undefined, legalMentions: undefined }, customer: { ...context.customer, contactName: undefined } };
}

/** The catalog the flow validator checks templates against. */
export function loadTemplateCatalog(templatesDir: string = DEFAULT_TEMPLATES_DIR): TemplateRef[] {
  return new TemplateRenderer(templatesDir).list();
}
