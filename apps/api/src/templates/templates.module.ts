import { Module } from '@nestjs/common';
import { type DatabaseHandle, MessageTemplatesRepository } from '@dunning/db';
import { DATABASE } from '../database/database.module';
import { InvoiceTemplateContextService } from './invoice-template-context.service';
import { TemplateLibraryService } from './template-library.service';
import { TemplateTestSendService } from './template-test-send.service';
import { TemplatesController } from './templates.controller';

/** The templates module: the one writer of message_templates (versions edited in the app); exports the catalog flows are checked against. */
@Module({
  controllers: [TemplatesController],
  providers: [
    { provide: MessageTemplatesRepository, useFactory: (handle: DatabaseHandle) => new MessageTemplatesRepository(handle.db), inject: [DATABASE] },
    TemplateLibraryService,
    InvoiceTemplateContextService,
    TemplateTestSendService,
  ],
  exports: [TemplateLibraryService],
})
export class TemplatesModule {}
