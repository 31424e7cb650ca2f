import { Module } from '@nestjs/common';
import { FlowMigrationsController } from './flow-migrations.controller';
import { FlowMigrationsService } from './flow-migrations.service';

@Module({ controllers: [FlowMigrationsController], providers: [FlowMigrationsService] })
export class FlowMigrationsModule {}
