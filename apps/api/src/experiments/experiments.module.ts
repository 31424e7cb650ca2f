import { Module } from '@nestjs/common';
import { FlowMigrationsModule } from '../flow-migrations/flow-migrations.module';
import { ExperimentsController } from './experiments.controller';
import { ExperimentsService } from './experiments.service';

@Module({ imports: [FlowMigrationsModule], controllers: [ExperimentsController], providers: [ExperimentsService] })
export class ExperimentsModule {}
