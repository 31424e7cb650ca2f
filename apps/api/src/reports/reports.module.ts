import { Module } from '@nestjs/common';
import { BooksReportsService } from './books-reports.service';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController], providers: [BooksReportsService] })
export class ReportsModule {}
