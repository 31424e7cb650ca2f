import { Module } from '@nestjs/common';
import { BooksReportsService } from './books-reports.service';
import { PaymentTermsReportController } from './payment-terms-report.controller';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController, PaymentTermsReportController], providers: [BooksReportsService] })
export class ReportsModule {}
