import { Module } from '@nestjs/common';
import { CustomerNotesRepository, type DatabaseHandle } from '@dunning/db';
import { DATABASE } from '../database/database.module';
import { DunningModule } from '../dunning/dunning.module';
import { CustomersController } from './customers.controller';
import { SolvencyModule } from '../solvency/solvency.module';

@Module({
  imports: [DunningModule, SolvencyModule],
  controllers: [CustomersController],
  // The notes are this module's own table (customer_notes): its one writer.
  providers: [{ provide: CustomerNotesRepository, useFactory: (handle: DatabaseHandle) => new CustomerNotesRepository(handle.db), inject: [DATABASE] }],
})
export class CustomersModule {}
