import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module';
import { DunningActionsService } from './dunning-actions.service';
import { DunningController } from './dunning.controller';
import { LiveStateService } from './live-state.service';
import { SignalRelayService } from './signal-relay.service';
import { WorkflowInputBuilder } from './workflow-input';
import { WorkflowStarterService } from './workflow-starter.service';

/** Invoices' workflows: starting them, the actions people take on them, the signals' outbox, their live state. */
@Module({
  imports: [FlowsModule],
  controllers: [DunningController],
  providers: [DunningActionsService, LiveStateService, SignalRelayService, WorkflowInputBuilder, WorkflowStarterService],
  exports: [DunningActionsService, LiveStateService, SignalRelayService, WorkflowStarterService],
})
export class DunningModule {}
