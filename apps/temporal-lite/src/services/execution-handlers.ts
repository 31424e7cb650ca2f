import { requireField } from '../grpc/rpc-error';
import type { UnaryHandler } from '../grpc/grpc-service';
import type { ServerParts } from '../server/server-parts';
import { commitThenAnswer } from './commit-then-answer';
import { describeExecution } from './execution-description';
import { startParamsOf } from './start-request';
import type { Req } from './workflow-request';

/** Start (plain, eager, signal-with-start), signal, cancel, terminate and describe a workflow execution. */
export function executionHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine, executions, workflowTasks } = server;
  const committed = commitThenAnswer(engine);
  return {
    StartWorkflowExecution: (request: Req<'StartWorkflowExecutionRequest'>) => {
      const params = { ...startParamsOf(engine, request), eager: !!request.requestEagerExecution };
      const { run, started } = executions.start(params);
      // Eager start: the caller's own worker has a slot reserved, so the first workflow task goes
      // back in this answer instead of through a poll (none for a delayed start: no task is scheduled yet).
      const eager = started && request.requestEagerExecution ? workflowTasks.startEagerly(run, request.identity ?? '') : null;
      return committed({ runId: run.state.runId, started, status: run.state.status, eagerWorkflowTask: eager ?? undefined });
    },

    SignalWithStartWorkflowExecution: (request: Req<'SignalWithStartWorkflowExecutionRequest'>) => {
      const params = startParamsOf(engine, request);
      const signalName = requireField(request.signalName, 'SignalName');
      const signal = {
        signalName,
        input: request.signalInput,
        identity: request.identity,
        header: request.header,
      };
      const current = engine.findRun(params.namespace, params.workflowId);
      if (current?.isOpen) {
        executions.signal(current, signal);
        return committed({ runId: current.state.runId, started: false });
      }
      const { run } = executions.start(params, (newRun) => executions.signal(newRun, signal));
      return committed({ runId: run.state.runId, started: true });
    },

    SignalWorkflowExecution: (request: Req<'SignalWorkflowExecutionRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.workflowExecution?.workflowId, 'WorkflowId');
      const signalName = requireField(request.signalName, 'SignalName');
      const run = engine.getOpenRun(namespace, workflowId, request.workflowExecution?.runId);
      executions.signal(run, {
        signalName,
        input: request.input,
        identity: request.identity,
        header: request.header,
        requestId: request.requestId,
      });
      return committed({});
    },

    RequestCancelWorkflowExecution: (request: Req<'RequestCancelWorkflowExecutionRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.workflowExecution?.workflowId, 'WorkflowId');
      const run = engine.getOpenRun(namespace, workflowId, request.workflowExecution?.runId);
      executions.requestCancel(run, { identity: request.identity, reason: request.reason, requestId: request.requestId });
      return committed({});
    },

    TerminateWorkflowExecution: (request: Req<'TerminateWorkflowExecutionRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.workflowExecution?.workflowId, 'WorkflowId');
      const run = engine.getOpenRun(namespace, workflowId, request.workflowExecution?.runId);
      executions.terminate(run, request.reason, request.details, request.identity);
      return committed({});
    },

    DescribeWorkflowExecution: (request: Req<'DescribeWorkflowExecutionRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.execution?.workflowId, 'WorkflowId');
      return describeExecution(server, engine.getRun(namespace, workflowId, request.execution?.runId));
    },
  };
}
