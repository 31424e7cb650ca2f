import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { TemplateError, TemplateRenderer, sampleTemplateContext } from '@dunning/templating';
import { Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';

const previewQuery = z.object({
  channel: z.enum(['email', 'sms', 'letter', 'call']),
  name: z.string().regex(/^[a-z0-9-]+$/, 'a template name'),
  locale: z.enum(['fr', 'en']),
  invoices: z.coerce.number().int().min(1).max(5).default(1),
});

/** The templates flows can use, and their rendering on sample data: the editor's live preview. */
@Controller('api/templates')
@Roles('credit_manager', 'collector')
export class TemplatesController {
  private readonly renderer = new TemplateRenderer();

  @Get()
  list() {
    return this.renderer.list();
  }

  @Get('preview')
  preview(@Query(new ZodPipe(previewQuery)) query: z.infer<typeof previewQuery>) {
    if (!this.renderer.has(query.channel, query.name, query.locale)) throw new BadRequestException(`no ${query.channel} template "${query.name}" in ${query.locale}`);
    try {
      return this.renderer.render(query.channel, query.name, query.locale, sampleTemplateContext(query.locale, query.invoices));
    } catch (error) {
      if (error instanceof TemplateError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
