import { Controller, Post } from '@nestjs/common';
import type { z } from 'zod';
import { migrationPreview, migrationPreviewBody } from '@dunning/api-contract';
import { Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody } from '../common/contract/contract.decorators';
import { FlowMigrationsService } from './flow-migrations.service';

/** Moving running invoices to another version of their flow: the dry run, for credit managers. */
@Controller('api/flows/:id/migrations')
@Roles('credit_manager')
export class FlowMigrationsController {
  constructor(private readonly migrations: FlowMigrationsService) {}

  @Post('preview')
  @Returns(migrationPreview, {
    status: 200,
    errors: [422],
    summary: 'Dry run: where each running invoice of fromVersion stands, where it would stand in toVersion, how its next date changes, counts per move, and those that cannot move',
  })
  preview(@IdParam() id: string, @ValidBody(migrationPreviewBody) body: z.infer<typeof migrationPreviewBody>) {
    return this.migrations.preview(id, body);
  }
}
