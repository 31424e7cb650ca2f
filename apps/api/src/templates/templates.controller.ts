import { Controller, Get, UnprocessableEntityException } from '@nestjs/common';
import type { z } from 'zod';
import { renderedTemplate, templateList, templatePreviewQuery } from '@dunning/api-contract';
import { TemplateError, TemplateRenderer, sampleTemplateContext } from '@dunning/templating';
import { Roles } from '../common/auth.decorators';
import { Returns, ValidQuery } from '../common/contract/contract.decorators';

/** The templates flows can use, and their rendering on sample data: the editor's live preview. */
@Controller('api/templates')
@Roles('credit_manager', 'collector')
export class TemplatesController {
  private readonly renderer = new TemplateRenderer();

  @Get()
  @Returns(templateList, { summary: 'Every template on disk, with the sample text of each SMS' })
  list() {
    return this.renderer.list();
  }

  @Get('preview')
  @Returns(renderedTemplate, { errors: [422], summary: 'A template rendered on sample data' })
  preview(@ValidQuery(templatePreviewQuery) query: z.infer<typeof templatePreviewQuery>) {
    const refused = (message: string) => new UnprocessableEntityException({ message, problems: [{ field: 'name', message }] });
    if (!this.renderer.has(query.channel, query.name, query.locale)) throw refused(`no ${query.channel} template "${query.name}" in ${query.locale}`);
    try {
      return this.renderer.render(query.channel, query.name, query.locale, sampleTemplateContext(query.locale, query.invoices));
    } catch (error) {
      if (error instanceof TemplateError) throw refused(error.message);
      throw error;
    }
  }
}
