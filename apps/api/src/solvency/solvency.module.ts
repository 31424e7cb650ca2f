import { Module } from '@nestjs/common';
import { type DatabaseHandle, SolvencyScoresRepository } from '@dunning/db';
import { DATABASE } from '../database/database.module';
import { DunningModule } from '../dunning/dunning.module';
import { FlowsModule } from '../flows/flows.module';
import { SolvencyController } from './solvency.controller';
import { SolvencyScoresService } from './solvency-scores.service';
import { SolvencySignatureGuard } from './solvency-signature.guard';
import { SolvencyWebhookController } from './solvency-webhook.controller';

/** Customers' solvency scores (issue 13, point 6): the one writer of `customers.risk_score`; re-routes running invoices on a band change. */
@Module({
  imports: [DunningModule, FlowsModule],
  controllers: [SolvencyController, SolvencyWebhookController],
  providers: [
    { provide: SolvencyScoresRepository, useFactory: (handle: DatabaseHandle) => new SolvencyScoresRepository(handle.db), inject: [DATABASE] },
    SolvencyScoresService,
    SolvencySignatureGuard,
  ],
  exports: [SolvencyScoresService],
})
export class SolvencyModule {}
