import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { FlowMigrationsController } from './flow-migrations.controller';
import { FlowMigrationsService } from './flow-migrations.service';

@Module({ imports: [DunningModule], controllers: [FlowMigrationsController], providers: [FlowMigrationsService], exports: [FlowMigrationsService] })
export class FlowMigrationsModule {}
