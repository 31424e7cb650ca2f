import { z } from 'zod';
import { LOCALES, TEMPLATE_CHANNELS } from '@dunning/domain';
import { emailData } from '@dunning/flow';
import { instant, uuid } from './common';

/* The templates flows can use, and their rendering on sample data (/api/templates): the editor's live preview. */

/** A template's name (its folder under templates/<channel>/), as a flow's steps name it. */
export const templateName = emailData.shape.template.max(64);

/** GET /api/templates/preview: a template rendered on sample data (one that does not exist or cannot render: 422). */
export const templatePreviewQuery = z.object({
  channel: z.enum(TEMPLATE_CHANNELS),
  name: templateName,
  locale: z.enum(LOCALES),
  /** How many sample invoices the message lists. */
  invoices: z.coerce.number().int().min(1).max(5).default(1),
});

/** A template on disk. */
export const templateRef = z
  .object({
    channel: z.enum(TEMPLATE_CHANNELS),
    name: z.string(),
    locale: z.string(),
    /** SMS only: the template rendered with sample data (the flow validator counts its segments). */
    sampleText: z.string().optional(),
  })
  .meta({ id: 'TemplateRef' });
export const templateList = z.array(templateRef);

/** A rendered template: its parts by channel (an email has a subject, HTML and text; an SMS or a call script a body; a letter a subject and a body). */
export const renderedTemplate = z.object({ subject: z.string(), html: z.string(), text: z.string(), body: z.string() }).partial().meta({ id: 'RenderedTemplate' });

/* Templates edited in the app (/api/templates/:channel/:name…): versions saved in message_templates; a template with none is the file on disk (the seeded default). */

const channel = z.enum(TEMPLATE_CHANNELS);
const locale = z.enum(LOCALES);
/** A template's Handlebars source, part by part (an email: subject, html, text; an SMS or call script: body; a letter: subject, body). */
export const templateParts = z.record(z.string().regex(/^[a-z]+$/), z.string().max(100_000, 'at most 100 000 characters')).meta({ id: 'TemplateParts' });

/** Path parameters of a template: its channel and name. */
export const templateChannelParam = channel;
export const templateNameParam = templateName;
export const templateLocaleParam = locale;
export const templateVersionParam = z.coerce.number().int().min(1).max(1_000_000);

/** One locale of a template in the library: the version sent (null: the file on disk). */
export const templateLocaleSummary = z.object({
  locale: z.string(),
  /** The latest version saved in the app; null when the default (the file on disk) is sent. */
  version: z.number().int().nullable(),
  edited: z.boolean(),
  updatedAt: instant.nullable(),
});

/** GET /api/templates/library: every template, with its locales, latest version and whether it was edited in the app. */
export const templateSummary = z
  .object({
    channel,
    name: z.string(),
    /** The parts its channel has, in order. */
    parts: z.array(z.string()),
    locales: z.array(templateLocaleSummary),
    /** Some locale was edited in the app (else every locale is the default on disk). */
    edited: z.boolean(),
    /** Only in the app (created by copying another): no file on disk. */
    custom: z.boolean(),
  })
  .meta({ id: 'TemplateSummary' });
export const templateLibrary = z.array(templateSummary);

/** A variable templates can use, what to insert and what it means. */
export const templateVariable = z.object({ path: z.string(), insert: z.string(), meaning: z.object({ fr: z.string(), en: z.string() }) }).meta({ id: 'TemplateVariable' });

/** GET /api/templates/:channel/:name: every locale's source (the version sent) and the variables available. */
export const templateDetail = z
  .object({
    channel,
    name: z.string(),
    parts: z.array(z.string()),
    locales: z.array(templateLocaleSummary.extend({ parts: templateParts })),
    variables: z.array(templateVariable),
    helpers: z.array(z.string()),
    edited: z.boolean(),
    custom: z.boolean(),
  })
  .meta({ id: 'TemplateDetail' });

/** POST /api/templates/:channel/:name/versions: a new version of one or both locales (all saved, or none when one is refused: 422 naming the locale, part and variable). */
export const templateSaveBody = z.object({
  locales: z.object({ fr: templateParts.optional(), en: templateParts.optional() }).refine((l) => l.fr !== undefined || l.en !== undefined, 'give at least one locale'),
  comment: z.string().trim().max(500).optional(),
});

/** A saved version (without its source in lists). */
export const templateVersionSummary = z
  .object({
    channel,
    name: z.string(),
    locale: z.string(),
    version: z.number().int(),
    comment: z.string().nullable(),
    createdBy: uuid.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'TemplateVersionSummary' });
export const templateVersionList = z.array(templateVersionSummary);
export const templateVersion = templateVersionSummary.extend({ parts: templateParts }).meta({ id: 'TemplateVersion' });
export const templateVersionSaved = z.array(templateVersion);

/** POST /api/templates/:channel/:name/versions/:locale/:version/restore: an old version saved again as the newest. */
export const templateRestoreBody = z.object({ comment: z.string().trim().max(500).optional() });

/** POST /api/templates: a new template, a copy of another of the same channel (every locale, as sent today). */
export const templateCreateBody = z.object({
  channel,
  name: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes (reminder-letter-2)'),
  copyOf: templateName,
});

/** POST /api/templates/preview: a draft rendered on a real invoice's data (invoiceId) or on sample data; 422 naming the part and variable it cannot render. */
export const templateDraftPreviewBody = z.object({
  channel,
  locale,
  parts: templateParts,
  /** Render on this invoice (its customer, amounts, fees) instead of sample data. */
  invoiceId: uuid.optional(),
});

/** The step key of a test send in the outbox (the outbox page marks such messages as tests). */
export const TEST_SEND_STEP = 'template-test';
/** A test send belongs to no customer (no daily cap, no customer page counts it). */
export const TEST_SEND_CUSTOMER = '00000000-0000-0000-0000-000000000000';

/** POST /api/templates/:channel/:name/test-send: renders (a draft, else the version sent) and delivers it to the dev outbox, marked as a test; idempotent per clickId. */
export const templateTestSendBody = z.object({
  locale,
  /** One id per click: the same click sent twice is one message. */
  clickId: uuid,
  parts: templateParts.optional(),
  invoiceId: uuid.optional(),
});
export const templateTestSend = z
  .object({
    messageId: uuid,
    channel: z.enum(['email', 'sms', 'letter']),
    recipients: z.array(z.string()),
    /** Where to see it: the outbox page. */
    outbox: z.string(),
    /** The message was already sent for this clickId. */
    repeated: z.boolean(),
  })
  .meta({ id: 'TemplateTestSend' });

export type TemplateSummary = z.infer<typeof templateSummary>;
export type TemplateDetail = z.infer<typeof templateDetail>;
export type TemplateVariableInfo = z.infer<typeof templateVariable>;
export type TemplateVersionSummary = z.infer<typeof templateVersionSummary>;
export type TemplateVersionDetail = z.infer<typeof templateVersion>;
export type TemplateSaveBody = z.infer<typeof templateSaveBody>;
export type TemplateTestSendResult = z.infer<typeof templateTestSend>;
