import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { CreateExperimentBody, ExperimentReport } from '@dunning/api-contract';
import { compareRecovery } from '@dunning/domain';
import { type ExperimentArmRecord, type ExperimentSummary, ExperimentsRepository, FlowsRepository, RuleAlreadyInExperiment } from '@dunning/db';
import { FlowMigrationsService } from '../flow-migrations/flow-migrations.service';

/** Spent per 1 000 units of currency recovered (minor units in, so × 100 000). */
const per1000Recovered = (count: number, recoveredMinor: number) => (recoveredMinor > 0 ? Math.round(((count * 100_000) / recoveredMinor) * 100) / 100 : null);

/**
 * A/B experiments on flows: created on an assignment rule (which then splits its invoices between
 * the arms by customer, in the flows module's chooser), reported per arm, stopped with a winner
 * that the rule routes everyone to (and, if asked, the losing arms' running invoices, by a migration
 * each). The one writer of flow_experiments and of a rule's experiment.
 */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly migrations: FlowMigrationsService,
    private readonly experiments: ExperimentsRepository,
    private readonly flows: FlowsRepository,
  ) {}

  async list() {
    return Promise.all((await this.experiments.list()).map((row) => this.withFlowNames(row)));
  }

  async get(id: string) {
    return this.withFlowNames(await this.found(id));
  }

  async create(body: CreateExperimentBody, userId?: string) {
    const problems: Array<{ field: string; message: string }> = [];
    if (!(await this.flows.assignments()).some((rule) => rule.id === body.ruleId)) problems.push({ field: 'ruleId', message: 'no such assignment rule' });
    for (const [index, arm] of body.arms.entries()) {
      if (!(await this.flows.version(arm.flowId, arm.flowVersion)))
        problems.push({ field: `arms.${index}.flowVersion`, message: `flow ${arm.flowId} has no published version ${arm.flowVersion}` });
    }
    if (problems.length > 0) throw new UnprocessableEntityException({ message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });
    try {
      const row = await this.experiments.create({ name: body.name, ruleId: body.ruleId, arms: body.arms, createdBy: userId });
      return this.get(row.id);
    } catch (error) {
      if (error instanceof RuleAlreadyInExperiment) throw new ConflictException('ruleId: this rule already splits its invoices for a running experiment; stop it first');
      throw error;
    }
  }

  /** Stops it; from now on the rule sends every invoice to the winner's flow (those already running keep theirs). */
  async stop(id: string, winnerArm: string, options: { migrateRunning?: boolean; userId?: string } = {}) {
    const experiment = await this.found(id);
    const winner = experiment.arms.find((arm) => arm.key === winnerArm);
    if (!winner) {
      throw new UnprocessableEntityException({
        message: `winnerArm: the experiment has no arm ${winnerArm}`,
        problems: [{ field: 'winnerArm', message: `one of ${experiment.arms.map((a) => a.key).join(', ')}` }],
      });
    }
    if (!(await this.experiments.stop(id, winner))) throw new ConflictException(`experiment ${id} is already stopped`);
    const migrations = [];
    for (const arm of options.migrateRunning ? experiment.arms.filter((a) => a.key !== winner.key) : []) {
      migrations.push({ arm: arm.key, ...(await this.migrateArm(id, arm, winner, options.userId)) });
    }
    return { ...(await this.get(id)), migrations };
  }

  /** The losing arm's running invoices (this experiment's only) to the winner's version, when both are versions of one flow. */
  private async migrateArm(experimentId: string, arm: ExperimentArmRecord, winner: ExperimentArmRecord, userId?: string) {
    const none = (reason: string) => ({ migrationId: null, invoices: 0, reason });
    if (arm.flowId !== winner.flowId)
      return none('the arm runs another flow than the winner: its invoices keep their flow (a migration moves invoices between versions of one flow)');
    if (arm.flowVersion === winner.flowVersion) return none('the arm runs the winner’s version already');
    const body = { fromVersion: arm.flowVersion, toVersion: winner.flowVersion };
    const migration = await this.migrations.apply(arm.flowId, body, userId, { experimentId, arm: arm.key });
    return migration.progress.total === 0 ? none('no running invoice') : { migrationId: migration.id, invoices: migration.progress.total, reason: null };
  }

  /** Per arm, in one currency (the experiment's most common unless asked): what it recovered and spent, and which arm is ahead with what confidence. */
  async report(id: string, currency?: string): Promise<ExperimentReport> {
    const experiment = await this.get(id);
    const currencies = await this.experiments.currencies(id);
    const chosen = currency ?? currencies[0]?.currency ?? 'EUR';
    const [invoices, activity] = await Promise.all([this.experiments.invoices(id, chosen), this.experiments.activity(id)]);
    const compared = compareRecovery(experiment.arms, invoices);
    const spent = new Map(activity.map((a) => [a.arm, a]));
    return {
      experiment,
      currency: chosen,
      otherCurrencyInvoices: currencies.filter((c) => c.currency !== chosen).reduce((sum, c) => sum + c.invoices, 0),
      arms: experiment.arms.map((arm, index) => {
        const recovery = compared.arms[index]!;
        const { messages = 0, calls = 0, disputes = 0, complaints = 0, bounces = 0 } = spent.get(arm.key) ?? {};
        return {
          ...arm,
          invoices: recovery.invoices,
          customers: recovery.customers,
          invoicedAmount: recovery.invoicedAmount,
          recoveredAmount: recovery.recoveredAmount,
          recoveryRate: recovery.recoveryRate,
          recoveryRateInterval: recovery.recoveryRateInterval,
          paidInvoices: recovery.paidInvoices,
          daysToPay: recovery.daysToPay,
          messages,
          calls,
          messagesPer1000Recovered: per1000Recovered(messages, recovery.recoveredAmount),
          callsPer1000Recovered: per1000Recovered(calls, recovery.recoveredAmount),
          disputes,
          complaints,
          bounces,
        };
      }),
      comparison: compared.comparison,
      verdict: compared.verdict,
    };
  }

  private async found(id: string): Promise<ExperimentSummary> {
    const row = await this.experiments.find(id);
    if (!row) throw new NotFoundException(`experiment ${id} not found`);
    return row;
  }

  private async withFlowNames(row: ExperimentSummary) {
    const names = new Map<string, string>();
    for (const arm of row.arms) if (!names.has(arm.flowId)) names.set(arm.flowId, (await this.flows.findById(arm.flowId))?.name ?? arm.flowId);
    return {
      id: row.id,
      name: row.name,
      ruleId: row.ruleId,
      status: row.status,
      arms: row.arms.map((arm) => ({ ...arm, flowName: names.get(arm.flowId)! })),
      winnerArm: row.winnerArm,
      startedAt: row.startedAt.toISOString(),
      stoppedAt: row.stoppedAt?.toISOString() ?? null,
      invoiceCount: row.invoiceCount,
    };
  }
}
