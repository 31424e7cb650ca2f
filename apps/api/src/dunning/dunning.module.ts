import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module';
import { DunningActionsService } from './dunning-actions.service';
import { DunningController } from './dunning.controller';
import { LiveStateService } from './live-state.service';
import { SignalRelayService } from './signal-relay.service';
import { StatusRefreshScheduleService } from './status-refresh-schedule.service';
import { StepLabelsService } from './step-labels.service';
import { WorkflowInputBuilder } from './workflow-input';
import { WorkflowStarterService } from './workflow-starter.service';

/** Invoices' workflows: starting them, the actions people take on them, the signals' outbox, their live state; the statuses' refresh schedule. */
@Module({
  imports: [FlowsModule],
  controllers: [DunningController],
  providers: [DunningActionsService, LiveStateService, SignalRelayService, StatusRefreshScheduleService, StepLabelsService, WorkflowInputBuilder, WorkflowStarterService],
  exports: [DunningActionsService, LiveStateService, SignalRelayService, StatusRefreshScheduleService, StepLabelsService, WorkflowInputBuilder, WorkflowStarterService],
})
export class DunningModule {}
