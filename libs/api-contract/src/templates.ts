import { z } from 'zod';
import { LOCALES, TEMPLATE_CHANNELS } from '@dunning/domain';
import { emailData } from '@dunning/flow';

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
