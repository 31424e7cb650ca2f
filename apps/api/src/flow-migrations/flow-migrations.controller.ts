import { Controller, Get, Post } from '@nestjs/common';
import type { z } from 'zod';
import { applyMigrationBody, flowMigration, flowMigrationList, migrationItems, migrationItemsQuery, migrationPreview, migrationPreviewBody } from '@dunning/api-contract';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidQuery } from '../common/contract/contract.decorators';
import { FlowMigrationsService } from './flow-migrations.service';

/** Moving running invoices to another version of their flow, for credit managers: the dry run, applying it, its progress, its rollback. */
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

  @Post()
  @Returns(flowMigration, {
    status: 202,
    errors: [409, 422],
    summary: 'Applies it: every invoice running fromVersion moves to toVersion at its next step boundary (never in the middle of a send), or stays and says why',
  })
  apply(@IdParam() id: string, @ValidBody(applyMigrationBody) body: z.infer<typeof applyMigrationBody>, @CurrentPrincipal() principal: Principal) {
    return this.migrations.apply(id, body, principal.userId);
  }

  @Get()
  @Returns(flowMigrationList, { summary: 'The flow’s migrations, newest first, with their progress' })
  list(@IdParam() id: string) {
    return this.migrations.list(id);
  }

  @Get(':migrationId')
  @Returns(flowMigration, { summary: 'One migration and its progress' })
  get(@IdParam() id: string, @IdParam('migrationId') migrationId: string) {
    return this.migrations.get(id, migrationId);
  }

  @Get(':migrationId/invoices')
  @Returns(migrationItems, { summary: 'Its invoices by number: where each stood, where it stands, or why it stayed; and the rollback’s answer' })
  items(@IdParam() id: string, @IdParam('migrationId') migrationId: string, @ValidQuery(migrationItemsQuery) page: z.infer<typeof migrationItemsQuery>) {
    return this.migrations.items(id, migrationId, page);
  }

  @Post(':migrationId/rollback')
  @Returns(flowMigration, {
    status: 202,
    errors: [409],
    summary: 'Rolls it back: invoices that have not run a step of toVersion return to where they stood in fromVersion; the others keep toVersion',
  })
  rollback(@IdParam() id: string, @IdParam('migrationId') migrationId: string, @CurrentPrincipal() principal: Principal) {
    return this.migrations.rollback(id, migrationId, principal.userId);
  }
}
