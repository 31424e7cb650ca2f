import { status } from '@grpc/grpc-js';
import { RpcError } from '../grpc/rpc-error';
import { EventType, ParentClosePolicy, TaskQueueKind, WorkflowIdConflictPolicy, type Loose, type temporal } from '../proto/temporal-proto';
import { durationToMs } from '../proto/time';
import { type Engine, PENDING_EVENT_ID } from './engine';
import type { Executions } from './executions';
import type { ChildState } from './run-state';
import type { WorkflowRun } from './workflow-run';

/**
 * What a workflow's commands do to other workflows: start a child (its parent-close policy and
 * outcome are applied by Executions when either side closes), signal or cancel an external one.
 */
export class ChildWorkflows {
  constructor(
    private readonly engine: Engine,
    private readonly executions: Executions,
  ) {}

  startChild(parent: WorkflowRun, attrs: Loose<temporal.api.command.v1.IStartChildWorkflowExecutionCommandAttributes>, completedEventId: number): void {
    const namespace = attrs.namespace || parent.state.namespace;
    const workflowType = attrs.workflowType?.name as string;
    const taskQueue = attrs.taskQueue?.name || parent.state.taskQueue;
    const initiated = this.engine.appendEvent(parent, {
      eventType: EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED,
      startChildWorkflowExecutionInitiatedEventAttributes: {
        namespace,
        workflowId: attrs.workflowId,
        workflowType: attrs.workflowType,
        taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        input: attrs.input,
        workflowExecutionTimeout: attrs.workflowExecutionTimeout,
        workflowRunTimeout: attrs.workflowRunTimeout,
        workflowTaskTimeout: attrs.workflowTaskTimeout,
        parentClosePolicy: attrs.parentClosePolicy,
        control: attrs.control,
        workflowTaskCompletedEventId: completedEventId,
        workflowIdReusePolicy: attrs.workflowIdReusePolicy,
        retryPolicy: attrs.retryPolicy,
        cronSchedule: attrs.cronSchedule,
        header: attrs.header,
        memo: attrs.memo,
        searchAttributes: attrs.searchAttributes,
        priority: attrs.priority,
      },
    });
    const initiatedEventId = initiated.eventId as number;
    const failed = (cause: number) =>
      this.engine.appendEvent(
        parent,
        {
          eventType: EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED,
          startChildWorkflowExecutionFailedEventAttributes: {
            namespace,
            workflowId: attrs.workflowId,
            workflowType: attrs.workflowType,
            cause,
            control: attrs.control,
            initiatedEventId,
            workflowTaskCompletedEventId: completedEventId,
          },
        },
        true,
      );
    if (!this.engine.namespaces.has(namespace)) {
      failed(2 /* START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_NAMESPACE_NOT_FOUND */);
      return;
    }
    let child: WorkflowRun;
    try {
      const result = this.executions.start({
        namespace,
        workflowId: attrs.workflowId as string,
        workflowType,
        taskQueue,
        input: attrs.input,
        header: attrs.header,
        memo: attrs.memo,
        searchAttributes: attrs.searchAttributes,
        runTimeoutMs: durationToMs(attrs.workflowRunTimeout),
        executionTimeoutMs: durationToMs(attrs.workflowExecutionTimeout),
        workflowTaskTimeoutMs: durationToMs(attrs.workflowTaskTimeout),
        retryPolicy: attrs.retryPolicy,
        identity: '',
        requestId: `${parent.state.runId}-${initiatedEventId}`,
        reusePolicy: attrs.workflowIdReusePolicy,
        conflictPolicy: WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL,
        parent: {
          namespace: parent.state.namespace,
          workflowId: parent.state.workflowId,
          runId: parent.state.runId,
          initiatedEventId,
        },
        parentNamespaceId: this.engine.namespaces.get(parent.state.namespace).id,
        cronSchedule: attrs.cronSchedule || undefined,
      });
      if (!result.started) throw new RpcError(status.ALREADY_EXISTS, 'already started');
      child = result.run;
    } catch (error) {
      if (error instanceof RpcError && error.code === status.ALREADY_EXISTS) {
        failed(1 /* START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS */);
        return;
      }
      throw error;
    }
    const childState: ChildState = {
      initiatedEventId,
      namespace,
      workflowId: attrs.workflowId as string,
      workflowType,
      runId: child.state.runId,
      startedEventId: PENDING_EVENT_ID,
      parentClosePolicy: attrs.parentClosePolicy || ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE,
    };
    parent.state.children[initiatedEventId] = childState;
    const started = this.engine.appendEvent(
      parent,
      {
        eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED,
        childWorkflowExecutionStartedEventAttributes: {
          namespace,
          initiatedEventId,
          workflowExecution: { workflowId: childState.workflowId, runId: childState.runId },
          workflowType: { name: workflowType },
          header: attrs.header,
        },
      },
      true,
    );
    if (started.eventId) childState.startedEventId = started.eventId as number;
  }

  signalExternal(source: WorkflowRun, attrs: Loose<temporal.api.command.v1.ISignalExternalWorkflowExecutionCommandAttributes>, completedEventId: number): void {
    const namespace = attrs.namespace || source.state.namespace;
    const execution = { workflowId: attrs.execution?.workflowId ?? '', runId: attrs.execution?.runId ?? '' };
    const initiated = this.engine.appendEvent(source, {
      eventType: EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
      signalExternalWorkflowExecutionInitiatedEventAttributes: {
        namespace,
        workflowExecution: execution,
        signalName: attrs.signalName,
        input: attrs.input,
        control: attrs.control,
        childWorkflowOnly: attrs.childWorkflowOnly,
        header: attrs.header,
        workflowTaskCompletedEventId: completedEventId,
      },
    });
    const initiatedEventId = initiated.eventId as number;
    const target = this.openRun(namespace, execution);
    if (!target) {
      this.engine.appendEvent(
        source,
        {
          eventType: EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED,
          signalExternalWorkflowExecutionFailedEventAttributes: {
            cause: 1 /* EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND */,
            workflowTaskCompletedEventId: completedEventId,
            namespace,
            workflowExecution: execution,
            initiatedEventId,
            control: attrs.control,
          },
        },
        true,
      );
      return;
    }
    this.executions.signal(target, {
      signalName: attrs.signalName as string,
      input: attrs.input,
      header: attrs.header,
      identity: `workflow ${source.state.workflowId}`,
      requestId: `${source.state.runId}-${initiatedEventId}`,
    });
    this.engine.appendEvent(
      source,
      {
        eventType: EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED,
        externalWorkflowExecutionSignaledEventAttributes: {
          initiatedEventId,
          namespace,
          workflowExecution: { workflowId: target.state.workflowId, runId: target.state.runId },
          control: attrs.control,
        },
      },
      true,
    );
  }

  cancelExternal(source: WorkflowRun, attrs: Loose<temporal.api.command.v1.IRequestCancelExternalWorkflowExecutionCommandAttributes>, completedEventId: number): void {
    const namespace = attrs.namespace || source.state.namespace;
    const execution = { workflowId: attrs.workflowId ?? '', runId: attrs.runId ?? '' };
    const initiated = this.engine.appendEvent(source, {
      eventType: EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
      requestCancelExternalWorkflowExecutionInitiatedEventAttributes: {
        namespace,
        workflowExecution: execution,
        control: attrs.control,
        childWorkflowOnly: attrs.childWorkflowOnly,
        reason: attrs.reason,
        workflowTaskCompletedEventId: completedEventId,
      },
    });
    const initiatedEventId = initiated.eventId as number;
    const target = this.openRun(namespace, execution);
    if (!target) {
      this.engine.appendEvent(
        source,
        {
          eventType: EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED,
          requestCancelExternalWorkflowExecutionFailedEventAttributes: {
            cause: 1 /* EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND */,
            workflowTaskCompletedEventId: completedEventId,
            namespace,
            workflowExecution: execution,
            initiatedEventId,
            control: attrs.control,
          },
        },
        true,
      );
      return;
    }
    this.executions.requestCancel(target, {
      reason: attrs.reason,
      identity: `workflow ${source.state.workflowId}`,
      externalInitiatedEventId: initiatedEventId,
      externalWorkflowExecution: { workflowId: source.state.workflowId, runId: source.state.runId },
    });
    this.engine.appendEvent(
      source,
      {
        eventType: EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED,
        externalWorkflowExecutionCancelRequestedEventAttributes: {
          initiatedEventId,
          namespace,
          workflowExecution: { workflowId: target.state.workflowId, runId: target.state.runId },
        },
      },
      true,
    );
  }

  /** The open run an external signal or cancellation targets, if its namespace and run exist. */
  private openRun(namespace: string, execution: { workflowId: string; runId: string }): WorkflowRun | undefined {
    const run = this.engine.namespaces.has(namespace) ? this.engine.findRun(namespace, execution.workflowId, execution.runId || undefined) : undefined;
    return run?.isOpen ? run : undefined;
  }
}
