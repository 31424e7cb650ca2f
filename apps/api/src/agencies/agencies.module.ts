import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { AgenciesController, HandoffsController } from './agencies.controller';
import { AgencyKeysController } from './agency-keys.controller';

@Module({ imports: [DunningModule], controllers: [HandoffsController, AgenciesController, AgencyKeysController] })
export class AgenciesModule {}
