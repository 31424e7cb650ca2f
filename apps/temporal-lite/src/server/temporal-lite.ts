import { Server, ServerCredentials } from '@grpc/grpc-js';
import { Clock } from '../clock/clock';
import { Activities } from '../engine/activities';
import { ChildWorkflows } from '../engine/child-workflows';
import { Commands } from '../engine/commands';
import { Engine } from '../engine/engine';
import { removeExpiredRuns } from '../engine/retention';
import { Executions } from '../engine/executions';
import { Queries } from '../engine/queries';
import { Updates } from '../engine/updates';
import { Timers } from '../engine/timers';
import { WorkflowTasks } from '../engine/workflow-tasks';
import { addProtoService } from '../grpc/grpc-service';
import { Journal } from '../persistence/journal';
import { compactJournal, restoreFromJournal } from '../persistence/restore';
import { Schedules } from '../schedules/schedules';
import { healthHandlers } from '../services/health-service';
import { operatorServiceHandlers } from '../services/operator-service';
import { testServiceHandlers } from '../services/test-service';
import { workflowServiceHandlers } from '../services/workflow-service';
import { Visibility } from '../visibility/visibility';
import type { ServerParts, TemporalLiteOptions } from './server-parts';

export type { TemporalLiteOptions } from './server-parts';

/** Compact the journal once it has grown past this and doubled since the last compaction. */
const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;
const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
const RETENTION_SWEEP_MS = 60_000;

/** The whole server: the engine and its features, served over gRPC. */
export class TemporalLite implements ServerParts {
  readonly engine: Engine;
  readonly workflowTasks: WorkflowTasks;
  readonly activities: Activities;
  readonly timers: Timers;
  readonly executions: Executions;
  readonly queries: Queries;
  readonly updates: Updates;
  readonly visibility: Visibility;
  readonly schedules: Schedules;
  private grpcServer?: Server;
  private journal?: Journal;
  private compactionTimer?: NodeJS.Timeout;
  private retentionTimer?: NodeJS.Timeout;
  private sizeAfterCompaction = 0;
  boundPort = 0;

  constructor(readonly options: TemporalLiteOptions) {
    this.engine = new Engine(new Clock(options.timeSkipping), options.logger);
    this.queries = new Queries(this.engine);
    this.workflowTasks = new WorkflowTasks(this.engine, this.queries);
    this.activities = new Activities(this.engine, options.activityEagerExecution ?? true);
    this.timers = new Timers(this.engine);
    this.executions = new Executions(this.engine, this.workflowTasks, this.activities);
    this.workflowTasks.commands = new Commands(this.engine, this.activities, this.timers, this.executions, new ChildWorkflows(this.engine, this.executions));
    this.schedules = new Schedules(this.engine, this.executions);
    this.updates = new Updates(this.engine);
    this.workflowTasks.updates = this.updates;
    this.workflowTasks.commands.updates = this.updates;
    this.visibility = new Visibility(this.engine);

    const retentionDays = options.defaultRetentionDays ?? 1;
    this.engine.namespaces.register('default', 'Default namespace', retentionDays);
    for (const name of options.namespaces) this.engine.namespaces.register(name, '', retentionDays);
    for (const { name, type } of options.searchAttributes) this.engine.searchAttributes.register(name, type);
  }

  async start(): Promise<void> {
    if (this.options.dbFilename) this.openJournal(this.options.dbFilename);
    const server = new Server({
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
      // Channelz keeps per-call statistics for its own service, which temporal-lite does not serve.
      'grpc.enable_channelz': 0,
    });
    const onInternalError = (method: string, error: unknown) => this.options.logger.error(`${method} failed`, error);
    addProtoService(server, 'temporal.api.workflowservice.v1.WorkflowService', workflowServiceHandlers(this), onInternalError);
    addProtoService(server, 'temporal.api.operatorservice.v1.OperatorService', operatorServiceHandlers(this), onInternalError);
    addProtoService(server, 'grpc.health.v1.Health', healthHandlers(), onInternalError);
    if (this.options.timeSkipping) {
      addProtoService(server, 'temporal.api.testservice.v1.TestService', testServiceHandlers(this), onInternalError);
    }
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${this.options.ip}:${this.options.port}`, ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    this.grpcServer = server;
    // Closed executions past their namespace's retention go (a restart removes again what the journal still holds).
    // The test server keeps them for the life of the test, as Temporal's Java test server does: a test that
    // skips weeks must still read the workflows it finished on the way. A retention set on its command line applies.
    if (this.options.timeSkipping && this.options.defaultRetentionDays === undefined) return;
    this.sweepRetention();
    this.retentionTimer = setInterval(() => this.sweepRetention(), this.options.retentionSweepMs ?? RETENTION_SWEEP_MS);
    this.retentionTimer.unref();
  }

  private sweepRetention(): void {
    const removed = removeExpiredRuns(this.engine);
    if (removed > 0 && this.journal && this.journal.size > 2 * this.sizeAfterCompaction) this.compact();
  }

  private openJournal(filename: string): void {
    const journal = Journal.open(filename);
    const { liveBytes, truncatedBytes } = restoreFromJournal(this, journal);
    if (truncatedBytes > 0) this.options.logger.warn(`journal: dropped a torn last record (${truncatedBytes} bytes)`);
    this.engine.markRestored();
    this.journal = journal;
    this.engine.attachJournal(journal);
    // Rewriting a large journal is most of a restart's time: only when it is mostly superseded records.
    this.sizeAfterCompaction = liveBytes;
    if (this.shouldCompact()) this.compact();
    this.compactionTimer = setInterval(() => {
      if (this.shouldCompact()) this.compact();
    }, 5_000);
    this.compactionTimer.unref();
  }

  private shouldCompact(): boolean {
    return !!this.journal && this.journal.size > COMPACT_AFTER_BYTES && this.journal.size > 2 * this.sizeAfterCompaction;
  }

  /** Rewrites the journal as one record per run, when nothing is waiting to be written. */
  private compact(): void {
    if (!this.journal || !this.engine.isClean()) return;
    if (compactJournal(this, this.journal)) this.sizeAfterCompaction = this.journal.size;
  }

  async stop(): Promise<void> {
    if (this.compactionTimer) clearInterval(this.compactionTimer);
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.engine.clock.stop();
    await this.engine.commit().catch(() => undefined);
    this.grpcServer?.forceShutdown();
    this.journal?.close();
  }
}
