import { EventType, type IHistoryEvent, RetryState, WorkflowExecutionStatus } from '../proto/temporal-proto';
import type { Engine } from './engine';
import type { WorkflowRun } from './workflow-run';

const S = WorkflowExecutionStatus;

/** Tells the parent of a closed child run how it ended (a child-workflow event in the parent's history). */
export function notifyParent(engine: Engine, run: WorkflowRun, closeStatus: number, closeEvent: IHistoryEvent): void {
  const parentRef = run.state.parent;
  if (!parentRef) return;
  const parent = engine.findRun(parentRef.namespace, parentRef.workflowId, parentRef.runId);
  const child = parent?.state.children[parentRef.initiatedEventId];
  if (!parent?.isOpen || !child) return;
  delete parent.state.children[parentRef.initiatedEventId];
  const common = {
    namespace: run.state.namespace,
    workflowExecution: { workflowId: child.workflowId, runId: child.runId },
    workflowType: { name: child.workflowType },
    initiatedEventId: child.initiatedEventId,
    startedEventId: child.startedEventId,
  };
  let event: IHistoryEvent;
  switch (closeStatus) {
    case S.WORKFLOW_EXECUTION_STATUS_COMPLETED:
      event = {
        eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED,
        childWorkflowExecutionCompletedEventAttributes: { ...common, result: closeEvent.workflowExecutionCompletedEventAttributes?.result },
      };
      break;
    case S.WORKFLOW_EXECUTION_STATUS_FAILED:
      event = {
        eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED,
        childWorkflowExecutionFailedEventAttributes: {
          ...common,
          failure: closeEvent.workflowExecutionFailedEventAttributes?.failure,
          retryState: closeEvent.workflowExecutionFailedEventAttributes?.retryState,
        },
      };
      break;
    case S.WORKFLOW_EXECUTION_STATUS_CANCELED:
      event = {
        eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED,
        childWorkflowExecutionCanceledEventAttributes: { ...common, details: closeEvent.workflowExecutionCanceledEventAttributes?.details },
      };
      break;
    case S.WORKFLOW_EXECUTION_STATUS_TIMED_OUT:
      event = {
        eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT,
        childWorkflowExecutionTimedOutEventAttributes: { ...common, retryState: RetryState.RETRY_STATE_TIMEOUT },
      };
      break;
    default:
      event = {
        eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED,
        childWorkflowExecutionTerminatedEventAttributes: common,
      };
  }
  engine.appendEvent(parent, event, true);
}
