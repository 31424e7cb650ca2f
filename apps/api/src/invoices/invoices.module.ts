import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { SolvencyModule } from '../solvency/solvency.module';
import { ImportMappingsService } from './import-mappings.service';
import { InvoiceImportService } from './invoice-import.service';
import { InvoicesService } from './invoices.service';
import { ImportsController, InvoicesController } from './invoices.controller';

@Module({
  imports: [DunningModule, SolvencyModule],
  controllers: [InvoicesController, ImportsController],
  providers: [InvoiceImportService, InvoicesService, ImportMappingsService],
})
export class InvoicesModule {}
