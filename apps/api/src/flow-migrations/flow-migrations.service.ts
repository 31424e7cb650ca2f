import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { MigrationPreview } from '@dunning/api-contract';
import { CustomersRepository, type FlowVersionRow, FlowsRepository, InvoicesRepository, RunningPositionsRepository } from '@dunning/db';
import { type Flow, flowSchema, performedSteps, planMigration, proposeStepMapping, simulate } from '@dunning/flow';
import { WorkflowInputBuilder } from '../dunning/workflow-input';

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
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
    private readonly inputs: WorkflowInputBuilder,
  ) {}

  async preview(flowId: string, body: { fromVersion: number; toVersion: number; mapping?: Record<string, string | null> }, now = new Date()): Promise<MigrationPreview> {
    const fromRow = await this.version(flowId, body.fromVersion, 'fromVersion');
    const from = parsed(fromRow);
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
    // Dated with the very input the workflow runs on (facts, standing, the customer's calendar), for the first invoices.
    const dated = rows.slice(0, DATED_INVOICES);
    const invoiceRows = new Map((await this.invoices.findByIds(dated.map((r) => r.invoiceId))).map((i) => [i.id, i]));
    const customers = new Map((await this.customers.findByIds([...new Set([...invoiceRows.values()].map((i) => i.customerId))])).map((c) => [c.id, c]));
    const start = now.toISOString();
    const invoices = await Promise.all(
      plan.moves.map(async (move, index) => {
        const invoice = index < DATED_INVOICES ? invoiceRows.get(move.invoiceId) : undefined;
        const customer = invoice && customers.get(invoice.customerId);
        if (!invoice || !customer) return { ...move, nextBefore: null, nextAfter: null };
        const input = this.inputs.build(invoice, customer, fromRow, now);
        const lastStepAt = rows[index]!.lastStepAt?.toISOString() ?? start;
        const nextOn = async (flow: Flow, after: string) => {
          const resumeAfter = after === 'start' ? undefined : { nodeId: after, at: lastStepAt };
          const simulation = await simulate(flow, input.invoice, { calendar: input.calendar, start, resumeAfter, horizonDays: 400, maxSteps: 3 });
          const first = simulation.steps[0];
          return first ? { nodeId: first.nodeId, at: first.at } : null;
        };
        return { ...move, nextBefore: await nextOn(from, move.from), nextAfter: move.to === null ? null : await nextOn(to, move.to) };
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
