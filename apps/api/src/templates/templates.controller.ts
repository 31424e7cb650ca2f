import { Controller, Get, Post, UnprocessableEntityException } from '@nestjs/common';
import type { z } from 'zod';
import {
  renderedTemplate,
  templateChannelParam,
  templateCreateBody,
  templateDetail,
  templateDraftPreviewBody,
  templateLibrary,
  templateList,
  templateLocaleParam,
  templateNameParam,
  templatePreviewQuery,
  templateRestoreBody,
  templateSaveBody,
  templateTestSend,
  templateTestSendBody,
  templateVersion,
  templateVersionList,
  templateVersionParam,
  templateVersionSaved,
} from '@dunning/api-contract';
import type { MessageTemplateRow } from '@dunning/db';
import type { TemplateChannel } from '@dunning/domain';
import { TemplateError, sampleTemplateContext } from '@dunning/templating';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { Returns, ValidBody, ValidParam, ValidQuery } from '../common/contract/contract.decorators';
import { InvoiceTemplateContextService } from './invoice-template-context.service';
import { TemplateLibraryService, templateProblems } from './template-library.service';
import { TemplateTestSendService } from './template-test-send.service';

const ChannelParam = () => ValidParam('channel', templateChannelParam);
const NameParam = () => ValidParam('name', templateNameParam);

/**
 * The templates flows use: the files on disk (the seeded defaults) and the versions saved in the
 * app, their editing (checked before saving), previews on sample data or a real invoice, and test
 * sends to the dev outbox. Collectors read; credit managers and admins write.
 */
@Controller('api/templates')
@Roles('credit_manager', 'collector')
export class TemplatesController {
  constructor(
    private readonly library: TemplateLibraryService,
    private readonly contexts: InvoiceTemplateContextService,
    private readonly testSends: TemplateTestSendService,
  ) {}

  @Get()
  @Returns(templateList, { summary: 'Every template (on disk and edited in the app) by channel, name and locale, with the sample text of each SMS' })
  list() {
    return this.library.catalog();
  }

  @Get('library')
  @Returns(templateLibrary, { summary: 'Every template with its locales, the version sent (null: the default on disk) and whether it was edited in the app' })
  libraryList() {
    return this.library.library();
  }

  @Get('preview')
  @Returns(renderedTemplate, { errors: [422], summary: 'A template, as sent today, rendered on sample data' })
  async preview(@ValidQuery(templatePreviewQuery) query: z.infer<typeof templatePreviewQuery>) {
    const refused = (message: string) => new UnprocessableEntityException({ message, problems: [{ field: 'name', message }] });
    const source = await this.library.sent(query.channel, query.name, query.locale);
    if (!source) throw refused(`no ${query.channel} template "${query.name}" in ${query.locale}`);
    try {
      return this.library.renderer.render(query.channel, query.name, query.locale, sampleTemplateContext(query.locale, query.invoices), source.version ? source : undefined);
    } catch (error) {
      if (error instanceof TemplateError) throw refused(error.message);
      throw error;
    }
  }

  @Post('preview')
  @Returns(renderedTemplate, {
    status: 200,
    errors: [422],
    summary: 'A draft rendered on a real invoice (invoiceId) or on sample data; 422 naming the part and the variable it cannot render',
  })
  async previewDraft(@ValidBody(templateDraftPreviewBody) body: z.infer<typeof templateDraftPreviewBody>) {
    const problems = this.library.problems(body.channel, body.locale, body.parts, 'parts.');
    if (problems.length > 0) throw templateProblems(problems);
    return this.render(body.channel, 'draft', body.locale, { parts: body.parts }, body.invoiceId);
  }

  @Post()
  @Roles('credit_manager')
  @Returns(templateDetail, { errors: [409, 422], summary: 'A new template under a new name: a copy of another of the same channel (every locale), saved as its version 1' })
  create(@ValidBody(templateCreateBody) body: z.infer<typeof templateCreateBody>, @CurrentPrincipal() principal: Principal) {
    return this.library.create(body.channel, body.name, body.copyOf, principal.userId);
  }

  @Get(':channel/:name')
  @Returns(templateDetail, { errors: [404], summary: 'A template: each locale’s source as sent today, and the variables and helpers it may use' })
  detail(@ChannelParam() channel: TemplateChannel, @NameParam() name: string) {
    return this.library.detail(channel, name);
  }

  @Get(':channel/:name/versions')
  @Returns(templateVersionList, { summary: 'Every version saved in the app, by locale, newest first' })
  async versions(@ChannelParam() channel: TemplateChannel, @NameParam() name: string) {
    return (await this.library.versions(channel, name)).map((row) => summaryOf(row));
  }

  @Post(':channel/:name/versions')
  @Roles('credit_manager')
  @Returns(templateVersionSaved, {
    errors: [404, 422],
    summary: 'Saves a new version of the locales given (the one sent from now on); all or none, 422 naming the locale, part and variable',
  })
  save(
    @ChannelParam() channel: TemplateChannel,
    @NameParam() name: string,
    @ValidBody(templateSaveBody) body: z.infer<typeof templateSaveBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.saved(this.library.save(channel, name, body, principal.userId));
  }

  @Get(':channel/:name/versions/:locale/:version')
  @Returns(templateVersion, { errors: [404], summary: 'One saved version with its source' })
  async version(
    @ChannelParam() channel: TemplateChannel,
    @NameParam() name: string,
    @ValidParam('locale', templateLocaleParam) locale: string,
    @ValidParam('version', templateVersionParam) version: number,
  ) {
    const row = await this.library.version(channel, name, locale, version);
    return { ...summaryOf(row), parts: row.parts };
  }

  @Post(':channel/:name/versions/:locale/:version/restore')
  @Roles('credit_manager')
  @Returns(templateVersionSaved, { errors: [404, 422], summary: 'Saves an old version again as the newest (the one sent from now on)' })
  restore(
    @ChannelParam() channel: TemplateChannel,
    @NameParam() name: string,
    @ValidParam('locale', templateLocaleParam) locale: string,
    @ValidParam('version', templateVersionParam) version: number,
    @ValidBody(templateRestoreBody) body: z.infer<typeof templateRestoreBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.saved(this.library.restore(channel, name, locale, version, body.comment, principal.userId));
  }

  @Post(':channel/:name/test-send')
  @Roles('credit_manager')
  @Returns(templateTestSend, {
    status: 200,
    errors: [404, 422],
    summary: 'Renders the template (a draft when parts are given, else as sent today) and delivers it to the dev outbox, marked as a test; once per clickId',
  })
  async testSend(
    @ChannelParam() channel: TemplateChannel,
    @NameParam() name: string,
    @ValidBody(templateTestSendBody) body: z.infer<typeof templateTestSendBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const source = body.parts ? { parts: body.parts } : await this.library.sent(channel, name, body.locale);
    if (body.parts) {
      const problems = this.library.problems(channel, body.locale, body.parts, 'parts.');
      if (problems.length > 0) throw templateProblems(problems);
    }
    if (!source) throw templateProblems([{ field: 'name', message: `no ${channel} template "${name}" in ${body.locale}` }]);
    const rendered = await this.render(channel, name, body.locale, source, body.invoiceId);
    return this.testSends.send({ channel, name, locale: body.locale, clickId: body.clickId, rendered, to: principal.email ?? 'test', invoiceId: body.invoiceId });
  }

  private async render(channel: TemplateChannel, name: string, locale: 'fr' | 'en', source: { version?: number; parts: Record<string, string> }, invoiceId?: string) {
    const context = await this.contexts.context(locale, invoiceId);
    try {
      return this.library.renderer.render(channel, name, locale, context, source);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const part = /\/(\w+) \((?:draft|version \d+)\)/.exec(error.message)?.[1] ?? /\/(\w+)\.hbs/.exec(error.message)?.[1];
      throw templateProblems([{ field: `parts.${part ?? 'body'}`, message: error.message }]);
    }
  }

  private async saved(rows: Promise<MessageTemplateRow[]>) {
    return (await rows).map((row) => ({ ...summaryOf(row), parts: row.parts }));
  }
}

function summaryOf(row: MessageTemplateRow) {
  return {
    channel: row.channel as TemplateChannel,
    name: row.name,
    locale: row.locale,
    version: row.version,
    comment: row.comment,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
