import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { AgenciesController, HandoffsController } from './agencies.controller';

@Module({ imports: [DunningModule], controllers: [HandoffsController, AgenciesController] })
export class AgenciesModule {}
