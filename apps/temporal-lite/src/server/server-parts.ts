import type { Activities } from '../engine/activities';
import type { Engine, Logger } from '../engine/engine';
import type { Executions } from '../engine/executions';
import type { Queries } from '../engine/queries';
import type { Timers } from '../engine/timers';
import type { Updates } from '../engine/updates';
import type { WorkflowTasks } from '../engine/workflow-tasks';
import type { Schedules } from '../schedules/schedules';
import type { Visibility } from '../visibility/visibility';

export interface TemporalLiteOptions {
  port: number;
  ip: string;
  /** The time-skipping test server (virtual clock + TestService) instead of the dev server. */
  timeSkipping: boolean;
  /** Journal file; without it, state lives in memory only. */
  dbFilename?: string;
  namespaces: string[];
  searchAttributes: Array<{ name: string; type: number }>;
  logger: Logger;
  /** Retention of closed executions in the namespaces the server registers itself (default 1 day). */
  defaultRetentionDays?: number;
  /** How often expired closed executions are removed (default every minute). */
  retentionSweepMs?: number;
  /** Activities handed to the worker in its workflow task's completion when it asks (default on). */
  activityEagerExecution?: boolean;
}

/**
 * The engine and its features as the RPC handlers and the journal restore see them.
 * Declared apart from TemporalLite so those modules need not import the server that imports them.
 */
export interface ServerParts {
  readonly options: TemporalLiteOptions;
  readonly engine: Engine;
  readonly workflowTasks: WorkflowTasks;
  readonly activities: Activities;
  readonly timers: Timers;
  readonly executions: Executions;
  readonly queries: Queries;
  readonly updates: Updates;
  readonly visibility: Visibility;
  readonly schedules: Schedules;
}
