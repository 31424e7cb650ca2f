import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { FlowMigration, MigrationPreview } from '@dunning/api-contract';
import {
  CustomersRepository,
  FlowMigrationsRepository,
  type FlowMigrationSummary,
  type FlowVersionRow,
  FlowsRepository,
  InvoicesRepository,
  RunningPositionsRepository,
} from '@dunning/db';
import { type Flow, type Placement, flowSchema, performedSteps, planMigration, proposeStepMapping, resumeNode, simulate } from '@dunning/flow';
import { SignalRelayService } from '../dunning/signal-relay.service';
import { WorkflowInputBuilder } from '../dunning/workflow-input';

type MigrationRequest = { fromVersion: number; toVersion: number; mapping?: Record<string, string | null> };

/** Next dates are simulated for this many invoices at most (two simulations each); counts and moves cover all. */
const DATED_INVOICES = 500;

/**
 * Migrating running invoices to another version of their flow (issue 16, point 1): the dry run —
 * where each invoice stands, where it would stand, how its next step's date changes, counts per
 * move, and the invoices that cannot move with the reason — and applying it: each invoice's workflow
 * gets the order and moves at its next step boundary (libs/flow's decideMigration), or stays and
 * says why; a rollback returns those that have not run a step of the new version.
 */
@Injectable()
export class FlowMigrationsService {
  constructor(
    private readonly flows: FlowsRepository,
    private readonly positions: RunningPositionsRepository,
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
    private readonly inputs: WorkflowInputBuilder,
    private readonly migrations: FlowMigrationsRepository,
    private readonly relay: SignalRelayService,
  ) {}

  async preview(flowId: string, body: MigrationRequest, now = new Date()): Promise<MigrationPreview> {
    const { fromRow, from, to, mapping, rows, plan } = await this.plan(flowId, body);
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
        const nextOn = async (flow: Flow, placement: Placement) => {
          const nodeId = resumeNode(flow, placement);
          // After a step whose only edges are outcomes (a call): it waits for a person, no date.
          if (nodeId === null) return null;
          const resumeAt = 'start' in placement ? undefined : { nodeId, at: lastStepAt };
          const simulation = await simulate(flow, input.invoice, { calendar: input.calendar, start, resumeAt, horizonDays: 400, maxSteps: 3 });
          const first = simulation.steps[0];
          return first ? { nodeId: first.nodeId, at: first.at } : null;
        };
        const placed: Placement | null = move.to === null ? null : move.from === 'start' ? { start: true } : move.place === 'before' ? { before: move.to } : { after: move.to };
        return {
          ...move,
          nextBefore: await nextOn(from, move.from === 'start' ? { start: true } : { after: move.from }),
          nextAfter: placed ? await nextOn(to, placed) : null,
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

  /**
   * Applies it: every invoice running fromVersion (of one experiment's arm, when stopping it moves
   * the losers) gets the order, through the signal outbox in batches, and moves at its next step boundary.
   */
  async apply(flowId: string, body: MigrationRequest, userId?: string, only?: { experimentId: string; arm: string }): Promise<FlowMigration> {
    const { mapping, plan } = await this.plan(flowId, body, only);
    // Two orders to one invoice would race at its boundary: one migration of a version at a time.
    const busy = (await this.migrations.listForFlow(flowId)).find((m) => m.fromVersion === body.fromVersion && statusOf(m).endsWith('ing'));
    if (busy)
      throw new ConflictException(`migration ${busy.id} of version ${body.fromVersion} is still ${statusOf(busy).replace('_', ' ')}: wait until its invoices have answered`);
    const created = await this.migrations.create(
      { flowId, fromVersion: body.fromVersion, toVersion: body.toVersion, mapping, createdBy: userId },
      plan.moves.map((move, index) => ({ invoiceId: move.invoiceId, workflowId: plan.workflowIds[index]!, plannedFrom: move.from })),
      (migrationId, item) => ({
        migrationId,
        flowId,
        fromVersion: body.fromVersion,
        toVersion: body.toVersion,
        mapping,
        from: item.plannedFrom,
        eventKey: `migration:${migrationId}`,
      }),
    );
    // Delivered in the background, in batches; the periodic sweep delivers what a crash left.
    void this.relay.flush().catch(() => undefined);
    return this.get(flowId, created.id);
  }

  async list(flowId: string): Promise<FlowMigration[]> {
    if (!(await this.flows.findById(flowId))) throw new NotFoundException(`flow ${flowId} not found`);
    return (await this.migrations.listForFlow(flowId)).map(present);
  }

  async get(flowId: string, migrationId: string): Promise<FlowMigration> {
    const found = await this.migrations.find(migrationId);
    if (!found || found.flowId !== flowId) throw new NotFoundException(`migration ${migrationId} of flow ${flowId} not found`);
    return present(found);
  }

  async items(flowId: string, migrationId: string, page: { limit: number; offset: number }) {
    await this.get(flowId, migrationId);
    return this.migrations.items(migrationId, page);
  }

  /** Returns to fromVersion the invoices that have not run a step of toVersion yet; the others keep toVersion, and say so. */
  async rollback(flowId: string, migrationId: string, userId?: string): Promise<FlowMigration> {
    const migration = await this.get(flowId, migrationId);
    const asked = await this.migrations.requestRollback(migrationId, userId, (item) => ({
      migrationId,
      flowId,
      fromVersion: migration.fromVersion,
      toVersion: migration.toVersion,
      rollback: true,
      from: item.fromStep,
      eventKey: `migration:${migrationId}:rollback`,
    }));
    if (!asked) throw new ConflictException(`migration ${migrationId} was already rolled back`);
    void this.relay.flush().catch(() => undefined);
    return this.get(flowId, migrationId);
  }

  /** The versions, the mapping (validated, completed by the proposal) and where every running invoice stands. */
  private async plan(flowId: string, body: MigrationRequest, only?: { experimentId: string; arm: string }) {
    const fromRow = await this.version(flowId, body.fromVersion, 'fromVersion');
    const from = parsed(fromRow);
    const to = parsed(await this.version(flowId, body.toVersion, 'toVersion'));
    const unknown = Object.entries(body.mapping ?? {}).flatMap(([step, target]) => [
      ...(from.nodes.some((n) => n.id === step) ? [] : [{ field: `mapping.${step}`, message: `no step "${step}" in version ${body.fromVersion}` }]),
      ...(target === null || to.nodes.some((n) => n.id === target) ? [] : [{ field: `mapping.${step}`, message: `no step "${target}" in version ${body.toVersion}` }]),
    ]);
    if (unknown.length > 0) throw new UnprocessableEntityException({ message: unknown.map((p) => `${p.field}: ${p.message}`).join('; '), problems: unknown });

    const mapping = proposeStepMapping(from, to, body.mapping);
    const rows = await this.positions.ofVersion(flowId, body.fromVersion, only);
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
    return { fromRow, from, to, mapping, rows, plan: { ...plan, workflowIds: rows.map((r) => r.workflowId) } };
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

function statusOf(migration: FlowMigrationSummary): FlowMigration['status'] {
  if (migration.rolledBackAt) return migration.progress.rollbackWaiting > 0 ? 'rolling_back' : 'rolled_back';
  return migration.progress.waiting > 0 ? 'applying' : 'applied';
}

function present(migration: FlowMigrationSummary): FlowMigration {
  return {
    id: migration.id,
    flowId: migration.flowId,
    fromVersion: migration.fromVersion,
    toVersion: migration.toVersion,
    createdAt: migration.createdAt.toISOString(),
    rolledBackAt: migration.rolledBackAt?.toISOString() ?? null,
    status: statusOf(migration),
    progress: migration.progress,
  };
}

function parsed(row: FlowVersionRow): Flow {
  return flowSchema.parse(row.graph) as Flow;
}
