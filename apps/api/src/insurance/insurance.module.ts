import { Module } from '@nestjs/common';
import { type DatabaseHandle, InsuranceRepository } from '@dunning/db';
import { DATABASE } from '../database/database.module';
import { InsuranceController, InsuranceReportController } from './insurance.controller';
import { InsuranceService } from './insurance.service';

@Module({
  controllers: [InsuranceController, InsuranceReportController],
  providers: [InsuranceService, { provide: InsuranceRepository, useFactory: (handle: DatabaseHandle) => new InsuranceRepository(handle.db), inject: [DATABASE] }],
})
export class InsuranceModule {}
