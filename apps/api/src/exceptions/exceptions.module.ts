import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { ExceptionsController } from './exceptions.controller';
import { ExceptionsService } from './exceptions.service';

@Module({ imports: [DunningModule], controllers: [ExceptionsController], providers: [ExceptionsService] })
export class ExceptionsModule {}
