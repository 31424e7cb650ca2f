import { Module } from '@nestjs/common';
import { BooksReportsService } from './books-reports.service';
import { PaymentTermsReportController } from './payment-terms-report.controller';
import { ReportsController } from './reports.controller';
import { StepRecoveryService } from './step-recovery.service';

@Module({ controllers: [ReportsController, PaymentTermsReportController], providers: [BooksReportsService, StepRecoveryService] })
export class ReportsModule {}
