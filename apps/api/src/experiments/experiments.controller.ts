import { Controller, Get, Post } from '@nestjs/common';
import type { z } from 'zod';
import { createExperimentBody, experiment, experimentList, experimentReport, experimentReportQuery, stopExperimentBody, stoppedExperiment } from '@dunning/api-contract';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidQuery } from '../common/contract/contract.decorators';
import { ExperimentsService } from './experiments.service';

/** A/B experiments on flows, for credit managers: an assignment rule split between flow versions, a report per arm, a stop with a winner. */
@Controller('api/experiments')
@Roles('credit_manager')
export class ExperimentsController {
  constructor(private readonly experiments: ExperimentsService) {}

  @Get()
  @Returns(experimentList, { summary: 'Every experiment, newest first' })
  list() {
    return this.experiments.list();
  }

  @Post()
  @Returns(experiment, { errors: [409, 422], summary: 'Starts an experiment: the rule splits the invoices it matches between the arms, by customer, with the weights' })
  create(@ValidBody(createExperimentBody) body: z.infer<typeof createExperimentBody>, @CurrentPrincipal() principal: Principal) {
    return this.experiments.create(body, principal.userId);
  }

  @Get(':id')
  @Returns(experiment, { summary: 'One experiment' })
  get(@IdParam() id: string) {
    return this.experiments.get(id);
  }

  @Get(':id/report')
  @Returns(experimentReport, {
    summary: 'Per arm: invoices, recovered amount and rate (95 % interval), days to pay, messages and calls per 1 000 recovered, disputes, complaints; and the verdict',
  })
  report(@IdParam() id: string, @ValidQuery(experimentReportQuery) query: z.infer<typeof experimentReportQuery>) {
    return this.experiments.report(id, query.currency);
  }

  @Post(':id/stop')
  @Returns(stoppedExperiment, {
    status: 200,
    errors: [409, 422],
    summary:
      'Stops it: the rule routes every new invoice to the winner’s flow; with migrateRunning, the losing arms’ running invoices move to the winner’s version at their next step',
  })
  stop(@IdParam() id: string, @ValidBody(stopExperimentBody) body: z.infer<typeof stopExperimentBody>, @CurrentPrincipal() principal: Principal) {
    return this.experiments.stop(id, body.winnerArm, { migrateRunning: body.migrateRunning, userId: principal.userId });
  }
}
