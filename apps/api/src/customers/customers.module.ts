import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { CustomersController } from './customers.controller';
import { SolvencyModule } from '../solvency/solvency.module';

@Module({ imports: [DunningModule, SolvencyModule], controllers: [CustomersController] })
export class CustomersModule {}
