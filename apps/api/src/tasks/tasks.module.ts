import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [DunningModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
