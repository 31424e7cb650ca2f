import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';

@Module({ imports: [DunningModule], controllers: [ApprovalsController], providers: [ApprovalsService] })
export class ApprovalsModule {}
