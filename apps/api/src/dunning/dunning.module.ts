import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module';
import { DunningController } from './dunning.controller';
import { DunningService } from './dunning.service';

@Module({ imports: [FlowsModule], controllers: [DunningController], providers: [DunningService], exports: [DunningService] })
export class DunningModule {}
