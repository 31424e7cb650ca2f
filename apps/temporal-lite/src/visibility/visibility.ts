import { invalidArgument } from '../grpc/rpc-error';
import { IndexedValueType, WorkflowExecutionStatus, common } from '../proto/temporal-proto';
import type { Engine } from '../engine/engine';
import { decodeSearchAttributeValue } from '../engine/search-attributes';
import type { WorkflowRun } from '../engine/workflow-run';
import { type Condition, type Literal, type OrderBy, parseVisibilityQuery } from './visibility-query';

const T = IndexedValueType;

const STATUS_NAMES: Record<number, string> = {
  [WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING]: 'Running',
  [WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED]: 'Completed',
  [WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED]: 'Failed',
  [WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED]: 'Canceled',
  [WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED]: 'Terminated',
  [WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW]: 'ContinuedAsNew',
  [WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT]: 'TimedOut',
};

type Value = string | number | boolean | string[] | undefined;

/**
 * Answers List/Count visibility queries over the runs in memory, with values typed by the search
 * attribute registry: datetimes compare as instants, Text matches words, KeywordList membership.
 */
export class Visibility {
  constructor(private readonly engine: Engine) {}

  /** Runs of a namespace matching the query, sorted (StartTime DESC by default). */
  select(namespace: string, queryText: string | null | undefined): WorkflowRun[] {
    const query = parseVisibilityQuery(queryText);
    if (query.condition) this.check(query.condition);
    const matches: WorkflowRun[] = [];
    for (const run of this.engine.allRuns()) {
      if (run.state.namespace !== namespace) continue;
      if (!query.condition || this.matches(run, query.condition)) matches.push(run);
    }
    const orderBy: OrderBy[] = query.orderBy.length > 0 ? query.orderBy : [{ field: 'StartTime', descending: true }];
    for (const order of orderBy) this.typeOf(order.field);
    matches.sort((a, b) => {
      for (const { field, descending } of orderBy) {
        const order = compareValues(this.valueOf(a, field), this.valueOf(b, field));
        if (order !== 0) return descending ? -order : order;
      }
      return a.state.runId < b.state.runId ? -1 : 1;
    });
    return matches;
  }

  /** Counts per group for `GROUP BY ExecutionStatus`, or a plain count. */
  count(namespace: string, queryText: string | null | undefined): { count: number; groups: Array<{ value: string; count: number }> } {
    const query = parseVisibilityQuery(queryText);
    if (query.groupBy.some((field) => field !== 'ExecutionStatus')) {
      throw invalidArgument('invalid query: GROUP BY is only supported on ExecutionStatus');
    }
    const runs = this.select(namespace, queryText?.replace(/\s+group\s+by\s+.*$/i, ''));
    if (query.groupBy.length === 0) return { count: runs.length, groups: [] };
    const groups = new Map<string, number>();
    for (const run of runs) {
      const status = STATUS_NAMES[run.state.status] ?? 'Unspecified';
      groups.set(status, (groups.get(status) ?? 0) + 1);
    }
    return { count: runs.length, groups: [...groups].map(([value, count]) => ({ value, count })) };
  }

  private typeOf(field: string): number {
    const type = this.engine.searchAttributes.typeOf(field);
    if (type === undefined) throw invalidArgument(`invalid query: unknown or unsupported search attribute ${field}`);
    return type;
  }

  /** Rejects unknown attributes and values of the wrong type before anything is scanned. */
  private check(condition: Condition): void {
    switch (condition.kind) {
      case 'and':
      case 'or':
        this.check(condition.left);
        this.check(condition.right);
        return;
      case 'not':
        this.check(condition.condition);
        return;
      case 'compare':
        this.literal(condition.field, condition.value);
        return;
      case 'in':
        condition.values.forEach((v) => this.literal(condition.field, v));
        return;
      case 'between':
        this.literal(condition.field, condition.low);
        this.literal(condition.field, condition.high);
        return;
      default:
        this.typeOf(condition.field);
    }
  }

  /** A query literal converted to the attribute's type (datetimes to epoch milliseconds). */
  private literal(field: string, value: Literal): Value {
    const type = this.typeOf(field);
    switch (type) {
      case T.INDEXED_VALUE_TYPE_INT:
      case T.INDEXED_VALUE_TYPE_DOUBLE:
        if (typeof value !== 'number') throw invalidArgument(`invalid query: ${field} expects a number, got ${JSON.stringify(value)}`);
        return value;
      case T.INDEXED_VALUE_TYPE_BOOL:
        if (typeof value !== 'boolean') throw invalidArgument(`invalid query: ${field} expects true or false, got ${JSON.stringify(value)}`);
        return value;
      case T.INDEXED_VALUE_TYPE_DATETIME: {
        const ms = typeof value === 'number' ? value : Date.parse(String(value));
        if (Number.isNaN(ms)) throw invalidArgument(`invalid query: ${field} expects a date-time, got ${JSON.stringify(value)}`);
        return ms;
      }
      default:
        if (field === 'ExecutionStatus' && !Object.values(STATUS_NAMES).includes(String(value))) {
          throw invalidArgument(`invalid query: unknown ExecutionStatus ${JSON.stringify(value)}`);
        }
        return String(value);
    }
  }

  private valueOf(run: WorkflowRun, field: string): Value {
    const { state } = run;
    switch (field) {
      case 'WorkflowType':
        return state.workflowType;
      case 'WorkflowId':
        return state.workflowId;
      case 'RunId':
        return state.runId;
      case 'ExecutionStatus':
        return STATUS_NAMES[state.status];
      case 'TaskQueue':
        return state.taskQueue;
      case 'StartTime':
        return state.startTime;
      case 'CloseTime':
        return state.closeTime || undefined;
      case 'ExecutionTime':
        return state.executionTime;
      case 'ExecutionDuration':
        return state.closeTime ? (state.closeTime - state.executionTime) * 1_000_000 : undefined;
      case 'HistoryLength':
        return run.history.length;
      case 'HistorySizeBytes':
        return state.historySizeBytes;
      case 'ParentWorkflowId':
        return state.parent?.workflowId;
      case 'ParentRunId':
        return state.parent?.runId;
      case 'RootWorkflowId':
        return state.workflowId;
      case 'RootRunId':
        return state.runId;
    }
    const bytes = state.searchAttributes[field];
    if (!bytes) return undefined;
    const raw = decodeSearchAttributeValue(common.Payload.decode(bytes));
    if (this.engine.searchAttributes.typeOf(field) === T.INDEXED_VALUE_TYPE_DATETIME) {
      const ms = Date.parse(String(raw));
      return Number.isNaN(ms) ? undefined : ms;
    }
    if (Array.isArray(raw)) return raw.map(String);
    return raw as Value;
  }

  private matches(run: WorkflowRun, condition: Condition): boolean {
    switch (condition.kind) {
      case 'and':
        return this.matches(run, condition.left) && this.matches(run, condition.right);
      case 'or':
        return this.matches(run, condition.left) || this.matches(run, condition.right);
      case 'not':
        return !this.matches(run, condition.condition);
      case 'isNull':
        return (this.valueOf(run, condition.field) === undefined) !== condition.negated;
      case 'startsWith': {
        const value = this.valueOf(run, condition.field);
        return (typeof value === 'string' && value.startsWith(condition.prefix)) !== condition.negated;
      }
      case 'in': {
        const value = this.valueOf(run, condition.field);
        const found = condition.values.some((v) => this.equals(condition.field, value, this.literal(condition.field, v)));
        return found !== condition.negated;
      }
      case 'between': {
        const value = this.valueOf(run, condition.field);
        if (value === undefined) return condition.negated;
        const inside = compareValues(value, this.literal(condition.field, condition.low)) >= 0 && compareValues(value, this.literal(condition.field, condition.high)) <= 0;
        return inside !== condition.negated;
      }
      case 'compare': {
        const value = this.valueOf(run, condition.field);
        const expected = this.literal(condition.field, condition.value);
        if (condition.operator === '=') return this.equals(condition.field, value, expected);
        if (condition.operator === '!=') return value !== undefined && !this.equals(condition.field, value, expected);
        if (value === undefined) return false;
        const order = compareValues(value, expected);
        switch (condition.operator) {
          case '<':
            return order < 0;
          case '<=':
            return order <= 0;
          case '>':
            return order > 0;
          default:
            return order >= 0;
        }
      }
    }
  }

  private equals(field: string, value: Value, expected: Value): boolean {
    if (value === undefined) return false;
    if (Array.isArray(value)) return value.includes(String(expected));
    if (this.engine.searchAttributes.typeOf(field) === T.INDEXED_VALUE_TYPE_TEXT) {
      const words = String(value).toLowerCase().split(/\W+/);
      return String(expected)
        .toLowerCase()
        .split(/\W+/)
        .filter(Boolean)
        .every((word) => words.includes(word));
    }
    return value === expected;
  }
}

function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export { STATUS_NAMES };
