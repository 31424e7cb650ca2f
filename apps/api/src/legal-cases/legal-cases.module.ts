import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { LegalCasesController } from './legal-cases.controller';
import { LegalCasesService } from './legal-cases.service';

/** Court routes' cases: stages, costs, dossiers (docs/legal/court-routes.md). */
@Module({ imports: [DunningModule], controllers: [LegalCasesController], providers: [LegalCasesService] })
export class LegalCasesModule {}
