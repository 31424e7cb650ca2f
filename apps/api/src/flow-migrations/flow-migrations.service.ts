import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { MigrationPreview } from '@dunning/api-contract';
import { riskScoreOrDefault } from '@dunning/domain';
import { publicHolidays } from '@dunning/domain/holidays';
import { type FlowVersionRow, FlowsRepository, RunningPositionsRepository } from '@dunning/db';
import { type Flow, flowSchema, performedSteps, planMigration, proposeStepMapping, simulate } from '@dunning/flow';

/** Next dates are simulated for this many invoices at most (two simulations each); counts and moves cover all. */
const DATED_INVOICES = 500;

/**
 * Migrating running invoices to another version of their flow (issue 16, point 1): the dry run —
 * where each invoice stands, where it would stand, how its next step's date changes, counts per
 * move, and the invoices that cannot move with the reason. Applying it is not built yet.
 */
@Injectable()
export class FlowMigrationsService {
  constructor(
    private readonly flows: FlowsRepository,
    private readonly positions: RunningPositionsRepository,
  ) {}

  async preview(flowId: string, body: { fromVersion: number; toVersion: number; mapping?: Record<string, string | null> }, now = new Date()): Promise<MigrationPreview> {
    const from = parsed(await this.version(flowId, body.fromVersion, 'fromVersion'));
    const to = parsed(await this.version(flowId, body.toVersion, 'toVersion'));
    const unknown = Object.entries(body.mapping ?? {}).flatMap(([step, target]) => [
      ...(from.nodes.some((n) => n.id === step) ? [] : [{ field: `mapping.${step}`, message: `no step "${step}" in version ${body.fromVersion}` }]),
      ...(target === null || to.nodes.some((n) => n.id === target) ? [] : [{ field: `mapping.${step}`, message: `no step "${target}" in version ${body.toVersion}` }]),
    ]);
    if (unknown.length > 0) throw new UnprocessableEntityException({ message: unknown.map((p) => `${p.field}: ${p.message}`).join('; '), problems: unknown });

    const mapping = proposeStepMapping(from, to, body.mapping);
    const rows = await this.positions.ofVersion(flowId, body.fromVersion);
    // Steps that ran in one instant (a fee, a status, a letter): the invoice stands after the one furthest along the flow.
    const order = new Map(performedSteps(from).map((id, index) => [id, index]));
    const furthest = (nodes: string[]) => [...nodes].sort((a, b) => (order.get(b) ?? -1) - (order.get(a) ?? -1))[0];
    const plan = planMigration(
      rows.map((r) => ({
        invoiceId: r.invoiceId,
        number: r.number,
        lastStep: r.lastStepNodes.length > 0 ? { nodeId: furthest(r.lastStepNodes)!, at: r.lastStepAt!.toISOString() } : null,
      })),
      mapping,
    );
    const start = now.toISOString();
    const year = now.getUTCFullYear();
    const holidays = new Map<string, string[]>();
    const calendarOf = (country: string, timeZone: string) => {
      if (!holidays.has(country)) holidays.set(country, safeHolidays(country, year));
      return { timeZone, holidays: holidays.get(country)! };
    };
    const invoices = await Promise.all(
      plan.moves.map(async (move, index) => {
        const row = rows[index]!;
        if (index >= DATED_INVOICES) return { ...move, nextBefore: null, nextAfter: null };
        const facts = {
          invoiceId: row.invoiceId,
          invoiceNumber: row.number,
          customerId: row.customerId,
          issueDate: row.issueDate,
          dueDate: row.dueDate,
          amount: { amount: row.amount, currency: row.currency },
          balance: { amount: row.balance, currency: row.currency },
          riskScore: riskScoreOrDefault(row.riskScore),
          segment: row.segment ?? '',
          customerType: row.customerType === 'person' ? ('person' as const) : ('company' as const),
        };
        const calendar = calendarOf(row.country, row.timeZone);
        const nextOn = async (flow: Flow, after: string | null) => {
          const resumeAfter = after && after !== 'start' ? { nodeId: after, at: row.lastStepAt?.toISOString() ?? start } : undefined;
          const simulation = await simulate(flow, facts, { calendar, start, resumeAfter, horizonDays: 400, maxSteps: 3 });
          const first = simulation.steps[0];
          return first ? { nodeId: first.nodeId, at: first.at } : null;
        };
        return {
          ...move,
          nextBefore: await nextOn(from, move.from),
          nextAfter: move.to === null ? null : await nextOn(to, move.to),
        };
      }),
    );
    return {
      fromVersion: body.fromVersion,
      toVersion: body.toVersion,
      mapping: Object.entries(mapping).map(([step, m]) => ({ step, kind: from.nodes.find((n) => n.id === step)!.kind, target: m.target, how: m.how })),
      counts: plan.counts,
      invoices,
      datedInvoices: Math.min(plan.moves.length, DATED_INVOICES),
    };
  }

  private async version(flowId: string, version: number, field: string): Promise<FlowVersionRow> {
    if (!(await this.flows.findById(flowId))) throw new NotFoundException(`flow ${flowId} not found`);
    const row = await this.flows.version(flowId, version);
    if (!row)
      throw new UnprocessableEntityException({
        message: `${field}: flow ${flowId} has no published version ${version}`,
        problems: [{ field, message: 'no such published version' }],
      });
    return row;
  }
}

function parsed(row: FlowVersionRow): Flow {
  return flowSchema.parse(row.graph) as Flow;
}

/** A country without a holiday calendar is dated with weekends only. */
function safeHolidays(country: string, year: number): string[] {
  try {
    return publicHolidays(country, year, year + 2);
  } catch {
    return [];
  }
}
