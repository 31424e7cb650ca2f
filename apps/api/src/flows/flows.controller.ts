import { Controller, Get, Post, Put } from '@nestjs/common';
import type { z } from 'zod';
import {
  assignmentRuleList,
  assignmentsBody,
  flowCreateBody,
  flowDetail,
  flowDraftBody,
  flowList,
  flowSimulation,
  flowValidateBody,
  flowValidation,
  flowVersion,
  flowVersionList,
  flowVersionNumber,
  flowWithProblems,
  simulateBody,
} from '@dunning/api-contract';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidParam } from '../common/contract/contract.decorators';
import { FlowsService } from './flows.service';

/** Flows for credit managers: drafts, validation, publishing, versions, assignment, simulation. */
@Controller('api/flows')
@Roles('credit_manager')
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  @Get()
  @Roles('credit_manager', 'collector')
  @Returns(flowList, { summary: 'Every flow with its draft and latest published version, by name' })
  list() {
    return this.flows.list();
  }

  @Post()
  @Returns(flowWithProblems, { errors: [409], summary: 'Creates a flow (its draft given, or a start step alone); the draft’s problems are answered' })
  create(@ValidBody(flowCreateBody) body: z.infer<typeof flowCreateBody>) {
    return this.flows.create(body.name, body.graph);
  }

  @Post('validate')
  @Returns(flowValidation, { status: 200, summary: 'Every problem of a flow, on the step it concerns' })
  validate(@ValidBody(flowValidateBody) body: z.infer<typeof flowValidateBody>) {
    return this.flows.validate(body.graph);
  }

  @Post('simulate')
  @Returns(flowSimulation, { status: 200, errors: [422], summary: 'The dated timeline a valid flow would produce for a sample invoice (business days, holidays, sending window)' })
  simulate(@ValidBody(simulateBody) body: z.infer<typeof simulateBody>) {
    const { invoice } = body;
    return this.flows.simulate(
      body.graph,
      {
        invoiceId: 'simulation',
        invoiceNumber: 'SIMULATION',
        customerId: 'simulation',
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amount: { amount: invoice.amount, currency: invoice.currency },
        balance: { amount: invoice.amount, currency: invoice.currency },
        riskScore: invoice.riskScore,
        segment: invoice.segment,
        customerType: invoice.customerType,
      },
      {
        country: body.country,
        timeZone: body.timeZone,
        start: body.start ?? `${invoice.issueDate}T08:00:00.000Z`,
        events: body.events,
        callOutcomes: body.callOutcomes,
        locale: body.locale,
      },
    );
  }

  @Get('assignments')
  @Returns(assignmentRuleList, { summary: 'The assignment rules, by priority' })
  assignments() {
    return this.flows.assignments();
  }

  @Put('assignments')
  @Returns(assignmentRuleList, { errors: [422], summary: 'Replaces every assignment rule at once (each flow must have a published version)' })
  replaceAssignments(@ValidBody(assignmentsBody) body: z.infer<typeof assignmentsBody>) {
    return this.flows.replaceAssignments(body.rules);
  }

  @Get(':id')
  @Returns(flowDetail, { summary: 'A flow, its draft’s problems and its versions, newest first' })
  get(@IdParam() id: string) {
    return this.flows.get(id);
  }

  @Put(':id/draft')
  @Returns(flowWithProblems, { errors: [409], summary: 'Saves the draft as it is (it may have problems while being edited); its problems are answered' })
  saveDraft(@IdParam() id: string, @ValidBody(flowDraftBody) body: z.infer<typeof flowDraftBody>) {
    return this.flows.saveDraft(id, body.graph, body.name);
  }

  @Post(':id/publish')
  @Returns(flowVersion, { errors: [422], summary: 'Publishes the draft as the next immutable version (refused while it has problems)' })
  publish(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    return this.flows.publish(id, principal.userId);
  }

  @Get(':id/versions')
  @Returns(flowVersionList, { summary: 'The published versions, newest first' })
  versions(@IdParam() id: string) {
    return this.flows.versions(id);
  }

  @Get(':id/versions/:version')
  @Returns(flowVersion, { summary: 'One published version' })
  version(@IdParam() id: string, @ValidParam('version', flowVersionNumber) version: number) {
    return this.flows.version(id, version);
  }
}
