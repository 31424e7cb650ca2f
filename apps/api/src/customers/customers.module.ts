import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { CustomersController } from './customers.controller';

@Module({ imports: [DunningModule], controllers: [CustomersController] })
export class CustomersModule {}
