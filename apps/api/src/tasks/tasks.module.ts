import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { TasksController } from './tasks.controller';

@Module({ imports: [DunningModule], controllers: [TasksController] })
export class TasksModule {}
