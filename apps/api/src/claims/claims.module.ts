import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { ClaimAgeService } from './claim-age.service';
import { ClaimsController } from './claims.controller';
import { SupportingDocumentsService } from './supporting-documents.service';

/** Recoverability (supporting documents, the verdict) and claim age (limitation dates, interruptions, the report, the settings). */
@Module({ imports: [DunningModule], controllers: [ClaimsController], providers: [SupportingDocumentsService, ClaimAgeService] })
export class ClaimsModule {}
