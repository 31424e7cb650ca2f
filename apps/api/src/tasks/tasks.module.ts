import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { TemplatesModule } from '../templates/templates.module';

@Module({ imports: [DunningModule, TemplatesModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
