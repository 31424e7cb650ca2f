import { CommandType, EventType, type ICommand, type IPayload, WorkflowTaskFailedCause, common, encode } from '../proto/temporal-proto';
import { toNumber } from '../proto/time';
import type { Activities, ActivityTask } from './activities';
import type { Engine } from './engine';
import type { ChildWorkflows } from './child-workflows';
import type { CommandProblem } from './command-problem';
import type { Executions } from './executions';
import type { Timers } from './timers';
import type { Updates } from './updates';
import type { WorkflowRun } from './workflow-run';
import { isValidWorkflowCron } from '../schedules/workflow-cron';

const C = CommandType;
const Cause = WorkflowTaskFailedCause;

const CLOSING = new Set<number>([
  C.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION,
  C.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION,
  C.COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION,
  C.COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION,
]);

export function isClosingCommand(command: ICommand): boolean {
  return CLOSING.has(command.commandType as number);
}

/**
 * Applies the commands of a completed workflow task, in order, each as its history event(s).
 * They are checked first, all together, so a bad command fails the task before anything is written.
 */
export class Commands {
  /** Wired after construction; PROTOCOL_MESSAGE commands place update events among the others (checked by Updates.validateCompletion). */
  updates?: Updates;

  constructor(
    private readonly engine: Engine,
    private readonly activities: Activities,
    private readonly timers: Timers,
    private readonly executions: Executions,
    private readonly childWorkflows: ChildWorkflows,
  ) {}

  validate(run: WorkflowRun, commands: ICommand[]): CommandProblem | undefined {
    const activityIds = new Set(Object.values(run.state.activities).map((a) => a.activityId));
    const timerIds = new Set<string>();
    const closing = commands.findIndex(isClosingCommand);
    if (closing >= 0 && closing !== commands.length - 1) {
      return { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND, message: 'A workflow-closing command must be the last command.' };
    }
    for (const [index, command] of commands.entries()) {
      const at = `commands[${index}]`;
      switch (command.commandType) {
        case C.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK: {
          const message = this.activities.validate(run, command.scheduleActivityTaskCommandAttributes, activityIds);
          if (message) return { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_SCHEDULE_ACTIVITY_ATTRIBUTES, message: `${at}: ${message}` };
          activityIds.add(command.scheduleActivityTaskCommandAttributes?.activityId as string);
          break;
        }
        case C.COMMAND_TYPE_START_TIMER: {
          const message = this.timers.validate(run, command.startTimerCommandAttributes, timerIds);
          if (message) return { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_START_TIMER_ATTRIBUTES, message: `${at}: ${message}` };
          timerIds.add(command.startTimerCommandAttributes?.timerId as string);
          break;
        }
        case C.COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION: {
          const attrs = command.startChildWorkflowExecutionCommandAttributes;
          const message = !attrs?.workflowId
            ? 'WorkflowId is not set on command.'
            : !attrs.workflowType?.name
              ? 'WorkflowType is not set on command.'
              : attrs.cronSchedule && !isValidWorkflowCron(attrs.cronSchedule, this.engine.now())
                ? 'invalid CronSchedule.'
                : this.searchAttributeProblem(attrs.searchAttributes);
          if (message) return { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_START_CHILD_EXECUTION_ATTRIBUTES, message: `${at}: ${message}` };
          break;
        }
        case C.COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION: {
          const attrs = command.signalExternalWorkflowExecutionCommandAttributes;
          if (!attrs?.execution?.workflowId || !attrs.signalName) {
            return { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_SIGNAL_WORKFLOW_EXECUTION_ATTRIBUTES, message: `${at}: WorkflowId and SignalName are required.` };
          }
          break;
        }
        case C.COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION:
          if (!command.requestCancelExternalWorkflowExecutionCommandAttributes?.workflowId) {
            return { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_ATTRIBUTES, message: `${at}: WorkflowId is not set on command.` };
          }
          break;
        case C.COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
          const message = this.searchAttributeProblem(command.upsertWorkflowSearchAttributesCommandAttributes?.searchAttributes);
          if (message) return { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_SEARCH_ATTRIBUTES, message: `${at}: ${message}` };
          break;
        }
        case C.COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION: {
          const message = this.searchAttributeProblem(command.continueAsNewWorkflowExecutionCommandAttributes?.searchAttributes);
          if (message) return { cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_CONTINUE_AS_NEW_ATTRIBUTES, message: `${at}: ${message}` };
          break;
        }
        case C.COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK:
        case C.COMMAND_TYPE_CANCEL_TIMER:
        case C.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION:
        case C.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION:
        case C.COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION:
        case C.COMMAND_TYPE_RECORD_MARKER:
        case C.COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES:
        case C.COMMAND_TYPE_PROTOCOL_MESSAGE:
          break;
        default:
          return {
            cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_FEATURE_DISABLED,
            message: `${at}: command type ${CommandType[command.commandType as number] ?? command.commandType} is not supported by temporal-lite.`,
          };
      }
    }
    return undefined;
  }

  private searchAttributeProblem(attributes: { indexedFields?: Record<string, unknown> | null } | null | undefined): string | undefined {
    for (const name of Object.keys(attributes?.indexedFields ?? {})) {
      try {
        this.engine.searchAttributes.assertWritable(name);
      } catch (error) {
        return (error as Error).message;
      }
    }
    return undefined;
  }

  /** Applies the commands; returns the activities started eagerly for the completing worker, in command order. */
  apply(run: WorkflowRun, commands: ICommand[], completedEventId: number, identity: string): ActivityTask[] {
    const eager: ActivityTask[] = [];
    for (const command of commands) {
      if (!run.isOpen) break;
      this.applyOne(run, command, completedEventId, identity, eager);
    }
    return eager;
  }

  private applyOne(run: WorkflowRun, command: ICommand, completedEventId: number, identity: string, eager: ActivityTask[]): void {
    switch (command.commandType) {
      case C.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK: {
        const started = this.activities.schedule(run, command.scheduleActivityTaskCommandAttributes!, completedEventId, { identity });
        if (started) eager.push(started);
        return;
      }
      case C.COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK:
        return this.activities.requestCancel(run, toNumber(command.requestCancelActivityTaskCommandAttributes?.scheduledEventId), completedEventId);
      case C.COMMAND_TYPE_START_TIMER:
        return this.timers.start(run, command.startTimerCommandAttributes!, completedEventId);
      case C.COMMAND_TYPE_CANCEL_TIMER:
        return this.timers.cancel(run, command.cancelTimerCommandAttributes?.timerId ?? '', completedEventId, identity);
      case C.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION:
        return this.executions.complete(run, command.completeWorkflowExecutionCommandAttributes?.result, completedEventId);
      case C.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION:
        return this.executions.fail(run, command.failWorkflowExecutionCommandAttributes?.failure, completedEventId);
      case C.COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION:
        return this.executions.cancel(run, command.cancelWorkflowExecutionCommandAttributes?.details, completedEventId);
      case C.COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION:
        return this.executions.continueAsNew(run, command.continueAsNewWorkflowExecutionCommandAttributes!, completedEventId);
      case C.COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION:
        return this.childWorkflows.startChild(run, command.startChildWorkflowExecutionCommandAttributes!, completedEventId);
      case C.COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION:
        return this.childWorkflows.signalExternal(run, command.signalExternalWorkflowExecutionCommandAttributes!, completedEventId);
      case C.COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION:
        return this.childWorkflows.cancelExternal(run, command.requestCancelExternalWorkflowExecutionCommandAttributes!, completedEventId);
      case C.COMMAND_TYPE_RECORD_MARKER: {
        const attrs = command.recordMarkerCommandAttributes;
        this.engine.appendEvent(run, {
          eventType: EventType.EVENT_TYPE_MARKER_RECORDED,
          userMetadata: command.userMetadata,
          markerRecordedEventAttributes: {
            markerName: attrs?.markerName,
            details: attrs?.details,
            workflowTaskCompletedEventId: completedEventId,
            header: attrs?.header,
            failure: attrs?.failure,
          },
        });
        return;
      }
      case C.COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
        const searchAttributes = command.upsertWorkflowSearchAttributesCommandAttributes?.searchAttributes;
        for (const [name, payload] of Object.entries(searchAttributes?.indexedFields ?? {})) {
          if (payload?.data && payload.data.length > 0 && Buffer.from(payload.data).toString() !== 'null') {
            run.state.searchAttributes[name] = encode(common.Payload, payload);
          } else {
            delete run.state.searchAttributes[name];
          }
        }
        this.engine.appendEvent(run, {
          eventType: EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
          upsertWorkflowSearchAttributesEventAttributes: { workflowTaskCompletedEventId: completedEventId, searchAttributes },
        });
        return;
      }
      case C.COMMAND_TYPE_PROTOCOL_MESSAGE:
        return this.updates?.applyMessageCommand(run, command.protocolMessageCommandAttributes?.messageId ?? '');
      case C.COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES: {
        const upsertedMemo = command.modifyWorkflowPropertiesCommandAttributes?.upsertedMemo;
        const fields: Record<string, IPayload> = run.state.memo ? { ...common.Memo.decode(run.state.memo).fields } : {};
        for (const [name, payload] of Object.entries(upsertedMemo?.fields ?? {})) {
          if (payload?.data && payload.data.length > 0) fields[name] = payload;
          else delete fields[name];
        }
        run.state.memo = encode(common.Memo, { fields });
        this.engine.appendEvent(run, {
          eventType: EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED,
          workflowPropertiesModifiedEventAttributes: { workflowTaskCompletedEventId: completedEventId, upsertedMemo },
        });
        return;
      }
    }
  }
}
