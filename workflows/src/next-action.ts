import type { FlowAction } from '@dunning/flow';
import type { InvoiceSnapshot } from './invoice-workflow.types';

const WAIT_DESCRIPTIONS = {
  wait: 'waiting',
  sending_window: 'waiting for the sending window',
  min_gap: 'waiting for the minimum gap since the last message',
  notice_period: 'waiting for the formal notice’s deadline',
} as const;

/** The next action as the API and the web app show it. */
export function describeAction(action: FlowAction): NonNullable<InvoiceSnapshot['nextAction']> {
  switch (action.type) {
    case 'wait':
      return { type: 'wait', nodeId: action.nodeId, at: action.until, description: WAIT_DESCRIPTIONS[action.reason] };
    case 'perform':
      return { type: action.step.kind, nodeId: action.nodeId, at: action.at, description: `performing ${action.step.kind.replace('_', ' ')}` };
    case 'await_outcome':
      return { type: 'await_outcome', nodeId: action.nodeId, at: action.deadline, description: 'waiting for the outcome of the call or the court case' };
    case 'reroute':
      return { type: 'reroute', description: `moving to another flow: ${action.reason}` };
    case 'paused':
      return { type: 'paused', at: action.until, description: action.until ? 'paused until a promised date' : 'paused' };
    case 'held':
      return { type: 'held', nodeId: action.hold.nodeId, at: action.hold.at, description: `held for a person: ${action.hold.detail ?? action.hold.reason}` };
    case 'finished':
      return { type: 'finished', description: `finished: ${action.status}` };
  }
}
