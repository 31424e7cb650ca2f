import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { localDate } from '../common/local-date.schema';
import { FlowsService } from './flows.service';

const createBody = z.object({ name: z.string().min(1).max(120), graph: z.unknown().optional() });
const draftBody = z.object({ name: z.string().min(1).max(120).optional(), graph: z.unknown() });
const assignmentsBody = z.object({
  rules: z.array(
    z.object({
      flowId: z.string().uuid(),
      priority: z.number().int(),
      riskMin: z.number().int().min(1).max(10).nullish(),
      riskMax: z.number().int().min(1).max(10).nullish(),
      segment: z.string().min(1).nullish(),
      amountMin: z.number().int().min(0).nullish(),
      amountMax: z.number().int().min(0).nullish(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'an ISO 4217 code')
        .nullish(),
    }),
  ),
});
const simulateBody = z.object({
  graph: z.unknown(),
  invoice: z.object({
    amount: z.number().int().positive(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
    issueDate: localDate,
    dueDate: localDate,
    riskScore: z.number().int().min(1).max(10).default(5),
    segment: z.string().default(''),
    customerType: z.enum(['company', 'person']).default('company'),
  }),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('FR'),
  timeZone: z.string().default('Europe/Paris'),
  start: z.string().datetime().optional(),
  events: z.array(z.record(z.string(), z.unknown())).optional(),
  callOutcomes: z.record(z.string(), z.object({ outcome: z.string(), afterHours: z.number().optional() })).optional(),
});

/** Flows for credit managers: drafts, validation, publishing, versions, assignment, simulation. */
@Controller('api/flows')
@Roles('credit_manager')
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  @Get()
  @Roles('credit_manager', 'collector')
  list() {
    return this.flows.list();
  }

  @Post()
  create(@Body(new ZodPipe(createBody)) body: z.infer<typeof createBody>) {
    return this.flows.create(body.name, body.graph);
  }

  @Post('validate')
  @HttpCode(200)
  validate(@Body(new ZodPipe(z.object({ graph: z.unknown() }))) body: { graph: unknown }) {
    return this.flows.validate(body.graph);
  }

  @Post('simulate')
  @HttpCode(200)
  simulate(@Body(new ZodPipe(simulateBody)) body: z.infer<typeof simulateBody>) {
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
        events: body.events as never,
        callOutcomes: body.callOutcomes as never,
      },
    );
  }

  @Get('assignments')
  assignments() {
    return this.flows.assignments();
  }

  @Put('assignments')
  replaceAssignments(@Body(new ZodPipe(assignmentsBody)) body: z.infer<typeof assignmentsBody>) {
    return this.flows.replaceAssignments(body.rules);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.flows.get(id);
  }

  @Put(':id/draft')
  saveDraft(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(draftBody)) body: z.infer<typeof draftBody>) {
    return this.flows.saveDraft(id, body.graph, body.name);
  }

  @Post(':id/publish')
  publish(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.flows.publish(id, principal.userId);
  }

  @Get(':id/versions')
  versions(@Param('id', ParseUUIDPipe) id: string) {
    return this.flows.versions(id);
  }

  @Get(':id/versions/:version')
  version(@Param('id', ParseUUIDPipe) id: string, @Param('version', ParseIntPipe) version: number) {
    return this.flows.version(id, version);
  }
}
